#include "searcher/query.h"

#include <algorithm>
#include <regex>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "analyzers/dates.h"
#include "analyzers/speakers.h"
#include "schema/schema.h"

namespace newsidx {
namespace {

constexpr absl::string_view kDateField = "date";

class SnowballStem : public Xapian::StemImplementation {
 public:
  explicit SnowballStem(std::unique_ptr<Stemmer> s) : stemmer_(std::move(s)) {}
  std::string operator()(const std::string& word) override { return stemmer_->Stem(word); }
  std::string get_description() const override {
    return absl::StrCat("newsidx snowball ", stemmer_->language());
  }

 private:
  std::unique_ptr<Stemmer> stemmer_;
};

// `date:` ranges over the day-number value slot; the rewrite has already
// made both ends explicit YYYY-MM-DD days (or empty for an open end).
class DateRange : public Xapian::RangeProcessor {
 public:
  DateRange() : Xapian::RangeProcessor(schema::kDateSlot, absl::StrCat(kDateField, ":")) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    auto lo = ParseIsoDaySpan(begin);
    auto hi = ParseIsoDaySpan(end);
    if ((!begin.empty() && !lo) || (!end.empty() && !hi)) {
      return Xapian::Query(Xapian::Query::OP_INVALID);
    }
    auto serialise = [](absl::CivilDay d) {
      return Xapian::sortable_serialise(static_cast<double>(DayNumber(d)));
    };
    if (!lo) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, serialise(hi->last));
    if (!hi) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, serialise(lo->first));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, serialise(lo->first),
                         serialise(hi->last));
  }
};

bool IsOperator(absl::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

// Words of `text` as the analyzer splits them, one QueryParser phrase.
std::string TermsOf(absl::string_view text, Tokenizer& tokenizer) {
  bool wildcard = absl::EndsWith(text, "*");
  std::string joined = absl::StrJoin(tokenizer.Terms(text), "-");
  if (wildcard && !joined.empty()) joined += "*";
  return joined;
}

absl::StatusOr<std::string> DateRangeOf(absl::string_view value) {
  if (value.empty()) return absl::InvalidArgumentError("date: needs a date, e.g. date:2025-12-15");
  absl::string_view begin = value, end = value;
  if (size_t dots = value.find(".."); dots != absl::string_view::npos) {
    begin = value.substr(0, dots);
    end = value.substr(dots + 2);
  }
  auto lo = ParseIsoDaySpan(begin);
  auto hi = ParseIsoDaySpan(end);
  for (auto [text, span] : {std::pair{begin, &lo}, {end, &hi}}) {
    if (!text.empty() && !*span) {
      return absl::InvalidArgumentError(absl::StrCat(
          "bad date '", text, "' in date:", value, " (use YYYY, YYYY-MM or YYYY-MM-DD)"));
    }
  }
  if (!lo && !hi) return absl::InvalidArgumentError("date: range has no ends");
  if (lo && hi && lo->first > hi->last) {
    return absl::InvalidArgumentError(absl::StrCat("date range ", value, " ends before it begins"));
  }
  return absl::StrCat(kDateField, ":", lo ? FormatDay(lo->first) : "", "..",
                      hi ? FormatDay(hi->last) : "");
}

// Speaker words folded as the indexer folds them (Zelenskiy → zelensky).
std::string SpeakerTermsOf(absl::string_view text, Tokenizer& tokenizer) {
  std::vector<std::string> words;
  for (const std::string& t : tokenizer.Terms(text)) {
    std::string f = FoldNameWord(t);
    if (!f.empty()) words.push_back(f);
  }
  return absl::StrJoin(words, "-");
}

// `field:` with nothing to look for: QueryParser would search the field's
// name as a word instead.
absl::Status EmptyFieldError(absl::string_view field) {
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": needs a value right after the colon (", field, ":word or ", field,
                   ":\"two words\")"));
}

