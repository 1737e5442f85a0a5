#include "searcher/search.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "analyzers/dates.h"
#include "analyzers/speakers.h"
#include "searcher/facets.h"

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

// The `max` most frequent values as `shown` shows them, equal counts in the
// order of what is shown, so output is stable.
std::vector<FacetCount> TopValues(const ValueCounts& counts, size_t max,
                                  const std::function<std::string(const std::string&)>& shown) {
  if (max == 0) return {};
  // Only values that can make the top `max` are shown and sorted: those
  // counted at least as often as the max-th most frequent.
  uint64_t least = 0;
  if (counts.size() > max) {
    std::vector<uint64_t> n;
    n.reserve(counts.size());
    for (const auto& value_count : counts) n.push_back(value_count.second);
    std::nth_element(n.begin(), n.begin() + static_cast<ptrdiff_t>(max - 1), n.end(),
                     std::greater<>());
    least = n[max - 1];
  }
  std::vector<FacetCount> out;
  for (const auto& [value, n] : counts) {
    if (n >= least) out.push_back({shown(value), n});
  }
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<FacetCount> TopValues(const ValueCounts& counts, const schema::Field& field,
                                  size_t max) {
  return TopValues(counts, max,
                   [&](const std::string& value) { return FacetValueText(field, value); });
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

// The words of `query` as they appear in text, lower-cased: plain terms and
// stems ("Zguarante" → "guarante"); field terms name no words of the text.
std::vector<std::string> TextNeedles(const Xapian::Query& query) {
  std::vector<std::string> out;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string t = *it;
    if (t.size() > 1 && t[0] == 'Z' && !absl::ascii_isupper(static_cast<unsigned char>(t[1]))) {
      t.erase(0, 1);
    }
    if (!t.empty() && !absl::ascii_isupper(static_cast<unsigned char>(t[0]))) out.push_back(t);
  }
  return out;
}

// The passage of a long text that Xapian highlights: the kSnippetBytes where
// query words start most often (the first such place), cut at spaces. Chosen here rather than by Xapian, whose choice
// leans on weight bounds that differ between one database and shards of it
// (the same query must show the same snippet either way); and Xapian then
// reads a few hundred bytes instead of the whole article.
absl::string_view SnippetPassage(absl::string_view text, const std::vector<std::string>& needles) {
  if (text.size() <= kSnippetBytes) return text;
  const std::string lower = absl::AsciiStrToLower(text);
  std::vector<size_t> starts;  // where a query word begins a word
  for (const std::string& n : needles) {
    for (size_t at = lower.find(n); at != std::string::npos; at = lower.find(n, at + 1)) {
      if (at == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(lower[at - 1]))) {
        starts.push_back(at);
      }
    }
  }
  std::sort(starts.begin(), starts.end());
  constexpr size_t kLead = 60;  // context shown before the first match
  size_t best = 0, best_count = 0;
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t count = std::upper_bound(starts.begin() + i, starts.end(),
                                    starts[i] + kSnippetBytes - kLead - 20) -
                   (starts.begin() + i);
    if (count > best_count) best = starts[i], best_count = count;
  }
  size_t start = best > kLead ? best - kLead : 0;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') ++start;
  size_t end = std::min(text.size(), start + kSnippetBytes);
  while (end < text.size() && end > start && text[end] != ' ' && text[end] != '\n') --end;
  return text.substr(start, end - start);
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

// Which stub the index opened through: the file's inode, mtime and size
// ("" when there is none). A fresh build replaces the stub to switch readers
// to a new generation of shards, which Xapian's reopen() cannot see.
std::string StubIdentity(const std::string& db_path) {
  struct stat st;
  std::string stub = db_path + "/XAPIANDB";
  if (::stat(db_path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) stub = db_path;
  if (::stat(stub.c_str(), &st) != 0) return "";
  return absl::StrCat(st.st_ino, ":", st.st_mtim.tv_sec, ".", st.st_mtim.tv_nsec, ":", st.st_size);
}

}  // namespace

