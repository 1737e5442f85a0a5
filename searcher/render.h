// Search results and statistics as the spec's JSON and as text for people.
// The CLI and the query server both print through here, so they agree.
#ifndef NEWSIDX_SEARCHER_RENDER_H_
#define NEWSIDX_SEARCHER_RENDER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "searcher/search.h"

namespace newsidx {

nlohmann::json SearchResultJson(const SearchResult& result);
nlohmann::json StatsJson(const IndexStats& stats);
// {"prefix": str, "speakers": [{"value", "count"}], "terms": [{"value", "count"}]}
nlohmann::json SuggestionsJson(const Suggestions& suggestions);
// One quote as a line of `newsidx quotes --json`: a hit plus its span and
// the words that named the speaker.
nlohmann::json QuoteJson(const Hit& quote);

// {"article": {id, title, source, date}, "text": str, "quotes": [quote JSON]}:
// the article's whole text and its quotes, whose start/end are byte offsets
// into "text".
nlohmann::json ArticleJson(const ArticleView& view);

// Serialized without failing on bad UTF-8 (replaced by U+FFFD).
std::string DumpJson(const nlohmann::json& j);

// Text for people, made from the JSON above (so a server's answer prints as
// a local one does). `bold` draws matches with ANSI bold for a terminal.
std::string SearchResultText(const nlohmann::json& result, bool bold);
std::string StatsText(const nlohmann::json& stats);
std::string QuoteText(const nlohmann::json& quote);

}  // namespace newsidx

#endif  // NEWSIDX_SEARCHER_RENDER_H_
