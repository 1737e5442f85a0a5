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

#include "absl/strings/string_view.h"

namespace newsidx {

// One word of a name in its folded form ("Zelenskiy" → "zelensky").
std::string FoldNameWord(absl::string_view word);

// The folded words of a name, in order.
std::vector<std::string> FoldedNameWords(absl::string_view name);

// The key of a whole name: its folded words joined by spaces.
std::string SpeakerKey(absl::string_view name);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_SPEAKERS_H_
