#include "indexer/document.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "analyzers/dates.h"
#include "analyzers/quotes.h"
#include "analyzers/speakers.h"
#include "schema/schema.h"

namespace newsidx {

namespace {

// A text's words and their stems, worked out once for every document that
// carries it: an article's title and source go into each of its quotes too.
struct AnalyzedWord {
  std::string term;
  std::string stem;
  Xapian::termpos position;  // 0-based word number
};
using AnalyzedText = std::vector<AnalyzedWord>;

AnalyzedText Analyze(absl::string_view text, TextAnalyzer& analyzer) {
  AnalyzedText out;
  for (Token& t : analyzer.tokenizer.Tokenize(text)) {
    std::string stem = analyzer.stemmer.Stem(t.term);
    out.push_back({std::move(t.term), std::move(stem), t.position});
  }
  return out;
}

// Adds each word under `prefix` unstemmed at its position, and its stem
// (`stem_of(word)`), starting after `*pos`; moves `*pos` past them and a gap.
template <typename Words, typename StemOf>
void AddWords(const Words& words, StemOf stem_of, absl::string_view prefix, Xapian::Document& doc,
              Xapian::termpos* pos) {
  std::string term(prefix);
  std::string stem_term = absl::StrCat("Z", prefix);
  Xapian::termpos last = *pos;
  for (const auto& w : words) {
    term.resize(prefix.size());
    term += w.term;
    last = *pos + 1 + w.position;
    doc.add_posting(term, last);
    stem_term.resize(prefix.size() + 1);
    stem_term += stem_of(w);
    doc.add_term(stem_term);
  }
  *pos = last + kFieldGap;
}

void AddText(const AnalyzedText& words, absl::string_view prefix, Xapian::Document& doc,
             Xapian::termpos* pos) {
  AddWords(words, [](const AnalyzedWord& w) -> const std::string& { return w.stem; }, prefix, doc, pos);
}

// The source, file and article-id terms and the source and date values
// every document of an article carries; returns the date as shown.
std::string AddArticleFields(const Article& article, const AnalyzedText& source,
                             absl::string_view file_key, Xapian::Document& doc) {
  using namespace schema;
  if (!article.source.empty()) {
    Xapian::termpos source_pos = 0;
    AddText(source, kSource.prefix, doc, &source_pos);
    doc.add_value(kSource.slot, article.source);
  }
  doc.add_boolean_term(Term(kFile, BoundedKey(file_key)));
  doc.add_boolean_term(Term(kArticleId, BoundedKey(article.id)));
  if (!article.date) return "";
  doc.add_value(kDate.slot, Xapian::sortable_serialise(static_cast<double>(DayNumber(*article.date))));
  return FormatDay(*article.date);
}

}  // namespace

void IndexText(absl::string_view text, absl::string_view prefix, TextAnalyzer& analyzer,
               Xapian::Document& doc, Xapian::termpos* pos) {
  // Streamed, not through Analyze: an article's body is added once.
  AddWords(analyzer.tokenizer.Tokenize(text), [&](const Token& t) { return analyzer.stemmer.Stem(t.term); },
           prefix, doc, pos);
}

Xapian::Document ArticleDocument(const Article& article, absl::string_view file_key,
                                 TextAnalyzer& analyzer) {
  using namespace schema;
  Xapian::Document doc;
  // Title words are searchable both plainly and as title:, at the same positions.
  Xapian::termpos pos = 0, title_pos = 0;
  const AnalyzedText title = Analyze(article.title, analyzer);
  AddText(title, kTitle.prefix, doc, &title_pos);
  AddText(title, kBody.prefix, doc, &pos);
  IndexText(article.text, kBody.prefix, analyzer, doc, &pos);
  std::string date = AddArticleFields(article, Analyze(article.source, analyzer), file_key, doc);
  doc.add_boolean_term(Term(kType, kTypeArticle));
  doc.add_value(kType.slot, std::string(kTypeArticle));
  doc.set_data(EncodeDocData(DocData{std::string(kTypeArticle), article.id, article.path,
                                     article.title, article.source, date, article.text}));
  return doc;
}

std::vector<QuoteDocument> QuoteDocuments(const Article& article, absl::string_view file_key,
                                          TextAnalyzer& analyzer) {
  using namespace schema;
  std::vector<QuoteDocument> out;
  const std::vector<Quote> quotes = ExtractQuotes(article.text);
  if (quotes.empty()) return out;
  const AnalyzedText title = Analyze(article.title, analyzer);
  const AnalyzedText source = Analyze(article.source, analyzer);
  for (const Quote& q : quotes) {
    QuoteDocument qd;
    Xapian::Document& doc = qd.doc;
    Xapian::termpos pos = 0, title_pos = 0;
    IndexText(q.text, kBody.prefix, analyzer, doc, &pos);
    AddText(title, kTitle.prefix, doc, &title_pos);
    std::string date = AddArticleFields(article, source, file_key, doc);
    DocData d{std::string(kTypeQuote), article.id, article.path, article.title, article.source,
              date, q.text};
    if (!q.speaker.empty()) {
      qd.speaker = q.speaker;
      qd.organisation = q.organisation;
      const std::string* canonical =
          analyzer.aliases ? analyzer.aliases->CanonicalName(q.speaker) : nullptr;
      if (canonical) qd.speaker = *canonical, qd.alias = true;
      qd.speaker_key = SpeakerKey(qd.speaker);
      // The name as written and the canonical one both match `speaker:`.
      Xapian::termpos speaker_pos = 0;
      IndexText(absl::StrJoin(FoldedNameWords(q.speaker), " "), kSpeaker.prefix, analyzer, doc,
                &speaker_pos);
      if (canonical) {
        IndexText(absl::StrJoin(FoldedNameWords(*canonical), " "), kSpeaker.prefix, analyzer,
                  doc, &speaker_pos);
      }
      doc.add_boolean_term(Term(kSpeakerKey, BoundedKey(qd.speaker_key)));
      doc.add_value(kSpeaker.slot, qd.speaker_key);
      d.speaker = qd.speaker;
      d.speaker_key = qd.speaker_key;
      d.speaker_mention = q.speaker_mention;
      d.role = q.role;
    }
    d.kind = std::string(QuoteKindName(q.kind));
    d.start = q.start;
    d.end = q.end;
    doc.add_boolean_term(Term(kType, kTypeQuote));
    doc.add_value(kType.slot, std::string(kTypeQuote));
    doc.set_data(EncodeDocData(d));
    out.push_back(std::move(qd));
  }
  return out;
}

}  // namespace newsidx
