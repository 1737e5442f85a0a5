// The indexer: documents by the schema, incremental rebuilds, parallel builds.
#include "indexer/indexer.h"

#include <xapian.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indexer/document.h"
#include "schema/schema.h"
#include "searcher/search.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;

BuildReport Build(const std::string& corpus, const std::string& db, int jobs = 1,
                  int shards = 0) {
  BuildOptions o;
  o.corpus_paths = {corpus};
  o.db_path = db;
  o.jobs = jobs;
  o.shards = shards;
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
                        "XSaz", "XTYPEarticle", "XAIDx",
                        "XFILE/abs/x.txt"}) {
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

// A file deleted after the walk listed it and before it was read: skipped
// with the reason, in a fresh build and in an incremental one, and the
// next build removes what the index held of it.
TEST(BuildIndex, AFileThatVanishesDuringTheBuildIsSkippedAndLaterRemoved) {
  testing::TempDir dir;
  const std::string last = dir / "c/49.txt";
  for (bool incremental : {false, true}) {
    SCOPED_TRACE(incremental ? "incremental" : "fresh");
    for (int i = 0; i < 40; ++i) {  // every file new or changed
      testing::WriteFile(dir / absl::StrCat("c/", 10 + i, ".txt"),
                         absl::StrCat("Headline ", i, "\n\nBody text number ", i,
                                      incremental ? " about ferries again.\n" : " about ferries.\n"));
    }
    BuildOptions o;
    o.corpus_paths = {dir / "c"};
    o.db_path = dir / "db";
    std::vector<std::string> problems;
    o.on_problem = [&](const std::string& p) { problems.push_back(p); };
    // Files are read in path order, at most 16 ahead of the writer: after
    // the first is written the last has not been read yet.
    o.progress = [&](size_t done, size_t) {
      if (done == 1) fs::remove(last);
    };
    auto r = BuildIndex(o);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->files_skipped, 1u);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("skipped " + last + ": "), std::string::npos) << problems[0];
    EXPECT_EQ(Hits(dir / "db", "ferries"), 39u);
  }
  BuildReport again = Build(dir / "c", dir / "db");
  EXPECT_EQ(again.files_indexed + again.files_skipped + again.files_removed, 0u);
  EXPECT_EQ(Articles(dir / "db"), 39u);
}

// A feed of more text than the indexer analyzes at once (1 MiB) is written
// in batches: every article and quote arrives, once, in fresh and
// incremental builds alike.
TEST(BuildIndex, ABigFeedIsAnalyzedInBatchesAndLosesNothing) {
  testing::TempDir dir;
  std::string feed;
  constexpr int kLines = 3000;
  for (int i = 0; i < kLines; ++i) {
    absl::StrAppend(&feed, "{\"id\": \"n", i, "\", \"title\": \"Harbour report ", i,
                    "\", \"body\": \"\u201cThe harbour stays open,\u201d said Ines Moreau. ",
                    std::string(400, 'x'), " words about tides.\"}\n");
  }
  testing::WriteFile(dir / "c/feed.jsonl", feed);
  BuildReport fresh = Build(dir / "c", dir / "db");
  EXPECT_EQ(fresh.articles, static_cast<size_t>(kLines));
  EXPECT_EQ(fresh.quotes, static_cast<size_t>(kLines));
  EXPECT_EQ(Articles(dir / "db"), static_cast<Xapian::doccount>(kLines));
  EXPECT_EQ(Hits(dir / "db", "tides"), static_cast<uint64_t>(kLines));
  EXPECT_EQ(Hits(dir / "db", "speaker:moreau"), static_cast<uint64_t>(kLines));
  testing::WriteFile(dir / "c/feed.jsonl", feed + feed.substr(0, feed.find('\n') + 1));
  BuildReport again = Build(dir / "c", dir / "db");
  EXPECT_EQ(again.articles, static_cast<size_t>(kLines + 1));
  EXPECT_EQ(Xapian::Database(dir / "db").get_doccount(), 2u * (kLines + 1));
}

