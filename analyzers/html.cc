#include "analyzers/html.h"

#include <libxml/HTMLparser.h>

#include <cstring>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "analyzers/dates.h"

namespace newsidx {
namespace {

bool IsSkipped(absl::string_view tag) {
  static const auto* kSkip = new absl::flat_hash_set<absl::string_view>{
      "script", "style", "noscript", "nav", "footer", "aside", "form", "button",
      "select", "svg", "iframe", "template", "menu", "head", "object", "canvas"};
  return kSkip->contains(tag);
}

bool IsBlock(absl::string_view tag) {
  static const auto* kBlock = new absl::flat_hash_set<absl::string_view>{
      "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
      "table", "article", "section", "blockquote", "pre", "dd", "dt", "dl", "figcaption",
      "figure", "header", "main", "hr", "address", "td", "th", "title", "body", "html"};
  return kBlock->contains(tag);
}

struct SaxState {
  HtmlPage page;
  int depth = 0;
  int skip_from = -1;  // depth at which a skipped element opened, or -1
  bool in_title = false;
  bool in_h1 = false;
  std::string title_tag, h1, og_title;
  std::string date_text;
  bool has_date_meta = false;

  bool skipping() const { return skip_from >= 0; }
  void Break() {
    if (!page.text.empty() && page.text.back() != '\n') page.text.push_back('\n');
  }
};

absl::string_view Attr(const xmlChar** atts, absl::string_view name) {
  if (atts == nullptr) return {};
  for (int i = 0; atts[i] != nullptr; i += 2) {
    if (absl::EqualsIgnoreCase(reinterpret_cast<const char*>(atts[i]), name)) {
      return atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : "";
    }
  }
  return {};
}

void OnMeta(SaxState& s, const xmlChar** atts) {
  std::string key = absl::AsciiStrToLower(Attr(atts, "property"));
  if (key.empty()) key = absl::AsciiStrToLower(Attr(atts, "name"));
  if (key.empty()) key = absl::AsciiStrToLower(Attr(atts, "itemprop"));
  std::string content(absl::StripAsciiWhitespace(Attr(atts, "content")));
  if (key.empty() || content.empty()) return;
  if (key == "og:title" && s.og_title.empty()) s.og_title = content;
  if ((key == "og:site_name" || key == "application-name" || key == "publisher" ||
       key == "dc.publisher") &&
      s.page.source.empty()) {
    s.page.source = content;
  }
  if ((key == "author" || key == "article:author" || key == "dc.creator") &&
      s.page.author.empty()) {
    s.page.author = content;
  }
  if (key == "og:url" && s.page.url.empty()) s.page.url = content;
  if (!s.page.date && (key == "article:published_time" || key == "date" || key == "pubdate" ||
                       key == "publishdate" || key == "dc.date" || key == "dc.date.issued" ||
                       key == "datepublished" || key == "sailthru.date")) {
    s.page.date = ParseDateline(content);
  }
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  SaxState& s = *static_cast<SaxState*>(ctx);
  std::string tag = absl::AsciiStrToLower(reinterpret_cast<const char*>(name));
  ++s.depth;
  if (tag == "meta") return OnMeta(s, atts);
  if (tag == "link" && absl::EqualsIgnoreCase(Attr(atts, "rel"), "canonical") &&
      s.page.url.empty()) {
    s.page.url = std::string(Attr(atts, "href"));
  }
  if (tag == "time" && !s.page.date) {
    if (auto d = ParseDateline(Attr(atts, "datetime"))) s.page.date = d;
  }
  if (tag == "title") s.in_title = true;
  if (s.skipping()) return;
  if (IsSkipped(tag)) {
    s.skip_from = s.depth;
    return;
  }
  if (tag == "h1" && s.h1.empty()) s.in_h1 = true;
  if (IsBlock(tag)) s.Break();
}

void OnEnd(void* ctx, const xmlChar* name) {
  SaxState& s = *static_cast<SaxState*>(ctx);
  std::string tag = absl::AsciiStrToLower(reinterpret_cast<const char*>(name));
  if (tag == "title") s.in_title = false;
  if (tag == "h1") s.in_h1 = false;
  if (s.skip_from == s.depth) s.skip_from = -1;
  if (!s.skipping() && IsBlock(tag)) s.Break();
  --s.depth;
}

void OnText(void* ctx, const xmlChar* chars, int len) {
  SaxState& s = *static_cast<SaxState*>(ctx);
  absl::string_view text(reinterpret_cast<const char*>(chars), len);
  if (s.in_title) s.title_tag.append(text.data(), text.size());
  if (s.skipping()) return;
  if (s.in_h1) s.h1.append(text.data(), text.size());
  // Collapse runs of white space; newlines in markup are not line breaks.
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (s.page.text.empty() || s.page.text.back() == ' ' ||
                     s.page.text.back() == '\n')) {
      continue;
    }
    s.page.text.push_back(c);
  }
}

std::string Collapse(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

HtmlPage ParseHtml(absl::string_view html) {
  SaxState state;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  htmlParserCtxtPtr ctxt =
      htmlCreatePushParserCtxt(&sax, &state, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (ctxt == nullptr) return state.page;
  // The bytes are UTF-8 already (charset.h): a page's own <meta charset>
  // must not make libxml2 decode them again, which dropped the text.
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
  // Feed in chunks: the push parser takes an int length.
  constexpr size_t kChunk = 1 << 16;
  for (size_t off = 0; off < html.size(); off += kChunk) {
    size_t n = std::min(kChunk, html.size() - off);
    htmlParseChunk(ctxt, html.data() + off, static_cast<int>(n), 0);
  }
  htmlParseChunk(ctxt, nullptr, 0, 1);
  htmlFreeParserCtxt(ctxt);

  HtmlPage& page = state.page;
  page.title = Collapse(!state.og_title.empty() ? state.og_title
                        : !state.h1.empty()     ? state.h1
                                                : state.title_tag);
  return std::move(page);
}

}  // namespace newsidx
