// The indexer: documents by the schema, incremental rebuilds, parallel builds.
#include "indexer/indexer.h"

#include <xapian.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "indexer/document.h"
#include "schema/schema.h"
#include "searcher/search.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;

BuildReport Build(const std::string& corpus, const std::string& db, int jobs = 1) {
  BuildOptions o;
  o.corpus_paths = {corpus};
  o.db_path = db;
  o.jobs = jobs;
  o.commit_every = 2;  // several commits even on a small corpus
  auto r = BuildIndex(o);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : BuildReport{};
}

// Every document's data, in order of its id term, to compare whole indexes.
std::multiset<std::string> AllData(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::multiset<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    out.insert(db.get_document(*it).get_data());
  }
  return out;
}

Xapian::doccount Articles(const std::string& db_path) {
  return Xapian::Database(db_path).get_termfreq(schema::Term(schema::kType, schema::kTypeArticle));
}

uint64_t Hits(const std::string& db, const std::string& q) {
  auto s = Searcher::Open(db);
  EXPECT_TRUE(s.ok()) << s.status();
  SearchRequest r;
  r.query = q;
  auto res = (*s)->Search(r);
  EXPECT_TRUE(res.ok()) << res.status();
  return res.ok() ? res->total : 0;
}

TEST(ArticleDocument, FieldsTermsValuesAndGap) {
  auto stemmer = Stemmer::Create("en");
  ASSERT_TRUE(stemmer.ok());
  TextAnalyzer analyzer{Tokenizer(), **stemmer};
  Article a;
  a.id = "x";
  a.path = "x.txt";
  a.title = "Alpha beta";
  a.text = "Gamma delta guarantees.";
  a.source = "Caliber.Az";
  a.date = absl::CivilDay(2025, 12, 17);
  Xapian::Document doc = ArticleDocument(a, "/abs/x.txt", analyzer);
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  for (const char* t : {"alpha", "Salpha", "ZSalpha", "guarantees", "Zguarante", "XScaliber",
                        "XSaz", "XSOURCEcaliber.az", "XTYPEarticle", "D20251217",
                        "XFILE/abs/x.txt", "Q/abs/x.txt#x"}) {
    EXPECT_TRUE(terms.count(t)) << t;
  }
  // Body positions start past the title and a gap, so no phrase spans both.
  auto beta = doc.termlist_begin();
  beta.skip_to("beta");
  auto gamma = doc.termlist_begin();
  gamma.skip_to("gamma");
  EXPECT_GE(*gamma.positionlist_begin() - *beta.positionlist_begin(), kFieldGap);
  EXPECT_EQ(doc.get_value(schema::kSourceSlot), "Caliber.Az");
  EXPECT_FALSE(doc.get_value(schema::kDateSlot).empty());
}

TEST(BuildIndex, PhrasesDoNotCrossFields) {
  testing::TempDir dir;
  testing::WriteFile(dir / "c/a.txt", "Alpha beta\n\nGamma delta.\n");
  Build(dir / "c", dir / "db");
  EXPECT_EQ(Hits(dir / "db", "\"alpha beta\""), 1u);
  EXPECT_EQ(Hits(dir / "db", "\"gamma delta\""), 1u);
  EXPECT_EQ(Hits(dir / "db", "\"beta gamma\""), 0u);
  EXPECT_EQ(Hits(dir / "db", "title:alpha"), 1u);
  EXPECT_EQ(Hits(dir / "db", "title:gamma"), 0u);
}

