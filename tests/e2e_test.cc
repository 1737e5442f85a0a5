// End to end: the real build/newsidx binary on corpus/, checking its JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <tuple>
#include <set>
#include <thread>

#include "absl/strings/str_split.h"
#include "searcher/query.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

using nlohmann::json;
using testing::RunNewsidx;
using testing::ShellQuote;

constexpr const char* kCaliber = "000_461dc09155656a05";

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(testing::CorpusDir(), dir_ / "corpus");
    auto r = Run("build --corpus " + ShellQuote(dir_ / "corpus"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    build_err_ = r.err;
  }
  testing::CommandResult Run(const std::string& args) {
    return RunNewsidx(args + " --db " + ShellQuote(dir_ / "db"));
  }
  json Query(const std::string& q, const std::string& flags = "") {
    auto r = Run("query --json " + flags + " " + ShellQuote(q));
    EXPECT_EQ(r.exit_code, 0) << q << ": " << r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(j.is_object()) << r.out;
    return j;
  }
  static std::set<std::string> Ids(const json& result) {
    std::set<std::string> ids;
    for (const auto& h : result["hits"]) ids.insert(h["article"]["id"].get<std::string>());
    return ids;
  }
  testing::TempDir dir_;
  std::string build_err_;
};

TEST_F(Cli, BuildPrintsOneLineSummary) {
  EXPECT_NE(build_err_.find("indexed 5 files (5 articles, "),
            std::string::npos)
      << build_err_;
  auto again = Run("build --corpus " + ShellQuote(dir_ / "corpus"));
  EXPECT_NE(again.err.find("indexed 0 files (0 articles, 0 quotes), 5 unchanged"), std::string::npos)
      << again.err;
}

TEST_F(Cli, JsonHasTheSpecShape) {
  json j = Query("\"security guarantees\"", "--facets speaker,source,date,type");
  EXPECT_EQ(j["query"], "\"security guarantees\"");
  EXPECT_TRUE(j["parsed"].is_string());
  EXPECT_GE(j["total"].get<int>(), 4);
  ASSERT_FALSE(j["hits"].empty());
  const json& h = j["hits"][0];
  EXPECT_EQ(h["type"], "article");
  EXPECT_TRUE(h["score"].is_number());
  for (const char* k : {"id", "path", "title", "source", "date"}) {
    EXPECT_TRUE(h["article"].contains(k)) << k;
  }
  EXPECT_TRUE(h["speaker"].is_null());
  EXPECT_TRUE(h["kind"].is_null());
  EXPECT_TRUE(h["text"].is_null());
  // Phrases are highlighted whole.
  EXPECT_NE(h["snippet"].get<std::string>().find("<b>security guarantees</b>"),
            std::string::npos)
      << h["snippet"];
  for (const char* f : {"speaker", "source", "date", "type"}) {
    EXPECT_TRUE(j["facets"][f].is_array()) << f;
  }
  std::map<std::string, int> types;
  for (const auto& v : j["facets"]["type"]) types[v["value"]] = v["count"];
  EXPECT_GE(types["article"], 4);
  EXPECT_GE(types["quote"], 1);
}

TEST_F(Cli, DateRangeFindsExactlyTheCaliberArticle) {
  json j = Query("date:2025-12-17..2025-12-17 type:article");
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(Ids(j), std::set<std::string>{kCaliber});
  EXPECT_EQ(j["hits"][0]["article"]["date"], "2025-12-17");
  EXPECT_EQ(Query("date:2025-12 type:article")["total"], 2);
  EXPECT_EQ(Query("date:..2025-12-16 type:article")["total"], 1);
  EXPECT_EQ(Query("date:2026..")["total"], 0);
}

TEST_F(Cli, SourceFieldFindsCaliber) {
  json j = Query("source:caliber", "--limit 100");
  EXPECT_EQ(Ids(j), std::set<std::string>{kCaliber});  // the article and its quotes
  EXPECT_EQ(j["hits"][0]["article"]["source"], "Caliber.Az");
}

TEST_F(Cli, StemmedWordFindsAllFive) {
  EXPECT_EQ(Query("guarantee type:article", "--limit 20")["total"], 5);
}

