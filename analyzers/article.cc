#include "analyzers/article.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "analyzers/boilerplate.h"
#include "analyzers/charset.h"
#include "analyzers/dates.h"
#include "analyzers/html.h"

namespace newsidx {
namespace {

// A line this long is a paragraph, not a headline.
constexpr size_t kMaxTitleBytes = 300;
// The dateline sits among the first few lines of content.
constexpr int kDatelineWindow = 8;

struct Hints {
  std::string title, source, author, url;
  std::optional<absl::CivilDay> date;
};

// The spelling of `name` the text itself uses most ("Caliber.Az" over the
// copyright line's "Caliber.az").
std::string MostUsedCasing(absl::string_view text, const std::string& name) {
  std::string lower_text = absl::AsciiStrToLower(text);
  std::string lower_name = absl::AsciiStrToLower(name);
  absl::flat_hash_map<std::string, int> counts;
  std::string best = name;
  int best_count = 0;
  for (size_t at = lower_text.find(lower_name); at != std::string::npos;
       at = lower_text.find(lower_name, at + 1)) {
    std::string seen(text.substr(at, name.size()));
    int c = ++counts[seen];
    if (c > best_count) best = seen, best_count = c;
  }
  return best;
}

// JSON escapes (\u0000, \r, \n) and HTML attributes bring control
// characters that charset.h's cleaning of the raw bytes never saw, so the
// fields they fill are cleaned again.

// Title, outlet, author and url are shown on one line: runs of white space
// and control characters become one space.
std::string OneLine(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : CleanControls(s, /*keep_tabs=*/false)) {
    if (c == '\n') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool SameText(absl::string_view a, absl::string_view b) {
  return absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(a), absl::StripAsciiWhitespace(b));
}

Article ArticleFromLines(absl::string_view text, const Hints& hints) {
  std::string clean = absl::StrReplaceAll(text, {{"\xC2\xA0", " "}, {"\t", " "}});
  std::vector<absl::string_view> lines = absl::StrSplit(clean, '\n');
  for (auto& l : lines) l = absl::StripAsciiWhitespace(l);
  const size_t n = lines.size();
  std::vector<bool> drop(n, false);
  for (size_t i = 0; i < n; ++i) drop[i] = IsBoilerplateLine(lines[i]);

  Article a;
  a.author = OneLine(hints.author);
  a.url = OneLine(hints.url);

  // Outlet: metadata, else the first credit line that names one.
  a.source = OneLine(hints.source);
  if (a.source.empty()) {
    for (absl::string_view l : lines) {
      if (auto outlet = OutletFromCreditLine(l)) {
        a.source = MostUsedCasing(clean, *outlet);
        break;
      }
    }
  }
  // The outlet's name alone on a line is a signature, not text.
  if (!a.source.empty()) {
    for (size_t i = 0; i < n; ++i) drop[i] = drop[i] || SameText(lines[i], a.source);
  }

  // Title: metadata (its line, if repeated in the text, is dropped), else the
  // first line of content.
  a.title = OneLine(hints.title);
  for (size_t i = 0; i < n; ++i) {
    if (drop[i] || lines[i].empty()) continue;
    if (a.title.empty() && lines[i].size() <= kMaxTitleBytes) {
      a.title = std::string(lines[i]);
      drop[i] = true;
    } else if (SameText(lines[i], a.title)) {
      drop[i] = true;
    }
    break;
  }

  // Dateline: a short date line among the first lines of content.
  a.date = hints.date;
  int seen = 0;
  for (size_t i = 0; i < n && seen < kDatelineWindow; ++i) {
    if (drop[i] || lines[i].empty()) continue;
    ++seen;
    if (auto day = ParseDateline(lines[i])) {
      if (!a.date) a.date = day;
      drop[i] = true;
      break;
    }
  }

  // After the last sentence, short fragments are the page's furniture.
  for (size_t i = n; i-- > 0;) {
    if (lines[i].empty() || drop[i]) continue;
    if (!IsTrailingFragment(lines[i])) break;
    drop[i] = true;
  }

  std::string body;
  for (size_t i = 0; i < n; ++i) {
    if (drop[i] || lines[i].empty()) continue;
    if (!body.empty()) body += "\n\n";
    body.append(lines[i].data(), lines[i].size());
  }
  a.text = std::move(body);
  return a;
}

std::string JsonString(const nlohmann::json& obj, absl::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return std::string(absl::StripAsciiWhitespace(it->get<std::string>()));
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

// Fills the fields of `a` that `obj` has; a date that does not parse is an error.
absl::Status ApplyJsonFields(const nlohmann::json& obj, Article& a) {
  std::optional<absl::CivilDay> date = a.date;
  if (std::string d = JsonString(obj, "date"); !d.empty()) {
    date = ParseDateline(d);
    if (!date) return absl::InvalidArgumentError(absl::StrCat("unreadable date '", d, "'"));
  }
  a.date = date;
  for (auto [key, field] : {std::pair{"title", &a.title}, {"source", &a.source},
                            {"author", &a.author}, {"url", &a.url}}) {
    if (std::string v = OneLine(JsonString(obj, key)); !v.empty()) *field = std::move(v);
  }
  return absl::OkStatus();
}

void ParseJsonLines(absl::string_view text, absl::string_view id, absl::string_view path,
                    ParsedFile& out) {
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    nlohmann::json obj = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!obj.is_object()) {
      out.problems.push_back(absl::StrCat("line ", line_no, ": not a JSON object"));
      continue;
    }
    Article a;
    a.path = std::string(path);
    a.id = JsonString(obj, "id");
    if (a.id.empty()) a.id = absl::StrCat(id, "#", line_no);
    for (const char* key : {"body", "text"}) {
      if (a.text.empty()) {
        a.text = std::string(
            absl::StripAsciiWhitespace(CleanControls(JsonString(obj, key), /*keep_tabs=*/false)));
      }
    }
    if (absl::Status s = ApplyJsonFields(obj, a); !s.ok()) {
      out.problems.push_back(absl::StrCat("line ", line_no, ": ", s.message()));
    }
    if (a.title.empty() && a.text.empty()) {
      out.problems.push_back(absl::StrCat("line ", line_no, ": no title or text"));
      continue;
    }
    out.articles.push_back(std::move(a));
  }
}

}  // namespace

