// Text analysis shared by documents and queries: one definition of a "word".
//
// Text is broken into words with ICU's word-break rules, each word is
// normalized (NFKC + case folding, every apostrophe made ASCII '), and split
// at internal punctuation the way Xapian's QueryParser splits a word, so a
// term the indexer writes is the term a query for the same word produces.
// Stems come from Snowball (libstemmer) through a per-instance cache.
//
// Instances are not thread-safe: give each thread its own Tokenizer/Stemmer.
#ifndef NEWSIDX_ANALYZERS_ANALYZER_H_
#define NEWSIDX_ANALYZERS_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

struct sb_stemmer;
#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace newsidx {

// Terms longer than this are junk (base64, URLs run together) and not indexed.
inline constexpr size_t kMaxTermBytes = 64;

// NFKC + case folding with apostrophes unified; for free text of any length.
std::string NormalizeText(absl::string_view text);

// Maps curly and modifier apostrophes (’ ‘ ʼ ′ ＇) to ASCII '.
std::string UnifyApostrophes(absl::string_view text);

// Whether every byte of `text` is 7-bit ASCII: such text needs no ICU.
bool IsAscii(absl::string_view text);

struct Token {
  std::string term;    // normalized; never empty
  uint32_t start = 0;  // byte offsets of the word in the analyzed text
  uint32_t end = 0;
  uint32_t position = 0;  // 0-based word number within the analyzed text
};

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Words of `text` (UTF-8) in order. Invalid UTF-8 is tolerated.
  std::vector<Token> Tokenize(absl::string_view text);

  // Just the terms of `text`, for query rewriting.
  std::vector<std::string> Terms(absl::string_view text);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

class Stemmer {
 public:
  // `language` is an ISO 639-1 code or Snowball name ("en", "english").
  static absl::StatusOr<std::unique_ptr<Stemmer>> Create(absl::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of a normalized term; the reference stays valid until the next call.
  const std::string& Stem(absl::string_view term);
  const std::string& language() const { return language_; }

 private:
  Stemmer(sb_stemmer* stemmer, std::string language);
  sb_stemmer* stemmer_;
  std::string language_;
  absl::flat_hash_map<std::string, std::string> cache_;
};

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_ANALYZER_H_
