// Article → Xapian::Document, by the schema's table.
//
// Terms are fed with add_posting from the shared analyzer (not Xapian's
// TermGenerator), so the index and the query parser agree on every word.
// Free text is indexed as Xapian's QueryParser expects it: the unstemmed
// term with positions, and "Z"+prefix+stem for stemmed matching.
#ifndef NEWSIDX_INDEXER_DOCUMENT_H_
#define NEWSIDX_INDEXER_DOCUMENT_H_

#include <xapian.h>

#include <string>
#include <vector>
#include "absl/strings/string_view.h"

#include "analyzers/analyzer.h"
#include "analyzers/article.h"
#include "analyzers/speakers.h"

namespace newsidx {

// Positions left empty between fields so a phrase cannot span two fields.
inline constexpr Xapian::termpos kFieldGap = 100;

struct TextAnalyzer {
  Tokenizer tokenizer;
  Stemmer& stemmer;
  const SpeakerAliases* aliases = nullptr;  // the corpus' aliases.tsv, if any
};

// Indexes `text` under `prefix` starting after position `*pos`; advances
// `*pos` past the text and a field gap.
void IndexText(absl::string_view text, absl::string_view prefix, TextAnalyzer& analyzer,
               Xapian::Document& doc, Xapian::termpos* pos);

// The article's document. `file_key` names the file it came from, so every
// document of a file can be replaced or removed together.
Xapian::Document ArticleDocument(const Article& article, absl::string_view file_key,
                                 TextAnalyzer& analyzer);

// One document per quote of the article (type:quote): the quote's words,
// its speaker's folded name words and key, and the article's title, source
// and date so quotes answer article-field queries too.
struct QuoteDocument {
  Xapian::Document doc;
  std::string speaker_key;  // empty when the quote has no speaker
  std::string speaker;      // the name as the article gives it, or as aliases.tsv names it
  bool alias = false;       // `speaker` is the alias file's canonical name
  bool organisation = false;
};
std::vector<QuoteDocument> QuoteDocuments(const Article& article, absl::string_view file_key,
                                          TextAnalyzer& analyzer);

}  // namespace newsidx

#endif  // NEWSIDX_INDEXER_DOCUMENT_H_
