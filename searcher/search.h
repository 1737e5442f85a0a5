// Searching an index: query → hits with snippets, facet counts, and index
// statistics. Xapian exceptions stop here and leave as absl::Status:
// InvalidArgument for a query the user must fix, others for runtime faults.
//
// A Searcher owns its Xapian::Database and is not thread-safe: one per thread.
// Once faceted queries match much of the index it holds their slots in
// memory (searcher/facets.h), 4 bytes a document per facet.
#ifndef NEWSIDX_SEARCHER_SEARCH_H_
#define NEWSIDX_SEARCHER_SEARCH_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "schema/schema.h"
#include "searcher/facets.h"
#include "searcher/query.h"

namespace newsidx {

inline constexpr size_t kMaxLimit = 1000;
inline constexpr size_t kMaxOffset = 1000000;

enum class SortOrder { kRelevance, kDate };

struct SearchRequest {
  std::string query;
  size_t limit = 10;
  size_t offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<std::string> facets;  // names of schema fields with a value slot
};

struct Hit {
  double score = 0;
  schema::DocData doc;
  std::string snippet;  // HTML-escaped text, matches in <b>…</b>
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct Facet {
  std::string name;
  std::vector<FacetCount> values;  // most frequent first
};

struct SearchResult {
  std::string query;
  std::string parsed;
  std::string did_you_mean;  // a corrected query when words look misspelled
  uint64_t total = 0;
  bool total_exact = true;  // false: Xapian's estimate (no facets, many matches)
  std::vector<Hit> hits;
  std::vector<Facet> facets;
};

struct QuotePage {
  uint64_t total = 0;
  std::vector<Hit> quotes;
};

// Completions of the word being typed: speakers with a name word that
// starts with it, and index words that do, most frequent first.
struct Suggestions {
  std::string prefix;  // the word completed, folded
  std::vector<FacetCount> speakers;  // canonical names; count = quotes
  std::vector<FacetCount> terms;     // count = documents
};

// One article and the quotes found in it, in text order.
struct ArticleView {
  Hit article;              // doc.text is the whole article; no snippet
  std::vector<Hit> quotes;  // doc.start/end locate each in article.doc.text
};

struct IndexStats {
  uint64_t documents = 0;
  std::vector<FacetCount> types;
  std::vector<FacetCount> sources;
  std::optional<std::string> first_date, last_date;
  uint64_t files = 0;
  uint64_t bytes = 0;  // on disk
  std::string language;
  std::string schema_version;
  std::vector<std::string> skipped;  // by the last build
};

absl::StatusOr<SortOrder> ParseSortOrder(absl::string_view name);

// One name per person across the corpus: speaker keys mapped to the fullest
// name the index has seen, a lone surname to the one full name that ends
// with it.
class SpeakerDirectory {
 public:
  void Load(const Xapian::Database& db);
  // The key a person's quotes are counted under.
  const std::string& Canonical(const std::string& key) const;
  // The name shown for a key; `fallback` when the key is unknown.
  std::string Name(const std::string& key, const std::string& fallback) const;
  // Canonical keys of the people with a name word starting with `prefix`
  // (folded as speaker names are).
  std::vector<std::string> KeysWithWordPrefix(absl::string_view prefix) const;

 private:
  absl::flat_hash_map<std::string, std::string> names_;      // key → fullest name
  absl::flat_hash_map<std::string, std::string> canonical_;  // surname key → full key
};

class Searcher {
 public:
  static absl::StatusOr<std::unique_ptr<Searcher>> Open(const std::string& db_path);

  absl::StatusOr<SearchResult> Search(const SearchRequest& request);
  // The quotes matching `query` (all quotes when it is empty), in text
  // order: `limit` of them from `offset`, and how many match in all.
  absl::StatusOr<QuotePage> Quotes(const std::string& query, size_t offset = 0,
                                   size_t limit = SIZE_MAX);
  absl::StatusOr<IndexStats> Stats();
  // The article whose id is `id` (the JSON's article.id) and up to
  // `max_quotes` of its quotes; NotFound when no article has that id. Ids
  // are looked up as index terms: nothing here touches the file system.
  absl::StatusOr<ArticleView> Article(const std::string& id, size_t max_quotes);
  // Documents in the index (articles and quotes): a cheap liveness probe.
  absl::StatusOr<uint64_t> Documents();
  // Completes the last word of `text` ("speaker:hon" completes speakers only).
  absl::StatusOr<Suggestions> Suggest(absl::string_view text, size_t limit);
  // Catches up with builds committed since the index was opened or last
  // refreshed, including a fresh build's switch to a new generation of
  // shards; true when there was something new. Cheap when nothing changed.
  absl::StatusOr<bool> Refresh();
  // Facet slots held in memory (see searcher/facets.h).
  size_t HeldFacetColumns() const { return columns_.size(); }

 private:
  Searcher(std::string path, std::string stub, std::string language, Xapian::Database db,
           std::unique_ptr<QueryBuilder> builder);
  absl::StatusOr<ParsedQuery> Parse(const std::string& query);
  SearchResult Run(const SearchRequest& request, const ParsedQuery& parsed);
  // `needles`: the query's words as text has them (to find where to snippet).
  Hit MakeHit(const Xapian::MSetIterator& it, const Xapian::MSet& mset,
              const std::vector<std::string>& needles) const;
  // A document's data as a hit without a snippet, the speaker's name canonical.
  Hit DocumentHit(const Xapian::Document& doc) const;
  std::vector<FacetCount> SpeakerFacet(const ValueCounts& keys) const;
  // The values of `fields` over every match of `query`, and the number of
  // matches in `total`.
  std::vector<ValueCounts> CountFacets(const Xapian::Query& query,
                                       const std::vector<const schema::Field*>& fields,
                                       uint64_t& total);
  // The columns of `fields`' slots, or none unless all are held.
  std::vector<const FacetColumn*> HeldColumns(const std::vector<const schema::Field*>& fields) const;
  void HoldColumnsIfWorthIt(const std::vector<const schema::Field*>& fields, uint64_t matches);
  template <typename Fn>
  auto WithReopen(Fn fn) -> decltype(fn());
  // After a reopen: speakers and columns are read again when next needed.
  void ForgetWhatWasReadFromTheIndex();

  std::string path_;
  std::string stub_;  // identity of the stub listing the shards, see StubIdentity
  std::string language_;
  Xapian::Database db_;
  std::unique_ptr<QueryBuilder> builder_;
  const SpeakerDirectory& speakers() const;
  mutable SpeakerDirectory speakers_;
  mutable bool speakers_loaded_ = false;
  bool local_ = true;  // until a remote shard is seen: facet columns can be read
  std::vector<Xapian::Database> shards_;  // the shards the columns were read from
  absl::flat_hash_map<Xapian::valueno, std::unique_ptr<FacetColumn>> columns_;  // by slot
};

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_SEARCH_H_
