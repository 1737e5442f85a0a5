#include "searcher/facets.h"

#include <filesystem>
#include <fstream>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"

namespace newsidx {

namespace fs = std::filesystem;

ValueCounts CountsOf(const Xapian::ValueCountMatchSpy& spy) {
  ValueCounts out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    out.emplace_back(*it, it.get_termfreq());
  }
  return out;
}

std::vector<Xapian::Database> LocalShards(const std::string& db_path) {
  std::error_code ec;
  const fs::path stub =
      fs::is_directory(db_path, ec) ? fs::path(db_path) / "XAPIANDB" : fs::path(db_path);
  if (!fs::exists(stub, ec)) return {Xapian::Database(db_path)};  // one database, no stub
  std::ifstream in(stub);
  std::vector<Xapian::Database> shards;
  for (std::string line; std::getline(in, line);) {
    std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (words.empty()) continue;
    if (words.size() != 2 || (words[0] != "auto" && words[0] != "glass")) return {};
    const fs::path shard(std::string(words[1].data(), words[1].size()));
    shards.emplace_back((shard.is_absolute() ? shard : stub.parent_path() / shard).string());
  }
  return shards;
}

FacetColumn::FacetColumn(const std::vector<Xapian::Database>& shards, Xapian::valueno slot) {
  absl::flat_hash_map<std::string, uint32_t> ordinal_of;
  for (const Xapian::Database& db : shards) {
    std::vector<uint32_t>& ordinals = ordinals_.emplace_back(db.get_lastdocid() + 1, 0);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      auto [at, added] = ordinal_of.try_emplace(*it, static_cast<uint32_t>(values_.size() + 1));
      if (added) values_.push_back(at->first);
      ordinals[it.get_docid()] = at->second;
    }
  }
}

FacetCounter::FacetCounter(std::vector<const FacetColumn*> columns)
    : columns_(std::move(columns)) {
  for (const FacetColumn* c : columns_) counts_.emplace_back(c->values().size() + 1, 0);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const Xapian::docid did = doc.get_docid();
  for (size_t i = 0; i < columns_.size(); ++i) ++counts_[i][columns_[i]->Ordinal(shard_, did)];
}

ValueCounts FacetCounter::Counts(size_t i) const {
  ValueCounts out;
  const std::vector<std::string>& values = columns_[i]->values();
  for (size_t v = 0; v < values.size(); ++v) {
    if (uint64_t n = counts_[i][v + 1]; n > 0) out.emplace_back(values[v], n);
  }
  return out;
}

}  // namespace newsidx
