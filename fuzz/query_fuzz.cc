// Fuzzes the query front end (searcher/query.h, through Searcher): any text
// as a query, through the plain-English who-said-what rewrite, the rewrite
// into QueryParser's syntax (fields, dates, operators, phrases), aliases,
// spelling correction and Xapian's QueryParser, then the search itself with
// facets and snippets, and word completion. This is the one part of newsidx
// that strangers on the network feed directly (`newsidx serve`).
//
// The index is corpus/ plus an aliases.tsv, built once into a temp folder
// (under $TMPDIR) so that speakers, spelling data and aliases are all there.
//
// Checked: a query fails only as the user's mistake (InvalidArgument), never
// as a fault; results respect the limit; snippets are UTF-8; a "did you
// mean" suggestion is itself a query that searches; the who-said-what
// rewrite changes a query only into a speaker: query; and the rewrite into
// QueryParser's syntax is a fixed point (its output, shown as "parsed" and
// the base of "did you mean", reads back as itself).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "analyzers/charset.h"
#include "fuzz/check.h"
#include "indexer/indexer.h"
#include "searcher/query.h"
#include "searcher/search.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAliases =
    "Volodymyr Zelenskyy\tZelensky\tЗеленський\n"
    "Mykhailo Honchar\tMikhail Gonchar\n";

fs::path* index_dir = nullptr;
Searcher* searcher = nullptr;
Tokenizer* tokenizer = nullptr;

void RemoveIndex() {
  std::error_code ec;
  fs::remove_all(*index_dir, ec);
}

// corpus/ copied beside an aliases.tsv, indexed into a fresh temp folder.
void BuildSeedIndex() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/newsidx-fuzz-XXXXXX";
  FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr, "cannot make a temp folder");
  index_dir = new fs::path(pattern);
  std::atexit(RemoveIndex);
  fs::path corpus = *index_dir / "corpus";
  fs::copy(fs::path(NEWSIDX_SOURCE_DIR) / "corpus", corpus);
  FILE* f = std::fopen((corpus / "aliases.tsv").c_str(), "w");
  FUZZ_CHECK(f != nullptr, "cannot write aliases.tsv");
  std::fputs(kAliases, f);
  std::fclose(f);

  BuildOptions options;
  options.corpus_paths = {corpus.string()};
  options.db_path = (*index_dir / "db").string();
  auto built = BuildIndex(options);
  FUZZ_CHECK(built.ok() && built->quotes > 0, "cannot index corpus/");
  auto opened = Searcher::Open(options.db_path);
  FUZZ_CHECK(opened.ok(), "cannot open the index");
  searcher = opened->release();
  tokenizer = new Tokenizer;
}

void CheckRewriteIsAFixedPoint(const std::string& query) {
  auto once = RewriteQuery(query, *tokenizer);
  if (!once.ok()) return;
  auto twice = RewriteQuery(*once, *tokenizer);
  FUZZ_CHECK(twice.ok() && *twice == *once, "'%s' rewrites to '%s', which rewrites to '%s'",
             query.c_str(), once->c_str(),
             twice.ok() ? twice->c_str() : std::string(twice.status().message()).c_str());
}

bool Refused(const absl::Status& s) { return absl::IsInvalidArgument(s); }

void CheckSearch(const std::string& query) {
  SearchRequest request{query, /*limit=*/5, /*offset=*/0, SortOrder::kRelevance,
                        {"speaker", "source", "date", "type"}};
  auto result = searcher->Search(request);
  if (!result.ok()) {
    FUZZ_CHECK(Refused(result.status()), "search failed: %s",
               std::string(result.status().message()).c_str());
    return;
  }
  FUZZ_CHECK(!result->parsed.empty(), "an accepted query parsed to nothing");
  FUZZ_CHECK(result->hits.size() <= request.limit, "%zu hits over the limit",
             result->hits.size());
  FUZZ_CHECK(result->total >= result->hits.size(), "total %llu under the hits shown",
             static_cast<unsigned long long>(result->total));
  for (const Hit& hit : result->hits) {
    FUZZ_CHECK(IsValidUtf8(hit.snippet), "snippet is not UTF-8");
  }
  if (!result->did_you_mean.empty()) {
    request.query = result->did_you_mean;
    request.facets.clear();
    auto again = searcher->Search(request);
    FUZZ_CHECK(again.ok(), "did you mean '%s' fails: %s", request.query.c_str(),
               std::string(again.status().message()).c_str());
  }
}

}  // namespace
}  // namespace newsidx

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  newsidx::BuildSeedIndex();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsidx;
  std::string query(reinterpret_cast<const char*>(data), size);
  // Every name a speaker, so the bare "X on Y" form is taken as often as it can be.
  std::string asked = RewriteWhoSaidWhat(query, [](absl::string_view) { return true; });
  FUZZ_CHECK(asked == query || absl::StrContains(asked, "speaker:"),
             "the who-said-what rewrite made '%s' of '%s'", asked.c_str(), query.c_str());
  CheckRewriteIsAFixedPoint(query);
  CheckSearch(query);
  auto suggestions = searcher->Suggest(query, 5);
  FUZZ_CHECK(suggestions.ok(), "suggest failed: %s",
             std::string(suggestions.status().message()).c_str());
  return 0;
}
