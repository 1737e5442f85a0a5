// End to end: the real binary on hostile input and under kill -9. A build
// keeps every good article, reports every bad file in one line, exits 0, and
// a killed build leaves an index that answers and that the next build
// completes exactly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunNewsidx;
using testing::ShellQuote;
using namespace std::string_literals;

// Ids of the articles a query finds.
std::set<std::string> ArticleIds(const std::string& db, const std::string& q) {
  auto r = RunNewsidx("query --json --limit 1000 --db " + ShellQuote(db) + " " + ShellQuote(q));
  EXPECT_EQ(r.exit_code, 0) << q << ": " << r.err;
  std::set<std::string> ids;
  json j = json::parse(r.out, nullptr, false);
  if (!j.is_object()) return ids;
  for (const auto& h : j["hits"]) ids.insert(h["article"]["id"].get<std::string>());
  return ids;
}

json Stats(const std::string& db) {
  auto r = RunNewsidx("stats --json --db " + ShellQuote(db));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out, nullptr, false);
}

uint64_t CountOfType(const json& stats, const std::string& type) {
  for (const auto& t : stats["types"]) {
    if (t["value"] == type) return t["count"];
  }
  return 0;
}

std::string RandomBytes(size_t n) {
  std::mt19937 rng(7);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

// Words chosen so that each bad-input article can be found by one of them.
std::string HugeSingleLine() {
  std::string line = "Budget talks ";
  const char* const words[] = {"budget", "minister", "election", "vote", "school", "health"};
  for (size_t i = 0; line.size() < (6u << 20); ++i) absl::StrAppend(&line, words[i % 6], " ");
  return line + "xylophonist";
}

std::string DeepHtml() {
  std::string html = "<html><head><title>Deep page</title></head><body>";
  for (int i = 0; i < 50000; ++i) html += "<div>";
  html += "<p>Words about zebras inside fifty thousand divisions.</p>";
  for (int i = 0; i < 50000; ++i) html += "</div>";
  return html + "</body></html>";
}

// The folder of every kind of bad input of issue 6, beside the five seeds.
void WriteHostileCorpus(const fs::path& c) {
  fs::copy(testing::CorpusDir(), c);
  for (const auto& e : fs::directory_iterator(c)) {
    fs::permissions(e.path(), fs::perms::owner_write, fs::perm_options::add);
  }
  testing::WriteFile(c / "random.txt", RandomBytes(20000));
  testing::WriteFile(c / "latin1.txt",
                     "Caf\xe9 owners protest\n\nThe caf\xe9 owners of Li\xe8ge marched on "
                     "Tuesday \xff\xfe against the new tariffs.\n");
  testing::WriteFile(c / "damaged-utf8.txt",
                     "Bridge reopens\n\n\xe2\x80\x9cWe will rebuild the bridge before winter,\xe2\x80"
                     "\x9d said Olena Kravets, the mayor.\n\nA stray byte \xff sits here.\n");
  testing::WriteFile(c / "nul.txt",
                     "Night shift\n\nThe night\0shift nurses walked out\0over pay.\n"s);
  testing::WriteFile(c / "all-nul.txt", std::string(4096, '\0'));
  testing::WriteFile(c / "empty.txt", "");
  testing::WriteFile(c / "huge-line.txt", HugeSingleLine());
  testing::WriteFile(c / "deep.html", DeepHtml());
  testing::WriteFile(c / "feed.jsonl",
                     "{\"id\": \"feed-1\", \"title\": \"Apple harvest\", \"body\": \"Orchards report "
                     "a record apple harvest.\"}\n"
                     "{\"id\": \"feed-2\", \"title\": \"broken\n"
                     "\xff\xfe not json at all\n"
                     "{\"id\": \"feed-3\", \"title\": \"Pear prices\", \"body\": \"Pear prices fell "
                     "sharply.\"}\n"
                     "[1, 2, 3]\n");
  fs::create_symlink("loop-b.txt", c / "loop-a.txt");
  fs::create_symlink("loop-a.txt", c / "loop-b.txt");
  mkfifo((c / "pipe.txt").c_str(), 0644);  // reading it would block forever
  fs::create_directories(c / "sub");
  fs::create_symlink("..", c / "sub" / "up");  // a folder loop
  testing::WriteFile(c / "unreadable.txt", "Secret\n\nNobody may read this text.\n");
  fs::permissions(c / "unreadable.txt", fs::perms::none);
}

// Root reads any file: the build then runs as nobody, so that a file without
// read permission is unreadable as it would be for a newsroom's user.
std::string AsUnprivileged(const fs::path& dir) {
  if (geteuid() != 0) return "";
  for (auto p = fs::recursive_directory_iterator(dir); p != fs::recursive_directory_iterator(); ++p) {
    if (p->is_symlink() || p->path().filename() == "unreadable.txt") continue;
    fs::permissions(p->path(), fs::perms::all, fs::perm_options::add);
  }
  fs::permissions(dir, fs::perms::all, fs::perm_options::add);
  return "setpriv --reuid=65534 --regid=65534 --clear-groups -- ";
}

TEST(BadInput, EveryGoodArticleIsIndexedAndEveryBadFileSaysWhyInOneLine) {
  testing::TempDir dir;
  const fs::path c = dir.path() / "c";
  const std::string db = dir / "db";
  WriteHostileCorpus(c);
  const std::string user = AsUnprivileged(dir.path());
  auto r = testing::RunCommand(user + NEWSIDX_BINARY + " build --corpus " + ShellQuote(c.string()) +
                               " --db " + ShellQuote(db));
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // One line per skipped file, naming it and the reason.
  std::vector<std::string> lines = absl::StrSplit(r.err, '\n', absl::SkipEmpty());
  auto said = [&](const std::string& file, const std::string& reason) {
    int n = 0;
    for (const std::string& l : lines) {
      n += absl::StrContains(l, file) && absl::StrContains(l, reason);
    }
    return n;
  };
  EXPECT_EQ(said("skipped " + (c / "random.txt").string(), "binary data, not text"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "all-nul.txt").string(), "binary data, not text"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "empty.txt").string(), "no text"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "loop-a.txt").string(), "not a regular file"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "loop-b.txt").string(), "not a regular file"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "pipe.txt").string(), "not a regular file"), 1) << r.err;
  EXPECT_EQ(said("skipped " + (c / "unreadable.txt").string(), ""), 1) << r.err;
  EXPECT_EQ(said("feed.jsonl: line 2", "not a JSON object"), 1) << r.err;
  EXPECT_EQ(said("feed.jsonl: line 3", "not a JSON object"), 1) << r.err;
  EXPECT_EQ(said("feed.jsonl: line 5", "not a JSON object"), 1) << r.err;
  EXPECT_EQ(said("damaged-utf8.txt", "1 broken UTF-8 sequence replaced"), 1) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "7 skipped")) << r.err;

  // Every good article, and the readable text of the damaged ones.
  json stats = Stats(db);
  EXPECT_EQ(CountOfType(stats, "article"), 5u + 7u) << stats.dump();
  EXPECT_EQ(stats["skipped"].size(), 7u) << stats.dump();
  EXPECT_EQ(ArticleIds(db, "tariffs"), std::set<std::string>{"latin1"});
  EXPECT_EQ(ArticleIds(db, "\"night shift nurses\""), std::set<std::string>{"nul"});
  EXPECT_EQ(ArticleIds(db, "xylophonist"), std::set<std::string>{"huge-line"});
  EXPECT_EQ(ArticleIds(db, "zebras"), std::set<std::string>{"deep"});
  EXPECT_EQ(ArticleIds(db, "apple OR pear"), (std::set<std::string>{"feed-1", "feed-3"}));
  EXPECT_EQ(ArticleIds(db, "guarantee type:article").size(), 5u);
  // Curly quotes survive the repair of a broken byte, so the quote is found.
  auto q = RunNewsidx("quotes --json --db " + ShellQuote(db) + " " + ShellQuote("speaker:kravets"));
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_TRUE(absl::StrContains(q.out, "We will rebuild the bridge before winter")) << q.out;
}

