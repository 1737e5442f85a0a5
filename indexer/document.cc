#include "indexer/document.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "analyzers/dates.h"
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

Xapian::Document ArticleDocument(const Article& article, absl::string_view file_key,
                                 TextAnalyzer& analyzer) {
  using namespace schema;
  Xapian::Document doc;
  // Title words are searchable both plainly and as title:, at the same positions.
  Xapian::termpos pos = 0, title_pos = 0;
  IndexText(article.title, kTitle.prefix, analyzer, doc, &title_pos);
  IndexText(article.title, kBody.prefix, analyzer, doc, &pos);
  IndexText(article.text, kBody.prefix, analyzer, doc, &pos);

  if (!article.source.empty()) {
    Xapian::termpos source_pos = 0;
    IndexText(article.source, kSource.prefix, analyzer, doc, &source_pos);
    doc.add_boolean_term(Term(kSourceExact, BoundedKey(NormalizeText(article.source))));
    doc.add_value(kSource.slot, article.source);
  }
  doc.add_boolean_term(Term(kType, kTypeArticle));
  doc.add_value(kType.slot, std::string(kTypeArticle));
  std::string date;
  if (article.date) {
    date = FormatDay(*article.date);
    doc.add_boolean_term(Term(kDate, absl::StrFormat("%04d%02d%02d", article.date->year(),
                                                     article.date->month(),
                                                     article.date->day())));
    doc.add_value(kDate.slot,
                  Xapian::sortable_serialise(static_cast<double>(DayNumber(*article.date))));
  }
  doc.add_boolean_term(Term(kDocId, BoundedKey(absl::StrCat(file_key, "#", article.id))));
  doc.add_boolean_term(Term(kFile, BoundedKey(file_key)));
  doc.set_data(EncodeDocData(DocData{std::string(kTypeArticle), article.id, article.path,
                                     article.title, article.source, date, article.text}));
  return doc;
}

}  // namespace newsidx