std::optional<Format> FormatOfPath(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".meta.json")) return std::nullopt;
  if (absl::EndsWith(lower, ".txt")) return Format::kText;
  if (absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm")) return Format::kHtml;
  if (absl::EndsWith(lower, ".jsonl")) return Format::kJsonl;
  return std::nullopt;
}

ParsedFile ParseArticles(absl::string_view bytes, Format format, absl::string_view id,
                         absl::string_view path) {
  ParsedFile out;
  if (LooksBinary(bytes)) {
    out.charset = "binary";
    out.problems.push_back("binary data, not text");
    return out;
  }
  DecodedText decoded = DecodeToUtf8(bytes);
  out.charset = decoded.charset;
  if (decoded.replaced > 0) {
    out.problems.push_back(absl::StrCat(decoded.replaced, " broken UTF-8 sequence",
                                        decoded.replaced == 1 ? "" : "s", " replaced"));
  }
  if (format == Format::kJsonl) {
    ParseJsonLines(decoded.text, id, path, out);
    return out;
  }
  Article a;
  if (format == Format::kHtml) {
    HtmlPage page = ParseHtml(decoded.text);
    a = ArticleFromLines(page.text, Hints{page.title, page.source, page.author, page.url,
                                          page.date});
  } else {
    a = ArticleFromLines(decoded.text, Hints{});
  }
  if (a.title.empty() && a.text.empty()) {
    out.problems.push_back("no text");
    return out;
  }
  a.id = std::string(id);
  a.path = std::string(path);
  out.articles.push_back(std::move(a));
  return out;
}

absl::Status ApplySidecar(absl::string_view json, Article& article) {
  nlohmann::json obj = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!obj.is_object()) return absl::InvalidArgumentError("sidecar is not a JSON object");
  Article updated = article;
  if (absl::Status s = ApplyJsonFields(obj, updated); !s.ok()) return s;
  article = std::move(updated);
  return absl::OkStatus();
}

}  // namespace newsidx
