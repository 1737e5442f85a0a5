#include "searcher/render.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

namespace newsidx {
namespace {

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json CountsJson(const std::vector<FacetCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const FacetCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
  return out;
}

// Snippet HTML → terminal text.
std::string SnippetText(const std::string& html, bool bold) {
  return absl::StrReplaceAll(html, {{"<b>", bold ? "\x1b[1m" : ""},
                                    {"</b>", bold ? "\x1b[0m" : ""},
                                    {"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&#39;", "'"},
                                    {"&amp;", "&"}});
}

}  // namespace

nlohmann::json HitJson(const Hit& h) {
  const schema::DocData& d = h.doc;
  bool quote = d.type == schema::kTypeQuote;
  return {{"type", d.type},
          {"score", h.score},
          {"article",
           {{"id", d.id},
            {"path", d.path},
            {"title", OrNull(d.title)},
            {"source", OrNull(d.source)},
            {"date", OrNull(d.date)}}},
          {"speaker", quote ? OrNull(d.speaker) : nlohmann::json(nullptr)},
          {"kind", quote ? OrNull(d.kind) : nlohmann::json(nullptr)},
          {"text", quote ? OrNull(d.text) : nlohmann::json(nullptr)},
          {"snippet", h.snippet}};
}

nlohmann::json SearchResultJson(const SearchResult& result) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : result.hits) hits.push_back(HitJson(h));
  nlohmann::json facets = nlohmann::json::object();
  for (const Facet& f : result.facets) facets[f.name] = CountsJson(f.values);
  return {{"query", result.query}, {"parsed", result.parsed},
          {"did_you_mean", OrNull(result.did_you_mean)}, {"total", result.total},
          {"hits", hits}, {"facets", facets}};
}

nlohmann::json QuoteJson(const Hit& quote) {
  nlohmann::json j = HitJson(quote);
  j["start"] = quote.doc.start;
  j["end"] = quote.doc.end;
  j["speaker_mention"] = OrNull(quote.doc.speaker_mention);
  return j;
}

std::string QuoteText(const Hit& q) {
  const schema::DocData& d = q.doc;
  std::string meta = d.source;
  if (!d.date.empty()) absl::StrAppend(&meta, meta.empty() ? "" : ", ", d.date);
  std::string text = absl::StrReplaceAll(d.text, {{"\n\n", " ¶ "}});
  return absl::StrFormat("%s (%s): “%s”\n   — %s%s\n", d.speaker.empty() ? "unattributed" : d.speaker,
                         d.kind, text, d.title.empty() ? d.path : d.title,
                         meta.empty() ? "" : absl::StrCat(" (", meta, ")"));
}

nlohmann::json StatsJson(const IndexStats& s) {
  return {{"documents", s.documents},
          {"types", CountsJson(s.types)},
          {"sources", CountsJson(s.sources)},
          {"dates", {{"first", s.first_date ? nlohmann::json(*s.first_date) : nullptr},
                     {"last", s.last_date ? nlohmann::json(*s.last_date) : nullptr}}},
          {"files", s.files},
          {"bytes", s.bytes},
          {"language", s.language},
          {"schema", s.schema_version},
          {"skipped", s.skipped}};
}

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string SearchResultText(const SearchResult& r, bool bold) {
  std::string out = absl::StrFormat("%d match%s for %s\n", r.total, r.total == 1 ? "" : "es",
                                    r.parsed);
  if (!r.did_you_mean.empty()) absl::StrAppend(&out, "did you mean: ", r.did_you_mean, "\n");
  size_t n = 0;
  for (const Hit& h : r.hits) {
    const schema::DocData& d = h.doc;
    std::string meta = d.source;
    if (!d.date.empty()) absl::StrAppend(&meta, meta.empty() ? "" : ", ", d.date);
    if (d.type == schema::kTypeQuote) {
      absl::StrAppendFormat(&out, "\n%d. %s: “%s”\n   in %s%s\n", ++n,
                            d.speaker.empty() ? "unattributed" : d.speaker,
                            SnippetText(h.snippet, bold),
                            d.title.empty() ? "(untitled)" : d.title,
                            meta.empty() ? "" : absl::StrCat(" — ", meta));
      continue;
    }
    absl::StrAppendFormat(&out, "\n%d. %s%s\n", ++n, d.title.empty() ? "(untitled)" : d.title,
                          meta.empty() ? "" : absl::StrCat(" — ", meta));
    absl::StrAppendFormat(&out, "   %s\n   %s  [%s, score %.2f]\n", SnippetText(h.snippet, bold),
                          d.path, d.type, h.score);
  }
  for (const Facet& f : r.facets) {
    absl::StrAppend(&out, "\n", f.name, ":");
    for (const FacetCount& c : f.values) absl::StrAppendFormat(&out, "  %s (%d)", c.value, c.count);
    if (f.values.empty()) absl::StrAppend(&out, "  —");
    out += "\n";
  }
  return out;
}

std::string StatsText(const IndexStats& s) {
  std::string out = absl::StrFormat("documents  %d\n", s.documents);
  for (const FacetCount& c : s.types) absl::StrAppendFormat(&out, "  %-9s%d\n", c.value, c.count);
  absl::StrAppendFormat(&out, "files      %d\n", s.files);
  absl::StrAppendFormat(&out, "sources    %d\n", s.sources.size());
  for (const FacetCount& c : s.sources) absl::StrAppendFormat(&out, "  %s (%d)\n", c.value, c.count);
  absl::StrAppendFormat(&out, "dates      %s .. %s\n", s.first_date.value_or("-"),
                        s.last_date.value_or("-"));
  absl::StrAppendFormat(&out, "size       %.1f MB\n", s.bytes / 1e6);
  absl::StrAppendFormat(&out, "language   %s, schema %s\n", s.language, s.schema_version);
  absl::StrAppendFormat(&out, "skipped    %d in the last build\n", s.skipped.size());
  for (const std::string& k : s.skipped) absl::StrAppend(&out, "  ", k, "\n");
  return out;
}

}  // namespace newsidx
