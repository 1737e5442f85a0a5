// Builds and incrementally updates an index from folders of article files.
//
// An index is a folder holding a Xapian stub database (XAPIANDB) that lists
// its shards, gN/shard-I; shard 0 holds the index's metadata (Xapian reads a
// multi-database's metadata from its first shard). Readers open the folder
// like any Xapian database; a stub may also list `remote HOST:PORT` shards.
//
// A fresh build (no index yet, an empty one, another schema or language, or
// another shard count) writes a new generation beside the last: `jobs`
// threads each write chunk databases of consecutive files without fsync,
// Xapian's compactor merges them into the shards, and replacing the stub
// switches readers over at once. Later builds are incremental: changed files
// are parsed on `jobs` threads and one writer replaces their documents
// across the shards; unchanged files are skipped and documents of files
// that no longer exist are removed. A file's documents and the record of its
// size and mtime are written in the same commit, so a build killed at any
// point leaves the last commit (or the last generation) readable and the
// next build redoes what was lost.
#ifndef NEWSIDX_INDEXER_INDEXER_H_
#define NEWSIDX_INDEXER_INDEXER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace newsidx {

struct BuildOptions {
  std::vector<std::string> corpus_paths;  // folders or single files
  std::string db_path;
  int jobs = 1;
  int shards = 0;  // 0: as many as the index has (1 for a new one)
  std::string language = "en";
  size_t commit_every = 1000;  // files per commit
  // Called after each file is written: (files done, files to do).
  std::function<void(size_t, size_t)> progress;
  // Called with one line for each file skipped ("skipped PATH: reason") and
  // each problem inside a file that was indexed ("PATH: line 7: not JSON").
  std::function<void(const std::string&)> on_problem;
};

struct BuildReport {
  size_t files_indexed = 0;    // new or changed, written
  size_t files_unchanged = 0;  // same size and mtime as last time
  size_t files_skipped = 0;    // unreadable or holding no article
  size_t files_removed = 0;    // gone from disk; their documents deleted
  size_t articles = 0;         // article documents written
  size_t quotes = 0;           // quote documents written
  size_t problems = 0;         // bad lines and fields within indexed files
  double seconds = 0;
};

absl::StatusOr<BuildReport> BuildIndex(const BuildOptions& options);

}  // namespace newsidx

#endif  // NEWSIDX_INDEXER_INDEXER_H_
