// Facet counts: how many matches hold each value of a value slot.
//
// Xapian's ValueCountMatchSpy reads every match's value from the slot's
// value stream, some hundreds of nanoseconds a match and a facet: 0.3 s for
// four facets over every quote of 100,000 articles. A FacetColumn reads a
// slot once into memory as one small number per document (what Lucene calls
// doc values), and a FacetCounter then counts a match with an array read per
// facet. The column costs a pass over the slot and 4 bytes a document, so it
// pays for a long-lived reader whose queries match much of the index. It
// needs the values of local databases: a remote shard's stay with Xapian's
// spy, which runs on the shard's server.
//
// Xapian 1.4 shows a match spy a document by its number within its shard,
// not within the combined database, so a column numbers documents per
// shard and its counter counts one shard at a time.
#ifndef NEWSIDX_SEARCHER_FACETS_H_
#define NEWSIDX_SEARCHER_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace newsidx {

// A facet's values with their counts, in no particular order.
using ValueCounts = std::vector<std::pair<std::string, uint64_t>>;

ValueCounts CountsOf(const Xapian::ValueCountMatchSpy& spy);

// The databases named by the stub file `db_path` (or `db_path`/XAPIANDB),
// each opened alone, or `db_path` itself when it is one database; none when
// the stub names a remote shard or a line it cannot read.
std::vector<Xapian::Database> LocalShards(const std::string& db_path);

// One slot of every document of some shards, as they were when read.
class FacetColumn {
 public:
  FacetColumn(const std::vector<Xapian::Database>& shards, Xapian::valueno slot);

  // 0 for a document without a value, else 1 + the value's index in values().
  uint32_t Ordinal(size_t shard, Xapian::docid did) const {
    const std::vector<uint32_t>& o = ordinals_[shard];
    return did < o.size() ? o[did] : 0;
  }
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::vector<uint32_t>> ordinals_;  // by shard, then docid in it
  std::vector<std::string> values_;
};

// Counts the values of each column over the matches it is shown, which
// come from the shard last set by CountShard. The columns must outlive it.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(std::vector<const FacetColumn*> columns);

  void CountShard(size_t shard) { shard_ = shard; }
  void operator()(const Xapian::Document& doc, double wt) override;
  // The counts of columns[i].
  ValueCounts Counts(size_t i) const;

 private:
  std::vector<const FacetColumn*> columns_;
  std::vector<std::vector<uint64_t>> counts_;  // by column, then ordinal
  size_t shard_ = 0;
};

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_FACETS_H_
