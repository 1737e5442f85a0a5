// Fuzzes the article parser (analyzers/article.h): any bytes, as one file of
// one format, through charset detection, the HTML reader or the JSON Lines
// reader, and the title/dateline/furniture heuristics. Built three times,
// one binary per format (NEWSIDX_FUZZ_FORMAT), so each format's corpus stays
// its own: a mutation of an HTML page is not wasted on the JSON reader.
//
// Every file comes from disk unvetted, so beyond "does not crash" the
// parsed articles must keep the promises later stages rely on: UTF-8
// everywhere and no control characters (the body keeps its newlines; title,
// source, author and url are one line each), ids and paths as given, no
// article without title and text, plausible dates, and (text and HTML) a
// body of non-empty paragraphs.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_split.h"
#include "analyzers/article.h"
#include "analyzers/charset.h"
#include "fuzz/check.h"

namespace newsidx {
namespace {

constexpr Format kFormat = Format::NEWSIDX_FUZZ_FORMAT;
constexpr const char* kId = "fuzz";
constexpr const char* kPath = "fuzz.file";

void CheckField(const std::string& value, const char* name, bool multiline) {
  FUZZ_CHECK(IsValidUtf8(value), "%s is not UTF-8", name);
  for (char c : value) {
    if (multiline && c == '\n') continue;
    FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f,
               "%s holds control character 0x%02x", name, static_cast<unsigned char>(c));
  }
}

// Text and HTML bodies are the file's non-empty lines, "\n\n" between them.
void CheckParagraphs(const std::string& body) {
  if (body.empty()) return;
  for (absl::string_view para : absl::StrSplit(body, "\n\n")) {
    FUZZ_CHECK(!para.empty(), "empty paragraph in the body");
    FUZZ_CHECK(para.find('\n') == absl::string_view::npos, "a paragraph holds a lone newline");
  }
}

void CheckArticle(const Article& a) {
  FUZZ_CHECK(!a.title.empty() || !a.text.empty(), "an article with neither title nor text");
  FUZZ_CHECK(a.path == kPath, "path '%s' is not the file's", a.path.c_str());
  if (kFormat != Format::kJsonl) FUZZ_CHECK(a.id == kId, "id '%s' is not the file's", a.id.c_str());
  FUZZ_CHECK(!a.id.empty(), "empty id");
  for (auto [value, name] : {std::pair{&a.title, "title"}, {&a.text, "text"},
                             {&a.source, "source"}, {&a.author, "author"}, {&a.url, "url"}}) {
    CheckField(*value, name, /*multiline=*/value == &a.text);
  }
  if (a.date) FUZZ_CHECK(a.date->year() >= 1800 && a.date->year() <= 2200, "date out of range");
  if (kFormat != Format::kJsonl) CheckParagraphs(a.text);
}

void CheckFile(const ParsedFile& f) {
  FUZZ_CHECK(!f.charset.empty(), "no charset named");
  if (kFormat != Format::kJsonl) {
    // An article may come with a problem ("2 broken UTF-8 sequences replaced").
    FUZZ_CHECK(f.articles.size() <= 1, "a text or HTML file is at most one article");
    FUZZ_CHECK(!f.articles.empty() || !f.problems.empty(), "a file without an article says why");
  }
  for (const Article& a : f.articles) CheckArticle(a);
}

}  // namespace
}  // namespace newsidx

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsidx;
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParsedFile f = ParseArticles(bytes, kFormat, kId, kPath);
  CheckFile(f);
  // The same bytes as a sidecar: a failed one must leave the article as it was.
  if (kFormat == Format::kJsonl && !f.articles.empty()) {
    Article a = f.articles.front();
    if (!ApplySidecar(bytes, a).ok()) {
      FUZZ_CHECK(a.title == f.articles.front().title && a.date == f.articles.front().date,
                 "a refused sidecar changed the article");
    } else {
      CheckArticle(a);
    }
  }
  return 0;
}
