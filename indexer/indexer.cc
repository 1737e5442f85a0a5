#include "indexer/indexer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "analyzers/analyzer.h"
#include "analyzers/article.h"
#include "analyzers/speakers.h"
#include "indexer/document.h"
#include "schema/schema.h"

namespace newsidx {
namespace {

namespace fs = std::filesystem;

// Larger files are not articles; refuse them rather than hold them in memory.
constexpr uintmax_t kMaxFileBytes = 256u << 20;
// Article text analyzed at once. A file holding more (a big JSON Lines
// feed) keeps the rest as parsed articles, and the writer analyzes and
// writes them a batch at a time: documents take some twenty times their text,
// so memory follows the batch, not the file.
constexpr size_t kAnalyzeBytes = 1u << 20;

struct SourceFile {
  std::string key;        // BoundedKey of the absolute path
  std::string abs;        // absolute path
  std::string shown;      // the path as found under the corpus argument
  std::string id;         // path below the corpus folder, without extension
  std::string sidecar;    // NAME.meta.json beside it, if any
  std::string signature;  // size and mtime of file and sidecar
  Format format = Format::kText;
};

struct PreparedFile {
  std::vector<Xapian::Document> docs;  // the articles first, then their quotes
  size_t articles = 0;
  struct Speaker {
    std::string key, name;
    bool alias;         // the name is the alias file's canonical one
    bool organisation;
  };
  std::vector<Speaker> speakers;  // of its quotes
  std::vector<Article> pending;   // parsed, not yet analyzed: the writer does
  std::vector<std::string> problems;
  std::string skip_reason;   // set when the file yields no document
  bool keep_old = false;     // could not be read: keep what the index had
};

std::string Signature(const fs::path& p, std::error_code& ec) {
  uintmax_t size = fs::file_size(p, ec);
  if (ec) return {};
  auto mtime = fs::last_write_time(p, ec);
  if (ec) return {};
  return absl::StrCat(size, ":", mtime.time_since_epoch().count());
}

std::string SidecarOf(const fs::path& p) {
  std::error_code ec;
  for (fs::path candidate : {fs::path(p).replace_extension(".meta.json"),
                             fs::path(p.string() + ".meta.json")}) {
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return {};
}

// A corpus path to walk: a folder, or a single article file.
struct CorpusRoot {
  fs::path path;
  fs::path canonical;  // symlinks resolved, to tell when two paths overlap
  bool folder = false;
};

// An article file the walk found, and the corpus path it was found under.
struct FoundFile {
  fs::path path;
  fs::path root;
};

std::optional<SourceFile> DescribeFile(const FoundFile& found, std::string& error) {
  const fs::path& path = found.path;
  std::error_code ec;
  SourceFile f;
  f.format = FormatOfPath(path.filename().string()).value_or(Format::kText);
  f.shown = path.string();
  f.abs = fs::absolute(path, ec).lexically_normal().string();
  if (ec) f.abs = f.shown;
  f.key = schema::BoundedKey(f.abs);
  fs::path rel = found.root == path ? path.filename() : path.lexically_relative(found.root);
  f.id = rel.replace_extension().generic_string();
  f.signature = Signature(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  f.sidecar = SidecarOf(path);
  if (!f.sidecar.empty()) absl::StrAppend(&f.signature, "+", Signature(f.sidecar, ec));
  return f;
}

// The string every file path found under `r` starts with. Folders end in
// '/', so that sorting these strings sorts the files by their whole path.
std::string SortKey(const CorpusRoot& r) {
  return r.folder ? (r.path / "").string() : r.path.string();
}

// Whether `inner` is `outer` or lies inside it (both canonical).
bool Within(const fs::path& inner, const fs::path& outer) {
  return std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first ==
         outer.end();
}

// The corpus paths to walk, in path order. A path that another one holds
// is dropped, so that overlapping corpus paths name no file twice; of two
// paths to the same place, the first in order stays.
std::vector<CorpusRoot> CorpusRoots(const std::vector<std::string>& paths,
                                    std::vector<std::string>& skipped) {
  std::vector<CorpusRoot> roots;
  for (const std::string& p : paths) {
    std::error_code ec;
    CorpusRoot r{p, fs::canonical(p, ec), fs::is_directory(p, ec)};
    if (!r.folder && !fs::is_regular_file(r.path, ec)) {
      skipped.push_back(absl::StrCat(p, ": no such file or folder"));
    } else if (r.folder || FormatOfPath(r.path.filename().string())) {
      roots.push_back(std::move(r));
    }
  }
  std::stable_sort(roots.begin(), roots.end(), [](const CorpusRoot& a, const CorpusRoot& b) {
    return SortKey(a) < SortKey(b);
  });
  std::vector<CorpusRoot> kept;
  for (size_t i = 0; i < roots.size(); ++i) {
    bool held = false;
    for (size_t j = 0; j < roots.size() && !held; ++j) {
      const bool same = roots[i].canonical == roots[j].canonical;
      held = j != i && Within(roots[i].canonical, roots[j].canonical) && (roots[j].folder || same) &&
             (!same || j < i);
    }
    if (!held) kept.push_back(roots[i]);
  }
  return kept;
}

// The article files under the corpus paths one at a time, in order of their
// path, holding only the listings of the folders it is in: one list of
// every file would grow with the corpus. Folder symlinks are not followed,
// so a link loop cannot trap it.
class CorpusWalk {
 public:
  // `skipped`: where entries that cannot be indexed are reported; null when
  // an earlier walk of the same corpus reported them.
  CorpusWalk(const std::vector<CorpusRoot>& roots, std::vector<std::string>* skipped)
      : roots_(roots), skipped_(skipped) {}

  std::optional<FoundFile> Next() {
    for (;;) {
      if (open_.empty()) {
        if (next_root_ == roots_.size()) return std::nullopt;
        const CorpusRoot& r = roots_[next_root_++];
        if (!r.folder) return FoundFile{r.path, r.path};
        Open(r.path);
        continue;
      }
      Listing& top = open_.back();
      if (top.next == top.names.size()) {
        open_.pop_back();
        continue;
      }
      const std::string& name = top.names[top.next++];
      if (name.back() != '/') return FoundFile{top.folder / name, roots_[next_root_ - 1].path};
      Open(top.folder / name.substr(0, name.size() - 1));
    }
  }

 private:
  // A folder's article files and subfolders, sorted; subfolders end in '/'.
  struct Listing {
    fs::path folder;
    std::vector<std::string> names;
    size_t next = 0;
  };

  void Open(const fs::path& folder) {
    Listing l{folder, {}, 0};
    std::error_code ec;
    // A folder without read permission is passed over, as it always was.
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (std::optional<std::string> name = Entry(*it)) l.names.push_back(std::move(*name));
    }
    if (ec) Report(folder, ec.message());
    std::sort(l.names.begin(), l.names.end());
    open_.push_back(std::move(l));
  }

  // What the walk keeps of a folder entry: an article file's name, or a
  // subfolder's followed by '/'.
  std::optional<std::string> Entry(const fs::directory_entry& e) {
    std::error_code ec;
    std::string name = e.path().filename().string();
    if (!e.is_symlink(ec) && e.is_directory(ec)) return name + "/";
    if (!FormatOfPath(name)) return std::nullopt;
    if (e.is_regular_file(ec)) return name;
    if (!e.is_directory(ec)) Report(e.path(), "not a regular file");
    return std::nullopt;
  }

  void Report(const fs::path& path, const std::string& why) {
    if (skipped_) skipped_->push_back(absl::StrCat(path.string(), ": ", why));
  }

  const std::vector<CorpusRoot>& roots_;
  std::vector<std::string>* skipped_;
  size_t next_root_ = 0;
  std::vector<Listing> open_;  // the folders the walk is in, outermost first
};

// How many article files the corpus holds, for the progress total: a walk
// that keeps nothing. It reports what cannot be indexed.
size_t CountFiles(const std::vector<CorpusRoot>& roots, std::vector<std::string>& skipped) {
  CorpusWalk walk(roots, &skipped);
  size_t n = 0;
  while (walk.Next()) ++n;
  return n;
}

std::optional<std::string> ReadFile(const std::string& path, std::string& error) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    error = absl::StrCat("too large (", size, " bytes)");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open for reading";
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(size);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return bytes;
}

// The aliases.tsv files of the corpus folders, concatenated.
std::string AliasText(const std::vector<std::string>& roots) {
  std::string text;
  for (const std::string& r : roots) {
    std::error_code ec;
    fs::path file = fs::path(r) / "aliases.tsv";
    if (!fs::is_regular_file(file, ec)) continue;
    std::string error;
    if (auto bytes = ReadFile(file.string(), error)) absl::StrAppend(&text, *bytes, "\n");
  }
  return text;
}

// How many articles from `from` on hold about kAnalyzeBytes of text (at least one).
size_t ArticlesWithin(const std::vector<Article>& articles, size_t from) {
  size_t bytes = 0, n = 0;
  while (from + n < articles.size() && (n == 0 || bytes < kAnalyzeBytes)) {
    bytes += articles[from + n].text.size();
    ++n;
  }
  return n;
}

// Documents of articles [from, to): the articles first, then their quotes.
void Analyze(const std::vector<Article>& articles, size_t from, size_t to, const std::string& key,
             TextAnalyzer& analyzer, PreparedFile& out) {
  std::vector<Xapian::Document> quotes;
  for (size_t i = from; i < to; ++i) {
    out.docs.push_back(ArticleDocument(articles[i], key, analyzer));
    ++out.articles;
    for (QuoteDocument& q : QuoteDocuments(articles[i], key, analyzer)) {
      quotes.push_back(std::move(q.doc));
      if (!q.speaker_key.empty()) out.speakers.push_back({q.speaker_key, q.speaker, q.alias, q.organisation});
    }
  }
  for (Xapian::Document& q : quotes) out.docs.push_back(std::move(q));
}

PreparedFile Prepare(const SourceFile& f, TextAnalyzer& analyzer) {
  PreparedFile out;
  std::string error;
  std::optional<std::string> bytes = ReadFile(f.abs, error);
  if (!bytes) {
    out.skip_reason = error;
    out.keep_old = true;
    return out;
  }
  ParsedFile parsed = ParseArticles(*bytes, f.format, f.id, f.shown);
  bytes.reset();
  out.problems = std::move(parsed.problems);
  if (!f.sidecar.empty()) {
    std::optional<std::string> sidecar = ReadFile(f.sidecar, error);
    if (!sidecar) out.problems.push_back(absl::StrCat("sidecar ", f.sidecar, ": ", error));
    for (size_t i = 0; sidecar && i < parsed.articles.size(); ++i) {
      if (absl::Status s = ApplySidecar(*sidecar, parsed.articles[i]); !s.ok()) {
        out.problems.push_back(absl::StrCat("sidecar ", f.sidecar, ": ", s.message()));
        sidecar.reset();
      }
    }
  }
  const size_t now = ArticlesWithin(parsed.articles, 0);
  Analyze(parsed.articles, 0, now, f.key, analyzer, out);
  std::move(parsed.articles.begin() + static_cast<std::ptrdiff_t>(now), parsed.articles.end(),
            std::back_inserter(out.pending));
  if (out.articles == 0) {
    out.skip_reason = out.problems.empty() ? "no article text" : out.problems.front();
  }
  return out;
}

// Prepare, with a failure inside the analyzers turned into a skipped file.
PreparedFile PrepareSafely(const SourceFile& f, TextAnalyzer& analyzer) {
  try {
    return Prepare(f, analyzer);
  } catch (const std::exception& e) {
    PreparedFile p;
    p.skip_reason = absl::StrCat("internal error: ", e.what());
    p.keep_old = true;
    return p;
  }
}

// Analyzes files on worker threads and hands them to the caller in order,
// holding at most `window` prepared files in memory.
class Pipeline {
 public:
  Pipeline(const std::vector<SourceFile>& files, int jobs, const std::string& language,
           const SpeakerAliases* aliases)
      : files_(files), slots_(files.size()) {
    window_ = static_cast<size_t>(jobs) * 16;
    for (int i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, language, aliases] { Work(language, aliases); });
    }
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    space_.notify_all();
    for (auto& t : workers_) t.join();
  }

