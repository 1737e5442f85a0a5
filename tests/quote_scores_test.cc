// Quote accuracy end to end: `newsidx build` then `newsidx quotes --json`,
// scored by bench/quote_eval against the labelled seed and PolNeAR quotes.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <regex>

#include "tests/test_util.h"

namespace newsidx {
namespace {

struct Tier {
  int labelled = 0, found = 0, attributed = 0;
};

struct Scores {
  std::map<std::string, Tier> tiers;     // "all", "core", "hard", "indirect"
  std::map<std::string, int> strays;     // by kind
};

// Indexes `articles`, lists every quote as JSON Lines and scores them.
Scores ScoreCorpus(const std::string& labels, const std::string& articles) {
  testing::TempDir tmp;
  const std::string db = testing::ShellQuote(tmp / "db");
  auto built = testing::RunNewsidx("build --db " + db + " --corpus " + testing::ShellQuote(articles));
  EXPECT_EQ(built.exit_code, 0) << built.err;
  auto quotes = testing::RunNewsidx("quotes --json --db " + db);
  EXPECT_EQ(quotes.exit_code, 0) << quotes.err;
  testing::WriteFile(tmp / "quotes.jsonl", quotes.out);
  std::string out = testing::RunCommand(std::string(NEWSIDX_QUOTE_EVAL) + " " +
                                        testing::ShellQuote(labels) + " " +
                                        testing::ShellQuote(tmp / "quotes.jsonl"))
                        .out;
  std::printf("%s", out.c_str());
  Scores s;
  std::regex tier(R"((\w+)\s+(\d+) labelled\s+found\s+(\d+) \(.*attributed\s+(\d+) \()");
  std::regex stray(R"(strays\s+(\d+) (\w+) quotes)");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), tier); it != std::sregex_iterator(); ++it) {
    s.tiers[(*it)[1]] = {std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4])};
  }
  for (auto it = std::sregex_iterator(out.begin(), out.end(), stray); it != std::sregex_iterator(); ++it) {
    s.strays[(*it)[2]] = std::stoi((*it)[1]);
  }
  return s;
}

TEST(QuoteScores, SeedAcceptanceQuotes) {
  std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no acceptance labels";
  Scores s = ScoreCorpus(shared + "/acceptance/seed-quotes.jsonl", testing::CorpusDir());
  ASSERT_EQ(s.tiers["core"].labelled, 25);
  EXPECT_EQ(s.tiers["core"].attributed, 25);
  ASSERT_EQ(s.tiers["hard"].labelled, 5);
  EXPECT_GE(s.tiers["hard"].attributed, 4);
  ASSERT_EQ(s.tiers["indirect"].labelled, 12);
  EXPECT_GE(s.tiers["indirect"].attributed, 10);
  // Quotes in quote marks that no label names: headlines, scare quotes, titles.
  EXPECT_LE(s.strays["direct"] + s.strays["partial"], 2);
}

TEST(QuoteScores, PolnearAttribution) {
  std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: no PolNeAR labels";
  Scores s = ScoreCorpus(shared + "/corpora/polnear-dev/quotes.jsonl",
                         shared + "/corpora/polnear-dev/articles");
  const Tier& all = s.tiers["all"];
  ASSERT_EQ(all.labelled, 1837);
  // Issue 3 asks for 96% of PolNeAR's named direct quotes attributed.
  EXPECT_GE(100.0 * all.attributed / all.labelled, 96.0);
}

}  // namespace
}  // namespace newsidx
