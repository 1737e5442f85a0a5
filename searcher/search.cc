#include "searcher/search.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "analyzers/dates.h"

namespace newsidx {
namespace {

constexpr size_t kSnippetBytes = 240;
constexpr size_t kFacetValues = 50;
constexpr int kReopenAttempts = 3;

std::string FacetValueText(const schema::Field& field, const std::string& value) {
  if (field.slot == schema::kDateSlot) {
    return FormatDay(DayFromNumber(static_cast<int64_t>(Xapian::sortable_unserialise(value))));
  }
  return value;
}

std::vector<FacetCount> TopValues(const Xapian::ValueCountMatchSpy& spy,
                                  const schema::Field& field, size_t max) {
  std::vector<FacetCount> out;
  for (auto it = spy.top_values_begin(max); it != spy.top_values_end(max); ++it) {
    out.push_back({FacetValueText(field, *it), it.get_termfreq()});
  }
  // Equal counts in value order, so output is stable.
  std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

// A passage reads as one line, and matches stand whole: adjacent
// highlighted words (a phrase) become one mark.
std::string TidySnippet(const std::string& snippet) {
  std::string flat;
  flat.reserve(snippet.size());
  for (char c : snippet) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
    flat.push_back(c);
  }
  return absl::StrReplaceAll(flat, {{"</b> <b>", " "}});
}

uint64_t DirectoryBytes(const std::string& path) {
  std::error_code ec;
  uint64_t total = 0;
  if (std::filesystem::is_regular_file(path, ec)) return std::filesystem::file_size(path, ec);
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

// Runs `fn`, reopening the database when a concurrent commit invalidated it.
template <typename Fn>
auto WithReopen(Xapian::Database& db, Fn fn) -> decltype(fn()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kReopenAttempts) throw;
      db.reopen();
    }
  }
}

}  // namespace

absl::StatusOr<SortOrder> ParseSortOrder(absl::string_view name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "date") return SortOrder::kDate;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown sort '", name, "' (use relevance or date)"));
}

absl::StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const std::string& db_path) {
  try {
    if (!std::filesystem::exists(db_path)) {
      return absl::NotFoundError(
          absl::StrCat("no index at ", db_path, " (run `newsidx build` first)"));
    }
    Xapian::Database db(db_path);
    std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat(db_path, " is not a newsidx index (run `newsidx build`)"));
    }
    if (version != std::to_string(schema::kSchemaVersion)) {
      return absl::FailedPreconditionError(absl::StrCat(
          db_path, " was built with index schema '", version, "', this newsidx reads schema ",
          schema::kSchemaVersion, "; run `newsidx build` to rebuild it"));
    }
    std::string language = db.get_metadata(std::string(schema::kMetaLanguage));
    auto builder = QueryBuilder::Create(db, language.empty() ? "en" : language);
    if (!builder.ok()) return builder.status();
    return std::unique_ptr<Searcher>(new Searcher(db_path, std::move(db), std::move(*builder)));
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat(db_path, ": ", e.get_description()));
  }
}

Searcher::Searcher(std::string path, Xapian::Database db, std::unique_ptr<QueryBuilder> builder)
    : path_(std::move(path)), db_(std::move(db)), builder_(std::move(builder)) {}

absl::StatusOr<SearchResult> Searcher::Search(const SearchRequest& request) {
  if (request.limit > kMaxLimit) {
    return absl::InvalidArgumentError(absl::StrCat("limit ", request.limit, " is over ", kMaxLimit));
  }
  if (request.offset > kMaxOffset) {
    return absl::InvalidArgumentError(
        absl::StrCat("offset ", request.offset, " is over ", kMaxOffset));
  }
  for (const std::string& name : request.facets) {
    if (schema::FacetField(name) == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown facet '", name, "' (use speaker, source, date, type)"));
    }
  }
  auto parsed = builder_->Parse(request.query);
  if (!parsed.ok()) return parsed.status();
  try {
    return WithReopen(db_, [&] { return Run(request, *parsed); });
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat("search failed: ", e.get_description()));
  }
}

SearchResult Searcher::Run(const SearchRequest& request, const ParsedQuery& parsed) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(parsed.query);
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);
  }
  std::vector<std::pair<const schema::Field*, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
  for (const std::string& name : request.facets) {
    const schema::Field* field = schema::FacetField(name);
    auto spy = std::make_unique<Xapian::ValueCountMatchSpy>(field->slot);
    enquire.add_matchspy(spy.get());
    spies.emplace_back(field, std::move(spy));
  }
  // Totals and facets count every match, not an estimate from a sample.
  const Xapian::doccount check = db_.get_doccount();
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit), check);

  SearchResult result;
  result.query = request.query;
  result.parsed = parsed.rewritten;
  result.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.score = it.get_weight();
    auto data = schema::DecodeDocData(it.get_document().get_data());
    if (data.ok()) hit.doc = std::move(*data);
    hit.snippet = TidySnippet(mset.snippet(
        hit.doc.text, kSnippetBytes, builder_->stem(),
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "<b>",
        "</b>", "…"));
    result.hits.push_back(std::move(hit));
  }
  for (const auto& [field, spy] : spies) {
    result.facets.push_back({std::string(field->name), TopValues(*spy, *field, kFacetValues)});
  }
  return result;
}

absl::StatusOr<IndexStats> Searcher::Stats() {
  try {
    return WithReopen(db_, [&] {
      IndexStats s;
      s.documents = db_.get_doccount();
      Xapian::Enquire enquire(db_);
      enquire.set_query(Xapian::Query::MatchAll);
      Xapian::ValueCountMatchSpy types(schema::kTypeSlot), sources(schema::kSourceSlot);
      enquire.add_matchspy(&types);
      enquire.add_matchspy(&sources);
      enquire.get_mset(0, 0, db_.get_doccount());
      s.types = TopValues(types, schema::kType, 10);
      s.sources = TopValues(sources, schema::kSource, 1000);
      std::string lo = db_.get_value_lower_bound(schema::kDateSlot);
      std::string hi = db_.get_value_upper_bound(schema::kDateSlot);
      if (!lo.empty()) s.first_date = FacetValueText(schema::kDate, lo);
      if (!hi.empty()) s.last_date = FacetValueText(schema::kDate, hi);
      const std::string prefix(schema::kMetaFilePrefix);
      for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        ++s.files;
      }
      s.bytes = DirectoryBytes(path_);
      s.language = db_.get_metadata(std::string(schema::kMetaLanguage));
      s.schema_version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
      nlohmann::json skipped = nlohmann::json::parse(
          db_.get_metadata(std::string(schema::kMetaLastSkipped)), nullptr, false);
      if (skipped.is_array()) {
        for (const auto& e : skipped) {
          if (e.is_string()) s.skipped.push_back(e.get<std::string>());
        }
      }
      return s;
    });
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat("stats failed: ", e.get_description()));
  }
}

}  // namespace newsidx
