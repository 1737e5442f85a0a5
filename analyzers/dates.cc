#include "analyzers/dates.h"

#include <array>
#include <cctype>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"

namespace newsidx {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

struct Lexeme {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;  // words lower-cased
  int value = 0;     // numbers
  size_t end = 0;    // byte offset just past the lexeme
};

// Lexes the ASCII head of `s` into numbers, words and punctuation, skipping
// spaces; stops at the first non-ASCII byte.
std::vector<Lexeme> Lex(absl::string_view s, size_t max_lexemes = 24) {
  std::vector<Lexeme> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_lexemes) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) break;
    if (std::isspace(c)) {
      ++i;
    } else if (std::isdigit(c)) {
      size_t j = i;
      int v = 0;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 9) {
        v = v * 10 + (s[j] - '0');
        ++j;
      }
      out.push_back({Lexeme::kNumber, std::string(s.substr(i, j - i)), v, j});
      i = j;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Lexeme::kWord, absl::AsciiStrToLower(s.substr(i, j - i)), 0, j});
      i = j;
    } else {
      out.push_back({Lexeme::kPunct, std::string(1, static_cast<char>(c)), 0, i + 1});
      ++i;
    }
  }
  return out;
}

int MonthFromName(absl::string_view w) {
  static constexpr std::array<absl::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    // Full name or its first three letters.
    if (w == kMonths[m] || (w.size() == 3 && kMonths[m].substr(0, 3) == w)) return m + 1;
  }
  return 0;
}

bool IsWeekday(absl::string_view w) {
  static constexpr std::array<absl::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (auto d : kDays) {
    if (w == d || (w.size() == 3 && d.substr(0, 3) == w)) return true;
  }
  return false;
}

std::optional<absl::CivilDay> ValidDay(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  absl::CivilDay day(y, m, d);
  if (day.month() != m || day.day() != d) return std::nullopt;  // e.g. 31 February
  return day;
}

class Cursor {
 public:
  explicit Cursor(const std::vector<Lexeme>& lx) : lx_(lx) {}
  const Lexeme* Peek() const { return i_ < lx_.size() ? &lx_[i_] : nullptr; }
  bool Punct(char c) {
    const Lexeme* l = Peek();
    if (l && l->kind == Lexeme::kPunct && l->text[0] == c) return ++i_, true;
    return false;
  }
  std::optional<int> Number(size_t min_digits, size_t max_digits) {
    const Lexeme* l = Peek();
    if (l && l->kind == Lexeme::kNumber && l->text.size() >= min_digits &&
        l->text.size() <= max_digits) {
      ++i_;
      return l->value;
    }
    return std::nullopt;
  }
  std::optional<std::string> Word() {
    const Lexeme* l = Peek();
    if (l && l->kind == Lexeme::kWord) return ++i_, l->text;
    return std::nullopt;
  }
  void SkipOrdinalSuffix() {
    const Lexeme* l = Peek();
    if (l && l->kind == Lexeme::kWord &&
        (l->text == "st" || l->text == "nd" || l->text == "rd" || l->text == "th")) {
      ++i_;
    }
  }
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }
  size_t EndOffset() const { return i_ == 0 ? 0 : lx_[i_ - 1].end; }

 private:
  const std::vector<Lexeme>& lx_;
  size_t i_ = 0;
};

// "2025-12-15", "2025/12/15"
std::optional<absl::CivilDay> YearFirst(Cursor& c) {
  auto y = c.Number(4, 4);
  if (!y) return std::nullopt;
  char sep = c.Punct('-') ? '-' : c.Punct('/') ? '/' : 0;
  if (!sep) return std::nullopt;
  auto m = c.Number(1, 2);
  if (!m || !c.Punct(sep)) return std::nullopt;
  auto d = c.Number(1, 2);
  if (!d) return std::nullopt;
  return ValidDay(*y, *m, *d);
}

// "17 December 2025", "15 Dec. 2025", "15th of December, 2025"
std::optional<absl::CivilDay> DayMonthName(Cursor& c) {
  auto d = c.Number(1, 2);
  if (!d) return std::nullopt;
  c.SkipOrdinalSuffix();
  c.Punct('.');
  auto w = c.Word();
  if (w == "of") w = c.Word();
  if (!w) return std::nullopt;
  int m = MonthFromName(*w);
  if (m == 0) return std::nullopt;
  c.Punct('.');
  c.Punct(',');
  auto y = c.Number(4, 4);
  if (!y) return std::nullopt;
  return ValidDay(*y, m, *d);
}

// "December 15, 2025", "Dec. 15 2025"
std::optional<absl::CivilDay> MonthNameDay(Cursor& c) {
  auto w = c.Word();
  if (!w) return std::nullopt;
  int m = MonthFromName(*w);
  if (m == 0) return std::nullopt;
  c.Punct('.');
  auto d = c.Number(1, 2);
  if (!d) return std::nullopt;
  c.SkipOrdinalSuffix();
  c.Punct(',');
  auto y = c.Number(4, 4);
  if (!y) return std::nullopt;
  return ValidDay(*y, m, *d);
}