void SpeakerDirectory::Load(const Xapian::Database& db) {
  names_.clear();
  canonical_.clear();
  const std::string prefix(schema::kMetaSpeakerPrefix);
  absl::flat_hash_set<std::string> organisations;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    schema::SpeakerName s = schema::DecodeSpeakerName(db.get_metadata(*it));
    names_[key] = s.name;
    if (s.organisation) organisations.insert(key);
  }
  // A person's surname alone belongs to the one full name ending with it, if
  // only one does ("Blair" → "Tony Blair"); organisations keep their names.
  absl::flat_hash_map<std::string, int> full_names_per_surname;
  absl::flat_hash_map<std::string, std::string> full_key;
  for (const auto& [key, name] : names_) {
    size_t space = key.rfind(' ');
    if (space == std::string::npos || organisations.contains(key)) continue;
    std::string surname = key.substr(space + 1);
    ++full_names_per_surname[surname];
    full_key[surname] = key;
  }
  for (const auto& [key, name] : names_) {
    if (key.find(' ') == std::string::npos && !organisations.contains(key) &&
        full_names_per_surname[key] == 1) {
      canonical_[key] = full_key[key];
    }
  }
}

const std::string& SpeakerDirectory::Canonical(const std::string& key) const {
  auto it = canonical_.find(key);
  return it == canonical_.end() ? key : it->second;
}

std::vector<std::string> SpeakerDirectory::KeysWithWordPrefix(absl::string_view prefix) const {
  absl::flat_hash_set<std::string> keys;
  for (const auto& [key, name] : names_) {
    // A key is the name's folded words (SpeakerKey), so no folding here.
    for (absl::string_view w : absl::StrSplit(key, ' ')) {
      if (absl::StartsWith(w, prefix)) {
        keys.insert(Canonical(key));
        break;
      }
    }
  }
  return std::vector<std::string>(keys.begin(), keys.end());
}

std::string SpeakerDirectory::Name(const std::string& key, const std::string& fallback) const {
  auto it = names_.find(Canonical(key));
  return it == names_.end() || it->second.empty() ? fallback : it->second;
}

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
    std::error_code ec;
    if (std::filesystem::is_directory(db_path, ec) &&
        !std::filesystem::exists(db_path + "/XAPIANDB", ec) &&
        !std::filesystem::exists(db_path + "/iamglass", ec)) {
      return absl::NotFoundError(absl::StrCat(
          "no index at ", db_path, " yet (its first build has not finished: run `newsidx build`)"));
    }
    std::string stub = StubIdentity(db_path);
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
    if (language.empty()) language = "en";
    auto builder = QueryBuilder::Create(db, language);
    if (!builder.ok()) return builder.status();
    return std::unique_ptr<Searcher>(
        new Searcher(db_path, std::move(stub), std::move(language), std::move(db), std::move(*builder)));
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat(db_path, ": ", e.get_description()));
  }
}

Searcher::Searcher(std::string path, std::string stub, std::string language, Xapian::Database db,
                   std::unique_ptr<QueryBuilder> builder)
    : path_(std::move(path)),
      stub_(std::move(stub)),
      language_(std::move(language)),
      db_(std::move(db)),
      builder_(std::move(builder)) {}

// Runs `fn`, reopening the database when a concurrent commit invalidated it.
template <typename Fn>
auto Searcher::WithReopen(Fn fn) -> decltype(fn()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kReopenAttempts) throw;
      db_.reopen();
      ForgetWhatWasReadFromTheIndex();
    }
  }
}

void Searcher::ForgetWhatWasReadFromTheIndex() {
  speakers_loaded_ = false;
  columns_.clear();
  shards_.clear();
}

// The parser reads the index too (spelling, speakers, wildcards), so a
// concurrent commit can invalidate it mid-parse like any search.
absl::StatusOr<ParsedQuery> Searcher::Parse(const std::string& query) {
  try {
    return WithReopen([&] { return builder_->Parse(query); });
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat("cannot parse the query: ", e.get_description()));
  }
}

