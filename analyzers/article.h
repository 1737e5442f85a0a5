// Article files → Articles: the one shape every later stage works from.
//
// Formats: plain text (headline first, as news exports and the seeds are),
// HTML pages, and JSON Lines (one article per line). For text and HTML the
// title, dateline and outlet are found in the text itself and page
// furniture (menus, share bars, counters, copyright lines) is dropped from
// title and body; a sidecar NAME.meta.json overrides any of them.
#ifndef NEWSIDX_ANALYZERS_ARTICLE_H_
#define NEWSIDX_ANALYZERS_ARTICLE_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace newsidx {

// Title, text, source, author and url are UTF-8 without control characters
// but the body's "\n"; all but the text are one line.
struct Article {
  std::string id;      // unique within the index
  std::string path;    // the file it came from
  std::string title;   // empty when none was found
  std::string text;    // the body: paragraphs separated by "\n\n"
  std::optional<absl::CivilDay> date;
  std::string source;  // the outlet; empty when unknown
  std::string author;
  std::string url;
};

enum class Format { kText, kHtml, kJsonl };

// The format a file name implies, or nullopt for files that are not articles
// (including sidecars).
std::optional<Format> FormatOfPath(absl::string_view path);

struct ParsedFile {
  std::vector<Article> articles;
  std::vector<std::string> problems;  // e.g. "line 7: not a JSON object"
  std::string charset;                // what the bytes were decoded as; "binary" if not text
};

// Parses a file's raw bytes (any encoding). Articles get `id` (JSON Lines:
// the line's own id, else id#LINE) and `path`.
ParsedFile ParseArticles(absl::string_view bytes, Format format, absl::string_view id,
                         absl::string_view path);

// Overrides fields of `article` with those present in a sidecar JSON object
// (title, source, date, author, url). Errors leave `article` unchanged.
absl::Status ApplySidecar(absl::string_view json, Article& article);

}  // namespace newsidx

#endif  // NEWSIDX_ANALYZERS_ARTICLE_H_
