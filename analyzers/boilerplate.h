// Page furniture that is not the article: menus, share buttons, counters,
// copyright and credit lines. Decided line by line from the line's own
// shape (short labels, all-caps section names, identifiers, UI phrases), so
// it works on pages from outlets never seen before.
#ifndef NEWSIDX_ANALYZERS_BOILERPLATE_H_
#define NEWSIDX_ANALYZERS_BOILERPLATE_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"

namespace newsidx {

// True for a line that is page furniture anywhere on the page.
bool IsBoilerplateLine(absl::string_view line);

// True for a copyright or reuse-credit line ("Caliber.az © 2025",
// "All rights reserved", "… only with a hyperlink to X").
bool IsCreditLine(absl::string_view line);

// The outlet a credit line names, if it names one: "X © 2025" → "X",
// "Copyright 2025 X. All rights reserved." → "X", "… hyperlink to X" → "X".
std::optional<std::string> OutletFromCreditLine(absl::string_view line);

// True for a short trailing line with no sentence in it ("Submit a Tip",
// "Exclusive interviews", "loading"): furniture once the article has ended.
bool IsTrailingFragment(absl::string_view line);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_BOILERPLATE_H_