absl::StatusOr<uint64_t> Searcher::Documents() {
  try {
    return WithReopen([&] { return static_cast<uint64_t>(db_.get_doccount()); });
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat(path_, ": ", e.get_description()));
  }
}

absl::StatusOr<bool> Searcher::Refresh() {
  try {
    std::string stub = StubIdentity(path_);
    if (stub != stub_) {
      db_ = Xapian::Database(path_);
      stub_ = std::move(stub);
    } else if (!db_.reopen()) {
      return false;
    }
    // Speakers, aliases and values may have changed with the new commit.
    ForgetWhatWasReadFromTheIndex();
    auto builder = QueryBuilder::Create(db_, language_);
    if (!builder.ok()) return builder.status();
    builder_ = std::move(*builder);
    return true;
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat(path_, ": ", e.get_description()));
  }
}

absl::StatusOr<Suggestions> Searcher::Suggest(absl::string_view text, size_t limit) {
  Suggestions out;
  const size_t space = text.find_last_of(" \t");
  absl::string_view word = space == absl::string_view::npos ? text : text.substr(space + 1);
  const bool speakers_only = absl::ConsumePrefix(&word, "speaker:");
  std::vector<std::string> folded = FoldedNameWords(word);
  if (folded.empty()) return out;
  out.prefix = folded.front();
  limit = std::min(limit, kMaxLimit);
  try {
    return WithReopen([&] {
      Suggestions s = out;
      for (const std::string& key : speakers().KeysWithWordPrefix(s.prefix)) {
        uint64_t quotes = db_.get_termfreq(schema::Term(schema::kSpeakerKey, schema::BoundedKey(key)));
        s.speakers.push_back({speakers().Name(key, key), quotes});
      }
      if (!speakers_only) {
        // Words of the text itself (no field prefix), scanned up to a bound so
        // a one-letter prefix stays quick on a large index.
        constexpr size_t kScan = 20000;
        size_t scanned = 0;
        for (auto it = db_.allterms_begin(s.prefix); it != db_.allterms_end(s.prefix) && scanned < kScan;
             ++it, ++scanned) {
          s.terms.push_back({*it, it.get_termfreq()});
        }
      }
      auto by_count = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      };
      for (auto* list : {&s.speakers, &s.terms}) {
        std::sort(list->begin(), list->end(), by_count);
        if (list->size() > limit) list->resize(limit);
      }
      return s;
    });
  } catch (const Xapian::Error& e) {
    return absl::UnavailableError(absl::StrCat(path_, ": ", e.get_description()));
  }
}

// Loaded on first need: most article queries never show a speaker, and the
// directory grows with the corpus.
const SpeakerDirectory& Searcher::speakers() const {
  if (!speakers_loaded_) {
    speakers_.Load(db_);
    speakers_loaded_ = true;
  }
  return speakers_;
}

Hit Searcher::MakeHit(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                      const std::vector<std::string>& needles) const {
  Hit hit = DocumentHit(it.get_document());
  hit.score = it.get_weight();
  const absl::string_view text = hit.doc.text;
  const absl::string_view passage = SnippetPassage(text, needles);
  hit.snippet = TidySnippet(mset.snippet(std::string(passage), passage.size(), builder_->stem(),
                                         Xapian::MSet::SNIPPET_EXHAUSTIVE, "<b>", "</b>", "…"));
  if (passage.data() > text.data()) hit.snippet.insert(0, "…");
  if (passage.data() + passage.size() < text.data() + text.size()) hit.snippet += "…";
  return hit;
}

Hit Searcher::DocumentHit(const Xapian::Document& doc) const {
  Hit hit;
  auto data = schema::DecodeDocData(doc.get_data());
  if (data.ok()) hit.doc = std::move(*data);
  if (!hit.doc.speaker_key.empty()) {
    hit.doc.speaker = speakers().Name(hit.doc.speaker_key, hit.doc.speaker);
  }
  return hit;
}