// Everything a search answers, with hits of equal score in a fixed order
// (shards number documents differently, so ties may come back in another
// order), to compare two indexes' answers.
std::string Answer(Searcher& s, const std::string& q) {
  SearchRequest r;
  r.query = q;
  r.limit = 1000;
  r.facets = {"speaker", "source", "date", "type"};
  auto res = s.Search(r);
  EXPECT_TRUE(res.ok()) << res.status();
  if (!res.ok()) return "";
  std::vector<std::string> hits;
  for (const Hit& h : res->hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.9f", h.score);
    hits.push_back(absl::StrCat(score, " ", h.doc.id, "@", h.doc.start, " ", h.doc.speaker, " ",
                                h.snippet));
  }
  std::sort(hits.rbegin(), hits.rend());
  std::string out = absl::StrCat(res->total, " | ", res->parsed, " | ", res->did_you_mean, "\n");
  for (const std::string& h : hits) absl::StrAppend(&out, h, "\n");
  for (const Facet& f : res->facets) {
    for (const FacetCount& c : f.values) absl::StrAppend(&out, f.name, ":", c.value, "=", c.count, " ");
  }
  return out;
}

std::string Answer(const std::string& db, const std::string& q) {
  auto s = Searcher::Open(db);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? Answer(**s, q) : "";
}

const char* const kAnswerQueries[] = {
    "\"security guarantees\"", "nato OR ukraine", "speaker:honchar \"article 5\"",
    "everything Zelensky said about NATO", "type:quote", "date:2025-12-15..2025-12-16 troops",
    "guarantes",  // misspelt: "did you mean" from the merged spelling data
};

TEST(Shards, ShardedIndexAnswersLikeOneDatabase) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "one", 1, 1);
  Build(testing::CorpusDir(), dir / "three", 2, 3);
  EXPECT_EQ(Xapian::Database(dir / "three").size(), 3u);
  EXPECT_EQ(AllData(dir / "one"), AllData(dir / "three"));
  for (const char* q : kAnswerQueries) EXPECT_EQ(Answer(dir / "one", q), Answer(dir / "three", q)) << q;
  EXPECT_NE(Answer(dir / "one", "guarantes").find("guarantees"), std::string::npos);
}

// A reader counts facets from columns it holds once a query matched much
// of the index; they must count what Xapian counts, on shards too, whose
// documents are numbered across the shards.
TEST(Shards, FacetsFromHeldColumnsCountWhatXapianCounts) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "one", 1, 1);
  Build(testing::CorpusDir(), dir / "three", 2, 3);
  for (const char* db : {"one", "three"}) {
    auto s = Searcher::Open(dir / db);
    ASSERT_TRUE(s.ok()) << s.status();
    std::vector<std::string> by_xapian;
    for (const char* q : kAnswerQueries) by_xapian.push_back(Answer(**s, q));
    EXPECT_EQ((*s)->HeldFacetColumns(), 4u) << "type:quote matches over an eighth";
    for (size_t i = 0; i < std::size(kAnswerQueries); ++i) {
      EXPECT_EQ(Answer(**s, kAnswerQueries[i]), by_xapian[i]) << db << ": " << kAnswerQueries[i];
    }
    EXPECT_EQ(Answer(**s, "type:quote"), Answer(dir / "one", "type:quote")) << db;
  }
}

TEST(Shards, AFreshBuildSwitchesGenerationsUnderAnOpenReader) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "db", 2);
  auto reader = Searcher::Open(dir / "db");
  ASSERT_TRUE(reader.ok());
  const uint64_t documents = *(*reader)->Documents();
  auto folders = [&] {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir / "db")) names.insert(e.path().filename());
    return names;
  };
  EXPECT_EQ(folders(), (std::set<std::string>{".build.lock", "XAPIANDB", "g2"}));

  // Another shard count is a new generation; the reader follows the switch.
  Build(testing::CorpusDir(), dir / "db", 2, 2);
  EXPECT_EQ(folders(), (std::set<std::string>{".build.lock", "XAPIANDB", "g3"}));
  EXPECT_EQ(testing::ReadFile(dir / "db/XAPIANDB"), "auto g3/shard-0\nauto g3/shard-1\n");
  auto refreshed = (*reader)->Refresh();
  ASSERT_TRUE(refreshed.ok()) << refreshed.status();
  EXPECT_TRUE(*refreshed);
  EXPECT_EQ(*(*reader)->Documents(), documents);
  EXPECT_FALSE(*(*reader)->Refresh()) << "nothing new the second time";
}

