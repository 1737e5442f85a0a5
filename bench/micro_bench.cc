// Micro-benchmarks: analyzer, parser and quote-extraction throughput, what
// quotes cost the indexing path, and the latency of 20 fixed queries.
// Text comes from ../shared/corpora/bbc-fulltext when present, else from
// corpus/ (the seeds); the choice is printed.
//   build/bench/newsidx_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "analyzers/analyzer.h"
#include "analyzers/article.h"
#include "analyzers/quotes.h"
#include "indexer/document.h"
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "bench/queries.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;

std::string CorpusRoot() {
  std::string bbc = std::string(NEWSIDX_SHARED_DIR) + "/corpora/bbc-fulltext";
  std::error_code ec;
  return fs::is_directory(bbc, ec) ? bbc : std::string(NEWSIDX_SOURCE_DIR) + "/corpus";
}

const std::vector<std::string>& Files() {
  static const auto* files = [] {
    auto* out = new std::vector<std::string>;
    std::cerr << "benchmark text: " << CorpusRoot() << "\n";
    for (const auto& e : fs::recursive_directory_iterator(CorpusRoot())) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out->push_back(ss.str());
    }
    return out;
  }();
  return *files;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const auto& f : Files()) n += f.size();
  return n;
}

void BM_TokenizeNormalizeStem(benchmark::State& state) {
  Tokenizer tokenizer;
  auto stemmer = Stemmer::Create("en");
  for (auto _ : state) {
    size_t terms = 0;
    for (const std::string& f : Files()) {
      for (const Token& t : tokenizer.Tokenize(f)) {
        benchmark::DoNotOptimize((*stemmer)->Stem(t.term));
        ++terms;
      }
    }
    benchmark::DoNotOptimize(terms);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_TokenizeNormalizeStem)->Unit(benchmark::kMillisecond);

void BM_ParseArticles(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& f : Files()) {
      benchmark::DoNotOptimize(ParseArticles(f, Format::kText, "id", "path"));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_ParseArticles)->Unit(benchmark::kMillisecond);

const std::vector<Article>& ParsedArticles() {
  static const auto* articles = [] {
    auto* out = new std::vector<Article>;
    for (const std::string& f : Files()) {
      for (Article& a : ParseArticles(f, Format::kText, "id", "path").articles) {
        out->push_back(std::move(a));
      }
    }
    return out;
  }();
  return *articles;
}

// Quote extraction and attribution alone, over every parsed article.
void BM_ExtractQuotes(benchmark::State& state) {
  for (auto _ : state) {
    size_t quotes = 0;
    for (const Article& a : ParsedArticles()) quotes += ExtractQuotes(a.text).size();
    state.counters["quotes"] = static_cast<double>(quotes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_ExtractQuotes)->Unit(benchmark::kMillisecond);

// The single-threaded indexing path from parsed articles to a committed
// on-disk index: articles only (0); articles with their quote documents (1);
// articles written and quote documents made but not written (2). Against
// BM_ExtractQuotes this splits what quotes cost into extraction, making their
// documents, and Xapian writing them.
void BM_IndexDocuments(benchmark::State& state) {
  const int mode = static_cast<int>(state.range(0));
  auto stemmer = Stemmer::Create("en");
  TextAnalyzer analyzer{Tokenizer(), **stemmer, nullptr};
  const std::string path = (fs::temp_directory_path() / "newsidx-bench-write").string();
  for (auto _ : state) {
    fs::remove_all(path);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const Article& a : ParsedArticles()) {
      db.add_document(ArticleDocument(a, a.path, analyzer));
      if (mode == 0) continue;
      for (const QuoteDocument& q : QuoteDocuments(a, a.path, analyzer)) {
        if (mode == 1) db.add_document(q.doc);
      }
    }
    db.commit();
  }
  fs::remove_all(path);
  const char* const labels[] = {"articles only", "articles and quotes",
                                "articles, quotes made not written"};
  state.SetLabel(labels[mode]);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}
BENCHMARK(BM_IndexDocuments)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// Query latency over an index of the benchmark corpus, built once.
class QueryFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (searcher_) return;
    db_ = (fs::temp_directory_path() / "newsidx-bench-db").string();
    fs::remove_all(db_);
    BuildOptions o;
    o.corpus_paths = {CorpusRoot()};
    o.db_path = db_;
    o.jobs = 2;
    if (!BuildIndex(o).ok()) return;
    searcher_ = std::move(Searcher::Open(db_).value());
  }
  static inline std::unique_ptr<Searcher> searcher_;
  static inline std::string db_;
};

using bench::kQueries;

BENCHMARK_DEFINE_F(QueryFixture, Query)(benchmark::State& state) {
  const bench::BenchQuery& q = kQueries[state.range(0)];
  SearchRequest r;
  r.query = q.text;
  if (q.facets) r.facets = {"speaker", "source", "date", "type"};
  state.SetLabel(absl::StrCat(q.text, q.facets ? " [facets]" : ""));
  for (auto _ : state) {
    if (!searcher_) {
      state.SkipWithError("no index");
      break;
    }
    benchmark::DoNotOptimize(searcher_->Search(r));
  }
}
BENCHMARK_REGISTER_F(QueryFixture, Query)
    ->DenseRange(0, static_cast<int>(std::size(kQueries)) - 1)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsidx

BENCHMARK_MAIN();