absl::StatusOr<ArticleView> Searcher::Article(const std::string& id, size_t max_quotes) {
  const Xapian::Query by_id(schema::Term(schema::kArticleId, schema::BoundedKey(id)));
  auto of_type = [&](absl::string_view type) {
    return Xapian::Query(Xapian::Query::OP_FILTER, by_id,
                         Xapian::Query(schema::Term(schema::kType, type)));
  };
  try {
    return WithReopen([&]() -> absl::StatusOr<ArticleView> {
      Xapian::Enquire enquire(db_);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      enquire.set_query(of_type(schema::kTypeArticle));
      // Ids are unique within a corpus folder; two folders may share one,
      // and then the first indexed is shown.
      Xapian::MSet articles = enquire.get_mset(0, 1);
      if (articles.empty()) return absl::NotFoundError(absl::StrCat("no article with id '", id, "'"));
      ArticleView view;
      view.article = DocumentHit(articles.begin().get_document());
      enquire.set_query(of_type(schema::kTypeQuote));
      Xapian::MSet quotes = enquire.get_mset(0, static_cast<Xapian::doccount>(max_quotes));
      for (auto it = quotes.begin(); it != quotes.end(); ++it) {
        Hit q = DocumentHit(it.get_document());
        if (q.doc.path == view.article.doc.path) view.quotes.push_back(std::move(q));
      }
      std::stable_sort(view.quotes.begin(), view.quotes.end(),
                       [](const Hit& a, const Hit& b) { return a.doc.start < b.doc.start; });
      return view;
    });
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat("article failed: ", e.get_description()));
  }
}

// Speaker counts by person: variant keys summed under their canonical key.
std::vector<FacetCount> Searcher::SpeakerFacet(const ValueCounts& keys) const {
  absl::flat_hash_map<std::string, uint64_t> counts;
  for (const auto& [key, n] : keys) counts[speakers().Canonical(key)] += n;
  return TopValues(ValueCounts(counts.begin(), counts.end()), kFacetValues,
                   [&](const std::string& key) { return speakers().Name(key, key); });
}

absl::StatusOr<QuotePage> Searcher::Quotes(const std::string& query, size_t offset, size_t limit) {
  Xapian::Query filter(schema::Term(schema::kType, schema::kTypeQuote));
  Xapian::Query q = filter;
  if (!absl::StripAsciiWhitespace(query).empty()) {
    auto parsed = Parse(query);
    if (!parsed.ok()) return parsed.status();
    q = Xapian::Query(Xapian::Query::OP_FILTER, parsed->query, filter);
  }
  try {
    return WithReopen([&] {
      Xapian::Enquire enquire(db_);
      enquire.set_query(q);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // index order: file, then text
      QuotePage page;
      const std::vector<std::string> needles = TextNeedles(q);
      const Xapian::doccount check = db_.get_doccount();  // an exact total
      constexpr size_t kPage = 1000;
      for (size_t first = offset;;) {
        const size_t want = std::min(kPage, limit - page.quotes.size());
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                             static_cast<Xapian::doccount>(want), check);
        page.total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          page.quotes.push_back(MakeHit(it, mset, needles));
        }
        first += mset.size();
        if (mset.size() < want || page.quotes.size() >= limit) break;
      }
      return page;
    });
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat("quotes failed: ", e.get_description()));
  }
}

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
  auto parsed = Parse(request.query);
  if (!parsed.ok()) return parsed.status();
  try {
    return WithReopen([&] { return Run(request, *parsed); });
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
  // Xapian may skip documents that cannot reach the page and estimate the
  // total, as search engines' "about N results" do: a common word's top 10
  // costs a fraction of visiting all its matches.
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit));
  SearchResult result;
  result.query = request.query;
  result.parsed = parsed.rewritten;
  result.did_you_mean = parsed.suggestion;
  result.total = mset.get_matches_estimated();
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  const std::vector<std::string> needles = TextNeedles(parsed.query);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    result.hits.push_back(MakeHit(it, mset, needles));
  }
  if (!request.facets.empty()) {
    std::vector<const schema::Field*> fields;
    for (const std::string& name : request.facets) fields.push_back(schema::FacetField(name));
    std::vector<ValueCounts> counts = CountFacets(parsed.query, fields, result.total);
    result.total_exact = true;
    for (size_t i = 0; i < fields.size(); ++i) {
      result.facets.push_back({std::string(fields[i]->name),
                               fields[i]->slot == schema::kSpeakerSlot
                                   ? SpeakerFacet(counts[i])
                                   : TopValues(counts[i], *fields[i], kFacetValues)});
    }
  }
  return result;
}

