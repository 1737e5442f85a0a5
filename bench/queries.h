// The fixed set of 20 benchmark queries (phrase, plain and boolean, fielded,
// faceted, date range, who-said-what), in newsidx's query language and as
// the closest SQLite FTS5 equivalent, for bench/micro_bench.cc and
// bench/query_latency.cc.
//
// FTS5 has no quotes or speakers: a who-said-what query becomes the speaker's
// name AND the topic over whole articles, which is what an FTS5 user would
// write. Its facets are GROUP BY counts over every match.
#ifndef NEWSIDX_BENCH_QUERIES_H_
#define NEWSIDX_BENCH_QUERIES_H_

namespace newsidx::bench {

struct BenchQuery {
  const char* text;  // newsidx query
  bool facets;       // speaker, source, date and type counted over every match
  const char* fts5;  // FTS5 MATCH expression; "" matches every row
  const char* from;  // FTS5 date range (inclusive, YYYY-MM-DD) or nullptr
  const char* to;
};

inline constexpr BenchQuery kQueries[] = {
    {"\"prime minister\"", false, "\"prime minister\"", nullptr, nullptr},
    {"\"interest rates\"", false, "\"interest rates\"", nullptr, nullptr},
    {"\"security guarantees\"", false, "\"security guarantees\"", nullptr, nullptr},
    {"economy", false, "economy", nullptr, nullptr},
    {"film AND award", false, "film AND award", nullptr, nullptr},
    {"govern* AND NOT labour", false, "govern* NOT labour", nullptr, nullptr},
    {"music OR album", false, "music OR album", nullptr, nullptr},
    {"title:economy growth", false, "title:economy AND growth", nullptr, nullptr},
    {"title:nato source:caliber", false, "title:nato AND source:caliber", nullptr, nullptr},
    {"type:quote blair", false, "blair", nullptr, nullptr},
    {"speaker:blair iraq", false, "blair AND iraq", nullptr, nullptr},
    {"election", true, "election", nullptr, nullptr},
    {"mobile phone", true, "mobile AND phone", nullptr, nullptr},
    {"type:quote", true, "", nullptr, nullptr},
    {"\"world cup\"", true, "\"world cup\"", nullptr, nullptr},
    {"date:2004..2005 election", false, "election", "2004-01-01", "2005-12-31"},
    {"date:2025-12..2026 guarantee", true, "guarantee", "2025-12-01", "2026-12-31"},
    {"everything Blair said about Iraq", false, "blair AND iraq", nullptr, nullptr},
    {"what did Brown say about the budget", false, "brown AND budget", nullptr, nullptr},
    {"quotes by Kallas on troops", false, "kallas AND troops", nullptr, nullptr},
};

}  // namespace newsidx::bench

#endif  // NEWSIDX_BENCH_QUERIES_H_
