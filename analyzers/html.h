// HTML page → readable text and the page's own metadata.
//
// Uses libxml2's HTML parser in SAX mode: no tree is built, so memory and
// stack stay flat however deep a page nests. Scripts, styles, navigation,
// forms and asides are dropped; block elements become line breaks.
#ifndef NEWSIDX_ANALYZERS_HTML_H_
#define NEWSIDX_ANALYZERS_HTML_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/time/civil_time.h"

namespace newsidx {

struct HtmlPage {
  std::string text;  // one line per block element
  std::string title;  // og:title, else the first <h1>, else <title>
  std::string source;  // og:site_name / application-name / publisher
  std::string author;
  std::string url;  // canonical / og:url
  std::optional<absl::CivilDay> date;  // article:published_time, <time datetime>, …
};

// `html` must be UTF-8 (see charset.h).
HtmlPage ParseHtml(absl::string_view html);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_HTML_H_