// Runs `args` and kills it with SIGKILL after `delay`.
void RunAndKill(std::vector<std::string> args, std::chrono::milliseconds delay) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&quiet);
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

// kill -9 during incremental builds that commit every 100 files: each time
// the index answers with whole files only, and the next build completes it
// with no duplicate and no missing document.
TEST(CrashSafety, KilledIncrementalBuildsAreCompletedExactly) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no corpus large enough";
  testing::TempDir dir;
  const fs::path corpus = dir.path() / "bbc", later = dir.path() / "later";
  fs::copy(shared + "/corpora/bbc-fulltext", corpus, fs::copy_options::recursive);
  // A first build of business/ alone; the rest arrives later.
  fs::create_directories(later);
  for (const char* topic : {"entertainment", "politics", "sport", "tech"}) {
    fs::rename(corpus / topic, later / topic);
  }
  const std::string db = dir / "db";
  auto first = RunNewsidx("build --corpus " + ShellQuote(corpus.string()) + " --db " + ShellQuote(db));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const uint64_t before = Stats(db)["files"];
  for (const auto& e : fs::directory_iterator(later)) fs::rename(e.path(), corpus / e.path().filename());
  auto clean = RunNewsidx("build --corpus " + ShellQuote(corpus.string()) + " --db " +
                          ShellQuote(dir / "clean"));
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  const uint64_t total = Stats(dir / "clean")["files"];

  std::set<uint64_t> seen;
  for (int delay_ms : {300, 900, 1700, 2600}) {
    RunAndKill({NEWSIDX_BINARY, "build", "--corpus", corpus.string(), "--db", db, "--commit-every",
                "100"},
               std::chrono::milliseconds(delay_ms));
    json stats = Stats(db);
    ASSERT_TRUE(stats.is_object()) << "after a kill at " << delay_ms << " ms";
    const uint64_t files = stats["files"];
    EXPECT_EQ(CountOfType(stats, "article"), files) << "a commit holds whole files only";
    EXPECT_FALSE(ArticleIds(db, "year").empty());
    seen.insert(files);
    std::printf("kill -9 at %d ms: the index answers with %llu of %llu files\n", delay_ms,
                static_cast<unsigned long long>(files), static_cast<unsigned long long>(total));
  }
  // At least one kill landed between two commits, or the test tested nothing.
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(),
                          [&](uint64_t n) { return n > before && n < total; }))
      << "no kill landed mid-build";

  auto done = RunNewsidx("build --corpus " + ShellQuote(corpus.string()) + " --db " + ShellQuote(db));
  ASSERT_EQ(done.exit_code, 0) << done.err;
  json a = Stats(db), b = Stats(dir / "clean");
  EXPECT_EQ(a["files"], total);
  EXPECT_EQ(a["documents"], b["documents"]);
  EXPECT_EQ(a["types"], b["types"]);
  for (const char* q : {"blair", "\"prime minister\"", "football OR rugby", "speaker:blair"}) {
    EXPECT_EQ(ArticleIds(db, q), ArticleIds(dir / "clean", q)) << q;
  }
}

}  // namespace
}  // namespace newsidx
