// newsidx: the command line over indexer/ and searcher/.
// Exit codes: 0 success (zero hits too), 1 runtime failure, 2 bad usage or a
// query that cannot be parsed; every failure is one line on stderr.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "indexer/indexer.h"
#include "searcher/api.h"
#include "searcher/client.h"
#include "searcher/render.h"
#include "searcher/search.h"
#include "searcher/server.h"

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

int RunBuild(newsidx::BuildOptions options) {
  if (options.corpus_paths.empty()) options.corpus_paths = {"corpus"};
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

// Where answers come from: the index folder, or a running `newsidx serve`.
struct Source {
  std::string db;
  newsidx::ServerAddress server;
  bool remote() const { return !server.socket_path.empty() || !server.host_port.empty(); }
};

// GET `target` from the server; its JSON, or the failure as a Status
// (InvalidArgument for the 4xx answers a user must fix).
absl::StatusOr<nlohmann::json> Fetch(const newsidx::ServerAddress& server, const std::string& target) {
  auto answer = newsidx::HttpGet(server, target);
  if (!answer.ok()) return answer.status();
  nlohmann::json body = nlohmann::json::parse(answer->body, nullptr, false);
  if (answer->status == 200 && body.is_object()) return body;
  std::string message = body.is_object() && body.contains("error") && body["error"].is_string()
                            ? body["error"].get<std::string>()
                            : absl::StrCat("the server answered HTTP ", answer->status);
  return answer->status >= 400 && answer->status < 500 ? absl::InvalidArgumentError(message)
                                                       : absl::UnavailableError(message);
}

absl::StatusOr<nlohmann::json> SearchJson(const Source& src, const newsidx::SearchRequest& r,
                                          const std::string& sort) {
  if (src.remote()) {
    return Fetch(src.server,
                 absl::StrCat("/search?q=", newsidx::UrlEncode(r.query), "&limit=", r.limit,
                              "&offset=", r.offset, "&sort=", newsidx::UrlEncode(sort),
                              "&facets=", newsidx::UrlEncode(absl::StrJoin(r.facets, ","))));
  }
  auto searcher = newsidx::Searcher::Open(src.db);
  if (!searcher.ok()) return searcher.status();
  auto result = (*searcher)->Search(r);
  if (!result.ok()) return result.status();
  return newsidx::SearchResultJson(*result);
}

absl::StatusOr<std::vector<nlohmann::json>> QuotesJson(const Source& src, const std::string& query) {
  std::vector<nlohmann::json> out;
  if (src.remote()) {
    for (;;) {  // the server answers a page at a time
      auto page = Fetch(src.server, absl::StrCat("/quotes?q=", newsidx::UrlEncode(query),
                                                 "&offset=", out.size()));
      if (!page.ok()) return page.status();
      for (auto& q : (*page)["quotes"]) out.push_back(std::move(q));
      if ((*page)["quotes"].empty() || out.size() >= (*page)["total"].get<size_t>()) return out;
    }
  }
  auto searcher = newsidx::Searcher::Open(src.db);
  if (!searcher.ok()) return searcher.status();
  auto page = (*searcher)->Quotes(query);
  if (!page.ok()) return page.status();
  for (const newsidx::Hit& q : page->quotes) out.push_back(newsidx::QuoteJson(q));
  return out;
}

absl::StatusOr<nlohmann::json> StatsJson(const Source& src) {
  if (src.remote()) return Fetch(src.server, "/stats");
  auto searcher = newsidx::Searcher::Open(src.db);
  if (!searcher.ok()) return searcher.status();
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) return stats.status();
  return newsidx::StatsJson(*stats);
}

int RunQuery(const Source& src, const newsidx::SearchRequest& request, const std::string& sort,
             bool json) {
  auto result = SearchJson(src, request, sort);
  if (!result.ok()) return Fail(result.status());
  std::cout << (json ? newsidx::DumpJson(*result) + "\n"
                     : newsidx::SearchResultText(*result, isatty(STDOUT_FILENO)));
  return 0;
}

int RunQuotes(const Source& src, const std::string& query, bool json) {
  auto quotes = QuotesJson(src, query);
  if (!quotes.ok()) return Fail(quotes.status());
  for (const nlohmann::json& j : *quotes) {
    std::cout << (json ? newsidx::DumpJson(j) + "\n" : newsidx::QuoteText(j));
  }
  return 0;
}

int RunStats(const Source& src, bool json) {
  auto stats = StatsJson(src);
  if (!stats.ok()) return Fail(stats.status());
  std::cout << (json ? newsidx::DumpJson(*stats) + "\n" : newsidx::StatsText(*stats));
  return 0;
}

int RunServe(newsidx::ServerOptions options) {
  options.log = [](const std::string& line) { std::cerr << "newsidx serve: " << line << std::endl; };
  std::string where = options.socket_path.empty() ? "" : "unix:" + options.socket_path;
  if (!options.listen.empty()) absl::StrAppend(&where, where.empty() ? "" : " and ", "http://", options.listen);
  std::cerr << "newsidx serve: " << options.db_path << " on " << where << std::endl;
  absl::Status s = newsidx::Serve(options);
  if (!s.ok()) return Fail(s);
  return 0;
}

