// Fuzzes the date parser (analyzers/dates.h): datelines, <meta> and JSON
// dates and `date:` query values all reach it straight from untrusted
// text, and its lexer indexes by hand.
//
// Checked: lengths stay inside the input, days stay in the accepted years,
// every day read prints and reads back as itself, the stricter parsers
// agree with the lenient one, and a day span is not reversed.
#include <cstddef>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "analyzers/dates.h"
#include "fuzz/check.h"

namespace newsidx {
namespace {

void CheckDay(absl::CivilDay day, const char* parser) {
  FUZZ_CHECK(day.year() >= 1800 && day.year() <= 2200, "%s read year %lld", parser,
             static_cast<long long>(day.year()));
  std::string printed = FormatDay(day);
  FUZZ_CHECK(ParseDate(printed) == day, "%s: %s does not read back", parser, printed.c_str());
  FUZZ_CHECK(DayFromNumber(DayNumber(day)) == day, "%s: day number of %s", parser,
             printed.c_str());
}

}  // namespace
}  // namespace newsidx

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsidx;
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  auto leading = ParseLeadingDate(text);
  if (leading) {
    FUZZ_CHECK(leading->length <= text.size(), "length %zu of %zu bytes", leading->length,
               text.size());
    CheckDay(leading->day, "ParseLeadingDate");
  }
  if (auto day = ParseDate(text)) {
    CheckDay(*day, "ParseDate");
    // A whole date is also a date at the start, once leading blanks go.
    auto again = ParseLeadingDate(absl::StripLeadingAsciiWhitespace(text));
    FUZZ_CHECK(again && again->day == *day, "ParseDate and ParseLeadingDate disagree");
  }
  if (auto day = ParseDateline(text)) CheckDay(*day, "ParseDateline");
  if (auto span = ParseIsoDaySpan(text)) {
    CheckDay(span->first, "ParseIsoDaySpan");
    CheckDay(span->last, "ParseIsoDaySpan");
    FUZZ_CHECK(span->first <= span->last, "span ends before it begins");
  }
  return 0;
}
