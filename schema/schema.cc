#include "schema/schema.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace newsidx::schema {
namespace {

constexpr size_t kMaxKeyBytes = 200;  // Xapian's term limit is 245

uint64_t Fnv1a64(absl::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

const Field* QueryableField(absl::string_view name) {
  for (const Field& f : kFields) {
    if (f.queryable && f.name == name) return &f;
  }
  return nullptr;
}

const Field* FacetField(absl::string_view name) {
  for (const Field& f : kFields) {
    if (f.slot != Xapian::BAD_VALUENO && f.name == name) return &f;
  }
  return nullptr;
}

std::string Term(const Field& field, absl::string_view value) {
  bool colon = field.prefix.size() > 1 && !value.empty() &&
               std::isupper(static_cast<unsigned char>(value.front()));
  return absl::StrCat(field.prefix, colon ? ":" : "", value);
}

std::string BoundedKey(absl::string_view value) {
  if (value.size() <= kMaxKeyBytes) return std::string(value);
  return absl::StrCat(value.substr(0, 100), "#", absl::StrFormat("%016x", Fnv1a64(value)));
}

std::string EncodeFileRecord(const FileRecord& r) { return absl::StrCat(r.signature, "\t", r.path); }

std::optional<FileRecord> DecodeFileRecord(absl::string_view s) {
  std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(s, absl::MaxSplits('\t', 1));
  if (parts.second.empty()) return std::nullopt;
  return FileRecord{std::string(parts.first), std::string(parts.second)};
}

std::string EncodeSpeakerName(const SpeakerName& s) {
  return s.organisation ? absl::StrCat(s.name, "\torg") : s.name;
}

SpeakerName DecodeSpeakerName(absl::string_view s) {
  bool org = absl::ConsumeSuffix(&s, "\torg");
  return SpeakerName{std::string(s), org};
}

// A line of JSON for the fields, then the text as it is: hits decode the
// small JSON and copy the text, instead of unescaping an article's worth of it.
std::string EncodeDocData(const DocData& d) {
  // Assigned one by one: a braced list copies every value twice more, and
  // this runs once per document of a build.
  nlohmann::json j = nlohmann::json::object();
  j["type"] = d.type;
  j["id"] = d.id;
  j["path"] = d.path;
  j["title"] = d.title;
  j["source"] = d.source;
  j["date"] = d.date;
  if (d.type == kTypeQuote) {
    j["speaker"] = d.speaker;
    j["speaker_key"] = d.speaker_key;
    j["speaker_mention"] = d.speaker_mention;
    j["role"] = d.role;
    j["kind"] = d.kind;
    j["start"] = d.start;
    j["end"] = d.end;
  }
  return absl::StrCat(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "\n", d.text);
}

absl::StatusOr<DocData> DecodeDocData(absl::string_view data) {
  size_t newline = data.find('\n');
  if (newline == absl::string_view::npos) return absl::DataLossError("document data has no text line");
  nlohmann::json j = nlohmann::json::parse(data.substr(0, newline), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return absl::DataLossError("document data is not a JSON object");
  auto get = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  DocData d{get("type"), get("id"),   get("path"), get("title"),
            get("source"), get("date"), std::string(data.substr(newline + 1))};
  d.speaker = get("speaker");
  d.speaker_key = get("speaker_key");
  d.speaker_mention = get("speaker_mention");
  d.role = get("role");
  d.kind = get("kind");
  d.start = j.value("start", 0u);
  d.end = j.value("end", 0u);
  return d;
}

}  // namespace newsidx::schema