  PreparedFile Take(size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return slots_[i].has_value(); });
    PreparedFile p = std::move(*slots_[i]);
    slots_[i].reset();
    taken_ = i + 1;
    space_.notify_all();
    return p;
  }

 private:
  void Work(const std::string& language, const SpeakerAliases* aliases) {
    // BuildIndex checked the language before starting the pipeline.
    std::unique_ptr<Stemmer> stemmer = std::move(Stemmer::Create(language)).value();
    TextAnalyzer analyzer{Tokenizer(), *stemmer, aliases};
    for (;;) {
      size_t i = next_.fetch_add(1);
      if (i >= files_.size()) return;
      {
        std::unique_lock<std::mutex> lock(mu_);
        space_.wait(lock, [&] { return stop_ || i < taken_ + window_; });
        if (stop_) return;
      }
      PreparedFile p = PrepareSafely(files_[i], analyzer);
      std::lock_guard<std::mutex> lock(mu_);
      slots_[i] = std::move(p);
      ready_.notify_all();
    }
  }

  const std::vector<SourceFile>& files_;
  std::vector<std::optional<PreparedFile>> slots_;
  std::vector<std::thread> workers_;
  std::atomic<size_t> next_{0};
  std::mutex mu_;
  std::condition_variable ready_, space_;
  size_t taken_ = 0;
  size_t window_;
  bool stop_ = false;
};

