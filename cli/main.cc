// newsidx: the command line over indexer/ and searcher/.
// Exit codes: 0 success (zero hits too), 1 runtime failure, 2 bad usage or a
// query that cannot be parsed; every failure is one line on stderr.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "indexer/indexer.h"
#include "searcher/render.h"
#include "searcher/search.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int Fail(const absl::Status& status) {
  std::cerr << "newsidx: " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

std::string DefaultDb() {
  const char* env = std::getenv("NEWSIDX_DB");
  return env && *env ? env : "newsidx.db";
}

void DrawProgress(size_t done, size_t total) {
  constexpr int kWidth = 30;
  int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::fprintf(stderr, "\r[%-*s] %zu/%zu files", kWidth, std::string(filled, '#').c_str(), done,
               total);
  if (done == total) std::fputs("\r\x1b[K", stderr);
}

int RunBuild(std::vector<std::string> corpus, const std::string& db, int jobs,
             const std::string& lang) {
  newsidx::BuildOptions options;
  options.corpus_paths = corpus.empty() ? std::vector<std::string>{"corpus"} : std::move(corpus);
  options.db_path = db;
  options.jobs = jobs;
  options.language = lang;
  if (isatty(STDERR_FILENO)) options.progress = DrawProgress;
  options.on_problem = [](const std::string& line) {
    std::fprintf(stderr, "%s%s\n", isatty(STDERR_FILENO) ? "\r\x1b[K" : "", line.c_str());
  };
  auto report = newsidx::BuildIndex(options);
  if (!report.ok()) return Fail(report.status());
  std::fprintf(stderr,
               "indexed %zu files (%zu articles, %zu quotes), %zu unchanged, %zu skipped, "
               "%zu removed in %.2f s\n",
               report->files_indexed, report->articles, report->quotes, report->files_unchanged,
               report->files_skipped, report->files_removed, report->seconds);
  return 0;
}

int RunQuery(const std::string& db, const newsidx::SearchRequest& request, bool json) {
  auto searcher = newsidx::Searcher::Open(db);
  if (!searcher.ok()) return Fail(searcher.status());
  auto result = (*searcher)->Search(request);
  if (!result.ok()) return Fail(result.status());
  if (json) {
    std::cout << newsidx::DumpJson(newsidx::SearchResultJson(*result)) << "\n";
  } else {
    std::cout << newsidx::SearchResultText(newsidx::SearchResultJson(*result), isatty(STDOUT_FILENO));
  }
  return 0;
}

int RunQuotes(const std::string& db, const std::string& query, bool json) {
  auto searcher = newsidx::Searcher::Open(db);
  if (!searcher.ok()) return Fail(searcher.status());
  auto quotes = (*searcher)->Quotes(query);
  if (!quotes.ok()) return Fail(quotes.status());
  for (const newsidx::Hit& q : *quotes) {
    nlohmann::json j = newsidx::QuoteJson(q);
    std::cout << (json ? newsidx::DumpJson(j) + "\n" : newsidx::QuoteText(j));
  }
  return 0;
}

int RunStats(const std::string& db, bool json) {
  auto searcher = newsidx::Searcher::Open(db);
  if (!searcher.ok()) return Fail(searcher.status());
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) return Fail(stats.status());
  if (json) {
    std::cout << newsidx::DumpJson(newsidx::StatsJson(*stats)) << "\n";
  } else {
    std::cout << newsidx::StatsText(newsidx::StatsJson(*stats));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsidx: full-text search for news that knows who said what"};
  app.require_subcommand(1);
  std::string db = DefaultDb();

  std::vector<std::string> corpus;
  int jobs = 1;
  std::string lang = "en";
  CLI::App* build = app.add_subcommand("build", "index article files (incrementally)");
  build->add_option("--corpus", corpus, "folders or files to index (default: corpus)");
  build->add_option("--db", db, "index folder (default: newsidx.db or $NEWSIDX_DB)");
  build->add_option("--jobs", jobs, "threads for parsing and analysis")->check(CLI::Range(1, 64));
  build->add_option("--lang", lang, "stemming language (ISO 639-1 code)");

  std::vector<std::string> words;
  bool json = false;
  newsidx::SearchRequest request;
  std::string sort = "relevance", facets;
  CLI::App* query = app.add_subcommand("query", "search the index");
  query->add_option("--db", db, "index folder");
  query->add_flag("--json", json, "print the spec's JSON");
  query->add_option("--limit", request.limit, "hits to show (default 10)");
  query->add_option("--offset", request.offset, "hits to skip");
  query->add_option("--sort", sort, "relevance or date");
  query->add_option("--facets", facets, "comma-separated: speaker,source,date,type");
  query->add_option("QUERY", words, "the query")->required();

  std::vector<std::string> quote_words;
  CLI::App* quotes = app.add_subcommand("quotes", "every quote matching QUERY (all if none)");
  quotes->add_option("--db", db, "index folder");
  quotes->add_flag("--json", json, "print JSON Lines, one quote a line");
  quotes->add_option("QUERY", quote_words, "the query");

  CLI::App* stats = app.add_subcommand("stats", "what the index holds");
  stats->add_option("--db", db, "index folder");
  stats->add_flag("--json", json, "print JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "newsidx: " << e.what() << " (see newsidx --help)\n";
    return kExitUsage;
  }

  if (*build) return RunBuild(corpus, db, jobs, lang);
  if (*query) {
    auto order = newsidx::ParseSortOrder(sort);
    if (!order.ok()) return Fail(order.status());
    request.sort = *order;
    request.query = absl::StrJoin(words, " ");
    if (!facets.empty()) request.facets = absl::StrSplit(facets, ',', absl::SkipWhitespace());
    return RunQuery(db, request, json);
  }
  if (*quotes) return RunQuotes(db, absl::StrJoin(quote_words, " "), json);
  if (*stats) return RunStats(db, json);
  return kExitUsage;
}
