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

// LF line ends; control characters other than tab and newline become spaces.
std::string CleanControls(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

bool IsValidUtf8(absl::string_view bytes) {
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

DecodedText DecodeToUtf8(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (IsValidUtf8(bytes)) return {CleanControls(bytes), "UTF-8"};
  std::string charset = TrustedLegacyCharset(bytes);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  std::string utf8;
  u.toUTF8String(utf8);
  return {CleanControls(utf8), charset};
}

}  // namespace newsidx