// Unprefixed words only (prefixes are capitals); no numbers.
bool IsSpellingWord(const std::string& term) {
  unsigned char c = static_cast<unsigned char>(term[0]);
  return !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || term.size() < 3);
}

// Spelling data for a shard a fresh build has written: each of its words
// once, with its frequency in the shard (Xapian adds the shards' up).
void AddSpellingOfEveryWord(Xapian::WritableDatabase& db) {
  // Xapian holds added spellings in memory until a commit: commit in
  // batches, or a million words hold a gigabyte.
  constexpr size_t kWordsPerCommit = 50000;
  std::vector<std::pair<std::string, Xapian::doccount>> batch;
  auto flush = [&] {
    for (const auto& [word, freq] : batch) db.add_spelling(word, freq);
    db.commit();
    batch.clear();
  };
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    if (!IsSpellingWord(*t)) continue;
    batch.emplace_back(*t, t.get_termfreq());
    if (batch.size() >= kWordsPerCommit) flush();
  }
  flush();
}

// Spelling data for "did you mean": every word the build's articles use,
// added once with its document frequency when the build ends (adding it per
// document costs half the build again).
class SpellingWords {
 public:
  void Collect(const PreparedFile& p) {
    for (size_t i = 0; i < p.articles; ++i) {
      const Xapian::Document& doc = p.docs[i];
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (IsSpellingWord(*t)) words_.insert(*t);
      }
    }
  }
  void Write(Xapian::WritableDatabase& db) {
    if (!loaded_) {
      for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) known_.insert(*it);
      loaded_ = true;
    }
    for (const std::string& w : words_) {
      if (known_.insert(w).second) db.add_spelling(w, db.get_termfreq(w));
    }
    words_.clear();
  }

 private:
  absl::flat_hash_set<std::string> words_;  // seen since the last Write
  absl::flat_hash_set<std::string> known_;  // already in the spelling table
  bool loaded_ = false;
};

