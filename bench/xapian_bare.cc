// The floor for any indexer built on Xapian: every .txt file under a folder,
// whole, through Xapian's TermGenerator (English stemmer, positions on) into
// one database, committed once at the end. No fields, quotes or metadata.
//   build/bench/xapian_bare CORPUS_DIR DB_DIR
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: xapian_bare CORPUS_DIR DB_DIR\n";
    return 2;
  }
  try {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (const fs::path& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Xapian::Document doc;
      doc.set_data(path.string());
      generator.set_document(doc);
      generator.index_text(text.str());
      db.add_document(doc);
    }
    db.commit();
    std::cout << files.size() << " documents\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian_bare: " << e.get_description() << "\n";
    return 1;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "xapian_bare: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