TEST_F(Cli, SortByDateAndPaging) {
  json j = Query("guarantee type:article", "--sort date --limit 2");
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["article"]["date"], "2025-12-17");
  EXPECT_EQ(j["hits"][1]["article"]["date"], "2025-12-15");
  json rest = Query("guarantee type:article", "--sort date --limit 10 --offset 2");
  EXPECT_EQ(rest["hits"].size(), 3u);
}

TEST_F(Cli, BadQueriesExitTwoWithOneLine) {
  for (const char* q : {"date:2025-13-01", "date:2025-12-17..2025-12-01", "type:video", ""}) {
    auto r = Run(std::string("query ") + ShellQuote(q));
    EXPECT_EQ(r.exit_code, 2) << q;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  EXPECT_EQ(Run("query --sort sideways nato").exit_code, 2);
  EXPECT_EQ(Run("query --facets colour nato").exit_code, 2);
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
}

// Whatever string `newsidx query` is given, it answers (0) or names what is
// wrong in one line (2): never a signal, an uncaught exception or a hang,
// and the work one query can ask for is bounded.
TEST_F(Cli, HostileQueriesExitZeroOrTwoWithOneLine) {
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  struct Case {
    std::string what;
    std::string args;  // after `query --json`
    int exit_code;
  };
  auto q = [](const std::string& query) { return "-- " + ShellQuote(query); };
  const std::vector<Case> cases = {
      {"at the word and byte limits", q(repeat("nato ", kMaxQueryTerms) + repeat(" ", 4095 - 5 * kMaxQueryTerms)), 0},
      {"over the word limit", q(repeat("nato ", kMaxQueryTerms + 1)), 2},
      {"at the byte limit", q(repeat("n", 4095) + " "), 2},  // one word too long to index
      {"over the byte limit", q(repeat("nato ", 820)), 2},
      {"10,000 nested parentheses", q(repeat("(", 10000) + "nato" + repeat(")", 10000)), 2},
      {"2,000 nested parentheses", q(repeat("(", 2000) + "nato" + repeat(")", 2000)), 0},
      {"98 nested operators", q(repeat("(said OR (the AND ", 49) + "x" + repeat("))", 49)), 0},
      {"2,000 open parentheses", q(repeat("(", 2000) + "nato"), 0},
      {"unbalanced parentheses", q("nato)) (kallas"), 0},
      {"unclosed phrase", q("\"security guarantees"), 0},
      {"a quote alone", q("\""), 2},
      {"parentheses alone", q("()"), 2},
      {"AND alone", q("AND"), 2},
      {"NOT alone", q("NOT"), 2},
      {"operators only", q("OR AND NOT XOR NEAR ADJ"), 2},
      {"dangling operator", q("nato AND"), 2},
      {"- alone", q("-"), 2},
      {"+ alone", q("+"), 2},
      {"* alone", q("*"), 2},
      {"a wildcard for many words", q("a*"), 0},
      {"the most wildcards", q(repeat("s* ", static_cast<int>(kMaxWildcards))), 0},
      {"too many wildcards", q(repeat("s* ", 1300)), 2},
      {"speaker: with no name", q("speaker:"), 2},
      {"speaker: with an empty phrase", q("nato speaker:\"\""), 2},
      {"title: with no value", q("(title:)"), 2},
      {"date with no ends", q("date:.."), 2},
      {"date out of range", q("date:9999-99-99.."), 2},
      {"date: empty", q("date:"), 2},
      {"type: empty", q("type:"), 2},
      {"colons", q("::::"), 2},
      {"invalid UTF-8", q("\xff\xfe nato \xc3"), 0},
      {"overlong and surrogate UTF-8", q("\xc0\xaf \xed\xa0\x80 nato \xf4\x90\x80\x80"), 0},
      {"invalid UTF-8 alone", q("\xff\xfe\xc3"), 2},
      {"control characters", q("\x01\x02\x1b[31m nato \x7f\x08"), 0},
      {"control characters alone", q("\x01\x1b\x7f\t\r\n"), 2},
      {"a who-said-what at its byte bound", q("what did Honchar say about " + repeat("abcd ", 45) + "nato"), 0},
      {"a long who-said-what", q("what did " + repeat("a ", 2030) + "say about nato"), 2},
      {"a long speaker phrase", q("speaker:\"" + repeat(repeat("h", 39) + " ", 100) + "\""), 0},
      {"a phrase of 100 words", q(repeat("a-", 99) + "a"), 0},
      {"a phrase of 2,000 words", q(repeat("a-", 2000)), 2},
      {"words that expand", q(repeat("\xef\xb7\xba", 1365)), 2},  // U+FDFA is 4 words in NFKC
      {"a query starting with -", "-nato", 2},
      {"a huge --limit", "--limit 99999999999999999999 nato", 2},
      {"--limit over the maximum", "--limit 1001 nato", 2},
      {"--limit at the maximum", "--limit 1000 nato", 0},
      {"a negative --offset", "--offset -1 nato", 2},
      {"--offset over the maximum", "--offset 1000001 nato", 2},
      {"--offset at the maximum", "--offset 1000000 nato", 0},
      {"a non-numeric --limit", "--limit ten nato", 2},
      {"a hexadecimal --limit", "--limit 0x10 nato", 2},
      {"an empty --limit", "--limit '' nato", 2},
  };
  for (const Case& c : cases) {
    auto start = std::chrono::steady_clock::now();
    auto r = RunNewsidx("query --json --db " + ShellQuote(dir_ / "db") + " " + c.args);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, c.exit_code) << c.what << ": " << r.err;
    EXPECT_LT(seconds, 10) << c.what;
    if (r.exit_code == 2) {
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.what << ": " << r.err;
      EXPECT_EQ(r.err.rfind("newsidx: ", 0), 0u) << c.what << ": " << r.err;
      EXPECT_TRUE(r.out.empty()) << c.what;
    } else if (r.exit_code == 0) {
      json j = json::parse(r.out, nullptr, false);
      EXPECT_TRUE(j.is_object() && j["hits"].is_array()) << c.what << ": " << r.out.substr(0, 200);
    }
  }
  // CLI11 takes `-kallas` for an option; the message says what to do.
  auto dash = Run("query nato -kallas");
  EXPECT_NE(dash.err.find("to search for -kallas, put the query after --"), std::string::npos) << dash.err;
  auto after = RunNewsidx("query --json --db " + ShellQuote(dir_ / "db") + " -- nato -kallas");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(json::parse(after.out)["parsed"], "nato -kallas");
}