// Whether speaker name `a` says more than `b`: more words, else more letters.
bool Fuller(const std::string& a, const std::string& b) {
  auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
  return words(a) != words(b) ? words(a) > words(b) : a.size() > b.size();
}

// The fullest name seen for each speaker key, kept in the index's metadata
// so readers show one name per person.
class SpeakerNames {
 public:
  explicit SpeakerNames(Xapian::WritableDatabase& db) : db_(db) {}
  // `alias`: the name comes from aliases.tsv and is shown whatever else is seen.
  void Offer(const std::string& key, const std::string& name, bool alias) {
    auto it = best_.find(key);
    if (it == best_.end()) {
      it = best_.emplace(key, db_.get_metadata(MetaKey(key))).first;
    }
    if (alias ? it->second != name : Fuller(name, it->second) && !aliased_.contains(key)) {
      if (alias) aliased_.insert(key);
      it->second = name;
      db_.set_metadata(MetaKey(key), name);
    }
  }

 private:
  static std::string MetaKey(const std::string& key) {
    return schema::BoundedKey(absl::StrCat(schema::kMetaSpeakerPrefix, key));
  }
  Xapian::WritableDatabase& db_;
  absl::flat_hash_map<std::string, std::string> best_;
  absl::flat_hash_set<std::string> aliased_;
};

// Documents of files no longer on disk. A file still on disk is kept even
// when this build's corpus paths did not name it. Asking the disk, rather
// than a set of the files the walk found, keeps memory off the corpus size.
size_t RemoveVanishedFiles(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::kMetaFilePrefix);
  std::vector<std::string> gone;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    auto record = schema::DecodeFileRecord(db.get_metadata(*it));
    std::error_code ec;
    if (!record || !fs::exists(record->path, ec)) gone.push_back(key);
  }
  for (const std::string& key : gone) {
    db.delete_document(schema::Term(schema::kFile, key));
    db.set_metadata(prefix + key, "");
  }
  return gone.size();
}

// Problems and progress from any thread, reported one at a time.
class Sink {
 public:
  Sink(const BuildOptions& options, size_t total) : options_(options), total_(total) {}
  void Problem(const std::string& line) {
    if (!options_.on_problem) return;
    std::lock_guard<std::mutex> lock(mu_);
    options_.on_problem(line);
  }
  void FileDone() {
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    if (options_.progress) options_.progress(done_, total_);
  }

 private:
  const BuildOptions& options_;
  const size_t total_;
  size_t done_ = 0;
  std::mutex mu_;
};

// Writes prepared files into one database, with the speakers, spelling and
// file records that go with them, and counts what it wrote.
class FileWriter {
 public:
  // `spelling`: gather the words of what is written for "did you mean".
  // `analyzer`: for the articles a big file left unanalyzed.
  FileWriter(Xapian::WritableDatabase& db, Sink& sink, bool spelling, TextAnalyzer& analyzer)
      : db_(db), sink_(sink), names_(db), spelling_on_(spelling), analyzer_(analyzer) {}

  // `replace`: the database may hold an older version of the file.
  void Write(const SourceFile& f, const PreparedFile& p, bool replace) {
    const std::string record_key = absl::StrCat(schema::kMetaFilePrefix, f.key);
    if (!p.keep_old) {
      if (replace) db_.delete_document(schema::Term(schema::kFile, f.key));
      Add(p);
      for (size_t from = 0; from < p.pending.size();) {
        PreparedFile batch;
        const size_t n = ArticlesWithin(p.pending, from);
        Analyze(p.pending, from, from + n, f.key, analyzer_, batch);
        Add(batch);
        from += n;
      }
    }
    if (p.articles == 0) {
      if (!p.keep_old && replace) db_.set_metadata(record_key, "");
      Skip(f.shown, p.skip_reason);
      return;
    }
    ++report.files_indexed;
    report.problems += p.problems.size();
    for (const std::string& problem : p.problems) sink_.Problem(absl::StrCat(f.shown, ": ", problem));
    db_.set_metadata(record_key, schema::EncodeFileRecord({f.signature, f.abs}));
    sink_.FileDone();
  }

  // A file that yields no document, and why.
  void Skip(const std::string& shown, const std::string& reason) {
    ++report.files_skipped;
    skipped.push_back(absl::StrCat(shown, ": ", reason));
    sink_.Problem("skipped " + skipped.back());
    sink_.FileDone();
  }

  // Before each commit: the spelling words gathered since the last.
  void FlushSpelling() { spelling_.Write(db_); }

  BuildReport report;
  std::vector<std::string> skipped;

 private:
  void Add(const PreparedFile& p) {
    for (const Xapian::Document& doc : p.docs) db_.add_document(doc);
    if (spelling_on_) spelling_.Collect(p);
    report.articles += p.articles;
    report.quotes += p.docs.size() - p.articles;
    for (const auto& sp : p.speakers) {
      names_.Offer(sp.key, schema::EncodeSpeakerName({sp.name, sp.organisation}), sp.alias);
    }
  }