TEST(Shards, ShardedIndexUpdatesLikeOneDatabase) {
  testing::TempDir dir;
  fs::copy(testing::CorpusDir(), dir / "c");
  Build(dir / "c", dir / "db", 2, 2);
  std::string changed = dir / "c/002_0cbfb9ea5489f397.txt";
  testing::WriteFile(changed, testing::ReadFile(changed) + "\nA brand new zanzibarite line.\n");
  fs::remove(dir / "c/003_c632a93966c544a6.txt");
  testing::WriteFile(dir / "c/new.txt", "Fresh headline\n\n\"We will see,\" said Anna Novak.\n");
  BuildReport update = Build(dir / "c", dir / "db", 2);
  EXPECT_EQ(update.files_indexed, 2u);
  EXPECT_EQ(update.files_removed, 1u);
  EXPECT_EQ(Xapian::Database(dir / "db").size(), 2u) << "an update keeps the shards";
  Build(dir / "c", dir / "fresh", 1, 1);
  EXPECT_EQ(AllData(dir / "db"), AllData(dir / "fresh"));
  for (const char* q : {"zanzibarite", "speaker:novak", "type:quote"}) {
    EXPECT_EQ(Answer(dir / "db", q), Answer(dir / "fresh", q)) << q;
  }
}

TEST(BuildIndex, AFileNamedTwiceIsIndexedOnce) {
  testing::TempDir dir;
  BuildOptions o;
  o.corpus_paths = {testing::CorpusDir(), testing::CorpusDir() + "/./",
                    testing::CorpusDir() + "/000_461dc09155656a05.txt"};
  o.db_path = dir / "db";
  o.jobs = 2;
  auto r = BuildIndex(o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->files_indexed, 5u);
  EXPECT_EQ(Articles(dir / "db"), 5u);
}

// The ids of the article documents, in docid order.
std::vector<std::string> ArticleIdsInOrder(const std::string& db_path) {
  Xapian::Database db(db_path);
  const std::string article = schema::Term(schema::kType, schema::kTypeArticle);
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(article); it != db.postlist_end(article); ++it) {
    auto data = schema::DecodeDocData(db.get_document(*it).get_data());
    ids.push_back(data.ok() ? data->id : data.status().ToString());
  }
  return ids;
}

TEST(BuildIndex, FilesAreIndexedOnceInOrderOfTheirWholePath) {
  testing::TempDir dir;
  const fs::path c = dir.path() / "c";
  // '-' < '.' < '/' < '0': by whole path "a-c.txt" and "a.txt" come before
  // the files of folder "a", "a0.txt" after; a walk that sorted each
  // folder's names alone would put "a/..." first.
  for (const char* name :
       {"b.txt", "a0.txt", "a/z/y.txt", "a/b.txt", "a.txt", "a-c.txt", "a-c/d.txt"}) {
    testing::WriteFile(c / name, absl::StrCat("Headline ", name, "\n\nThe text of ", name, ".\n"));
  }
  fs::create_directory_symlink(c / "a", dir.path() / "link");
  const std::vector<std::string> order = {"a-c", "a-c/d", "a", "a/b", "a/z/y", "a0", "b"};
  for (int jobs : {1, 2, 3}) {
    BuildOptions o;
    // Every path but the first names files the first holds.
    o.corpus_paths = {c.string(), (c / "a").string(), (c / "./").string(),
                      (c / "a-c.txt").string(), dir / "link"};
    o.db_path = dir / absl::StrCat("db", jobs);
    o.jobs = jobs;
    auto r = BuildIndex(o);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->files_indexed, order.size());
    EXPECT_EQ(ArticleIdsInOrder(o.db_path), order) << jobs << " jobs";
  }
}

TEST(Shards, LeftoversOfAKilledBuildAreRemoved) {
  testing::TempDir dir;
  Build(testing::CorpusDir(), dir / "db");
  fs::create_directories(dir / "db/.build/chunk-0");
  fs::create_directories(dir / "db/g7/shard-0");
  testing::WriteFile(dir / "db/XAPIANDB.new", "auto g7/shard-0\n");
  Build(testing::CorpusDir(), dir / "db");
  EXPECT_FALSE(fs::exists(dir / "db/.build"));
  EXPECT_FALSE(fs::exists(dir / "db/g7"));
  EXPECT_FALSE(fs::exists(dir / "db/XAPIANDB.new"));
  EXPECT_EQ(Articles(dir / "db"), 5u);
}

TEST(Shards, AFolderThatIsNotAnIndexIsLeftAlone) {
  testing::TempDir dir;
  testing::WriteFile(dir / "notes/todo.txt", "mine");
  BuildOptions o;
  o.corpus_paths = {testing::CorpusDir()};
  o.db_path = dir / "notes";
  auto r = BuildIndex(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is not a newsidx index"), std::string::npos) << r.status();
  EXPECT_EQ(testing::ReadFile(dir / "notes/todo.txt"), "mine");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "notes"), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace newsidx
