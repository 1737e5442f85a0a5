#include "searcher/api.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "searcher/render.h"

namespace newsidx {
namespace {

ApiResponse Error(int status, absl::string_view message) {
  return {status, {{"error", std::string(message)}}};
}

// The caller's mistakes are 400; a missing or unreadable index is 503.
ApiResponse FromStatus(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kInvalidArgument: return Error(400, s.message());
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kUnavailable: return Error(503, s.message());
    default: return Error(500, s.message());
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

absl::StatusOr<std::string> PercentDecode(absl::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out += ' ';
    } else if (in[i] == '%') {
      int hi = i + 2 < in.size() ? HexValue(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
      if (hi < 0 || lo < 0) return absl::InvalidArgumentError("bad percent-escape in the URL");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

constexpr size_t kMaxArticleQuotes = 10000;  // more than any real article holds

using Params = std::map<std::string, std::string>;

std::string Get(const Params& p, const std::string& key, const std::string& fallback = "") {
  auto it = p.find(key);
  return it == p.end() ? fallback : it->second;
}

// The parameter `key` as a whole number in [0, max]; `fallback` when absent.
absl::StatusOr<size_t> Number(const Params& p, const std::string& key, size_t fallback, size_t max) {
  auto it = p.find(key);
  if (it == p.end() || it->second.empty()) return fallback;
  return ParseCount(key, it->second, max);
}

ApiResponse Search(Searcher& searcher, const Params& p) {
  SearchRequest r;
  r.query = Get(p, "q");
  if (r.query.empty()) return Error(400, "missing q, the query");
  auto limit = Number(p, "limit", 10, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  auto offset = Number(p, "offset", 0, kMaxOffset);
  if (!offset.ok()) return FromStatus(offset.status());
  auto sort = ParseSortOrder(Get(p, "sort", "relevance"));
  if (!sort.ok()) return FromStatus(sort.status());
  r.limit = *limit;
  r.offset = *offset;
  r.sort = *sort;
  if (std::string facets = Get(p, "facets"); !facets.empty()) {
    r.facets = absl::StrSplit(facets, ',', absl::SkipWhitespace());
  }
  auto result = searcher.Search(r);
  if (!result.ok()) return FromStatus(result.status());
  return {200, SearchResultJson(*result)};
}

ApiResponse Quotes(Searcher& searcher, const Params& p) {
  auto limit = Number(p, "limit", kMaxLimit, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  auto offset = Number(p, "offset", 0, kMaxOffset);
  if (!offset.ok()) return FromStatus(offset.status());
  std::string query = Get(p, "q");
  auto page = searcher.Quotes(query, *offset, *limit);
  if (!page.ok()) return FromStatus(page.status());
  nlohmann::json list = nlohmann::json::array();
  for (const Hit& q : page->quotes) list.push_back(QuoteJson(q));
  return {200, {{"query", query}, {"total", page->total}, {"quotes", list}}};
}

ApiResponse Suggest(Searcher& searcher, const Params& p) {
  auto limit = Number(p, "limit", 10, kMaxLimit);
  if (!limit.ok()) return FromStatus(limit.status());
  auto s = searcher.Suggest(Get(p, "q"), *limit);
  if (!s.ok()) return FromStatus(s.status());
  return {200, SuggestionsJson(*s)};
}

// The article is named by its id only: a path would let a request choose
// what the server reads.
ApiResponse Article(Searcher& searcher, const Params& p) {
  const std::string id = Get(p, "id");
  if (id.empty()) return Error(400, "missing id, the article's id");
  auto view = searcher.Article(id, kMaxArticleQuotes);
  if (!view.ok()) {
    if (view.status().code() == absl::StatusCode::kNotFound) return Error(404, view.status().message());
    return FromStatus(view.status());
  }
  return {200, ArticleJson(*view)};
}

ApiResponse Stats(Searcher& searcher) {
  auto stats = searcher.Stats();
  if (!stats.ok()) return FromStatus(stats.status());
  return {200, StatsJson(*stats)};
}

ApiResponse Health(Searcher& searcher) {
  auto documents = searcher.Documents();
  if (!documents.ok()) return FromStatus(documents.status());
  return {200, {{"status", "ok"}, {"documents", *documents}}};
}

}  // namespace

absl::StatusOr<Params> ParseQueryString(absl::string_view query) {
  Params out;
  for (absl::string_view pair : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    auto key = PercentDecode(kv.first);
    if (!key.ok()) return key.status();
    auto value = PercentDecode(kv.second);
    if (!value.ok()) return value.status();
    out[*key] = *value;
  }
  return out;
}

std::string UrlEncode(absl::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

absl::StatusOr<size_t> ParseCount(absl::string_view name, absl::string_view text, size_t max) {
  // Digits only: no sign (strtoull would take -1 for 2^64-1), no spaces.
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
  if (!digits) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " must be a whole number from 0 to ", max, ", not '", text, "'"));
  }
  size_t n;
  if (!absl::SimpleAtoi(text, &n) || n > max) {  // too many digits for size_t, or over max
    return absl::InvalidArgumentError(absl::StrCat(name, " must be at most ", max, ", not ", text));
  }
  return n;
}

ApiResponse HandleGet(Searcher& searcher, absl::string_view target) {
  size_t q = target.find('?');
  absl::string_view path = target.substr(0, q);
  absl::string_view query = q == absl::string_view::npos ? "" : target.substr(q + 1);
  // Room for a query of kMaxQueryBytes percent-encoded; the query parser
  // rejects a longer q itself.
  if (query.size() > 3 * kMaxQueryBytes + 256) {
    return Error(414, absl::StrCat("the query string is longer than ", 3 * kMaxQueryBytes + 256, " bytes"));
  }
  auto params = ParseQueryString(query);
  if (!params.ok()) return FromStatus(params.status());
  if (path == "/search") return Search(searcher, *params);
  if (path == "/quotes") return Quotes(searcher, *params);
  if (path == "/suggest") return Suggest(searcher, *params);
  if (path == "/article") return Article(searcher, *params);
  if (path == "/stats") return Stats(searcher);
  if (path == "/health") return Health(searcher);
  return Error(404, absl::StrCat("no such endpoint: ", path));
}

}  // namespace newsidx