// One whitespace-free chunk of query text, outside quotes or inside them;
// `speaker_phrase` when inside `speaker:"…"`, `phrase_follows` when a quote
// comes right after the chunk.
absl::StatusOr<std::string> RewriteChunk(absl::string_view chunk, bool in_phrase,
                                         bool speaker_phrase, bool phrase_follows,
                                         Tokenizer& tokenizer) {
  if (speaker_phrase) return SpeakerTermsOf(chunk, tokenizer);
  if (!in_phrase && IsOperator(chunk)) return std::string(chunk);
  std::string lead;
  if (!in_phrase && (chunk.front() == '+' || chunk.front() == '-')) {
    lead = chunk.front();
    chunk.remove_prefix(1);
  }
  if (size_t colon = chunk.find(':'); !in_phrase && colon != absl::string_view::npos && colon > 0) {
    std::string name = absl::AsciiStrToLower(chunk.substr(0, colon));
    absl::string_view value = chunk.substr(colon + 1);
    if (name == kDateField) {
      auto range = DateRangeOf(value);
      if (!range.ok()) return range.status();
      return lead + *range;
    }
    if (const schema::Field* f = schema::QueryableField(name)) {
      if (f->kind == schema::FieldKind::kBoolean) {
        std::string v = absl::AsciiStrToLower(value);
        if (f->name == schema::kType.name && v != schema::kTypeArticle && v != schema::kTypeQuote) {
          return absl::InvalidArgumentError(
              absl::StrCat("type:", value, " is not a type (use type:article or type:quote)"));
        }
        return absl::StrCat(lead, name, ":", v);
      }
      // An empty value is followed by a quoted phrase: `title:"…"`.
      if (value.empty()) {
        if (!phrase_follows) return EmptyFieldError(name);
        return absl::StrCat(lead, name, ":");
      }
      std::string terms = f->name == schema::kSpeaker.name ? SpeakerTermsOf(value, tokenizer)
                                                           : TermsOf(value, tokenizer);
      return terms.empty() ? std::string() : absl::StrCat(lead, name, ":", terms);
    }
  }
  std::string terms = TermsOf(chunk, tokenizer);
  return terms.empty() ? std::string() : lead + terms;
}

// The phrase opened at `out[quote]` as a field's value (`speaker:"…"`) must
// hold a word; an empty one would search the field's name.
absl::Status CheckFieldPhrase(absl::string_view out, size_t quote) {
  if (quote == 0 || out[quote - 1] != ':') return absl::OkStatus();
  if (!absl::StripAsciiWhitespace(out.substr(quote + 1)).empty()) return absl::OkStatus();
  absl::string_view before = out.substr(0, quote - 1);
  size_t start = before.find_last_of(" (+-");
  return EmptyFieldError(start == absl::string_view::npos ? before : before.substr(start + 1));
}

bool IsBooleanOperator(absl::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR";
}

// One term as QueryParser's NEAR and ADJ take it: a word, or a word under a
// free-text field ("title:nato"); not a phrase, wildcard, +/- or filter.
bool IsProximityOperand(absl::string_view piece) {
  absl::string_view value = piece;
  if (size_t colon = piece.find(':'); colon != absl::string_view::npos) {
    const schema::Field* f = schema::QueryableField(std::string(piece.substr(0, colon)));
    if (f == nullptr || f->kind == schema::FieldKind::kBoolean) return false;
    value = piece.substr(colon + 1);
  }
  return !value.empty() && value.find_first_of("\"()*+-:") == absl::string_view::npos &&
         !IsOperator(value);
}

