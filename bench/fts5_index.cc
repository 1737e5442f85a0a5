// SQLite FTS5 as a peer: every article file under a folder, parsed by
// newsidx's own parser (so both engines see the same title, source, date and
// body), into an FTS5 table with the porter + unicode61 tokenizer and
// positions on (FTS5's default detail=full), in one transaction.
//   build/bench/fts5_index CORPUS_DIR DB_FILE
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "analyzers/article.h"
#include "analyzers/dates.h"

namespace fs = std::filesystem;

namespace {

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK) return true;
  std::cerr << "fts5_index: " << (error ? error : "?") << "\n";
  sqlite3_free(error);
  return false;
}

void Bind(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fts5_index CORPUS_DIR DB_FILE\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (e.is_regular_file() && newsidx::FormatOfPath(e.path().filename().string())) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  fs::remove(argv[2]);
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[2], &db) != SQLITE_OK) {
    std::cerr << "fts5_index: cannot open " << argv[2] << "\n";
    return 1;
  }
  if (!Exec(db, "CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, source, "
                "date UNINDEXED, body, tokenize='porter unicode61')") ||
      !Exec(db, "BEGIN")) {
    return 1;
  }
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5)", -1, &insert, nullptr);
  size_t rows = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto format = *newsidx::FormatOfPath(path.filename().string());
    for (const newsidx::Article& a :
         newsidx::ParseArticles(bytes.str(), format, path.string(), path.string()).articles) {
      Bind(insert, 1, a.path);
      Bind(insert, 2, a.title);
      Bind(insert, 3, a.source);
      Bind(insert, 4, a.date ? newsidx::FormatDay(*a.date) : std::string());
      Bind(insert, 5, a.text);
      if (sqlite3_step(insert) != SQLITE_DONE) {
        std::cerr << "fts5_index: " << sqlite3_errmsg(db) << "\n";
        return 1;
      }
      sqlite3_reset(insert);
      ++rows;
    }
  }
  sqlite3_finalize(insert);
  if (!Exec(db, "COMMIT")) return 1;
  sqlite3_close(db);
  std::cout << rows << " rows\n";
  return 0;
}
