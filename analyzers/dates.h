// Dates as news pages write them, read into civil days (no time zone games:
// a dateline's calendar day is the day the article says it was published).
//
// Understood: ISO 8601 ("2025-12-15", "2025-12-15T04:20:00Z"), RFC 2822
// ("Mon, 15 Dec 2025 04:20:00 +0000"), "17 December 2025 16:13",
// "December 15, 2025, 04:20", "Dec. 15, 2025", "15.12.2025", and slashed
// dates when unambiguous ("25/12/2025"). Two-digit years and ambiguous
// slashed dates ("03/04/2025") are refused rather than guessed.
#ifndef NEWSIDX_ANALYZERS_DATES_H_
#define NEWSIDX_ANALYZERS_DATES_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/time/civil_time.h"

namespace newsidx {

struct LeadingDate {
  absl::CivilDay day;
  size_t length = 0;  // bytes of the input the date (and any time) took
};

// A date at the very start of `text` (leading spaces and a weekday allowed).
std::optional<LeadingDate> ParseLeadingDate(absl::string_view text);

// `text` is a date and nothing else but an optional time/zone.
std::optional<absl::CivilDay> ParseDate(absl::string_view text);

// The date of a dateline: a short line that is a date, perhaps introduced by
// "Published", "Updated", "Posted on" and followed by a time or a repeat.
std::optional<absl::CivilDay> ParseDateline(absl::string_view line);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the span of days it covers.
struct DaySpan {
  absl::CivilDay first;
  absl::CivilDay last;
};
std::optional<DaySpan> ParseIsoDaySpan(absl::string_view text);

std::string FormatDay(absl::CivilDay day);  // "YYYY-MM-DD"

// Days since 1970-01-01, the order-preserving number stored in the index.
int64_t DayNumber(absl::CivilDay day);
absl::CivilDay DayFromNumber(int64_t n);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_DATES_H_