// QueryParser takes `a NEAR b [NEAR c …]` (or ADJ) only as a whole operand
// of AND/OR/NOT/XOR or of a group; anywhere else it is a syntax error, after
// which Xapian 1.4 reparses every word as OR (dropping +, - and AND) and,
// for "-a NEAR b c", leaks memory. Such a NEAR or ADJ is searched as the
// word it is instead. One pass over `pieces`; true if it made such a word.
bool LowerProximityOperatorsQueryParserRefuses(std::vector<std::string>& pieces) {
  bool lowered = false;
  auto is_proximity = [&](size_t i) { return pieces[i] == "NEAR" || pieces[i] == "ADJ"; };
  auto only = [](absl::string_view s, char c) {
    return !s.empty() && s.find_first_not_of(c) == absl::string_view::npos;
  };
  for (size_t first = 0; first < pieces.size();) {
    if (!is_proximity(first)) {
      ++first;
      continue;
    }
    // The chain: operand (OP operand)*, operators at first, first + 2, ….
    size_t last = first;
    while (last + 2 < pieces.size() && is_proximity(last + 2)) last += 2;
    bool ok = first > 0 && last + 1 < pieces.size();
    for (size_t i = first; ok && i <= last; i += 2) ok = pieces[i] == pieces[first];
    if (ok) {
      absl::string_view left = pieces[first - 1], right = pieces[last + 1];
      const bool opened = absl::ConsumePrefix(&left, "(");
      while (absl::ConsumePrefix(&left, "(")) {}
      const bool closed = absl::ConsumeSuffix(&right, ")");
      while (absl::ConsumeSuffix(&right, ")")) {}
      ok = IsProximityOperand(left) && IsProximityOperand(right);
      for (size_t i = first + 1; ok && i < last; i += 2) ok = IsProximityOperand(pieces[i]);
      // What comes before and after must end the operand.
      ok = ok && (opened || first == 1 || IsBooleanOperator(pieces[first - 2]) ||
                  only(pieces[first - 2], '('));
      ok = ok && (closed || last + 2 >= pieces.size() || IsBooleanOperator(pieces[last + 2]) ||
                  only(pieces[last + 2], ')'));
    }
    if (!ok) {
      for (size_t i = first; i <= last; i += 2) pieces[i] = absl::AsciiStrToLower(pieces[i]);
      lowered = true;
    }
    first = last + 1;
  }
  return lowered;
}

// A NEAR made a word is a word operand for the NEAR beside it ("NEAR NEAR
// x" is "near NEAR x"), so passes repeat until none changes anything: the
// result must be what rewriting it again gives.
std::string KeepProximityOperatorsQueryParserTakes(const std::string& rewritten) {
  std::vector<std::string> pieces = absl::StrSplit(rewritten, ' ', absl::SkipEmpty());
  while (LowerProximityOperatorsQueryParserRefuses(pieces)) {
  }
  return absl::StrJoin(pieces, " ");
}

}  // namespace

absl::StatusOr<std::string> RewriteQuery(absl::string_view query, Tokenizer& tokenizer) {
  if (query.size() > kMaxQueryBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("query is ", query.size(), " bytes; the limit is ", kMaxQueryBytes));
  }
  // Every double-quote style opens or closes a phrase.
  std::string q = absl::StrReplaceAll(query, {{"\xE2\x80\x9C", "\""},   // “
                                              {"\xE2\x80\x9D", "\""},   // ”
                                              {"\xE2\x80\x9E", "\""},   // „
                                              {"\xC2\xAB", "\""},       // «
                                              {"\xC2\xBB", "\""}});     // »
  std::string out;
  bool in_phrase = false, speaker_phrase = false;
  size_t phrase_start = 0;  // where in `out` the open phrase's quote is
  size_t i = 0;
  auto is_break = [](char c) {
    return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '"' || c == '(' || c == ')';
  };
  while (i < q.size()) {
    char c = q[i];
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
    } else if (c == '"') {
      if (in_phrase) {
        if (absl::Status s = CheckFieldPhrase(out, phrase_start); !s.ok()) return s;
      }
      in_phrase = !in_phrase;
      speaker_phrase = in_phrase && absl::EndsWith(out, absl::StrCat(schema::kSpeaker.name, ":"));
      phrase_start = out.size();
      out.push_back('"');
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back(c);
      ++i;
    } else {
      size_t j = i;
      while (j < q.size() && !is_break(q[j])) ++j;
      auto chunk = RewriteChunk(absl::string_view(q).substr(i, j - i), in_phrase, speaker_phrase,
                                j < q.size() && q[j] == '"', tokenizer);
      if (!chunk.ok()) return chunk.status();
      out += *chunk;
      i = j;
    }
  }
  if (in_phrase) {  // an unclosed phrase runs to the end
    if (absl::Status s = CheckFieldPhrase(out, phrase_start); !s.ok()) return s;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (size_t n = std::count(out.begin(), out.end(), '*'); n > kMaxWildcards) {
    return absl::InvalidArgumentError(
        absl::StrCat("query has ", n, " wildcards; the limit is ", kMaxWildcards));
  }
  return KeepProximityOperatorsQueryParserTakes(out);
}

