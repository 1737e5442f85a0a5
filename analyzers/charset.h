// Bytes of unknown encoding in, clean UTF-8 out.
//
// Valid UTF-8 passes through (a BOM is dropped); so does UTF-8 with a few
// broken sequences, each replaced by U+FFFD, since re-reading a whole UTF-8
// article as Latin-1 would garble every accent and curly quote in it. Text
// with a UTF-16 byte-order mark is converted. Anything else is taken as a
// legacy 8-bit charset: ICU's detector names it when it is confident, else
// Windows-1252 (a superset of Latin-1's printable range). Line ends become
// LF and control characters (NUL included) become spaces, so no later stage
// sees bytes it cannot handle. Bytes that are mostly control characters are
// binary data, not text.
#ifndef NEWSIDX_ANALYZERS_CHARSET_H_
#define NEWSIDX_ANALYZERS_CHARSET_H_

#include <string>
#include "absl/strings/string_view.h"

namespace newsidx {

struct DecodedText {
  std::string text;     // UTF-8
  std::string charset;  // what the bytes were read as, e.g. "UTF-8", "windows-1252"
  size_t replaced = 0;  // broken UTF-8 sequences replaced by U+FFFD
};

// True when the bytes are not text: in their first 64 KiB at least 8, and
// more than 1 in 50, are control characters no text holds (NUL, ESC, ...).
// A few stray NULs in an article do not make it binary.
bool LooksBinary(absl::string_view bytes);

bool IsValidUtf8(absl::string_view bytes);

// LF line ends (CR LF and lone CR too); every other control character but
// tab becomes a space, and tab too unless `keep_tabs`.
std::string CleanControls(absl::string_view s, bool keep_tabs = true);

DecodedText DecodeToUtf8(absl::string_view bytes);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_CHARSET_H_
