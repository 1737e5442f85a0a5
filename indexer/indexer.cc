#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
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
#include "absl/strings/str_cat.h"
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

std::optional<SourceFile> DescribeFile(const fs::path& path, const fs::path& root,
                                       std::vector<std::string>& skipped) {
  auto format = FormatOfPath(path.filename().string());
  if (!format) return std::nullopt;
  std::error_code ec;
  SourceFile f;
  f.format = *format;
  f.shown = path.string();
  f.abs = fs::absolute(path, ec).lexically_normal().string();
  if (ec) f.abs = f.shown;
  f.key = schema::BoundedKey(f.abs);
  fs::path rel = root == path ? path.filename() : path.lexically_relative(root);
  f.id = rel.replace_extension().generic_string();
  f.signature = Signature(path, ec);
  if (ec) {
    skipped.push_back(absl::StrCat(f.shown, ": ", ec.message()));
    return std::nullopt;
  }
  f.sidecar = SidecarOf(path);
  if (!f.sidecar.empty()) absl::StrAppend(&f.signature, "+", Signature(f.sidecar, ec));
  return f;
}

// Every article file under the corpus paths, sorted by path.
std::vector<SourceFile> WalkCorpus(const std::vector<std::string>& roots,
                                   std::vector<std::string>& skipped) {
  std::vector<SourceFile> files;
  for (const std::string& r : roots) {
    fs::path root(r);
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      if (auto f = DescribeFile(root, root, skipped)) files.push_back(std::move(*f));
      continue;
    }
    if (!fs::is_directory(root, ec)) {
      skipped.push_back(absl::StrCat(r, ": no such file or folder"));
      continue;
    }
    // Directory symlinks are not followed, so a link loop cannot trap the walk.
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& e = *it;
      std::error_code fec;
      if (!FormatOfPath(e.path().filename().string())) continue;
      if (!e.is_regular_file(fec)) {
        if (!e.is_directory(fec)) {
          skipped.push_back(absl::StrCat(e.path().string(), ": not a regular file"));
        }
        continue;
      }
      if (auto f = DescribeFile(e.path(), root, skipped)) files.push_back(std::move(*f));
    }
    if (ec) skipped.push_back(absl::StrCat(r, ": ", ec.message()));
  }
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.shown < b.shown; });
  return files;
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
  out.problems = std::move(parsed.problems);
  std::optional<std::string> sidecar;
  if (!f.sidecar.empty()) {
    sidecar = ReadFile(f.sidecar, error);
    if (!sidecar) out.problems.push_back(absl::StrCat("sidecar ", f.sidecar, ": ", error));
  }
  std::vector<Xapian::Document> quotes;
  for (Article& a : parsed.articles) {
    if (sidecar) {
      if (absl::Status s = ApplySidecar(*sidecar, a); !s.ok()) {
        out.problems.push_back(absl::StrCat("sidecar ", f.sidecar, ": ", s.message()));
        sidecar.reset();
      }
    }
    out.docs.push_back(ArticleDocument(a, f.key, analyzer));
    ++out.articles;
    for (QuoteDocument& q : QuoteDocuments(a, f.key, analyzer)) {
      quotes.push_back(std::move(q.doc));
      if (!q.speaker_key.empty()) out.speakers.push_back({q.speaker_key, q.speaker, q.alias, q.organisation});
    }
  }
  for (Xapian::Document& q : quotes) out.docs.push_back(std::move(q));
  if (out.articles == 0) {
    out.skip_reason = out.problems.empty() ? "no article text" : out.problems.front();
  }
  return out;
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
      PreparedFile p;
      try {
        p = Prepare(files_[i], analyzer);
      } catch (const std::exception& e) {
        p = PreparedFile{};
        p.skip_reason = absl::StrCat("internal error: ", e.what());
        p.keep_old = true;
      }
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

// Opens the index for writing; an index of another schema or language is
// rebuilt from scratch (its terms would not match this build's queries).
Xapian::WritableDatabase OpenForBuild(const BuildOptions& options) {
  const std::string version = std::to_string(schema::kSchemaVersion);
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  std::string old_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  std::string old_lang = db.get_metadata(std::string(schema::kMetaLanguage));
  bool fresh = old_version.empty() && db.get_doccount() == 0;
  if (!fresh && (old_version != version || old_lang != options.language)) {
    db.close();
    db = Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  }
  db.set_metadata(std::string(schema::kMetaSchemaVersion), version);
  db.set_metadata(std::string(schema::kMetaLanguage), options.language);
  // Committed at once, so a build killed before its first batch still
  // leaves a valid (empty) index behind.
  db.commit();
  return db;
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
        const std::string& term = *t;
        // Unprefixed words only (prefixes are capitals); no numbers.
        unsigned char c = static_cast<unsigned char>(term[0]);
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || term.size() < 3) continue;
        words_.insert(term);
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
  static bool Fuller(const std::string& a, const std::string& b) {
    auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
    return words(a) != words(b) ? words(a) > words(b) : a.size() > b.size();
  }
  Xapian::WritableDatabase& db_;
  absl::flat_hash_map<std::string, std::string> best_;
  absl::flat_hash_set<std::string> aliased_;
};

