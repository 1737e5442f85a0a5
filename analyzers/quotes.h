// Who said what: quotations in an article's text and the speaker of each.
//
// Direct quotes are found by a quote-mark state machine (“ ” " « » „ ‘ ’ ',
// nesting, quotes that span paragraphs, unbalanced marks recovered at the
// paragraph's end); partial quotes are quoted fragments inside a sentence of
// reported speech; indirect speech is "X said that …", "according to X, …"
// and "…, X said." Speakers are found from speech verbs before, after or
// between quote segments, resolved from pronouns and descriptions ("the
// analyst explained") to the most recent fitting speaker or person, and
// named by the fullest form of the name the article uses.
//
// General rules only: nothing here knows any particular article.
#ifndef NEWSIDX_ANALYZERS_QUOTES_H_
#define NEWSIDX_ANALYZERS_QUOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace newsidx {

enum class QuoteKind { kDirect, kPartial, kIndirect };

absl::string_view QuoteKindName(QuoteKind kind);  // "direct" | "partial" | "indirect"

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  uint32_t start = 0;  // byte span of the quoted words in the text, marks excluded
  uint32_t end = 0;
  std::string text;             // the quote; segments of a multi-paragraph quote joined by "\n\n"
  std::string speaker;          // the fullest name the article gives; empty if unattributed
  std::string speaker_mention;  // the words at the cue that named the speaker ("she", "Honchar")
  std::string role;             // a role seen next to the speaker's name, if any
  bool organisation = false;    // the speaker is an organisation, not a person
};

// Quotes of `text` (an article body) in text order.
std::vector<Quote> ExtractQuotes(absl::string_view text);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_QUOTES_H_
