// Fuzzes the quote extractor (analyzers/quotes.h): any text as an article
// body, through the quote-mark state machine, the sentence tokenizer and
// speaker attribution — the largest hand-written parser in newsidx, and
// the one whose byte offsets index, snippets and highlighting depend on.
//
// Checked: every quote's span lies inside the text, quotes come in text
// order, and for UTF-8 input (which is all the indexer ever passes) spans
// start and end on character boundaries and every string is UTF-8.
#include <cstddef>
#include <cstdint>

#include "analyzers/charset.h"
#include "analyzers/quotes.h"
#include "fuzz/check.h"

namespace newsidx {
namespace {

void CheckQuote(const Quote& q, absl::string_view text, bool utf8) {
  FUZZ_CHECK(q.start <= q.end && q.end <= text.size(), "span %u..%u outside %zu bytes", q.start,
             q.end, text.size());
  if (!utf8) return;
  FUZZ_CHECK(IsValidUtf8(text.substr(q.start, q.end - q.start)),
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