namespace {

// "X" → speaker:x, "X Y" → speaker:"x y".
std::string SpeakerClause(absl::string_view name) {
  std::string n(absl::StripAsciiWhitespace(name));
  if (n.find(' ') == std::string::npos) return absl::StrCat("speaker:", n);
  return absl::StrCat("speaker:\"", n, "\"");
}

// The topic of a question: several plain words are one phrase.
std::string TopicClause(absl::string_view topic) {
  std::string t(absl::StripAsciiWhitespace(topic));
  while (!t.empty() && (t.back() == '?' || t.back() == '.' || t.back() == '!')) t.pop_back();
  bool plain = t.find_first_of("\"():*+") == std::string::npos && t.find(' ') != std::string::npos;
  for (absl::string_view op : {" AND ", " OR ", " NOT "}) plain = plain && !absl::StrContains(t, op);
  return plain ? absl::StrCat("\"", t, "\"") : t;
}

}  // namespace

std::string RewriteWhoSaidWhat(absl::string_view query,
                               const std::function<bool(absl::string_view)>& is_speaker) {
  static const auto* forms = new std::vector<std::regex>{
      // what did X say about Y
      std::regex(R"(^\s*what\s+(?:did|does|has|have|do)\s+(.+?)\s+(?:say|said|tell|told)\s+(?:about|on|regarding|of)\s+(.+?)\s*$)",
                 std::regex::icase),
      // everything/all/what X said about Y
      std::regex(R"(^\s*(?:everything|all|anything|what)\s+(?:that\s+)?(.+?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|told)\s+(?:about|on|regarding|of)\s+(.+?)\s*$)",
                 std::regex::icase),
      // quotes by X on Y
      std::regex(R"(^\s*(?:quotes?|statements?)\s+(?:by|from)\s+(.+?)\s+(?:on|about|regarding)\s+(.+?)\s*$)",
                 std::regex::icase),
      // quotes by X / everything X said
      std::regex(R"(^\s*(?:quotes?|statements?)\s+(?:by|from)\s+(.+?)\s*$())", std::regex::icase),
      std::regex(R"(^\s*(?:everything|all|what)\s+(?:that\s+)?(.+?)\s+(?:has\s+|have\s+)?(?:said|says)\s*\??\s*$())",
                 std::regex::icase),
  };
  std::string q(query);
  if (q.find(':') != std::string::npos) return q;  // already fielded
  // std::regex recurses once per character; a question is a sentence, and
  // longer text is searched as written rather than risk a thread's stack.
  if (q.size() > kMaxQuestionBytes) return q;
  std::smatch m;
  for (const std::regex& form : *forms) {
    if (std::regex_match(q, m, form)) {
      std::string topic = m[2].str();
      return topic.empty() ? SpeakerClause(m[1].str())
                           : absl::StrCat(SpeakerClause(m[1].str()), " ", TopicClause(topic));
    }
  }
  // "X on Y", only when X is someone quoted in the index.
  static const std::regex x_on_y(R"(^\s*([A-Za-z\u00C0-\uFFFF'.-]+(?:\s+[A-Za-z'.-]+)?)\s+on\s+(.+?)\s*$)");
  if (std::regex_match(q, m, x_on_y) && is_speaker(m[1].str())) {
    return absl::StrCat(SpeakerClause(m[1].str()), " ", TopicClause(m[2].str()));
  }
  return q;
}

Xapian::Stem SharedStem(std::unique_ptr<Stemmer> stemmer) {
  return Xapian::Stem(new SnowballStem(std::move(stemmer)));
}

