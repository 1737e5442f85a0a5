// bench/scale_corpus: the same arguments give the same bytes, every article
// has its own file, and newsidx reads them as articles with dates, outlets,
// quotes and many speakers.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_split.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;
using testing::ShellQuote;
using testing::TempDir;

std::string BbcDir() {
  std::string shared = testing::SharedDir();
  if (shared.empty()) return "";
  std::error_code ec;
  std::string bbc = shared + "/corpora/bbc-fulltext";
  return fs::is_directory(bbc, ec) ? bbc : "";
}

int Generate(const std::string& from, int count, const std::string& out,
             const std::string& extra = "") {
  std::string cmd = std::string(NEWSIDX_SCALE_CORPUS) + " --from " + ShellQuote(from) +
                    " --count " + std::to_string(count) + " --out " + ShellQuote(out) + " " +
                    extra + " 2>/dev/null";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Paths under `dir`, relative and sorted.
std::vector<std::string> Files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ScaleCorpus, DeterministicDistinctFilesThatNewsidxIndexes) {
  const std::string bbc = BbcDir();
  if (bbc.empty()) GTEST_SKIP() << "../shared/corpora/bbc-fulltext is absent: no source corpus";
  TempDir dir;
  const std::string a = dir / "a", b = dir / "b", c = dir / "c", db = dir / "db";
  ASSERT_EQ(Generate(bbc, 300, a), 0);
  ASSERT_EQ(Generate(bbc, 300, b), 0);

  // Byte-identical runs; 300 distinct names in folders of at most 1,000.
  std::vector<std::string> files = Files(a);
  ASSERT_EQ(files.size(), 300u);
  ASSERT_EQ(Files(b), files);
  std::set<std::string> names;
  for (const std::string& f : files) {
    EXPECT_EQ(testing::ReadFile(a + "/" + f), testing::ReadFile(b + "/" + f)) << f;
    EXPECT_EQ(fs::path(f).parent_path().generic_string(), "00000") << f;
    names.insert(fs::path(f).filename().string());
  }
  EXPECT_EQ(names.size(), 300u);

  // Another seed, other articles; an output folder in use is refused.
  ASSERT_EQ(Generate(bbc, 3, c, "--seed 2"), 0);
  EXPECT_NE(testing::ReadFile(c + "/00000/00000000.txt"),
            testing::ReadFile(a + "/00000/00000000.txt"));
  EXPECT_EQ(Generate(bbc, 3, c), 2);

  // newsidx finds a title, a date and an outlet in each, quotes and speakers.
  auto built = testing::RunNewsidx("build --corpus " + ShellQuote(a) + " --db " + ShellQuote(db));
  ASSERT_EQ(built.exit_code, 0) << built.err;
  auto stats = testing::RunNewsidx("stats --json --db " + ShellQuote(db));
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  nlohmann::json s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["files"], 300);
  EXPECT_TRUE(s["skipped"].empty()) << s["skipped"];
  EXPECT_EQ(s["dates"]["first"], "2000-01-01");
  EXPECT_EQ(s["dates"]["last"], "2000-01-03");  // 120 articles a day
  EXPECT_EQ(s["sources"].size(), 8u);
  int articles = 0, quotes = 0;
  for (const auto& t : s["types"]) {
    if (t["value"] == "article") articles = t["count"];
    if (t["value"] == "quote") quotes = t["count"];
  }
  EXPECT_EQ(articles, 300);
  EXPECT_GE(quotes, 600) << "the BBC source has about 5 quotes an article";

  auto listed = testing::RunNewsidx("quotes --json --db " + ShellQuote(db));
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::set<std::string> speakers;
  for (absl::string_view line : absl::StrSplit(listed.out, '\n', absl::SkipEmpty())) {
    nlohmann::json q = nlohmann::json::parse(line);
    if (q["speaker"].is_string()) speakers.insert(q["speaker"].get<std::string>());
  }
  EXPECT_GE(speakers.size(), 50u);

  // Every article has a title and a dated, sourced hit.
  auto hits = testing::RunNewsidx("query --json --limit 300 --db " + ShellQuote(db) +
                                  " 'type:article date:2000-01-02'");
  ASSERT_EQ(hits.exit_code, 0) << hits.err;
  nlohmann::json h = nlohmann::json::parse(hits.out);
  EXPECT_EQ(h["total"], 120);
  for (const auto& hit : h["hits"]) {
    EXPECT_TRUE(hit["article"]["title"].is_string()) << hit["article"]["path"];
    EXPECT_TRUE(hit["article"]["source"].is_string()) << hit["article"]["path"];
  }
}

}  // namespace
}  // namespace newsidx