// CLI11 reads a query word like `-kallas` as an option; the hint when a
// query's or quotes' arguments hold one.
std::string DashWordHint(int argc, char** argv) {
  if (argc < 2 || (absl::string_view(argv[1]) != "query" && absl::string_view(argv[1]) != "quotes")) {
    return "";
  }
  for (int i = 2; i < argc; ++i) {
    absl::string_view a = argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
      return absl::StrCat("; to search for ", a, ", put the query after --: newsidx ", argv[1],
                          " -- QUERY");
    }
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsidx: full-text search for news that knows who said what"};
  app.require_subcommand(1);
  std::string db = DefaultDb();

  newsidx::BuildOptions build_options;
  build_options.jobs = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u));
  CLI::App* build = app.add_subcommand("build", "index article files (incrementally)");
  build->add_option("--corpus", build_options.corpus_paths,
                    "folders or files to index (default: corpus)");
  build->add_option("--db", db, "index folder (default: newsidx.db or $NEWSIDX_DB)");
  build->add_option("--jobs", build_options.jobs,
                    "threads for parsing, analysis and writing (default: cores)")
      ->check(CLI::Range(1, 64));
  build->add_option("--shards", build_options.shards,
                    "shard databases to write (default: as the index has, 1 for a new one); "
                    "a different count rebuilds the index")
      ->check(CLI::Range(1, 1024));
  build->add_option("--lang", build_options.language, "stemming language (ISO 639-1 code)");
  build->add_option("--commit-every", build_options.commit_every,
                    "files per commit of an incremental build (default: 1000); a build "
                    "killed midway keeps what it committed")
      ->check(CLI::Range(1, 1000000));

  Source src;
  auto add_source = [&](CLI::App* cmd) {
    cmd->add_option("--db", db, "index folder");
    cmd->add_option("--socket", src.server.socket_path, "ask a running `newsidx serve` on this Unix socket");
    cmd->add_option("--connect", src.server.host_port, "ask a running `newsidx serve` at HOST:PORT");
  };

  std::vector<std::string> words;
  bool json = false;
  newsidx::SearchRequest request;
  std::string sort = "relevance", facets;
  CLI::App* query = app.add_subcommand("query", "search the index");
  add_source(query);
  query->add_flag("--json", json, "print the spec's JSON");
  // Strings, checked by ParseCount: CLI11 would read -1 as 2^64-1.
  std::string limit = "10", offset = "0";
  query->add_option("--limit", limit, "hits to show (default 10, at most 1000)");
  query->add_option("--offset", offset, "hits to skip");
  query->add_option("--sort", sort, "relevance or date");
  query->add_option("--facets", facets, "comma-separated: speaker,source,date,type");
  query->add_option("QUERY", words, "the query")->required();

  std::vector<std::string> quote_words;
  CLI::App* quotes = app.add_subcommand("quotes", "every quote matching QUERY (all if none)");
  add_source(quotes);
  quotes->add_flag("--json", json, "print JSON Lines, one quote a line");
  quotes->add_option("QUERY", quote_words, "the query");

  CLI::App* stats = app.add_subcommand("stats", "what the index holds");
  add_source(stats);
  stats->add_flag("--json", json, "print JSON");

  newsidx::ServerOptions serve_options;
  serve_options.socket_path = "newsidx.sock";
  int idle_ms = 30000, read_ms = 10000;
  CLI::App* serve = app.add_subcommand("serve", "answer queries over HTTP on a local socket");
  serve->add_option("--db", db, "index folder");
  serve->add_option("--socket", serve_options.socket_path,
                    "Unix socket to create, mode 0600 (default newsidx.sock; \"\" for none)");
  serve->add_option("--listen", serve_options.listen, "also serve TCP on HOST:PORT (default: none)");
  serve->add_option("--threads", serve_options.threads, "worker threads (default: one per core)")
      ->check(CLI::Range(1, 256));
  serve->add_option("--idle-timeout-ms", idle_ms, "close a kept-alive connection idle this long")
      ->check(CLI::Range(1, 3600000));
  serve->add_option("--read-timeout-ms", read_ms, "drop a request not fully sent within this")
      ->check(CLI::Range(1, 3600000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "newsidx: " << e.what() << " (see newsidx --help" << DashWordHint(argc, argv)
              << ")\n";
    return kExitUsage;
  }

  src.db = db;
  if (*build) {
    build_options.db_path = db;
    return RunBuild(std::move(build_options));
  }
  if (*query) {
    auto order = newsidx::ParseSortOrder(sort);
    if (!order.ok()) return Fail(order.status());
    request.sort = *order;
    auto n = newsidx::ParseCount("--limit", limit, newsidx::kMaxLimit);
    if (!n.ok()) return Fail(n.status());
    request.limit = *n;
    n = newsidx::ParseCount("--offset", offset, newsidx::kMaxOffset);
    if (!n.ok()) return Fail(n.status());
    request.offset = *n;
    request.query = absl::StrJoin(words, " ");
    if (!facets.empty()) request.facets = absl::StrSplit(facets, ',', absl::SkipWhitespace());
    return RunQuery(src, request, sort, json);
  }
  if (*quotes) return RunQuotes(src, absl::StrJoin(quote_words, " "), json);
  if (*stats) return RunStats(src, json);
  if (*serve) {
    serve_options.db_path = db;
    serve_options.idle_timeout = std::chrono::milliseconds(idle_ms);
    serve_options.read_timeout = std::chrono::milliseconds(read_ms);
    return RunServe(serve_options);
  }
  return kExitUsage;
}