absl::StatusOr<std::unique_ptr<QueryBuilder>> QueryBuilder::Create(const Xapian::Database& db,
                                                                   absl::string_view language) {
  auto stemmer = Stemmer::Create(language);
  if (!stemmer.ok()) return stemmer.status();
  return std::unique_ptr<QueryBuilder>(new QueryBuilder(db, SharedStem(std::move(*stemmer))));
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, Xapian::Stem stem)
    : db_(db),
      aliases_(SpeakerAliases::Parse(db.get_metadata(std::string(schema::kMetaAliases)), nullptr)),
      stem_(std::move(stem)) {
  parser_.set_database(db);
  parser_.set_stemmer(stem_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const schema::Field& f : schema::kFields) {
    if (!f.queryable) continue;
    if (f.kind == schema::FieldKind::kBoolean) {
      parser_.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
    } else {
      parser_.add_prefix(std::string(f.name), std::string(f.prefix));
    }
  }
  parser_.add_rangeprocessor((new DateRange)->release());
}

bool QueryBuilder::IsSpeaker(absl::string_view name) {
  std::vector<std::string> words = FoldedNameWords(name);
  if (words.empty()) return false;
  for (const std::string& w : words) {
    if (db_.get_termfreq(schema::Term(schema::kSpeaker, w)) == 0) return false;
  }
  return true;
}

// QueryParser "corrects" words the index has too (zelensky → zelenskyy);
// only words no document contains are worth a "did you mean".
bool QueryBuilder::AllPlainWordsIndexed(const std::string& query) const {
  static const auto* operators = new absl::flat_hash_set<std::string>{"AND", "OR", "NOT", "XOR",
                                                                     "NEAR", "ADJ"};
  for (absl::string_view piece : absl::StrSplit(query, ' ', absl::SkipEmpty())) {
    if (operators->contains(piece) || absl::StrContains(piece, ':') || absl::EndsWith(piece, "*")) {
      continue;
    }
    std::string word;
    for (char c : piece) {
      if (c != '"' && c != '(' && c != ')' && c != '+' && c != '-') word.push_back(c);
    }
    if (!word.empty() && !db_.term_exists(word)) return false;
  }
  return true;
}

std::string QueryBuilder::KeepCorrectionsOfUnknownWords(const std::string& query,
                                                       const std::string& corrected) {
  if (corrected.empty()) return query;
  std::vector<std::string> a = absl::StrSplit(query, ' '), b = absl::StrSplit(corrected, ' ');
  if (a.size() != b.size()) return corrected;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    std::string word;
    for (char c : a[i]) {
      if (c != '"' && c != '(' && c != ')' && c != '+' && c != '-') word.push_back(c);
    }
    if (db_.term_exists(word)) b[i] = a[i];
  }
  return absl::StrJoin(b, " ");
}

namespace {

// Replaces the value of every `speaker:` in `query` (a word, or a quoted
// phrase with its quotes) by `fn(value)`. Scanned by hand, not by
// std::regex: libstdc++'s regex recurses once per character matched, and a
// 4 KiB `speaker:"…"` needed 1–2 MiB of stack (more under ASan), more than
// a thread may have.
template <typename Fn>
std::string MapSpeakerValues(const std::string& query, Fn fn) {
  constexpr std::string_view kField = "speaker:";
  const std::string lower = absl::AsciiStrToLower(query);  // same offsets
  auto ends_word = [](char c) {
    return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '"';
  };
  std::string out;
  size_t copied = 0;
  for (size_t at = lower.find(kField); at != std::string::npos; at = lower.find(kField, at)) {
    const size_t begin = at + kField.size();
    size_t end = begin;
    if (begin < query.size() && query[begin] == '"') {
      end = query.find('"', begin + 1);
      end = end == std::string::npos ? begin : end + 1;  // an unclosed phrase is no value
    } else {
      while (end < query.size() && !ends_word(query[end])) ++end;
    }
    if (end == begin) {
      at = begin;
      continue;
    }
    out.append(query, copied, begin - copied);
    out += fn(query.substr(begin, end - begin));
    copied = at = end;
  }
  out.append(query, copied);
  return out;
}

}  // namespace

