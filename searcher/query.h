// Query text → Xapian::Query, through Xapian's QueryParser.
//
// The text is first rewritten so that QueryParser sees every word exactly as
// the shared analyzer made it at index time: words normalized and split by
// analyzers/ (joined with '-' so a split word stays a phrase), field names
// checked against the schema, dates checked and made explicit ranges
// (`date:2025-12` → `date:2025-12-01..2025-12-31`). Operators (AND OR NOT
// XOR, + -, quotes, parentheses, trailing *) pass through untouched; NEAR
// and ADJ too where QueryParser takes them (`a NEAR b` as a whole operand),
// elsewhere they are words. The rewrite of a rewritten query is itself.
#ifndef NEWSIDX_SEARCHER_QUERY_H_
#define NEWSIDX_SEARCHER_QUERY_H_

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "analyzers/analyzer.h"
#include "analyzers/speakers.h"

namespace newsidx {

// What one query may ask of the index. Xapian 1.4 cannot stop a match
// midway (Enquire::set_time_limit only ends exact counting), so the cost of
// a query is bounded by its shape instead: each word is a posting list to
// merge, and a phrase or NEAR checks every position of every word.
inline constexpr size_t kMaxQueryBytes = 4096;
// Words (terms) after parsing: a 1,000-word phrase of "the" took 8 s on
// 20,000 articles, 100 words 0.7 s; a pasted quote rarely has more.
inline constexpr size_t kMaxQueryTerms = 100;
// A wildcard (`zelensk*`) stands for at most kMaxWildcardTerms words, its
// most frequent ones, and a query holds at most kMaxWildcards of them: `s*`
// alone is an OR of 1,000 lists (0.5 s on 20,000 articles), and 1,300 of
// them took minutes and 1.2 GB.
inline constexpr unsigned kMaxWildcardTerms = 1000;
inline constexpr size_t kMaxWildcards = 4;

// The query as QueryParser will be given it; InvalidArgument names what is
// wrong with a query that cannot be searched (bad date, unknown type, …).
absl::StatusOr<std::string> RewriteQuery(absl::string_view query, Tokenizer& tokenizer);

// Longer queries are not read as questions (see RewriteWhoSaidWhat).
inline constexpr size_t kMaxQuestionBytes = 256;

// Plain-English "who said what" questions in the fielded form:
//   everything Honchar said about Article 5  → speaker:honchar "article 5"
//   what did Kallas say about troops         → speaker:kallas troops
//   quotes by Bruen on Trump                 → speaker:bruen trump
//   Bruen on Trump (Bruen a known speaker)   → speaker:bruen trump
// Any other query comes back unchanged, and so does one over
// kMaxQuestionBytes. `is_speaker` tells whether a name is a speaker in the
// index (only the bare "X on Y" form asks).
std::string RewriteWhoSaidWhat(absl::string_view query,
                               const std::function<bool(absl::string_view)>& is_speaker);

// A Xapian::Stem backed by the analyzer's Snowball stemmer.
Xapian::Stem SharedStem(std::unique_ptr<Stemmer> stemmer);

struct ParsedQuery {
  Xapian::Query query;
  std::string rewritten;   // what QueryParser parsed
  std::string suggestion;  // a spelling-corrected `rewritten`, or empty
};

// Not thread-safe: one per thread, like the Xapian::Database it reads.
class QueryBuilder {
 public:
  // `db` supplies wildcard expansion, spelling data and speakers.
  static absl::StatusOr<std::unique_ptr<QueryBuilder>> Create(const Xapian::Database& db,
                                                              absl::string_view language);
  absl::StatusOr<ParsedQuery> Parse(absl::string_view query);
  const Xapian::Stem& stem() const { return stem_; }

 private:
  QueryBuilder(const Xapian::Database& db, Xapian::Stem stem);
  bool IsSpeaker(absl::string_view name);
  std::string CorrectSpeakers(const std::string& query);
  std::string ApplyAliases(const std::string& query) const;
  // `query` read as plain English, aliased and rewritten (RewriteQuery).
  absl::StatusOr<std::string> Rewritten(absl::string_view query);
  std::string KeepCorrectionsOfUnknownWords(const std::string& query, const std::string& corrected);
  bool AllPlainWordsIndexed(const std::string& query) const;
  Xapian::Database db_;  // a handle sharing the searcher's database
  SpeakerAliases aliases_;  // the corpus' aliases.tsv, as the index was built with it
  Tokenizer tokenizer_;
  Xapian::Stem stem_;
  Xapian::QueryParser parser_;
};

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_QUERY_H_
