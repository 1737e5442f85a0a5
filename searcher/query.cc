#include "searcher/query.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "analyzers/dates.h"
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

// One whitespace-free chunk of query text, outside quotes or inside them.
absl::StatusOr<std::string> RewriteChunk(absl::string_view chunk, bool in_phrase,
                                         Tokenizer& tokenizer) {
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
      if (value.empty()) return absl::StrCat(lead, name, ":");
      std::string terms = TermsOf(value, tokenizer);
      return terms.empty() ? std::string() : absl::StrCat(lead, name, ":", terms);
    }
  }
  std::string terms = TermsOf(chunk, tokenizer);
  return terms.empty() ? std::string() : lead + terms;
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
  bool in_phrase = false;
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
      in_phrase = !in_phrase;
      out.push_back('"');
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back(c);
      ++i;
    } else {
      size_t j = i;
      while (j < q.size() && !is_break(q[j])) ++j;
      auto chunk = RewriteChunk(absl::string_view(q).substr(i, j - i), in_phrase, tokenizer);
      if (!chunk.ok()) return chunk.status();
      out += *chunk;
      i = j;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
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
    : stem_(std::move(stem)) {
  parser_.set_database(db);
  parser_.set_stemmer(stem_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(1000, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
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

absl::StatusOr<ParsedQuery> QueryBuilder::Parse(absl::string_view query) {
  auto rewritten = RewriteQuery(query, tokenizer_);
  if (!rewritten.ok()) return rewritten.status();
  if (rewritten->empty()) {
    return absl::InvalidArgumentError("query has no words to search for");
  }
  constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE |
                              Xapian::QueryParser::FLAG_BOOLEAN |
                              Xapian::QueryParser::FLAG_LOVEHATE |
                              Xapian::QueryParser::FLAG_WILDCARD |
                              Xapian::QueryParser::FLAG_PURE_NOT;
  try {
    return ParsedQuery{parser_.parse_query(*rewritten, kFlags), *rewritten};
  } catch (const Xapian::QueryParserError& e) {
    return absl::InvalidArgumentError(absl::StrCat("cannot parse query: ", e.get_msg()));
  }
}

}  // namespace newsidx
