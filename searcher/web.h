// The search page `newsidx serve` answers at GET / (and the script and style
// sheet it loads): the files under web/, compiled into the binary by CMake
// (searcher/web_files.cc.in), so the page works with no other file and no
// network.
#ifndef NEWSIDX_SEARCHER_WEB_H_
#define NEWSIDX_SEARCHER_WEB_H_

#include "absl/strings/string_view.h"

namespace newsidx {

struct WebFile {
  absl::string_view content_type;
  absl::string_view body;
};

// The file served at `path` ("/", "/app.js", "/style.css"), or nullptr.
const WebFile* FindWebFile(absl::string_view path);

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_WEB_H_
