#include "analyzers/dates.h"

#include <gtest/gtest.h>

namespace newsidx {
namespace {

std::string Day(const std::string& text) {
  auto d = ParseDate(text);
  return d ? FormatDay(*d) : "none";
}

std::string Dateline(const std::string& text) {
  auto d = ParseDateline(text);
  return d ? FormatDay(*d) : "none";
}

TEST(ParseDate, Iso8601) {
  EXPECT_EQ(Day("2025-12-15"), "2025-12-15");
  EXPECT_EQ(Day("2025-12-15T04:20:00Z"), "2025-12-15");
  EXPECT_EQ(Day("2025-12-15T04:20:00+02:00"), "2025-12-15");
  EXPECT_EQ(Day("2025/12/15"), "2025-12-15");
}

TEST(ParseDate, Rfc2822) {
  EXPECT_EQ(Day("Mon, 15 Dec 2025 04:20:00 +0000"), "2025-12-15");
  EXPECT_EQ(Day("15 Dec 2025 04:20:00 GMT"), "2025-12-15");
}

TEST(ParseDate, WrittenForms) {
  EXPECT_EQ(Day("17 December 2025 16:13"), "2025-12-17");
  EXPECT_EQ(Day("December 15, 2025, 04:20"), "2025-12-15");
  EXPECT_EQ(Day("Dec. 15, 2025"), "2025-12-15");
  EXPECT_EQ(Day("Sept 3rd, 2024"), "2024-09-03");
  EXPECT_EQ(Day("Tuesday, 3 September 2024"), "2024-09-03");
  EXPECT_EQ(Day("15.12.2025"), "2025-12-15");
}

TEST(ParseDate, SlashesOnlyWhenUnambiguous) {
  EXPECT_EQ(Day("25/12/2025"), "2025-12-25");
  EXPECT_EQ(Day("12/25/2025"), "2025-12-25");
  EXPECT_EQ(Day("03/04/2025"), "none");
}

TEST(ParseDate, RejectsImpossibleAndPartialDates) {
  EXPECT_EQ(Day("31 February 2025"), "none");
  EXPECT_EQ(Day("2025-13-01"), "none");
  EXPECT_EQ(Day("December 2025"), "none");
  EXPECT_EQ(Day("15 Dec 25"), "none");
  EXPECT_EQ(Day("the evening of December 15"), "none");
  EXPECT_EQ(Day(""), "none");
}

TEST(ParseDateline, ShortDateLinesOnly) {
  EXPECT_EQ(Dateline("December 15, 2025, 04:20December 15, 2025, 04:20"), "2025-12-15");
  EXPECT_EQ(Dateline("Published: 17 December 2025"), "2025-12-17");
  EXPECT_EQ(Dateline("Updated 2025-12-16 09:00 UTC"), "2025-12-16");
  EXPECT_EQ(Dateline("December 15, 2025: Ukraine said today that it would not accept any "
                     "territorial concessions in the talks"),
            "none");
  EXPECT_EQ(Dateline("On the evening of December 15, 2025, leaders met."), "none");
}

TEST(ParseIsoDaySpan, YearMonthDay) {
  auto y = ParseIsoDaySpan("2025");
  ASSERT_TRUE(y);
  EXPECT_EQ(FormatDay(y->first), "2025-01-01");
  EXPECT_EQ(FormatDay(y->last), "2025-12-31");
  auto m = ParseIsoDaySpan("2024-02");
  ASSERT_TRUE(m);
  EXPECT_EQ(FormatDay(m->last), "2024-02-29");
  auto d = ParseIsoDaySpan("2025-12-15");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->first, d->last);
  EXPECT_FALSE(ParseIsoDaySpan("2025-12-32"));
  EXPECT_FALSE(ParseIsoDaySpan("12-2025"));
  EXPECT_FALSE(ParseIsoDaySpan("2025-12-15x"));
}

TEST(DayNumber, RoundTrips) {
  absl::CivilDay d(2025, 12, 17);
  EXPECT_EQ(DayFromNumber(DayNumber(d)), d);
  EXPECT_LT(DayNumber(absl::CivilDay(1999, 1, 1)), DayNumber(d));
}

}  // namespace
}  // namespace newsidx
