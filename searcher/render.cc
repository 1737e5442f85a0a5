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
          // The role the article gives the speaker ("the analyst"), for people reading.
          {"role", quote ? OrNull(d.role) : nlohmann::json(nullptr)},
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
          {"total_exact", result.total_exact}, {"hits", hits}, {"facets", facets}};
}

nlohmann::json QuoteJson(const Hit& quote) {
  nlohmann::json j = HitJson(quote);
  j["start"] = quote.doc.start;
  j["end"] = quote.doc.end;
  j["speaker_mention"] = OrNull(quote.doc.speaker_mention);
  return j;
}

nlohmann::json ArticleJson(const ArticleView& view) {
  const schema::DocData& d = view.article.doc;
  nlohmann::json quotes = nlohmann::json::array();
  for (const Hit& q : view.quotes) quotes.push_back(QuoteJson(q));
  return {{"article",
           {{"id", d.id},
            {"title", OrNull(d.title)},
            {"source", OrNull(d.source)},
            {"date", OrNull(d.date)}}},
          {"text", d.text},
          {"quotes", quotes}};
}

nlohmann::json SuggestionsJson(const Suggestions& s) {
  return {{"prefix", s.prefix}, {"speakers", CountsJson(s.speakers)}, {"terms", CountsJson(s.terms)}};
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

namespace {

// A JSON string field, or "" when it is null or absent.
std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// "Caliber.Az, 2025-12-17", either part possibly absent.
std::string SourceAndDate(const nlohmann::json& article) {
  std::string meta = Str(article, "source");
  std::string date = Str(article, "date");
  if (!date.empty()) absl::StrAppend(&meta, meta.empty() ? "" : ", ", date);
  return meta;
}

}  // namespace

std::string QuoteText(const nlohmann::json& q) {
  const nlohmann::json& a = q["article"];
  std::string speaker = Str(q, "speaker");
  std::string title = Str(a, "title");
  std::string meta = SourceAndDate(a);
  return absl::StrFormat("%s (%s): “%s”\n   — %s%s\n", speaker.empty() ? "unattributed" : speaker,
                         Str(q, "kind"), absl::StrReplaceAll(Str(q, "text"), {{"\n\n", " ¶ "}}),
                         title.empty() ? Str(a, "path") : title,
                         meta.empty() ? "" : absl::StrCat(" (", meta, ")"));
}

std::string SearchResultText(const nlohmann::json& r, bool bold) {
  const uint64_t total = r.value("total", uint64_t{0});
  std::string out = absl::StrFormat("%s%d match%s for %s\n",
                                    r.value("total_exact", true) ? "" : "about ", total,
                                    total == 1 ? "" : "es", Str(r, "parsed"));
  if (std::string dym = Str(r, "did_you_mean"); !dym.empty()) {
    absl::StrAppend(&out, "did you mean: ", dym, "\n");
  }
  size_t n = 0;
  for (const nlohmann::json& h : r["hits"]) {
    const nlohmann::json& a = h["article"];
    std::string meta = SourceAndDate(a);
    std::string title = Str(a, "title");
    if (Str(h, "type") == schema::kTypeQuote) {
      std::string speaker = Str(h, "speaker");
      absl::StrAppendFormat(&out, "\n%d. %s: “%s”\n   in %s%s\n", ++n,
                            speaker.empty() ? "unattributed" : speaker,
                            SnippetText(Str(h, "snippet"), bold),
                            title.empty() ? "(untitled)" : title,
                            meta.empty() ? "" : absl::StrCat(" — ", meta));
      continue;
    }
    absl::StrAppendFormat(&out, "\n%d. %s%s\n", ++n, title.empty() ? "(untitled)" : title,
                          meta.empty() ? "" : absl::StrCat(" — ", meta));
    absl::StrAppendFormat(&out, "   %s\n   %s  [%s, score %.2f]\n",
                          SnippetText(Str(h, "snippet"), bold), Str(a, "path"), Str(h, "type"),
                          h.value("score", 0.0));
  }
  for (const auto& [name, values] : r["facets"].items()) {
    absl::StrAppend(&out, "\n", name, ":");
    for (const nlohmann::json& c : values) {
      absl::StrAppendFormat(&out, "  %s (%d)", Str(c, "value"), c.value("count", uint64_t{0}));
    }
    if (values.empty()) absl::StrAppend(&out, "  —");
    out += "\n";
  }
  return out;
}

std::string StatsText(const nlohmann::json& s) {
  std::string out = absl::StrFormat("documents  %d\n", s.value("documents", uint64_t{0}));
  for (const nlohmann::json& c : s["types"]) {
    absl::StrAppendFormat(&out, "  %-9s%d\n", Str(c, "value"), c.value("count", uint64_t{0}));
  }
  absl::StrAppendFormat(&out, "files      %d\n", s.value("files", uint64_t{0}));
  absl::StrAppendFormat(&out, "sources    %d\n", s["sources"].size());
  for (const nlohmann::json& c : s["sources"]) {
    absl::StrAppendFormat(&out, "  %s (%d)\n", Str(c, "value"), c.value("count", uint64_t{0}));
  }
  std::string first = Str(s["dates"], "first"), last = Str(s["dates"], "last");
  absl::StrAppendFormat(&out, "dates      %s .. %s\n", first.empty() ? "-" : first,
                        last.empty() ? "-" : last);
  absl::StrAppendFormat(&out, "size       %.1f MB\n", s.value("bytes", uint64_t{0}) / 1e6);
  absl::StrAppendFormat(&out, "language   %s, schema %s\n", Str(s, "language"), Str(s, "schema"));
  absl::StrAppendFormat(&out, "skipped    %d in the last build\n", s["skipped"].size());
  for (const nlohmann::json& k : s["skipped"]) absl::StrAppend(&out, "  ", k.get<std::string>(), "\n");
  return out;
}

}  // namespace newsidx
