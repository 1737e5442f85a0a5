// The query server's endpoints without the sockets: a GET target
// ("/search?q=nato&limit=5") in, an HTTP status and the spec's JSON out.
// JSON is built by render.h, as the CLI's is.
//
//   /search?q=&limit=&offset=&sort=&facets=   the query JSON
//   /quotes?q=&limit=&offset=                 {"query", "total", "quotes": [quote JSON]}
//   /suggest?q=&limit=                        completions of the last word
//   /article?id=                              one article's text and its quotes
//   /stats                                    the index statistics
//   /health                                   {"status": "ok", "documents": n}
// Errors are {"error": "…"} with a 4xx for the caller's mistakes, 5xx else.
#ifndef NEWSIDX_SEARCHER_API_H_
#define NEWSIDX_SEARCHER_API_H_

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "searcher/search.h"

namespace newsidx {

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
};

// Answers a GET for `target` (path and query string) from `searcher`.
ApiResponse HandleGet(Searcher& searcher, absl::string_view target);

// The query string's parameters, percent-decoded ('+' is a space).
absl::StatusOr<std::map<std::string, std::string>> ParseQueryString(absl::string_view query);
// Percent-encodes everything but unreserved characters.
std::string UrlEncode(absl::string_view text);
// `text` as a whole number in [0, max], or InvalidArgument naming `name`
// (a parameter or an option) and the range; one rule for server and CLI.
absl::StatusOr<size_t> ParseCount(absl::string_view name, absl::string_view text, size_t max);

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_API_H_
