#include "indexer/document.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "analyzers/dates.h"
#include "analyzers/quotes.h"
#include "analyzers/speakers.h"
#include "schema/schema.h"

namespace newsidx {

void IndexText(absl::string_view text, absl::string_view prefix, TextAnalyzer& analyzer,
               Xapian::Document& doc, Xapian::termpos* pos) {
  std::string term(prefix);
  std::string stem_term = absl::StrCat("Z", prefix);
  Xapian::termpos last = *pos;
  for (const Token& t : analyzer.tokenizer.Tokenize(text)) {
    term.resize(prefix.size());
    term += t.term;
    last = *pos + 1 + t.position;
    doc.add_posting(term, last);
    stem_term.resize(prefix.size() + 1);
    stem_term += analyzer.stemmer.Stem(t.term);
    doc.add_term(stem_term);
  }
  *pos = last + kFieldGap;
}

namespace {

// Source, date and file terms and values every document of an article carries.
std::string AddArticleFields(const Article& article, absl::string_view file_key,
                             TextAnalyzer& analyzer, Xapian::Document& doc) {
  using namespace schema;
  if (!article.source.empty()) {
    Xapian::termpos source_pos = 0;
    IndexText(article.source, kSource.prefix, analyzer, doc, &source_pos);
    doc.add_value(kSource.slot, article.source);
  }
  doc.add_boolean_term(Term(kFile, BoundedKey(file_key)));
  doc.add_boolean_term(Term(kArticleId, BoundedKey(article.id)));
  if (!article.date) return "";
  doc.add_value(kDate.slot, Xapian::sortable_serialise(static_cast<double>(DayNumber(*article.date))));
  return FormatDay(*article.date);
}

}  // namespace

Xapian::Document ArticleDocument(const Article& article, absl::string_view file_key,
                                 TextAnalyzer& analyzer) {
  using namespace schema;
  Xapian::Document doc;
  // Title words are searchable both plainly and as title:, at the same positions.
  Xapian::termpos pos = 0, title_pos = 0;
  IndexText(article.title, kTitle.prefix, analyzer, doc, &title_pos);
  IndexText(article.title, kBody.prefix, analyzer, doc, &pos);
  IndexText(article.text, kBody.prefix, analyzer, doc, &pos);
  std::string date = AddArticleFields(article, file_key, analyzer, doc);
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
  for (const Quote& q : ExtractQuotes(article.text)) {
    QuoteDocument qd;
    Xapian::Document& doc = qd.doc;
    Xapian::termpos pos = 0, title_pos = 0;
    IndexText(q.text, kBody.prefix, analyzer, doc, &pos);
    IndexText(article.title, kTitle.prefix, analyzer, doc, &title_pos);
    std::string date = AddArticleFields(article, file_key, analyzer, doc);
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
