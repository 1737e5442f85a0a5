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

namespace {

// The string fields of DocData under their JSON keys, in one list for both
// directions; the text goes after the JSON line, the span as numbers.
struct StringField {
  const char* key;
  std::string DocData::*member;
  bool quote_only;
};
constexpr StringField kStringFields[] = {
    {"type", &DocData::type, false},
    {"id", &DocData::id, false},
    {"path", &DocData::path, false},
    {"title", &DocData::title, false},
    {"source", &DocData::source, false},
    {"date", &DocData::date, false},
    {"speaker", &DocData::speaker, true},
    {"speaker_key", &DocData::speaker_key, true},
    {"speaker_mention", &DocData::speaker_mention, true},
    {"role", &DocData::role, true},
    {"kind", &DocData::kind, true},
};

}  // namespace

// A line of JSON for the fields, then the text as it is: hits decode the
// small JSON and copy the text, instead of unescaping an article's worth of it.
std::string EncodeDocData(const DocData& d) {
  // Assigned one by one: a braced list copies every value twice more, and
  // this runs once per document of a build.
  const bool quote = d.type == kTypeQuote;
  nlohmann::json j = nlohmann::json::object();
  for (const StringField& f : kStringFields) {
    if (quote || !f.quote_only) j[f.key] = d.*f.member;
  }
  if (quote) {
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
  DocData d;
  for (const StringField& f : kStringFields) {
    auto it = j.find(f.key);
    if (it != j.end() && it->is_string()) d.*f.member = it->get<std::string>();
  }
  d.text = std::string(data.substr(newline + 1));
  d.start = j.value("start", 0u);
  d.end = j.value("end", 0u);
  return d;
}

}  // namespace newsidx::schema
