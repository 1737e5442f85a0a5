#include "analyzers/charset.h"

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>
#include <memory>

#include "absl/strings/match.h"

namespace newsidx {
namespace {

// Single-byte charsets we trust the detector to name; ISO-8859-1 is read as
// its superset windows-1252, as browsers do.
std::string TrustedLegacyCharset(absl::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 &ucsdet_close);
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "windows-1252";
  const char* name = ucsdet_getName(match, &status);
  int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr || confidence < 50) return "windows-1252";
  absl::string_view n(name);
  if (n == "ISO-8859-1" || n == "UTF-8") return "windows-1252";
  if (absl::StartsWith(n, "ISO-8859-") || absl::StartsWith(n, "windows-125") || n == "KOI8-R") {
    return std::string(n);
  }
  return "windows-1252";
}

// Calls visit(sequence, well_formed) for each UTF-8 sequence of `bytes` in
// order, a broken one being what ICU's U8_NEXT skips over as one.
template <typename Visit>
void ForEachUtf8Sequence(absl::string_view bytes, Visit visit) {
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    const int32_t before = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    visit(bytes.substr(static_cast<size_t>(before), static_cast<size_t>(i - before)), c >= 0);
  }
}

// Counts of well-formed multi-byte sequences and of broken ones.
struct Utf8Census {
  size_t multibyte = 0;
  size_t broken = 0;
};

Utf8Census CensusOfUtf8(absl::string_view bytes) {
  Utf8Census census;
  ForEachUtf8Sequence(bytes, [&](absl::string_view seq, bool ok) {
    if (!ok) {
      ++census.broken;
    } else if (seq.size() > 1) {
      ++census.multibyte;
    }
  });
  return census;
}

// UTF-8 with each broken sequence replaced by U+FFFD.
std::string RepairedUtf8(absl::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 16);
  ForEachUtf8Sequence(bytes, [&](absl::string_view seq, bool ok) {
    if (ok) {
      out.append(seq.data(), seq.size());
    } else {
      out.append("\xEF\xBF\xBD");
    }
  });
  return out;
}

std::string Utf16ToUtf8(absl::string_view bytes) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), "UTF-16");
  std::string utf8;
  u.toUTF8String(utf8);
  if (absl::StartsWith(utf8, "\xEF\xBB\xBF")) utf8.erase(0, 3);
  return utf8;
}

bool HasUtf16Bom(absl::string_view bytes) {
  return absl::StartsWith(bytes, "\xFF\xFE") || absl::StartsWith(bytes, "\xFE\xFF");
}

}  // namespace

bool LooksBinary(absl::string_view bytes) {
  if (HasUtf16Bom(bytes)) return false;
  absl::string_view sample = bytes.substr(0, 64 * 1024);
  size_t controls = 0;
  for (char ch : sample) {
    unsigned char c = static_cast<unsigned char>(ch);
    // Tab, LF, VT, FF and CR occur in text; the rest of C0 does not.
    if (c < 0x20 && (c < '\t' || c > '\r')) ++controls;
  }
  return controls >= 8 && controls * 50 > sample.size();
}

std::string CleanControls(absl::string_view s, bool keep_tabs) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if ((c < 0x20 && c != '\n' && !(keep_tabs && c == '\t')) || c == 0x7f) {
      out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool IsValidUtf8(absl::string_view bytes) {
  bool valid = true;
  ForEachUtf8Sequence(bytes, [&](absl::string_view, bool ok) { valid = valid && ok; });
  return valid;
}

DecodedText DecodeToUtf8(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (HasUtf16Bom(bytes)) return {CleanControls(Utf16ToUtf8(bytes)), "UTF-16"};
  const Utf8Census census = CensusOfUtf8(bytes);
  if (census.broken == 0) return {CleanControls(bytes), "UTF-8"};
  // More good multi-byte sequences than broken ones: UTF-8 damaged here and
  // there, not a legacy charset (whose accented letters are rarely valid UTF-8).
  if (census.multibyte >= census.broken) {
    return {CleanControls(RepairedUtf8(bytes)), "UTF-8", census.broken};
  }
  std::string charset = TrustedLegacyCharset(bytes);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  std::string utf8;
  u.toUTF8String(utf8);
  return {CleanControls(utf8), charset};
}

}  // namespace newsidx