  Xapian::WritableDatabase& db_;
  Sink& sink_;
  SpeakerNames names_;
  const bool spelling_on_;
  SpellingWords spelling_;
  TextAnalyzer& analyzer_;
};

void AddCounts(const BuildReport& from, BuildReport& to) {
  to.files_indexed += from.files_indexed;
  to.files_skipped += from.files_skipped;
  to.articles += from.articles;
  to.quotes += from.quotes;
  to.problems += from.problems;
}

// ---- The index folder: a stub listing the shards of one generation ----

constexpr char kStubFile[] = "XAPIANDB";
constexpr char kChunksFolder[] = ".build";
constexpr char kLockFile[] = ".build.lock";

struct Generation {
  int number = 0;                   // 0: the folder has no stub
  std::vector<std::string> shards;  // relative to the index folder
};

std::string GenerationFolder(int number) { return absl::StrCat("g", number); }

// The generation the index folder's stub lists.
Generation CurrentGeneration(const fs::path& db) {
  Generation g;
  std::ifstream in(db / kStubFile);
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view shard(line);
    if (!absl::ConsumePrefix(&shard, "auto ")) continue;
    absl::string_view folder = shard.substr(0, shard.find('/'));
    int number = 0;
    if (absl::ConsumePrefix(&folder, "g") && absl::SimpleAtoi(folder, &number)) {
      g.number = std::max(g.number, number);
    }
    g.shards.emplace_back(shard);
  }
  return g;
}

