// Speaker names as keys: one spelling-insensitive form per person.
//
// A name is transliterated to Latin and ASCII with ICU (Зеленський,
// Zelenskyy, Zélensky → zelenskyy), lower-cased, and its spelling variants
// folded ("iy", "yy", "ij", "ii" → "y"; doubled letters single), so that
// Zelenskyy, Zelenskiy and Zelensky share the key "zelensky". The indexer
// writes these folded words under the speaker prefix and the query parser
// folds `speaker:` words the same way.
#ifndef NEWSIDX_ANALYZERS_SPEAKERS_H_
#define NEWSIDX_ANALYZERS_SPEAKERS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace newsidx {

// One word of a name in its folded form ("Zelenskiy" → "zelensky").
std::string FoldNameWord(absl::string_view word);

// The folded words of a name, in order.
std::vector<std::string> FoldedNameWords(absl::string_view name);

// The key of a whole name: its folded words joined by spaces.
std::string SpeakerKey(absl::string_view name);

// A user's alias file: one person a line, "Canonical Name<TAB>Variant<TAB>…",
// '#' starting a comment. Variants (and the canonical name itself) are
// matched by SpeakerKey, so spelling variants of a variant match too.
class SpeakerAliases {
 public:
  // Lines that are not of that form are listed in `problems` and ignored.
  static SpeakerAliases Parse(absl::string_view tsv, std::vector<std::string>* problems);

  // The canonical name for `name` (a whole name, or a surname that only one
  // listed name ends with), or nullptr when the file does not name it.
  const std::string* CanonicalName(absl::string_view name) const;
  bool empty() const { return by_key_.empty(); }

 private:
  absl::flat_hash_map<std::string, std::string> by_key_;      // variant key → canonical name
  absl::flat_hash_map<std::string, std::string> by_surname_;  // "" when ambiguous
};

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_SPEAKERS_H_