size_t RemoveVanishedFiles(Xapian::WritableDatabase& db,
                           const absl::flat_hash_set<std::string>& present) {
  const std::string prefix(schema::kMetaFilePrefix);
  std::vector<std::string> gone;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string key = (*it).substr(prefix.size());
    if (present.contains(key)) continue;
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

}  // namespace

absl::StatusOr<BuildReport> BuildIndex(const BuildOptions& options) {
  const absl::Time start = absl::Now();
  if (auto s = Stemmer::Create(options.language); !s.ok()) return s.status();
  BuildReport report;
  try {
    Xapian::WritableDatabase db = OpenForBuild(options);
    std::vector<std::string> skipped;
    std::vector<SourceFile> all = WalkCorpus(options.corpus_paths, skipped);
    report.files_skipped = skipped.size();
    if (options.on_problem) {
      for (const std::string& s : skipped) options.on_problem("skipped " + s);
    }

    // A changed alias file changes every quote's speaker: index everything again.
    const std::string alias_text = AliasText(options.corpus_paths);
    std::vector<std::string> alias_problems;
    SpeakerAliases aliases = SpeakerAliases::Parse(alias_text, &alias_problems);
    for (const std::string& problem : alias_problems) {
      if (options.on_problem) options.on_problem("aliases.tsv: " + problem);
    }
    const bool aliases_changed =
        db.get_metadata(std::string(schema::kMetaAliases)) != alias_text;

    absl::flat_hash_set<std::string> present;
    std::vector<SourceFile> todo;
    const std::string meta_prefix(schema::kMetaFilePrefix);
    for (SourceFile& f : all) {
      present.insert(f.key);
      auto record = schema::DecodeFileRecord(db.get_metadata(meta_prefix + f.key));
      if (record && record->signature == f.signature && !aliases_changed) {
        ++report.files_unchanged;
      } else {
        todo.push_back(std::move(f));
      }
    }

    const int jobs = std::clamp(options.jobs, 1, 64);
    Pipeline pipeline(todo, jobs, options.language, aliases.empty() ? nullptr : &aliases);
    SpeakerNames speaker_names(db);
    SpellingWords spelling;
    size_t since_commit = 0;
    for (size_t i = 0; i < todo.size(); ++i) {
      const SourceFile& f = todo[i];
      PreparedFile p = pipeline.Take(i);
      if (!p.keep_old) {
        const std::string file_term = schema::Term(schema::kFile, f.key);
        db.delete_document(file_term);
        for (const Xapian::Document& doc : p.docs) db.add_document(doc);
        spelling.Collect(p);
        report.articles += p.articles;
        report.quotes += p.docs.size() - p.articles;
        for (const auto& sp : p.speakers) {
          speaker_names.Offer(sp.key, schema::EncodeSpeakerName({sp.name, sp.organisation}), sp.alias);
        }
      }
      if (p.articles == 0) {
        ++report.files_skipped;
        skipped.push_back(absl::StrCat(f.shown, ": ", p.skip_reason));
        if (options.on_problem) options.on_problem("skipped " + skipped.back());
        if (!p.keep_old) db.set_metadata(meta_prefix + f.key, "");
      } else {
        ++report.files_indexed;
        report.problems += p.problems.size();
        if (options.on_problem) {
          for (const std::string& problem : p.problems) {
            options.on_problem(absl::StrCat(f.shown, ": ", problem));
          }
        }
        db.set_metadata(meta_prefix + f.key,
                        schema::EncodeFileRecord({f.signature, f.abs}));
      }
      if (++since_commit >= options.commit_every) {
        spelling.Write(db);
        db.commit();
        since_commit = 0;
      }
      if (options.progress) options.progress(i + 1, todo.size());
    }
    spelling.Write(db);
    // Last, so a build killed before this point is redone with these aliases.
    db.set_metadata(std::string(schema::kMetaAliases), alias_text);
    report.files_removed = RemoveVanishedFiles(db, present);
    nlohmann::json skipped_json = skipped;
    db.set_metadata(std::string(schema::kMetaLastSkipped),
                    skipped_json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db.commit();
    db.close();
  } catch (const Xapian::DatabaseLockError&) {
    return absl::UnavailableError(
        absl::StrCat("another build is writing to ", options.db_path, "; try again when it ends"));
  } catch (const Xapian::Error& e) {
    return absl::InternalError(absl::StrCat(options.db_path, ": ", e.get_description()));
  } catch (const std::filesystem::filesystem_error& e) {
    return absl::InternalError(e.what());
  }
  report.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return report;
}

}  // namespace newsidx
