// Latency of the 20 benchmark queries (bench/queries.h), in-process, on
// newsidx and on the peers' indexes of the same corpus: each query's top 10
// with snippets, plus the exact match count and facets where the query asks
// for facets (without, newsidx gives Xapian's estimate of the count and FTS5
// none).
//   build/bench/query_latency --newsidx DB [--fts5 FILE] [--xapian DB] [--rounds N]
// Prints one JSON object: per engine the p50/p99 over every run of every
// query (microseconds) and each query's median.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "bench/queries.h"
#include "searcher/search.h"
#ifdef NEWSIDX_WITH_FTS5
#include <sqlite3.h>
#endif

namespace newsidx::bench {
namespace {

using RunQuery = std::function<void(const BenchQuery&)>;

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Runs every query `rounds` times after one warm-up round, queries
// interleaved so no query profits from running right after itself.
nlohmann::json Measure(const RunQuery& run, int rounds) {
  for (const BenchQuery& q : kQueries) run(q);
  std::vector<std::vector<double>> per_query(std::size(kQueries));
  std::vector<double> all;
  for (int r = 0; r < rounds; ++r) {
    for (size_t i = 0; i < std::size(kQueries); ++i) {
      auto start = std::chrono::steady_clock::now();
      run(kQueries[i]);
      std::chrono::duration<double, std::micro> us = std::chrono::steady_clock::now() - start;
      per_query[i].push_back(us.count());
      all.push_back(us.count());
    }
  }
  nlohmann::json medians = nlohmann::json::array();
  for (const auto& v : per_query) medians.push_back(Percentile(v, 0.5));
  return {{"p50_us", Percentile(all, 0.5)}, {"p99_us", Percentile(all, 0.99)},
          {"query_p50_us", medians}};
}

RunQuery NewsidxRunner(Searcher& searcher) {
  return [&searcher](const BenchQuery& q) {
    SearchRequest r;
    r.query = q.text;
    if (q.facets) r.facets = {"speaker", "source", "date", "type"};
    auto result = searcher.Search(r);
    if (!result.ok()) std::cerr << q.text << ": " << result.status() << "\n";
  };
}

// A bare Xapian database (bench/xapian_bare): the FTS5 form of each query
// through QueryParser, top 10 with their data; no fields, facets or dates.
RunQuery XapianRunner(Xapian::Database& db) {
  return [&db](const BenchQuery& q) {
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    Xapian::Query query = *q.fts5 == '\0'
                              ? Xapian::Query(std::string())
                              : parser.parse_query(q.fts5, Xapian::QueryParser::FLAG_DEFAULT |
                                                               Xapian::QueryParser::FLAG_WILDCARD);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
    if (bytes == SIZE_MAX) std::cerr << "";
  };
}

#ifdef NEWSIDX_WITH_FTS5
// The top 10 by bm25 with a snippet; for faceted queries also the match
// count and GROUP BY counts of source and month.
class Fts5Runner {
 public:
  explicit Fts5Runner(sqlite3* db) : db_(db) {}
  ~Fts5Runner() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  }
  void operator()(const BenchQuery& q) {
    const bool all = *q.fts5 == '\0';
    std::string where = all ? "1" : "docs MATCH ?1";
    if (q.from) absl::StrAppend(&where, " AND date BETWEEN ?2 AND ?3");
    Drain(q, absl::StrCat("SELECT path, title, source, date, snippet(docs, 4, '<b>', '</b>', "
                          "'…', 16) FROM docs WHERE ", where,
                          all ? " ORDER BY rowid" : " ORDER BY rank", " LIMIT 10"));
    if (!q.facets) return;
    Drain(q, absl::StrCat("SELECT count(*) FROM docs WHERE ", where));
    Drain(q, absl::StrCat("SELECT source, count(*) FROM docs WHERE ", where,
                          " GROUP BY source ORDER BY 2 DESC LIMIT 10"));
    Drain(q, absl::StrCat("SELECT substr(date, 1, 7), count(*) FROM docs WHERE ", where,
                          " GROUP BY 1 ORDER BY 2 DESC LIMIT 10"));
  }

 private:
  void Drain(const BenchQuery& q, const std::string& sql) {
    sqlite3_stmt*& stmt = statements_[sql];
    if (!stmt && sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      std::cerr << sql << ": " << sqlite3_errmsg(db_) << "\n";
      return;
    }
    if (*q.fts5) sqlite3_bind_text(stmt, 1, q.fts5, -1, SQLITE_STATIC);
    if (q.from) {
      sqlite3_bind_text(stmt, 2, q.from, -1, SQLITE_STATIC);
      sqlite3_bind_text(stmt, 3, q.to, -1, SQLITE_STATIC);
    }
    size_t bytes = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) bytes += sqlite3_column_bytes(stmt, c);
    }
    if (rc != SQLITE_DONE) std::cerr << q.fts5 << ": " << sqlite3_errmsg(db_) << "\n";
    sqlite3_reset(stmt);
  }
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> statements_;
};
#endif

int Main(int argc, char** argv) {
  std::string newsidx_db, fts5_file, xapian_db;
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--newsidx") newsidx_db = argv[i + 1];
    else if (flag == "--fts5") fts5_file = argv[i + 1];
    else if (flag == "--xapian") xapian_db = argv[i + 1];
    else if (flag == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  if (newsidx_db.empty()) {
    std::cerr << "usage: query_latency --newsidx DB [--fts5 FILE] [--xapian DB] [--rounds N]\n";
    return 2;
  }
  nlohmann::json out;
  auto searcher = Searcher::Open(newsidx_db);
  if (!searcher.ok()) {
    std::cerr << "query_latency: " << searcher.status().message() << "\n";
    return 1;
  }
  out["newsidx"] = Measure(NewsidxRunner(**searcher), rounds);
  if (!xapian_db.empty()) {
    try {
      Xapian::Database db(xapian_db);
      out["xapian"] = Measure(XapianRunner(db), rounds);
    } catch (const Xapian::Error& e) {
      std::cerr << "query_latency: " << e.get_description() << "\n";
    }
  }
  if (!fts5_file.empty()) {
#ifdef NEWSIDX_WITH_FTS5
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(fts5_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      Fts5Runner fts5(db);
      out["fts5"] = Measure(std::ref(fts5), rounds);
    } else {
      std::cerr << "query_latency: cannot open " << fts5_file << "\n";
    }
    sqlite3_close(db);
#else
    std::cerr << "query_latency: built without SQLite (run bench/setup, then rebuild)\n";
#endif
  }
  nlohmann::json queries = nlohmann::json::array();
  for (const BenchQuery& q : kQueries) queries.push_back(absl::StrCat(q.text, q.facets ? " [facets]" : ""));
  out["queries"] = queries;
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace
}  // namespace newsidx::bench

int main(int argc, char** argv) { return newsidx::bench::Main(argc, argv); }