TEST_F(Cli, MissingIndexExitsOne) {
  auto r = RunNewsidx("query nato --db " + ShellQuote(dir_ / "nowhere"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no index"), std::string::npos) << r.err;
}

TEST_F(Cli, ZeroHitsIsSuccess) {
  EXPECT_EQ(Query("xylophonic")["total"], 0);
}

TEST_F(Cli, HumanOutputShowsTitleSourceDate) {
  auto r = Run("query source:caliber");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Ukraine and the price of abandoning its NATO bid"), std::string::npos);
  EXPECT_NE(r.out.find("Caliber.Az, 2025-12-17"), std::string::npos) << r.out;
}

TEST_F(Cli, StatsCountsTheIndex) {
  auto r = Run("stats --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json s = json::parse(r.out);
  EXPECT_GT(s["documents"].get<int>(), 5);  // articles and quotes
  std::map<std::string, int> types;
  for (const auto& t : s["types"]) types[t["value"]] = t["count"];
  EXPECT_EQ(types["article"], 5);
  EXPECT_GT(types["quote"], 20);
  EXPECT_EQ(s["files"], 5);
  EXPECT_EQ(s["dates"]["first"], "2025-12-15");
  EXPECT_EQ(s["dates"]["last"], "2025-12-17");
  EXPECT_EQ(s["sources"][0]["value"], "Caliber.Az");
  EXPECT_GT(s["bytes"].get<int>(), 0);
}

TEST_F(Cli, DeletedFileIsGoneAndNothingElseChanges) {
  json before = Query("guarantee type:article", "--limit 20");
  std::filesystem::remove(dir_ / "corpus/002_0cbfb9ea5489f397.txt");
  auto r = Run("build --corpus " + ShellQuote(dir_ / "corpus"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("4 unchanged, 0 skipped, 1 removed"), std::string::npos) << r.err;
  json after = Query("guarantee type:article", "--limit 20");
  EXPECT_EQ(after["total"], 4);
  std::set<std::string> expected = Ids(before);
  expected.erase("002_0cbfb9ea5489f397");
  EXPECT_EQ(Ids(after), expected);
  // Every remaining article is shown exactly as before.
  for (const auto& h : after["hits"]) {
    bool same = false;
    for (const auto& b : before["hits"]) same = same || b["article"] == h["article"];
    EXPECT_TRUE(same) << h["article"];
  }
}

TEST_F(Cli, SpeakerQueryFindsHoncharsArticle5QuoteAndNotStarikovs) {
  for (const char* q : {"speaker:honchar \"article 5\"", "everything Honchar said about Article 5",
                        "what did Honchar say about Article 5",
                        "quotes by Honchar on \"Article 5\""}) {
    json j = Query(q);
    ASSERT_GE(j["total"].get<int>(), 1) << q;
    const json& h = j["hits"][0];
    EXPECT_EQ(h["type"], "quote") << q;
    EXPECT_EQ(h["speaker"], "Mykhailo Honchar") << q;
    EXPECT_NE(h["text"].get<std::string>().find("Article 5-style mechanism"), std::string::npos);
    for (const auto& hit : j["hits"]) EXPECT_NE(hit["speaker"], "Oleh Starikov") << q;
  }
  EXPECT_EQ(Query("everything Honchar said about Article 5")["parsed"],
            "speaker:honchar \"article 5\"");
}

TEST_F(Cli, SpeakerSpellingVariantsFindTheSamePerson) {
  json a = Query("speaker:zelensky", "--limit 100 --facets speaker");
  EXPECT_GE(a["total"].get<int>(), 5);
  for (const char* variant : {"speaker:zelenskyy", "speaker:Zelenskiy", "speaker:\"Volodymyr Zelensky\""}) {
    json b = Query(variant, "--limit 100");
    EXPECT_EQ(a["total"], b["total"]) << variant;
  }
  // One person in the facet, shown with the fullest name.
  ASSERT_EQ(a["facets"]["speaker"].size(), 1u);
  EXPECT_NE(a["facets"]["speaker"][0]["value"].get<std::string>().find("Volodymyr Zelensk"),
            std::string::npos);
}

TEST_F(Cli, SpeakerFacetOverAllQuotesHasOneZelenskyy) {
  json j = Query("type:quote", "--limit 0 --facets speaker");
  int entries = 0;
  for (const auto& f : j["facets"]["speaker"]) {
    if (f["value"].get<std::string>().find("Zelensk") != std::string::npos) ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST_F(Cli, BruenHasFourDirectQuotesTwoOfThemFollowOnParagraphs) {
  json j = Query("speaker:bruen", "--limit 50");
  std::vector<std::string> direct;
  for (const auto& h : j["hits"]) {
    EXPECT_EQ(h["speaker"], "Brett Bruen");
    if (h["kind"] == "direct") direct.push_back(h["text"]);
  }
  ASSERT_EQ(direct.size(), 4u);
  // Two open with "Bruen said"-style cues; two are the paragraphs that follow.
  for (const char* words : {"an opportunity for Zelensky", "what Zelensky received",
                            "Ukraine needs insurance", "It needs action"}) {
    EXPECT_TRUE(std::any_of(direct.begin(), direct.end(), [&](const std::string& t) {
      return t.find(words) != std::string::npos;
    })) << words;
  }
}

TEST_F(Cli, DidYouMeanForMisspelledWordsAndSpeakers) {
  json words = Query("guarantes nato");
  EXPECT_EQ(words["total"], 0);
  EXPECT_EQ(words["did_you_mean"], "guarantees nato");
  json speaker = Query("speaker:honchr");
  EXPECT_EQ(speaker["did_you_mean"], "speaker:honchar");
  EXPECT_TRUE(Query("zelensky")["did_you_mean"].is_null()) << "a word the index has is not corrected";
}

TEST_F(Cli, AliasFileNamesOnePersonUnderItsCanonicalName) {
  testing::WriteFile(dir_ / "corpus/aliases.tsv", "Mykhailo Honchar\tMikhail Gonchar\n");
  auto r = Run("build --corpus " + ShellQuote(dir_ / "corpus"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("indexed 5 files"), std::string::npos) << "new aliases re-index all";
  json j = Query("speaker:gonchar");
  EXPECT_GE(j["total"].get<int>(), 3);
  for (const auto& h : j["hits"]) EXPECT_EQ(h["speaker"], "Mykhailo Honchar");
  EXPECT_EQ(Query("speaker:\"Mikhail Gonchar\"")["total"], j["total"]);
}

TEST_F(Cli, QuotesCommandPrintsJsonLines) {
  auto r = Run("quotes --json speaker:kallas");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int lines = 0;
  std::string article_text;
  for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    json q = json::parse(line);
    ++lines;
    EXPECT_EQ(q["type"], "quote");
    EXPECT_EQ(q["speaker"], "Kaja Kallas");
    EXPECT_TRUE(q["kind"] == "direct" || q["kind"] == "partial" || q["kind"] == "indirect");
    EXPECT_LT(q["start"].get<int>(), q["end"].get<int>());
    EXPECT_TRUE(q["speaker_mention"].is_string());
  }
  EXPECT_GE(lines, 3);
  auto all = Run("quotes --json");
  EXPECT_GT(std::count(all.out.begin(), all.out.end(), '\n'), lines);
  EXPECT_EQ(Run("quotes 'date:2025-99'").exit_code, 2);
}

// kill -9 at several moments of a build that spans several commits: each
// time the index opens and answers; the next build completes it exactly.
TEST(CrashSafety, KilledBuildsLeaveAReadableIndexAndTheNextCompletesIt) {
  std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no corpus large enough";
  const std::string corpus = shared + "/corpora/bbc-fulltext";
  testing::TempDir dir;
  const std::string db = dir / "db";
  for (int delay_ms : {100, 400, 900, 1500}) {
    std::vector<std::string> args = {NEWSIDX_BINARY, "build", "--corpus", corpus, "--db", db};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid;
    ASSERT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    auto stats = RunNewsidx("stats --json --db " + ShellQuote(db));
    // A kill before the first build made its empty index (a slow start, as
    // under ASan on a loaded machine) leaves no index at all, not a broken one.
    if (stats.exit_code != 0 && stats.err.find("no index at") != std::string::npos) continue;
    ASSERT_EQ(stats.exit_code, 0) << "after a kill at " << delay_ms << " ms: " << stats.err;
    json s = json::parse(stats.out);
    uint64_t articles = 0;
    for (const auto& t : s["types"]) {
      if (t["value"] == "article") articles = t["count"];
    }
    EXPECT_EQ(articles, s["files"].get<uint64_t>()) << "a commit holds whole files only";
  }
  auto done = RunNewsidx("build --corpus " + ShellQuote(corpus) + " --db " + ShellQuote(db));
  ASSERT_EQ(done.exit_code, 0) << done.err;
  auto clean = RunNewsidx("build --corpus " + ShellQuote(corpus) + " --db " +
                          ShellQuote(dir / "clean"));
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  for (const char* q : {"blair", "\"prime minister\"", "football OR rugby"}) {
    auto a = RunNewsidx("query --json --limit 1000 --db " + ShellQuote(db) + " " + ShellQuote(q));
    auto b = RunNewsidx("query --json --limit 1000 --db " + ShellQuote(dir / "clean") + " " +
                        ShellQuote(q));
    json ja = json::parse(a.out), jb = json::parse(b.out);
    EXPECT_EQ(ja["total"], jb["total"]) << q;
    std::set<std::string> ids_a, ids_b;
    for (const auto& h : ja["hits"]) ids_a.insert(h["article"]["id"].get<std::string>());
    for (const auto& h : jb["hits"]) ids_b.insert(h["article"]["id"].get<std::string>());
    EXPECT_EQ(ids_a, ids_b) << q;
  }
}


bool Accepting(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving one shard on loopback, stopped with the object.
class TcpServer {
 public:
  TcpServer(const std::string& shard, int port) {
    std::vector<std::string> args = {kTcpsrv, "--interface", "127.0.0.1", "--port",
                                     std::to_string(port), shard};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its own process group: xapian-tcpsrv signals its whole group when it stops.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawn_file_actions_t quiet;  // it logs every connection
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&quiet, 1, 2);
    if (posix_spawn(&pid_, kTcpsrv, &quiet, &attr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&quiet);
    posix_spawnattr_destroy(&attr);
    for (int i = 0; i < 100 && pid_ > 0 && !Accepting(port); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~TcpServer() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  static constexpr const char* kTcpsrv = "/usr/bin/xapian-tcpsrv";

 private:
  pid_t pid_ = -1;
};

// A query's JSON with hits of equal score in a fixed order: shards number
// documents differently, so ties may come back in another order.
json Canonical(json result) {
  if (!result.contains("hits")) return result;
  std::vector<json> hits(result["hits"].begin(), result["hits"].end());
  std::sort(hits.begin(), hits.end(), [](const json& a, const json& b) {
    auto key = [](const json& h) {
      char score[32];
      std::snprintf(score, sizeof score, "%.9f", h["score"].get<double>());
      return std::make_tuple(std::string(score), h["article"]["id"].get<std::string>(), h.dump());
    };
    return key(a) > key(b);
  });
  result["hits"] = hits;
  return result;
}

// Results, facets and snippets; not "did you mean", as Xapian's remote
// protocol carries no spelling data.
TEST(RemoteShards, TwoTcpServersAnswerLikeOneDatabase) {
  if (!std::filesystem::exists(TcpServer::kTcpsrv)) {
    GTEST_SKIP() << TcpServer::kTcpsrv << " is absent (Debian's xapian-tools; scripts/deps installs it)";
  }
  testing::TempDir dir;
  std::string corpus = testing::CorpusDir();
  std::string shared = testing::SharedDir();
  if (!shared.empty()) corpus += " " + ShellQuote(shared + "/corpora/bbc-fulltext/politics");
  for (const char* shards : {"1", "2"}) {
    std::string db = dir / (std::string(shards) == "1" ? "one" : "two");
    auto r = RunNewsidx("build --corpus " + corpus + " --shards " + shards + " --db " + ShellQuote(db));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::vector<std::string> shards = absl::StrSplit(testing::ReadFile(dir / "two/XAPIANDB"), '\n',
                                                   absl::SkipEmpty());
  ASSERT_EQ(shards.size(), 2u);
  std::string stub;
  std::vector<std::unique_ptr<TcpServer>> servers;
  for (std::string& line : shards) {
    ASSERT_EQ(line.rfind("auto ", 0), 0u) << line;
    int port = testing::FreeLoopbackPort();
    servers.push_back(std::make_unique<TcpServer>(dir / ("two/" + line.substr(5)), port));
    ASSERT_TRUE(Accepting(port)) << "xapian-tcpsrv did not start on port " << port;
    stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
  }
  testing::WriteFile(dir / "remote.stub", stub);

  const std::string flags = " --json --limit 1000 --facets speaker,source,date,type ";
  // The last two find only BBC articles (without them, no hits but a "did you
  // mean", which remote shards cannot give); the rest find seed articles.
  const std::vector<std::string> queries = {
      "\"security guarantees\"", "speaker:honchar \"article 5\"",
      "everything Zelensky said about NATO", "type:quote", "date:2025-12..2025-12-31 troops",
      "election OR vote", "title:blair -iraq"};
  for (size_t i = 0; i < queries.size(); ++i) {
    const std::string& q = queries[i];
    if (i >= 5 && shared.empty()) continue;
    auto local = RunNewsidx("query" + flags + "--db " + ShellQuote(dir / "one") + " " + ShellQuote(q));
    auto remote = RunNewsidx("query" + flags + "--db " + ShellQuote(dir / "remote.stub") + " " + ShellQuote(q));
    ASSERT_EQ(local.exit_code, 0) << local.err;
    ASSERT_EQ(remote.exit_code, 0) << q << ": " << remote.err;
    json a = json::parse(local.out), b = json::parse(remote.out);
    EXPECT_GT(a["total"].get<int>(), 0) << q;
    if (a["total"].get<int>() > 1000) {  // which 1000 of the ties come back differs
      a.erase("hits");
      b.erase("hits");
    }
    EXPECT_EQ(Canonical(a), Canonical(b)) << q;
  }
  auto sorted_lines = [](const std::string& text) {
    std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  auto local = RunNewsidx("quotes --json --db " + ShellQuote(dir / "one") + " speaker:zelensky");
  auto remote = RunNewsidx("quotes --json --db " + ShellQuote(dir / "remote.stub") + " speaker:zelensky");
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_FALSE(local.out.empty());
  EXPECT_EQ(sorted_lines(local.out), sorted_lines(remote.out));
}

}  // namespace
}  // namespace newsidx