TEST(BuildIndex, IncrementalRebuilds) {
  testing::TempDir dir;
  fs::copy(testing::CorpusDir(), dir / "c");
  BuildReport first = Build(dir / "c", dir / "db");
  EXPECT_EQ(first.files_indexed, 5u);
  EXPECT_EQ(first.articles, 5u);
  EXPECT_GT(first.quotes, 20u);
  auto before = AllData(dir / "db");

  BuildReport again = Build(dir / "c", dir / "db");
  EXPECT_EQ(again.files_indexed, 0u);
  EXPECT_EQ(again.files_unchanged, 5u);
  EXPECT_EQ(AllData(dir / "db"), before);

  // A changed file is replaced, not duplicated.
  std::string changed = dir / "c/002_0cbfb9ea5489f397.txt";
  testing::WriteFile(changed, testing::ReadFile(changed) + "\nA brand new zanzibarite line.\n");
  BuildReport update = Build(dir / "c", dir / "db");
  EXPECT_EQ(update.files_indexed, 1u);
  EXPECT_EQ(update.files_unchanged, 4u);
  EXPECT_EQ(Articles(dir / "db"), 5u);
  EXPECT_EQ(Hits(dir / "db", "zanzibarite"), 1u);

  // A deleted file's document goes; the others stay as they were.
  auto with_change = AllData(dir / "db");
  std::string gone = dir / "c/003_c632a93966c544a6.txt";
  std::vector<std::string> gone_data;  // the article and its quotes
  for (const std::string& d : with_change) {
    if (d.find("003_c632a93966c544a6") != std::string::npos) gone_data.push_back(d);
  }
  ASSERT_FALSE(gone_data.empty());
  fs::remove(gone);
  BuildReport removal = Build(dir / "c", dir / "db");
  EXPECT_EQ(removal.files_removed, 1u);
  EXPECT_EQ(removal.files_indexed, 0u);
  for (const std::string& d : gone_data) with_change.erase(with_change.find(d));
  EXPECT_EQ(AllData(dir / "db"), with_change);
}

TEST(BuildIndex, ParallelBuildEqualsSerialBuild) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "one", 1);
  Build(testing::CorpusDir(), dir / "two", 2);
  EXPECT_EQ(AllData(dir / "one"), AllData(dir / "two"));
}

TEST(BuildIndex, OtherSchemaVersionIsRebuiltFromScratch) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "db");
  {
    Xapian::WritableDatabase db(dir / "db");
    db.set_metadata(std::string(schema::kMetaSchemaVersion), "0");
    db.commit();
  }
  EXPECT_FALSE(Searcher::Open(dir / "db").ok());
  BuildReport r = Build(testing::CorpusDir(), dir / "db");
  EXPECT_EQ(r.files_indexed, 5u);
  EXPECT_EQ(Articles(dir / "db"), 5u);
  EXPECT_TRUE(Searcher::Open(dir / "db").ok());
}

TEST(BuildIndex, BadFilesAreSkippedAndCounted) {
  testing::TempDir dir;
  testing::WriteFile(dir / "c/good.txt", "Good headline\n\nGood body text.\n");
  testing::WriteFile(dir / "c/empty.txt", "");
  testing::WriteFile(dir / "c/feed.jsonl", "{\"title\": \"Line one\", \"body\": \"x\"}\nnot json\n");
  testing::WriteFile(dir / "c/notes.pdf", "%PDF");
  BuildOptions o;
  o.corpus_paths = {dir / "c"};
  o.db_path = dir / "db";
  std::vector<std::string> skips;
  o.on_problem = [&](const std::string& s) { skips.push_back(s); };
  auto r = BuildIndex(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files_indexed, 2u);
  EXPECT_EQ(r->files_skipped, 1u);
  EXPECT_EQ(r->problems, 1u);
  ASSERT_EQ(skips.size(), 2u);
  std::sort(skips.begin(), skips.end());
  EXPECT_NE(skips[0].find("feed.jsonl: line 2: not a JSON object"), std::string::npos) << skips[0];
  EXPECT_NE(skips[1].find("skipped "), std::string::npos) << skips[1];
  EXPECT_NE(skips[1].find("empty.txt"), std::string::npos) << skips[1];
  EXPECT_EQ(Xapian::Database(dir / "db").get_doccount(), 2u);
}

}  // namespace
}  // namespace newsidx
