// Fuzzes the quote extractor (analyzers/quotes.h): any text as an article
// body, through the quote-mark state machine, the sentence tokenizer and
// speaker attribution — the largest hand-written parser in newsidx, and
// the one whose byte offsets index, snippets and highlighting depend on.
//
// Checked: every quote's span lies inside the text, quotes come in text
// order, each has words, each piece of its text lies within its span, a
// named speaker has a key to be found by (`speaker:`, the facet), and for
// UTF-8 input (which is all the indexer ever passes) spans start and end on
// character boundaries and every string is UTF-8.
#include <cstddef>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "analyzers/charset.h"
#include "analyzers/quotes.h"
#include "analyzers/speakers.h"
#include "fuzz/check.h"

namespace newsidx {
namespace {

void CheckQuote(const Quote& q, absl::string_view text, bool utf8) {
  FUZZ_CHECK(q.start <= q.end && q.end <= text.size(), "span %u..%u outside %zu bytes", q.start,
             q.end, text.size());
  absl::string_view span = text.substr(q.start, q.end - q.start);
  FUZZ_CHECK(!absl::StripAsciiWhitespace(q.text).empty(), "the quote at %u has no text", q.start);
  // A multi-paragraph quote is its segments joined by "\n\n".
  for (absl::string_view part : absl::StrSplit(q.text, "\n\n")) {
    FUZZ_CHECK(absl::StrContains(span, part), "the quote at %u holds text from outside %u..%u",
               q.start, q.start, q.end);
  }
  if (!q.speaker.empty()) {
    FUZZ_CHECK(!SpeakerKey(q.speaker).empty(), "speaker '%s' has no key", q.speaker.c_str());
  }
  if (!utf8) return;
  FUZZ_CHECK(IsValidUtf8(span),
             "span %u..%u cuts a character", q.start, q.end);
  FUZZ_CHECK(IsValidUtf8(q.text), "quote text at %u is not UTF-8", q.start);
  FUZZ_CHECK(IsValidUtf8(q.speaker) && IsValidUtf8(q.speaker_mention) && IsValidUtf8(q.role),
             "speaker of the quote at %u is not UTF-8", q.start);
}

}  // namespace
}  // namespace newsidx

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsidx;
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  const bool utf8 = IsValidUtf8(text);
  std::vector<Quote> quotes = ExtractQuotes(text);
  for (size_t i = 0; i < quotes.size(); ++i) {
    CheckQuote(quotes[i], text, utf8);
    if (i > 0) {
      FUZZ_CHECK(quotes[i - 1].start <= quotes[i].start, "quote at %u listed before one at %u",
                 quotes[i - 1].start, quotes[i].start);
    }
  }
  return 0;
}
