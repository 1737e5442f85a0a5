// Query rewriting, and the analyzer parity promise: every word of the seeds
// is found by a query for it, through the whole query pipeline.
#include "searcher/query.h"

#include <gtest/gtest.h>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "analyzers/article.h"
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

std::string Rewrite(const std::string& q) {
  Tokenizer t;
  auto r = RewriteQuery(q, t);
  return r.ok() ? *r : "ERROR: " + std::string(r.status().message());
}

TEST(RewriteQuery, WordsBecomeAnalyzerTerms) {
  EXPECT_EQ(Rewrite("Zelenskyy’s U.S. Caliber.Az"), "zelenskyy's u-s caliber-az");
  EXPECT_EQ(Rewrite("“security guarantees”"), "\"security guarantees\"");
  EXPECT_EQ(Rewrite("€300 5-style"), "300 5-style");
  EXPECT_EQ(Rewrite("secur*"), "secur*");
}

TEST(RewriteQuery, OperatorsAndFieldsPassThrough) {
  EXPECT_EQ(Rewrite("nato AND NOT kallas"), "nato AND NOT kallas");
  EXPECT_EQ(Rewrite("+nato -kallas (a OR b)"), "+nato -kallas (a OR b)");
  EXPECT_EQ(Rewrite("Title:NATO source:Caliber.Az"), "title:nato source:caliber-az");
  EXPECT_EQ(Rewrite("speaker:\"Mykhailo Honchar\""), "speaker:\"mykhailo honchar\"");
  EXPECT_EQ(Rewrite("type:Quote"), "type:quote");
  EXPECT_EQ(Rewrite("unknown:field"), "unknown-field");
}

TEST(RewriteQuery, DatesBecomeExplicitRanges) {
  EXPECT_EQ(Rewrite("date:2025-12-15..2025-12-17"), "date:2025-12-15..2025-12-17");
  EXPECT_EQ(Rewrite("date:2025-12"), "date:2025-12-01..2025-12-31");
  EXPECT_EQ(Rewrite("date:2024"), "date:2024-01-01..2024-12-31");
  EXPECT_EQ(Rewrite("date:..2025-12-15"), "date:..2025-12-15");
  EXPECT_EQ(Rewrite("date:2025-12.."), "date:2025-12-01..");
}

TEST(RewriteQuery, BadInputIsRejectedWithAReason) {
  EXPECT_EQ(Rewrite("date:2025-13"),
            "ERROR: bad date '2025-13' in date:2025-13 (use YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(Rewrite("date:2025-12-17..2025-12-01"),
            "ERROR: date range 2025-12-17..2025-12-01 ends before it begins");
  EXPECT_EQ(Rewrite("date:"), "ERROR: date: needs a date, e.g. date:2025-12-15");
  EXPECT_EQ(Rewrite("type:video"),
            "ERROR: type:video is not a type (use type:article or type:quote)");
  EXPECT_EQ(Rewrite(std::string(5000, 'a')).substr(0, 14), "ERROR: query i");
}

// Found by fuzz/query_fuzz.cc: "o.\u07FDi" became "o-\u07FDi", which
// rewrote to "o-i"; "_@" became "_", which rewrote to nothing. The
// rewrite's output (the JSON's "parsed", the base of "did you mean") must
// read back as itself.
TEST(RewriteQuery, RewrittenQueryRewritesToItself) {
  for (const std::string q : {"o.\u07FDi", "o.\u0301i", "_@ x_1", "NEAR NEAR NEAR s",
                              "Zelenskyy’s U.S. Caliber.Az",
                              "speaker:\"Mykhailo Honchar\" date:2025-12 -kallas secur*"}) {
    std::string once = Rewrite(q);
    EXPECT_EQ(Rewrite(once), once) << q;
  }
  EXPECT_EQ(Rewrite("o.\u07FDi"), "o-i");
}

