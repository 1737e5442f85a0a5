#include "analyzers/speakers.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_replace.h"
#include "analyzers/analyzer.h"

namespace newsidx {
namespace {

// ICU transliterators are not thread-safe: one per thread.
std::string ToLatinAscii(absl::string_view text) {
  // Any-Latin and Latin-ASCII leave ASCII as it is, and Lower lowers it as
  // ASCII does; names are mostly ASCII, and the transliterator is slow.
  if (IsAscii(text)) return absl::AsciiStrToLower(text);
  thread_local std::unique_ptr<icu::Transliterator> latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  if (!latin) return NormalizeText(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  latin->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string FoldNameWord(absl::string_view word) {
  std::string latin = ToLatinAscii(word);
  absl::string_view w = latin;
  absl::ConsumeSuffix(&w, "'s");  // Zelenskyy's
  absl::ConsumeSuffix(&w, "\xE2\x80\x99s");
  std::string letters;
  for (char c : w) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) letters.push_back(c);
  }
  letters = absl::StrReplaceAll(letters, {{"iy", "y"}, {"yy", "y"}, {"ij", "y"}, {"ii", "y"}});
  std::string folded;
  for (char c : letters) {
    if (folded.empty() || folded.back() != c) folded.push_back(c);
  }
  return folded;
}

std::vector<std::string> FoldedNameWords(absl::string_view name) {
  std::vector<std::string> out;
  thread_local Tokenizer tokenizer;
  for (const std::string& term : tokenizer.Terms(name)) {
    std::string f = FoldNameWord(term);
    if (!f.empty()) out.push_back(std::move(f));
  }
  return out;
}

std::string SpeakerKey(absl::string_view name) { return absl::StrJoin(FoldedNameWords(name), " "); }

SpeakerAliases SpeakerAliases::Parse(absl::string_view tsv, std::vector<std::string>* problems) {
  SpeakerAliases aliases;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(tsv, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> names = absl::StrSplit(line, '\t', absl::SkipWhitespace());
    if (names.size() < 2) {
      if (problems) problems->push_back(absl::StrCat("line ", line_no, ": needs a name and at least one variant, separated by tabs"));
      continue;
    }
    std::string canonical(absl::StripAsciiWhitespace(names[0]));
    for (absl::string_view n : names) {
      std::vector<std::string> words = FoldedNameWords(n);
      if (words.empty()) continue;
      aliases.by_key_[absl::StrJoin(words, " ")] = canonical;
      auto [it, fresh] = aliases.by_surname_.emplace(words.back(), canonical);
      if (!fresh && it->second != canonical) it->second.clear();
    }
  }
  return aliases;
}

const std::string* SpeakerAliases::CanonicalName(absl::string_view name) const {
  std::vector<std::string> words = FoldedNameWords(name);
  if (words.empty()) return nullptr;
  if (auto it = by_key_.find(absl::StrJoin(words, " ")); it != by_key_.end()) return &it->second;
  if (words.size() > 1) return nullptr;
  auto it = by_surname_.find(words.back());
  return it == by_surname_.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace newsidx
