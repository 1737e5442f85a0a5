// The index schema: every field newsidx writes or queries, in one table.
//
// The indexer writes terms and values by these entries and the searcher
// registers the same entries with Xapian's QueryParser, so a field's name,
// prefix and value slot exist here and nowhere else (the manner of notmuch's
// lib/prefix.cc). Also here: what a document's data holds, and the database
// metadata keys. Bump kSchemaVersion whenever anything here changes meaning.
#ifndef NEWSIDX_SCHEMA_SCHEMA_H_
#define NEWSIDX_SCHEMA_SCHEMA_H_

#include <xapian.h>

#include <array>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace newsidx::schema {

inline constexpr int kSchemaVersion = 6;

enum class FieldKind {
  kText,     // positional free text, stemmed, phrase-searchable
  kBoolean,  // exact filter terms
  kValue,    // a value slot only
};

struct Field {
  absl::string_view name;    // query syntax `name:` when `queryable`
  absl::string_view prefix;  // Xapian term prefix ("" for the body)
  FieldKind kind;
  bool queryable;
  Xapian::valueno slot;  // Xapian::BAD_VALUENO when the field has no value
};

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;     // sortable_serialise(day number)
inline constexpr Xapian::valueno kSourceSlot = 1;   // outlet as shown
inline constexpr Xapian::valueno kTypeSlot = 2;     // "article" | "quote"
inline constexpr Xapian::valueno kSpeakerSlot = 3;  // speaker key (quotes), see analyzers/speakers.h

inline constexpr Field kBody{"body", "", FieldKind::kText, false, Xapian::BAD_VALUENO};
inline constexpr Field kTitle{"title", "S", FieldKind::kText, true, Xapian::BAD_VALUENO};
inline constexpr Field kSource{"source", "XS", FieldKind::kText, true, kSourceSlot};
// The speaker's folded name words (any of them matches `speaker:`).
inline constexpr Field kSpeaker{"speaker", "XSP", FieldKind::kText, true, kSpeakerSlot};
// The speaker's whole key, one exact term.
inline constexpr Field kSpeakerKey{"speaker_key", "XSPK", FieldKind::kBoolean, false,
                                   Xapian::BAD_VALUENO};
inline constexpr Field kType{"type", "XTYPE", FieldKind::kBoolean, true, kTypeSlot};
// A value only: `date:` queries go through the value range processor on
// kDateSlot, so day terms would be written and never read (nor a unique id
// term: files are replaced by kFile, articles found by kArticleId).
inline constexpr Field kDate{"date", "", FieldKind::kValue, false, kDateSlot};
inline constexpr Field kFile{"file", "XFILE", FieldKind::kBoolean, false, Xapian::BAD_VALUENO};
// The article's id (as the JSON's article.id) on the article and on each of
// its quotes: the server finds an article and its quotes by id, not by path.
inline constexpr Field kArticleId{"article_id", "XAID", FieldKind::kBoolean, false,
                                  Xapian::BAD_VALUENO};

inline constexpr std::array<Field, 9> kFields = {kBody, kTitle,      kSource,    kSpeaker, kType,
                                                 kDate, kFile,       kSpeakerKey, kArticleId};

// The field a query may name as `name:`, if any.
const Field* QueryableField(absl::string_view name);

// Fields that can be faceted on (they have a value slot), by name.
const Field* FacetField(absl::string_view name);

// prefix + value, with Xapian's ':' separator when the value starts with a
// capital letter (so "XFILE" + "/a" and "XFIL" + "E/a" cannot collide).
std::string Term(const Field& field, absl::string_view value);

// A term or key that fits Xapian's limits: long values are replaced by a
// stable hash of themselves.
std::string BoundedKey(absl::string_view value);

inline constexpr absl::string_view kTypeArticle = "article";
inline constexpr absl::string_view kTypeQuote = "quote";

// Database metadata keys.
inline constexpr absl::string_view kMetaSchemaVersion = "newsidx.schema";
inline constexpr absl::string_view kMetaLanguage = "newsidx.lang";
inline constexpr absl::string_view kMetaAliases = "newsidx.aliases";  // aliases.tsv as last built
inline constexpr absl::string_view kMetaLastSkipped = "newsidx.skipped";  // JSON array
inline constexpr absl::string_view kMetaFilePrefix = "file:";  // + BoundedKey(path) → FileRecord
inline constexpr absl::string_view kMetaSpeakerPrefix = "speaker:";  // + speaker key → fullest name

// What the index remembers of each source file, to rebuild incrementally.
struct FileRecord {
  std::string signature;  // size and mtime of the file and its sidecar
  std::string path;       // absolute
};
std::string EncodeFileRecord(const FileRecord& r);
std::optional<FileRecord> DecodeFileRecord(absl::string_view s);

// What the index remembers of each speaker key (metadata kMetaSpeakerPrefix).
struct SpeakerName {
  std::string name;  // the fullest form seen
  bool organisation = false;
};
std::string EncodeSpeakerName(const SpeakerName& s);
SpeakerName DecodeSpeakerName(absl::string_view s);

// What a document's data holds: everything a hit shows without another read.
struct DocData {
  std::string type;  // kTypeArticle | kTypeQuote
  std::string id;
  std::string path;
  std::string title;
  std::string source;
  std::string date;  // YYYY-MM-DD or empty
  std::string text;  // article body, or the quote
  // Quotes only.
  std::string speaker{};          // as the article names them
  std::string speaker_key{};      // see analyzers/speakers.h
  std::string speaker_mention{};  // the words that named the speaker at the cue
  std::string role{};
  std::string kind{};             // direct | partial | indirect
  uint32_t start = 0, end = 0;  // byte span in the article text
};
std::string EncodeDocData(const DocData& d);
absl::StatusOr<DocData> DecodeDocData(absl::string_view data);

}  // namespace newsidx::schema

#endif  // NEWSIDX_SCHEMA_SCHEMA_H_