void ThrowErrno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Replaces the stub in one step (write aside, fsync, rename), so a reader
// sees the old generation or the new one, never a mix.
void WriteStub(const fs::path& db, const Generation& g) {
  std::string text;
  for (const std::string& shard : g.shards) absl::StrAppend(&text, "auto ", shard, "\n");
  const fs::path tmp = db / absl::StrCat(kStubFile, ".new");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) ThrowErrno(tmp.string());
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), (db / kStubFile).c_str()) != 0) ThrowErrno(tmp.string());
  int dir = ::open(db.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

// Leftovers of builds that were killed: chunk databases, and generations
// the stub does not list. A folder that still holds a single Xapian database
// (newsidx before shards) loses that database's files once a stub has
// replaced it. Only names Xapian or newsidx write are touched.
void RemoveLeftovers(const fs::path& db, const Generation& current) {
  std::error_code ec;
  const bool stub = fs::exists(db / kStubFile, ec);
  for (const fs::directory_entry& e : fs::directory_iterator(db, ec)) {
    const std::string name = e.path().filename().string();
    int number = 0;
    absl::string_view digits(name);
    const bool generation = absl::ConsumePrefix(&digits, "g") && absl::SimpleAtoi(digits, &number);
    const bool single_database_file = absl::EndsWith(name, ".glass") || name == "iamglass" ||
                                      name == "flintlock" || name == "XAPIANDB.new";
    if (name == kChunksFolder || (generation && number != current.number) ||
        (stub && single_database_file)) {
      fs::remove_all(e.path(), ec);
    }
  }
}

// A folder that holds files but no index is someone's data, not an index.
bool HoldsSomethingElse(const fs::path& db) {
  std::error_code ec;
  if (!fs::is_directory(db, ec)) return fs::exists(db, ec);
  for (const char* mark : {kStubFile, "iamglass", kLockFile}) {
    if (fs::exists(db / mark, ec)) return false;
  }
  return !fs::is_empty(db, ec);
}

// Held for the whole build, so a second build cannot clean up the first's
// chunks; released by the kernel however the build ends.
class BuildLock {
 public:
  static absl::StatusOr<BuildLock> Take(const fs::path& db) {
    std::error_code ec;
    fs::create_directories(db, ec);
    int fd = ::open((db / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      return absl::InternalError(absl::StrCat(db.string(), ": ", std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return absl::UnavailableError(
          absl::StrCat("another build is writing to ", db.string(), "; try again when it ends"));
    }
    return BuildLock(fd);
  }
  BuildLock(BuildLock&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  BuildLock& operator=(BuildLock&&) = delete;
  ~BuildLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  explicit BuildLock(int fd) : fd_(fd) {}
  int fd_;
};

void SetBuildMetadata(Xapian::WritableDatabase& db, const BuildOptions& options) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaLanguage), options.language);
}

// Whether the index must be built afresh rather than updated, and why not
// when it can be updated.
bool NeedsFreshBuild(const BuildOptions& options, const Generation& g) {
  try {
    Xapian::Database db(options.db_path);
    const size_t shards = g.shards.empty() ? 1 : g.shards.size();
    return db.get_doccount() == 0 ||
           db.get_metadata(std::string(schema::kMetaSchemaVersion)) !=
               std::to_string(schema::kSchemaVersion) ||
           db.get_metadata(std::string(schema::kMetaLanguage)) != options.language ||
           (options.shards > 0 && static_cast<size_t>(options.shards) != shards);
  } catch (const Xapian::Error&) {
    return true;  // no index (or an unreadable one) yet
  }
}

// So that a build killed before it switches generations still leaves an
// index that opens (and holds nothing).
void EnsureAnIndexOpens(const fs::path& db, const BuildOptions& options) {
  try {
    Xapian::Database probe(db.string());
    return;
  } catch (const Xapian::Error&) {
  }
  Generation empty{CurrentGeneration(db).number + 1, {}};
  empty.shards.push_back(GenerationFolder(empty.number) + "/shard-0");
  fs::create_directories(db / GenerationFolder(empty.number));
  Xapian::WritableDatabase shard((db / empty.shards[0]).string(),
                                 Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  SetBuildMetadata(shard, options);
  shard.commit();
  shard.close();
  WriteStub(db, empty);
}

// Picks the fullest name where two chunks name a speaker (the only metadata
// keys chunks share; Xapian passes keys in its internal form, so the tags
// are compared, not the key).
class ShardCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string&, size_t n,
                                         const std::string tags[]) override {
    size_t best = 0;
    for (size_t i = 1; i < n; ++i) {
      if (Fuller(schema::DecodeSpeakerName(tags[i]).name,
                 schema::DecodeSpeakerName(tags[best]).name)) {
        best = i;
      }
    }
    return tags[best];
  }
};

// The corpus walk shared by the chunk writers: each takes the next run of
// consecutive files, numbered so that the chunks merge in file order. At
// most one run per writer is held at a time, whatever the corpus size.
//
// Runs shrink as the corpus runs out (a share of what is left), so the
// writers end close together: with equal runs of an eighth of BBC, one core
// sat idle for 0.25-0.8 s of a 3 s build waiting for the other's last run.
// Not below a floor, as every run is one more database to merge.
class ChunkFeed {
 public:
  ChunkFeed(const std::vector<CorpusRoot>& roots, size_t files, int jobs)
      : walk_(roots, /*skipped=*/nullptr),
        left_(files),
        share_(2 * static_cast<size_t>(std::max(jobs, 1))),
        floor_(std::clamp<size_t>(files / (8 * share_), 1, kMaxChunkFiles)) {}

  // The next chunk's number and files; false when the corpus is done.
  bool Next(size_t& number, std::vector<FoundFile>& files) {
    files.clear();
    std::lock_guard<std::mutex> lock(mu_);
    const size_t want = std::clamp<size_t>((left_ + share_ - 1) / share_, floor_, kMaxChunkFiles);
    while (files.size() < want) {
      std::optional<FoundFile> f = walk_.Next();
      if (!f) break;
      files.push_back(std::move(*f));
    }
    left_ -= std::min(left_, files.size());
    number = next_number_++;
    return !files.empty();
  }

 private:
  static constexpr size_t kMaxChunkFiles = 8000;
  std::mutex mu_;
  CorpusWalk walk_;
  size_t left_;  // files the count found that no run has taken yet
  const size_t share_;
  const size_t floor_;
  size_t next_number_ = 0;
};

// A chunk database one writer wrote, and what it wrote there.
struct Chunk {
  size_t number = 0;
  std::string path;
  BuildReport report;
  std::vector<std::string> skipped;
};

Chunk WriteChunk(size_t number, const std::vector<FoundFile>& files, const fs::path& folder,
                 TextAnalyzer& analyzer, Sink& sink) {
  Chunk chunk{number, (folder / absl::StrCat("chunk-", number)).string(), {}, {}};
  // A chunk is thrown away if the build dies, so it need not survive a crash.
  Xapian::WritableDatabase db(chunk.path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC |
                                              Xapian::DB_DANGEROUS);
  // Spelling comes once per word when the shards are done, not once per chunk.
  FileWriter writer(db, sink, /*spelling=*/false, analyzer);
  for (const FoundFile& found : files) {
    std::string error;
    if (std::optional<SourceFile> f = DescribeFile(found, error)) {
      writer.Write(*f, PrepareSafely(*f, analyzer), /*replace=*/false);
    } else {
      writer.Skip(found.path.string(), error);
    }
  }
  db.commit();
  chunk.report = writer.report;
  chunk.skipped = std::move(writer.skipped);
  return chunk;
}

// Writes the corpus into chunk databases on `jobs` threads; returns their
// paths in file order.
std::vector<std::string> WriteChunks(ChunkFeed& feed, const fs::path& folder,
                                     const BuildOptions& options, const SpeakerAliases* aliases,
                                     Sink& sink, BuildReport& report,
                                     std::vector<std::string>& skipped) {
  std::vector<Chunk> chunks;
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mu;  // guards `chunks` and `error`
  auto work = [&] {
    try {
      std::unique_ptr<Stemmer> stemmer = std::move(Stemmer::Create(options.language)).value();
      TextAnalyzer analyzer{Tokenizer(), *stemmer, aliases};
      size_t number;
      std::vector<FoundFile> files;
      while (!failed && feed.Next(number, files)) {
        Chunk chunk = WriteChunk(number, files, folder, analyzer, sink);
        std::lock_guard<std::mutex> lock(mu);
        chunks.push_back(std::move(chunk));
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < options.jobs; ++i) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  std::sort(chunks.begin(), chunks.end(),
            [](const Chunk& a, const Chunk& b) { return a.number < b.number; });
  std::vector<std::string> paths;
  for (Chunk& c : chunks) {
    AddCounts(c.report, report);
    for (std::string& s : c.skipped) skipped.push_back(std::move(s));
    paths.push_back(std::move(c.path));
  }
  return paths;
}

// Merges consecutive runs of chunks into `shards` shard databases of a new
// generation, with their spelling data, shards in parallel; returns the
// generation.
Generation CompactIntoShards(const fs::path& db, const std::vector<std::string>& chunks,
                             int shards, int jobs, int number) {
  Generation g{number, {}};
  fs::create_directories(db / GenerationFolder(number));
  for (int s = 0; s < shards; ++s) {
    g.shards.push_back(absl::StrCat(GenerationFolder(number), "/shard-", s));
  }
  std::atomic<int> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&] {
    for (int s; (s = next.fetch_add(1)) < shards;) {
      try {
        const std::string out = (db / g.shards[s]).string();
        const size_t from = chunks.size() * s / shards, to = chunks.size() * (s + 1) / shards;
        if (from == to) {
          Xapian::WritableDatabase(out, Xapian::DB_CREATE_OR_OVERWRITE).commit();
          continue;
        }
        Xapian::Database sources;
        for (size_t c = from; c < to; ++c) sources.add_database(Xapian::Database(chunks[c]));
        ShardCompactor compactor;
        // Merging in several passes pays only for many chunks: at 8 (a
        // 2-job build) one pass did 40% fewer instructions (callgrind).
        constexpr size_t kMultipassFrom = 16;
        sources.compact(out, to - from >= kMultipassFrom ? Xapian::DBCOMPACT_MULTIPASS : 0, 0,
                        compactor);
        Xapian::WritableDatabase shard(out, Xapian::DB_OPEN);
        AddSpellingOfEveryWord(shard);
        shard.commit();
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mu);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < std::min(jobs, shards); ++i) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return g;
}

// Readers and builds read metadata from shard 0 only: gather every other
// shard's file records and speaker names there.
void GatherMetadataInShardZero(const fs::path& db, const Generation& g,
                               Xapian::WritableDatabase& zero) {
  const std::string speaker_prefix(schema::kMetaSpeakerPrefix);
  for (size_t s = 1; s < g.shards.size(); ++s) {
    Xapian::Database shard((db / g.shards[s]).string());
    for (auto it = shard.metadata_keys_begin(); it != shard.metadata_keys_end(); ++it) {
      const std::string& key = *it;
      std::string value = shard.get_metadata(key);
      if (absl::StartsWith(key, speaker_prefix)) {
        std::string known = zero.get_metadata(key);
        if (!known.empty() && !Fuller(schema::DecodeSpeakerName(value).name,
                                      schema::DecodeSpeakerName(known).name)) {
          continue;
        }
      }
      zero.set_metadata(key, value);
    }
  }
}

void RecordSkipped(Xapian::WritableDatabase& db, const std::vector<std::string>& skipped) {
  nlohmann::json skipped_json = skipped;
  db.set_metadata(std::string(schema::kMetaLastSkipped),
                  skipped_json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The build of a new generation: chunks, shards, then the switch.
void BuildFresh(const BuildOptions& options, const std::vector<CorpusRoot>& roots, size_t files,
                const SpeakerAliases* aliases, const std::string& alias_text, int shards,
                Sink& sink, BuildReport& report, std::vector<std::string>& skipped) {
  const fs::path db(options.db_path);
  const Generation old = CurrentGeneration(db);
  const fs::path chunk_folder = db / kChunksFolder;
  fs::create_directories(chunk_folder);
  ChunkFeed feed(roots, files, options.jobs);
  std::vector<std::string> chunks =
      WriteChunks(feed, chunk_folder, options, aliases, sink, report, skipped);
  Generation g = CompactIntoShards(db, chunks, shards, options.jobs, old.number + 1);
  {
    Xapian::WritableDatabase zero((db / g.shards[0]).string(), Xapian::DB_OPEN);
    GatherMetadataInShardZero(db, g, zero);
    SetBuildMetadata(zero, options);
    zero.set_metadata(std::string(schema::kMetaAliases), alias_text);
    RecordSkipped(zero, skipped);
    zero.commit();
  }
  WriteStub(db, g);
  RemoveLeftovers(db, g);
}

// The update of the current generation: changed files re-indexed in place.
void BuildIncremental(const BuildOptions& options, const std::vector<SourceFile>& todo,
                      const SpeakerAliases* aliases, const std::string& alias_text, Sink& sink,
                      BuildReport& report, std::vector<std::string>& skipped) {
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_OPEN);
  Pipeline pipeline(todo, options.jobs, options.language, aliases);
  std::unique_ptr<Stemmer> stemmer = std::move(Stemmer::Create(options.language)).value();
  TextAnalyzer analyzer{Tokenizer(), *stemmer, aliases};
  FileWriter writer(db, sink, /*spelling=*/true, analyzer);
  // Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD documents, which
  // could split a file from its record; inside a transaction it only flushes.
  db.begin_transaction();
  size_t since_commit = 0;
  for (size_t i = 0; i < todo.size(); ++i) {
    writer.Write(todo[i], pipeline.Take(i), /*replace=*/true);
    if (++since_commit >= options.commit_every) {
      writer.FlushSpelling();
      db.commit_transaction();
      db.begin_transaction();
      since_commit = 0;
    }
  }
  writer.FlushSpelling();
  AddCounts(writer.report, report);
  for (std::string& s : writer.skipped) skipped.push_back(std::move(s));
  // Last, so a build killed before this point is redone with these aliases.
  db.set_metadata(std::string(schema::kMetaAliases), alias_text);
  report.files_removed = RemoveVanishedFiles(db);
  RecordSkipped(db, skipped);
  db.commit_transaction();
  db.close();
}

// What an update has to write: the files new or changed since the index
// recorded them (all of them when the alias file changed).
struct Changes {
  std::vector<SourceFile> todo;
  size_t unchanged = 0;
};

Changes FindChanges(const std::vector<CorpusRoot>& roots, const std::string& db_path,
                    const std::string& alias_text, std::vector<std::string>& skipped) {
  Changes out;
  Xapian::Database index(db_path);
  // A changed alias file changes every quote's speaker: index everything again.
  const bool aliases_changed = index.get_metadata(std::string(schema::kMetaAliases)) != alias_text;
  const std::string meta_prefix(schema::kMetaFilePrefix);
  CorpusWalk walk(roots, &skipped);
  while (std::optional<FoundFile> found = walk.Next()) {
    std::string error;
    std::optional<SourceFile> f = DescribeFile(*found, error);
    if (!f) {
      skipped.push_back(absl::StrCat(found->path.string(), ": ", error));
      continue;
    }
    auto record = schema::DecodeFileRecord(index.get_metadata(meta_prefix + f->key));
    if (record && record->signature == f->signature && !aliases_changed) {
      ++out.unchanged;
    } else {
      out.todo.push_back(std::move(*f));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<BuildReport> BuildIndex(const BuildOptions& options) {
  const absl::Time start = absl::Now();
  if (auto s = Stemmer::Create(options.language); !s.ok()) return s.status();
  BuildOptions o = options;
  o.jobs = std::clamp(options.jobs, 1, 64);
  if (o.shards < 0 || o.shards > 1024) {
    return absl::InvalidArgumentError(absl::StrCat("--shards must be 1 to 1024, not ", o.shards));
  }
  // Xapian flushes its in-memory postings every N documents (10,000 by
  // default). Small flushes keep those maps in cache and memory low: on BBC
  // copied 20 times 2,000 built in 63 s and 106 MB against 86 s and 279 MB
  // (bench/compare). A user's own setting wins.
  setenv("XAPIAN_FLUSH_THRESHOLD", "2000", /*overwrite=*/0);
  BuildReport report;
  try {
    if (HoldsSomethingElse(o.db_path)) {
      return absl::FailedPreconditionError(absl::StrCat(
          o.db_path, " exists and is not a newsidx index; give --db a new folder or an index"));
    }
    absl::StatusOr<BuildLock> lock = BuildLock::Take(o.db_path);
    if (!lock.ok()) return lock.status();
    const fs::path db(o.db_path);
    RemoveLeftovers(db, CurrentGeneration(db));
    EnsureAnIndexOpens(db, o);

    std::vector<std::string> skipped;
    const std::vector<CorpusRoot> roots = CorpusRoots(o.corpus_paths, skipped);
    const Generation current = CurrentGeneration(db);
    const bool fresh = NeedsFreshBuild(o, current);
    const std::string alias_text = AliasText(o.corpus_paths);
    // A fresh build walks the corpus twice, to count and to write, keeping
    // no list of its files; an update keeps the changed ones.
    const size_t files = fresh ? CountFiles(roots, skipped) : 0;
    Changes changes;
    if (!fresh) changes = FindChanges(roots, o.db_path, alias_text, skipped);
    report.files_skipped = skipped.size();
    report.files_unchanged = changes.unchanged;
    Sink sink(o, 0);
    for (const std::string& s : skipped) sink.Problem("skipped " + s);

    std::vector<std::string> alias_problems;
    SpeakerAliases aliases = SpeakerAliases::Parse(alias_text, &alias_problems);
    for (const std::string& problem : alias_problems) sink.Problem("aliases.tsv: " + problem);
    const SpeakerAliases* alias_table = aliases.empty() ? nullptr : &aliases;

    if (fresh) {
      const int shards = o.shards > 0 ? o.shards
                                      : static_cast<int>(std::max<size_t>(1, current.shards.size()));
      Sink progress(o, files);
      BuildFresh(o, roots, files, alias_table, alias_text, shards, progress, report, skipped);
    } else {
      Sink progress(o, changes.todo.size());
      BuildIncremental(o, changes.todo, alias_table, alias_text, progress, report, skipped);
    }
  } catch (const Xapian::DatabaseLockError&) {
    return absl::UnavailableError(
        absl::StrCat("another build is writing to ", o.db_path, "; try again when it ends"));
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat(o.db_path, ": ", e.get_description()));
  } catch (const std::system_error& e) {
    return absl::InternalError(e.what());
  }
  report.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return report;
}

}  // namespace newsidx