// `speaker:` naming a variant in aliases.tsv asks for its canonical name.
std::string QueryBuilder::ApplyAliases(const std::string& query) const {
  if (aliases_.empty()) return query;
  return MapSpeakerValues(query, [this](const std::string& value) {
    std::string name = value.front() == '"' ? value.substr(1, value.size() - 2) : value;
    const std::string* canonical = aliases_.CanonicalName(name);
    return canonical ? absl::StrCat("\"", *canonical, "\"") : value;
  });
}

// QueryParser corrects only unprefixed words; speaker names are corrected
// here from the same spelling data, when the correction names a speaker.
std::string QueryBuilder::CorrectSpeakers(const std::string& query) {
  return MapSpeakerValues(query, [this](const std::string& value) {
    std::string fixed;
    for (size_t i = 0; i < value.size();) {
      size_t j = value.find_first_of("\" -", i);
      if (j == i) {
        fixed.push_back(value[i++]);
        continue;
      }
      if (j == std::string::npos) j = value.size();
      std::string word = value.substr(i, j - i);
      if (db_.get_termfreq(schema::Term(schema::kSpeaker, word)) == 0) {
        std::string suggestion = FoldNameWord(db_.get_spelling_suggestion(word));
        if (!suggestion.empty() &&
            db_.get_termfreq(schema::Term(schema::kSpeaker, suggestion)) > 0) {
          word = suggestion;
        }
      }
      fixed += word;
      i = j;
    }
    return fixed;
  });
}

absl::StatusOr<std::string> QueryBuilder::Rewritten(absl::string_view query) {
  std::string question = ApplyAliases(
      RewriteWhoSaidWhat(query, [this](absl::string_view n) { return IsSpeaker(n); }));
  return RewriteQuery(question, tokenizer_);
}

absl::StatusOr<ParsedQuery> QueryBuilder::Parse(absl::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("query is ", query.size(), " bytes; the limit is ", kMaxQueryBytes));
  }
  auto rewritten = Rewritten(query);
  if (!rewritten.ok()) return rewritten.status();
  if (rewritten->empty()) {
    return absl::InvalidArgumentError("query has no words to search for");
  }
  // Spelling correction looks every word up in the spelling table; a query
  // whose plain words the index all has needs none of it.
  const unsigned spelling = AllPlainWordsIndexed(*rewritten) ? 0 : Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
  const unsigned kFlags = spelling | Xapian::QueryParser::FLAG_PHRASE |
                              Xapian::QueryParser::FLAG_BOOLEAN |
                              Xapian::QueryParser::FLAG_LOVEHATE |
                              Xapian::QueryParser::FLAG_WILDCARD |
                              Xapian::QueryParser::FLAG_PURE_NOT;
  try {
    ParsedQuery parsed{parser_.parse_query(*rewritten, kFlags), *rewritten, ""};
    // Quotes or parentheses alone (`"`, `()`): nothing QueryParser can search.
    if (parsed.query.empty()) return absl::InvalidArgumentError("query has no words to search for");
    if (size_t terms = parsed.query.get_length(); terms > kMaxQueryTerms) {
      return absl::InvalidArgumentError(
          absl::StrCat("query has ", terms, " words; the limit is ", kMaxQueryTerms));
    }
    std::string corrected =
        spelling ? KeepCorrectionsOfUnknownWords(*rewritten, parser_.get_corrected_query_string())
                 : *rewritten;
    corrected = CorrectSpeakers(corrected);
    // A suggestion is searched as a new query, plain-English reading and
    // all; one that would then be refused is no help.
    if (corrected != *rewritten && Rewritten(corrected).ok()) parsed.suggestion = corrected;
    return parsed;
  } catch (const Xapian::QueryParserError& e) {
    return absl::InvalidArgumentError(absl::StrCat("cannot parse query: ", e.get_msg()));
  }
}

}  // namespace newsidx