// Found by fuzz/query_fuzz.cc: "-1 NEAR s s" is a syntax error to Xapian's
// QueryParser, which then leaked (LeakSanitizer) and searched every word
// with OR. NEAR and ADJ stay operators only where QueryParser takes them.
TEST(RewriteQuery, NearAndAdjOnlyWhereQueryParserTakesThem) {
  for (const char* kept : {"nato NEAR kallas", "a NEAR b NEAR c", "title:troops ADJ papers",
                           "(nato NEAR kallas) OR x", "x AND NOT (a ADJ b)", "NOT a NEAR b"}) {
    EXPECT_EQ(Rewrite(kept), kept);
  }
  EXPECT_EQ(Rewrite("-1 NEAR s s"), "-1 near s s");
  EXPECT_EQ(Rewrite("a NEAR b c"), "a near b c");
  EXPECT_EQ(Rewrite("x a NEAR b"), "x a near b");
  EXPECT_EQ(Rewrite("a NEAR U.S."), "a near u-s");
  EXPECT_EQ(Rewrite("a NEAR b ADJ c"), "a near b adj c");
  EXPECT_EQ(Rewrite("NEAR a NEAR"), "near a near");
  EXPECT_EQ(Rewrite("a NEAR \"b c\" type:quote ADJ d"), "a near \"b c\" type:quote adj d");
  EXPECT_EQ(Rewrite("-a NEAR b"), "-a near b");
  // A NEAR made a word is a word operand: decided until nothing changes,
  // so that the result rewrites to itself.
  EXPECT_EQ(Rewrite("NEAR NEAR NEAR s"), "near near near s");
  EXPECT_EQ(Rewrite("NEAR NEAR x"), "near NEAR x");
}

class SeedIndex : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    BuildOptions options;
    options.corpus_paths = {testing::CorpusDir()};
    options.db_path = *dir_ / "db";
    ASSERT_TRUE(BuildIndex(options).ok());
    auto s = Searcher::Open(options.db_path);
    ASSERT_TRUE(s.ok()) << s.status();
    searcher_ = s->release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static Searcher* searcher_;
};
testing::TempDir* SeedIndex::dir_ = nullptr;
Searcher* SeedIndex::searcher_ = nullptr;

TEST_F(SeedIndex, EveryWordOfEverySeedFindsItsArticle) {
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::CorpusDir())) {
    std::string id = entry.path().stem().string();
    ParsedFile parsed = ParseArticles(testing::ReadFile(entry.path().string()), Format::kText,
                                      id, entry.path().string());
    ASSERT_EQ(parsed.articles.size(), 1u);
    std::string text = parsed.articles[0].title + "\n" + parsed.articles[0].text;
    absl::flat_hash_set<std::string> words;
    for (absl::string_view w : absl::StrSplit(text, absl::ByAnyChar(" \n\t"), absl::SkipEmpty())) {
      words.insert(std::string(w));
    }
    for (const std::string& word : words) {
      if (Tokenizer().Terms(word).empty()) continue;  // "—", "•": no word to index or find
      // Quote the word so it is searched as written, not as query syntax.
      std::string q = absl::StrCat("\"", absl::StrReplaceAll(word, {{"\"", ""}, {"“", ""}, {"”", ""}, {"„", ""}, {"«", ""}, {"»", ""}}), "\" type:article");
      SearchRequest req;
      req.query = q;
      req.limit = 10;
      auto r = searcher_->Search(req);
      ASSERT_TRUE(r.ok()) << word << ": " << r.status();
      bool found = false;
      for (const Hit& h : r->hits) found = found || h.doc.id == id;
      EXPECT_TRUE(found) << "word '" << word << "' of " << id << " → " << r->parsed;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1500u);
}

// The NEAR leak above, through the whole parse: the ASan preset's
// LeakSanitizer fails this test if Xapian is handed the syntax error again.
TEST_F(SeedIndex, MisplacedNearIsSearchedAsAWord) {
  SearchRequest req;
  req.query = "-1 NEAR s s";
  auto r = searcher_->Search(req);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->parsed, "-1 near s s");
}

TEST_F(SeedIndex, NamedHardCasesAreFound) {
  for (const char* q : {"Zelenskyy’s", "Zelenskyy's", "5-style", "U.S.", "€300", "Caliber.Az",
                        "\"Article 5-style mechanism\"", "ZELENSKYY", "guarantee"}) {
    SearchRequest req;
    req.query = q;
    auto r = searcher_->Search(req);
    ASSERT_TRUE(r.ok()) << q;
    EXPECT_GT(r->total, 0u) << q << " → " << r->parsed;
  }
}

}  // namespace
}  // namespace newsidx
