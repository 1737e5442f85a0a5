#include "analyzers/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace newsidx {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Terms(const std::string& text) {
  Tokenizer t;
  return t.Terms(text);
}

TEST(NormalizeText, FoldsCaseWidthAndApostrophes) {
  EXPECT_EQ(NormalizeText("Zelenskyy’s"), "zelenskyy's");
  EXPECT_EQ(NormalizeText("ＡＢＣ"), "abc");     // fullwidth
  EXPECT_EQ(NormalizeText("Straße"), "strasse");  // case folding, not lower-casing
  EXPECT_EQ(NormalizeText("ﬁnance"), "finance");  // NFKC ligature
  EXPECT_EQ(NormalizeText("КИЇВ"), "київ");
}

TEST(Tokenizer, ApostrophesJoinWordsAndCurlyEqualsStraight) {
  EXPECT_THAT(Terms("Zelenskyy’s don't"), ElementsAre("zelenskyy's", "don't"));
  EXPECT_EQ(Terms("Zelenskyy’s"), Terms("Zelenskyy's"));
  EXPECT_EQ(Terms("Zelenskyy\u02BCs"), Terms("Zelenskyy's"));
  // Quote marks around a word are not part of it.
  EXPECT_THAT(Terms("‘paper guarantees’"), ElementsAre("paper", "guarantees"));
  EXPECT_THAT(Terms("parents' rights"), ElementsAre("parents", "rights"));
}

TEST(Tokenizer, HyphensSplitWords) {
  EXPECT_THAT(Terms("5-style large-scale"), ElementsAre("5", "style", "large", "scale"));
  EXPECT_THAT(Terms("agreements—analogous"), ElementsAre("agreements", "analogous"));
}

TEST(Tokenizer, NumbersKeepDecimalPointsAndSeparators) {
  EXPECT_THAT(Terms("3.14 1,000 €300 £15.8m"), ElementsAre("3.14", "1,000", "300", "15.8m"));
  EXPECT_THAT(Terms("v1.2"), ElementsAre("v1.2"));
}

TEST(Tokenizer, AbbreviationsAndDomainsSplitAtDots) {
  EXPECT_THAT(Terms("U.S. envoys"), ElementsAre("u", "s", "envoys"));
  EXPECT_THAT(Terms("Caliber.Az"), ElementsAre("caliber", "az"));
}

// Found by fuzz/query_fuzz.cc: a split at '.' left the combining mark after
// it at the start of the next term, where ICU groups it with the '.'.
TEST(Tokenizer, NoTermStartsWithACombiningMark) {
  EXPECT_THAT(Terms("o.\u0301i"), ElementsAre("o", "i"));
  EXPECT_THAT(Terms("o.\u07FDi"), ElementsAre("o", "i"));
  EXPECT_THAT(Terms("cafe\u0301"), ElementsAre("café"));  // NFKC composes a trailing one
  // Marks inside a word stay with it.
  EXPECT_THAT(Terms("\u0928\u092E\u0938\u094D\u0924\u0947"), ElementsAre("नमस्ते"));
}

// Found by fuzz/query_fuzz.cc: ICU calls "_" a word in "_@" but not alone,
// so the query "_@" rewrote to "_", which rewrote to nothing.
TEST(Tokenizer, ConnectorPunctuationAloneIsNoTerm) {
  EXPECT_TRUE(Terms("_@").empty());
  EXPECT_THAT(Terms("_@0 __ ‿"), ElementsAre("0"));
  EXPECT_THAT(Terms("snake_case _private x_1"), ElementsAre("snake_case", "_private", "x_1"));
}

// Found by fuzz/query_fuzz.cc: NFKC makes "\u0149" (n after an apostrophe)
// "'n", and after a digit ICU splits there, so "15\u0149" rewrote to
// "15'n", which rewrote to "15-n". The apostrophe joins only what ICU joins.
TEST(Tokenizer, AnApostropheNormalizationAddsJoinsOnlyWhatICUJoins) {
  EXPECT_EQ(Terms("15\u0149"), Terms("15'n"));
  EXPECT_THAT(Terms("15\u0149"), ElementsAre("15", "n"));
  EXPECT_THAT(Terms("x\u0149"), ElementsAre("x'n"));
  EXPECT_THAT(Terms("rock'n'roll 5'5"), ElementsAre("rock'n'roll", "5'5"));
}

TEST(Tokenizer, CyrillicAndAccentsAreWords) {
  EXPECT_THAT(Terms("Ссылка скопирована"), ElementsAre("ссылка", "скопирована"));
  EXPECT_THAT(Terms("Élysée café"), ElementsAre("élysée", "café"));
}

TEST(Tokenizer, OffsetsAndPositions) {
  Tokenizer t;
  std::string text = "“They cannot be papers,” she said.";
  std::vector<Token> tokens = t.Tokenize(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "They");
  EXPECT_EQ(text.substr(tokens[3].start, tokens[3].end - tokens[3].start), "papers");
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i);
}

TEST(Tokenizer, ToleratesInvalidUtf8AndJunk) {
  EXPECT_THAT(Terms("ok \xff\xfe bad"), ElementsAre("ok", "bad"));
  EXPECT_TRUE(Terms(std::string(500, 'a')).empty());  // longer than any real word
  EXPECT_TRUE(Terms("").empty());
  EXPECT_TRUE(Terms("— … !!").empty());
}

TEST(Stemmer, EnglishStemsAndCaches) {
  auto s = Stemmer::Create("en");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Stem("guarantees"), "guarante");
  EXPECT_EQ((*s)->Stem("guarantee"), "guarante");
  EXPECT_EQ((*s)->Stem("zelenskyy's"), "zelenskyy");
  EXPECT_EQ((*s)->Stem("guarantees"), "guarante");  // from the cache
}

TEST(Stemmer, UnknownLanguageIsAnError) {
  EXPECT_FALSE(Stemmer::Create("klingon").ok());
  EXPECT_TRUE(Stemmer::Create("de").ok());
}

}  // namespace
}  // namespace newsidx