// Facets count every match, in a pass of their own: unweighted and keeping
// no hits, Xapian visits a match in a third of the time it takes while
// ranking (on 460,000 quotes, 19 ms against 50).
std::vector<ValueCounts> Searcher::CountFacets(const Xapian::Query& query,
                                               const std::vector<const schema::Field*>& fields,
                                               uint64_t& total) {
  auto counting = [&](const Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire;
  };
  const std::vector<const FacetColumn*> columns = HeldColumns(fields);
  std::vector<ValueCounts> counts;
  if (columns.size() == fields.size()) {
    // Shard by shard: see facets.h.
    FacetCounter counter(columns);
    total = 0;
    for (size_t s = 0; s < shards_.size(); ++s) {
      Xapian::Enquire enquire = counting(shards_[s]);
      enquire.add_matchspy(&counter);
      counter.CountShard(s);
      total += enquire.get_mset(0, 0, shards_[s].get_doccount()).get_matches_estimated();
    }
    for (size_t i = 0; i < fields.size(); ++i) counts.push_back(counter.Counts(i));
    return counts;
  }
  Xapian::Enquire enquire = counting(db_);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (const schema::Field* field : fields) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field->slot));
    enquire.add_matchspy(spies.back().get());
  }
  total = enquire.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
  for (const auto& spy : spies) counts.push_back(CountsOf(*spy));
  HoldColumnsIfWorthIt(fields, total);
  return counts;
}

std::vector<const FacetColumn*> Searcher::HeldColumns(
    const std::vector<const schema::Field*>& fields) const {
  std::vector<const FacetColumn*> out;
  for (const schema::Field* field : fields) {
    auto it = columns_.find(field->slot);
    if (it == columns_.end()) return {};
    out.push_back(it->second.get());
  }
  return out;
}

// Reading a column costs about what counting it over every document costs,
// so it is read once a query has counted over an eighth of the index: a
// one-off query never pays for it, a server answering such queries again
// does so once.
void Searcher::HoldColumnsIfWorthIt(const std::vector<const schema::Field*>& fields,
                                    uint64_t matches) {
  if (!local_ || matches * 8 < db_.get_doccount()) return;
  if (shards_.empty()) {
    try {
      shards_ = LocalShards(path_);
    } catch (const Xapian::DatabaseOpeningError&) {
      shards_.clear();  // as if remote: counting by Xapian still works
    }
  }
  if (shards_.empty()) {
    local_ = false;  // a remote shard: Xapian counts there
    return;
  }
  for (const schema::Field* field : fields) {
    if (!columns_.contains(field->slot)) {
      columns_.emplace(field->slot, std::make_unique<FacetColumn>(shards_, field->slot));
    }
  }
}

absl::StatusOr<IndexStats> Searcher::Stats() {
  try {
    return WithReopen([&] {
      IndexStats s;
      s.documents = db_.get_doccount();
      uint64_t total = 0;
      // Xapian::Query(std::string()) matches all, and is not the shared
      // static Query::MatchAll, whose reference count is not atomic: server
      // threads copying it at once freed it (a segfault under the soak
      // test). Xapian's header says as much.
      std::vector<ValueCounts> counts =
          CountFacets(Xapian::Query(std::string()), {&schema::kType, &schema::kSource}, total);
      s.types = TopValues(counts[0], schema::kType, 10);
      s.sources = TopValues(counts[1], schema::kSource, 1000);
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
