#include "analyzers/analyzer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace newsidx {
bool IsAscii(absl::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

// The characters Xapian's QueryParser keeps inside a term (its is_wordchar).
bool IsWordChar(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

bool IsDigit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

bool IsMark(UChar32 c) {
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

struct CodePoint {
  UChar32 c;
  int32_t start;
  int32_t end;
};

std::vector<CodePoint> CodePoints(absl::string_view s) {
  std::vector<CodePoint> out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out.push_back({c, start, i});
  }
  return out;
}

// Whether an apostrophe between `prev` and `next` stays inside a word for
// ICU too: only between letters or between digits (UAX #29, WB6/7 and
// WB11/12). Normalization can put one elsewhere ("15\u0149" is "15'n"), and
// a term ICU would split there does not survive the query rewrite.
bool ApostropheJoins(UChar32 prev, UChar32 next) {
  auto word_break = [](UChar32 c) { return u_getIntPropertyValue(c, UCHAR_WORD_BREAK); };
  auto letter = [&](UChar32 c) {
    const int32_t wb = word_break(c);
    return wb == U_WB_ALETTER || wb == U_WB_HEBREW_LETTER;
  };
  return IsWordChar(prev) && IsWordChar(next) &&
         ((letter(prev) && letter(next)) ||
          (word_break(prev) == U_WB_NUMERIC && word_break(next) == U_WB_NUMERIC));
}

// Splits a normalized word where the QueryParser would: at every character
// that is not a word character, except an apostrophe that joins (see
// ApostropheJoins) and '.' or ',' between digits ("don't", "3.14", "1,000").
//
// The query rewrite joins a word's terms with '-', and ICU must split that
// back into the same terms, or a rewritten query would not rewrite to
// itself. So a combining mark after a split point starts no term (ICU groups
// it with the punctuation before it: "o.\u0301i" is "o", "i"), and a piece of
// connector punctuation alone ("_") is no term (ICU calls it a word in
// "_@0" but not in "_-0").
template <typename Emit>
void SplitLikeQueryParser(absl::string_view word, Emit emit) {
  std::vector<CodePoint> cps = CodePoints(word);
  size_t term_start = 0;
  bool in_term = false;
  bool has_core = false;  // a letter, number or mark, not only connectors
  auto end_term = [&](int32_t end) {
    if (has_core) emit(cps[term_start].start, end);
    in_term = has_core = false;
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i].c;
    bool keep = IsWordChar(c) && (in_term || !IsMark(c));
    const bool word_char = keep;
    if (!keep && in_term && i + 1 < cps.size()) {
      UChar32 prev = cps[i - 1].c, next = cps[i + 1].c;
      if (c == '\'') keep = ApostropheJoins(prev, next);
      if (c == '.' || c == ',') keep = IsDigit(prev) && IsDigit(next);
    }
    if (keep && !in_term) {
      in_term = true;
      term_start = i;
    } else if (!keep && in_term) {
      end_term(cps[i - 1].end);
    }
    if (word_char && u_charType(c) != U_CONNECTOR_PUNCTUATION) has_core = true;
  }
  if (in_term) end_term(cps.back().end);
}

std::string NormalizeWord(absl::string_view raw) {
  if (IsAscii(raw)) return absl::AsciiStrToLower(raw);
  return NormalizeText(raw);
}

}  // namespace

std::string UnifyApostrophes(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    switch (c) {
      case 0x2019:  // right single quotation mark
      case 0x2018:  // left single quotation mark
      case 0x201B:  // single high-reversed-9
      case 0x02BC:  // modifier letter apostrophe
      case 0x2032:  // prime
      case 0xFF07:  // fullwidth apostrophe
        out.push_back('\'');
        break;
      default:
        out.append(text.data() + start, i - start);
    }
  }
  return out;
}

std::string NormalizeText(absl::string_view text) {
  if (IsAscii(text)) return absl::AsciiStrToLower(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return UnifyApostrophes(text);
  icu::UnicodeString folded = nfkc_cf->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), status);
  if (U_FAILURE(status)) return UnifyApostrophes(text);
  std::string utf8;
  folded.toUTF8String(utf8);
  return UnifyApostrophes(utf8);
}

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) words_.reset();
}

Tokenizer::~Tokenizer() = default;

std::vector<Token> Tokenizer::Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  if (!words_ || text.empty()) return tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return tokens;
  words_->setText(ut, status);
  uint32_t position = 0;
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    absl::string_view raw = text.substr(start, end - start);
    std::string word = NormalizeWord(raw);
    // Offsets inside the word are exact only when normalization kept its length.
    const bool same_length = word.size() == raw.size();
    SplitLikeQueryParser(word, [&](int32_t s, int32_t e) {
      if (static_cast<size_t>(e - s) > kMaxTermBytes) return;
      Token t;
      t.term.assign(word, s, e - s);
      t.start = static_cast<uint32_t>(same_length ? start + s : start);
      t.end = static_cast<uint32_t>(same_length ? start + e : end);
      t.position = position++;
      tokens.push_back(std::move(t));
    });
  }
  // Detach the iterator from `text` before the UText goes away.
  words_->setText(icu::UnicodeString());
  utext_close(ut);
  return tokens;
}

std::vector<std::string> Tokenizer::Terms(absl::string_view text) {
  std::vector<std::string> terms;
  for (Token& t : Tokenize(text)) terms.push_back(std::move(t.term));
  return terms;
}

absl::StatusOr<std::unique_ptr<Stemmer>> Stemmer::Create(absl::string_view language) {
  std::string name(language);
  sb_stemmer* s = sb_stemmer_new(name.c_str(), "UTF_8");
  if (s == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("no Snowball stemmer for language '", language, "'"));
  }
  return std::unique_ptr<Stemmer>(new Stemmer(s, std::move(name)));
}

Stemmer::Stemmer(sb_stemmer* stemmer, std::string language)
    : stemmer_(stemmer), language_(std::move(language)) {}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

const std::string& Stemmer::Stem(absl::string_view term) {
  auto it = cache_.find(term);
  if (it != cache_.end()) return it->second;
  // Bound the cache: a corpus of junk must not grow it without limit.
  if (cache_.size() >= 200000) cache_.clear();
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(term.data()), static_cast<int>(term.size()));
  std::string value = stem ? std::string(reinterpret_cast<const char*>(stem),
                                         sb_stemmer_length(stemmer_))
                           : std::string(term);
  return cache_.emplace(std::string(term), std::move(value)).first->second;
}

}  // namespace newsidx
