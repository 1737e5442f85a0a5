// Bytes of unknown encoding in, clean UTF-8 out.
//
// Valid UTF-8 passes through (a BOM is dropped). Anything else is taken as a
// legacy 8-bit charset: ICU's detector names it when it is confident, else
// Windows-1252 (a superset of Latin-1's printable range). Line ends become
// LF and control characters (NUL included) become spaces, so no later stage
// sees bytes it cannot handle.
#ifndef NEWSIDX_ANALYZERS_CHARSET_H_
#define NEWSIDX_ANALYZERS_CHARSET_H_

#include <string>
#include "absl/strings/string_view.h"

namespace newsidx {

struct DecodedText {
  std::string text;     // UTF-8
  std::string charset;  // what the bytes were read as, e.g. "UTF-8", "windows-1252"
};

bool IsValidUtf8(absl::string_view bytes);

DecodedText DecodeToUtf8(absl::string_view bytes);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_CHARSET_H_