// "15.12.2025"; "25/12/2025" or "12/25/2025" only when one reading is impossible.
std::optional<absl::CivilDay> NumericDayFirst(Cursor& c) {
  auto a = c.Number(1, 2);
  if (!a) return std::nullopt;
  char sep = c.Punct('.') ? '.' : c.Punct('/') ? '/' : 0;
  if (!sep) return std::nullopt;
  auto b = c.Number(1, 2);
  if (!b || !c.Punct(sep)) return std::nullopt;
  auto y = c.Number(4, 4);
  if (!y) return std::nullopt;
  if (sep == '.') return ValidDay(*y, *b, *a);
  if (*a > 12 && *b <= 12) return ValidDay(*y, *b, *a);
  if (*b > 12 && *a <= 12) return ValidDay(*y, *a, *b);
  return std::nullopt;
}

// Consumes a clock time ("16:13", "04:20:00", "T04:20:00Z", "4.20pm", "+0000").
void SkipTime(Cursor& c) {
  size_t start = c.pos();
  c.Punct(',');
  if (auto w = c.Peek(); w && w->kind == Lexeme::kWord && w->text == "t") c.Word();
  if (c.Number(1, 2) && (c.Punct(':') || c.Punct('.')) && c.Number(2, 2)) {
    if (c.Punct(':')) c.Number(2, 2);
    if (c.Punct('.')) c.Number(1, 9);
    if (auto w = c.Peek(); w && w->kind == Lexeme::kWord &&
                           (w->text == "am" || w->text == "pm" || w->text == "z" ||
                            w->text == "utc" || w->text == "gmt" || w->text == "cet" ||
                            w->text == "est" || w->text == "edt" || w->text == "bst")) {
      c.Word();
    }
    size_t zone = c.pos();
    if ((c.Punct('+') || c.Punct('-')) && c.Number(2, 4)) {
      if (c.Punct(':')) c.Number(2, 2);
    } else {
      c.set_pos(zone);
    }
    return;
  }
  c.set_pos(start);
}

}  // namespace

std::optional<LeadingDate> ParseLeadingDate(absl::string_view text) {
  std::vector<Lexeme> lx = Lex(text);
  Cursor c(lx);
  if (auto w = c.Peek(); w && w->kind == Lexeme::kWord && IsWeekday(w->text)) {
    c.Word();
    c.Punct(',');
  }
  const size_t start = c.pos();
  using Parser = std::optional<absl::CivilDay> (*)(Cursor&);
  for (Parser p : {YearFirst, DayMonthName, MonthNameDay, NumericDayFirst}) {
    c.set_pos(start);
    if (auto day = p(c)) {
      SkipTime(c);
      return LeadingDate{*day, c.EndOffset()};
    }
  }
  return std::nullopt;
}

std::optional<absl::CivilDay> ParseDate(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  auto d = ParseLeadingDate(text);
  if (!d) return std::nullopt;
  absl::string_view rest = absl::StripAsciiWhitespace(text.substr(d->length));
  if (!rest.empty()) return std::nullopt;
  return d->day;
}

std::optional<absl::CivilDay> ParseDateline(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.size() > 100) return std::nullopt;
  for (absl::string_view intro : {"published on", "published", "updated on", "updated",
                                 "posted on", "posted", "last updated", "date", "on"}) {
    if (absl::StartsWithIgnoreCase(line, intro) && line.size() > intro.size() &&
        !std::isalpha(static_cast<unsigned char>(line[intro.size()]))) {
      line.remove_prefix(intro.size());
      line = absl::StripLeadingAsciiWhitespace(line);
      absl::ConsumePrefix(&line, ":");
      break;
    }
  }
  auto d = ParseLeadingDate(line);
  if (!d) return std::nullopt;
  // What follows a dateline's date is short: a time, a zone, a repeat, a byline.
  if (line.size() - d->length > 48) return std::nullopt;
  return d->day;
}

std::optional<DaySpan> ParseIsoDaySpan(absl::string_view text) {
  std::vector<Lexeme> lx = Lex(text);
  Cursor c(lx);
  auto y = c.Number(4, 4);
  if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
  std::optional<DaySpan> span;
  if (c.Peek() == nullptr) {
    span = DaySpan{absl::CivilDay(*y, 1, 1), absl::CivilDay(*y, 12, 31)};
  } else if (c.Punct('-')) {
    auto m = c.Number(1, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    if (c.Peek() == nullptr) {
      absl::CivilMonth month(*y, *m);
      span = DaySpan{absl::CivilDay(month), absl::CivilDay(month + 1) - 1};
    } else if (c.Punct('-')) {
      auto d = c.Number(1, 2);
      if (!d || c.Peek() != nullptr) return std::nullopt;
      auto day = ValidDay(*y, *m, *d);
      if (!day) return std::nullopt;
      span = DaySpan{*day, *day};
    }
  }
  if (!span || c.EndOffset() != text.size()) return std::nullopt;
  return span;
}

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

int64_t DayNumber(absl::CivilDay day) { return day - absl::CivilDay(1970, 1, 1); }

absl::CivilDay DayFromNumber(int64_t n) { return absl::CivilDay(1970, 1, 1) + n; }

}  // namespace newsidx
