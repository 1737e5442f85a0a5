#include "analyzers/article.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "analyzers/boilerplate.h"
#include "analyzers/charset.h"
#include "analyzers/dates.h"
#include "tests/test_util.h"

using namespace std::string_literals;

namespace newsidx {
namespace {

using testing::CorpusDir;
using testing::ReadFile;

Article ParseOne(const std::string& bytes, Format format = Format::kText) {
  ParsedFile f = ParseArticles(bytes, format, "id", "path");
  EXPECT_EQ(f.articles.size(), 1u);
  return f.articles.empty() ? Article{} : f.articles[0];
}

std::string DateOf(const Article& a) { return a.date ? FormatDay(*a.date) : "none"; }

TEST(Boilerplate, MenusCountersAndCredits) {
  for (const char* line :
       {"twitter", "apple store", "Play Market", "night_theme", "A+", "ru", "Share", "print",
        "copy link", "Post a Comment", "Previous Post Next Post", "Views: 65", "1,204 views",
        "WHAT ARE YOU LOOKING FOR ?", "INTERVIEWS", "Caliber.az © 2025. .",
        "Copyright 2024 The Daily Example. All rights reserved.",
        "Liked the story? Share it on social media!", "Ссылка скопирована"}) {
    EXPECT_TRUE(IsBoilerplateLine(line)) << line;
  }
  for (const char* line :
       {"Kallas emphasised that this is not about formal pledges.",
        "Ukraine and the price of abandoning its NATO bid", "Security imperatives",
        "“It’s an attempt to appear reasonable.”", "NATO membership for Ukraine"}) {
    EXPECT_FALSE(IsBoilerplateLine(line)) << line;
  }
}

TEST(Boilerplate, OutletFromCreditLines) {
  EXPECT_EQ(OutletFromCreditLine("Caliber.az © 2025. .").value_or(""), "Caliber.az");
  EXPECT_EQ(OutletFromCreditLine("© 2024 Kyiv Independent").value_or(""), "Kyiv Independent");
  EXPECT_EQ(OutletFromCreditLine("Copyright © 2023 The Example Post. All rights reserved.")
                .value_or(""),
            "The Example Post");
  EXPECT_EQ(OutletFromCreditLine("Any use of materials is allowed only with a hyperlink to "
                                 "example.com")
                .value_or(""),
            "example.com");
  EXPECT_FALSE(OutletFromCreditLine("Kallas emphasised that this is not about pledges."));
}

// Found by fuzz/article_fuzz.cc: the outlet after "link to" was cut at an
// offset into the NFKC-normalized line, longer than the line when it holds
// "¼" ("1⁄4"): a wrong outlet, or std::out_of_range ending the build.
TEST(Boilerplate, OutletAfterLinkToWhenNormalizingChangesLengths) {
  EXPECT_EQ(OutletFromCreditLine("© ¼½ Any use of materials only with a hyperlink to Caliber.az")
                .value_or(""),
            "Caliber.az");
  const std::string fuzzed = "\xA9\xBClink to `";  // windows-1252: "©¼link to `"
  ParsedFile f;
  EXPECT_NO_THROW(f = ParseArticles(fuzzed, Format::kHtml, "id", "path"));
  EXPECT_NO_THROW(f = ParseArticles(fuzzed, Format::kText, "id", "path"));
}

TEST(SeedArticles, CaliberTitleDatelineSourceAndNoFurniture) {
  Article a = ParseOne(ReadFile(CorpusDir() + "/000_461dc09155656a05.txt"));
  EXPECT_EQ(a.title, "Ukraine and the price of abandoning its NATO bid Expert opinions on Caliber.Az");
  EXPECT_EQ(DateOf(a), "2025-12-17");  // the dateline, not "December 15" in the body
  EXPECT_EQ(a.source, "Caliber.Az");   // as the article spells it most
  EXPECT_TRUE(absl::StartsWith(a.text, "During negotiations with U.S. envoys"));
  EXPECT_TRUE(absl::EndsWith(a.text, "Honchar believes."));
  for (const char* furniture : {"Views: 65", "twitter", "copy link", "Share it on social",
                                "Any use of materials", "WHAT ARE YOU", "loading"}) {
    EXPECT_FALSE(absl::StrContains(a.text, furniture)) << furniture;
  }
}

TEST(SeedArticles, RepeatedDatelineAndMissingSource) {
  Article a = ParseOne(ReadFile(CorpusDir() + "/001_7a7536c5e5bc6a8c.txt"));
  EXPECT_EQ(DateOf(a), "2025-12-15");
  EXPECT_EQ(a.source, "");
  EXPECT_TRUE(absl::StartsWith(a.text, "Volodymyr Zelensky is willing"));
}

TEST(SeedArticles, CommentWidgetsDropped) {
  Article a = ParseOne(ReadFile(CorpusDir() + "/003_c632a93966c544a6.txt"));
  EXPECT_EQ(DateOf(a), "none");
  EXPECT_TRUE(absl::StartsWith(a.title, "Ukraine Signals NATO Exit"));
  EXPECT_FALSE(absl::StrContains(a.text, "Post a Comment"));
  EXPECT_FALSE(absl::StrContains(a.text, "Previous Post"));
}

TEST(Charset, Utf8PassesLatin1FallsBack) {
  EXPECT_EQ(DecodeToUtf8("a \xC2\xA3" "15.8m").text, "a £15.8m");
  DecodedText latin = DecodeToUtf8("a \xA3" "15.8m signing");
  EXPECT_EQ(latin.text, "a £15.8m signing");
  EXPECT_NE(latin.charset, "UTF-8");
  EXPECT_EQ(DecodeToUtf8("smart \x93quotes\x94").text, "smart “quotes”");  // windows-1252
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBFnul\0byte\r\nline"s).text, "nul byte\nline");
}

TEST(Charset, BrokenUtf8IsRepairedNotReadAsLatin1) {
  // Two good curly quotes and one stray byte: UTF-8 with a hole, not Latin-1.
  DecodedText d = DecodeToUtf8("\xE2\x80\x9CYes,\xE2\x80\x9D she said \xFF today");
  EXPECT_EQ(d.text, "“Yes,” she said \uFFFD today");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.replaced, 1u);
  // A lone Latin-1 byte and no good sequence: Latin-1 after all.
  EXPECT_EQ(DecodeToUtf8("caf\xE9 \xC3\x28").charset, "windows-1252");
}

TEST(Charset, Utf16WithByteOrderMark) {
  EXPECT_EQ(DecodeToUtf8("\xFF\xFEH\0i\0\r\0\n\0\x1C\x20"s).text, "Hi\n“");
  EXPECT_FALSE(LooksBinary("\xFF\xFEH\0i\0 \0t\0h\0e\0r\0e\0"s));
}

TEST(Charset, BinaryIsTellingControlCharacters) {
  EXPECT_TRUE(LooksBinary(std::string(100, '\0')));
  EXPECT_TRUE(LooksBinary("%PDF-1.4\n\x01\x02\x03\x04\x05\x06\x07\x08 stream"s));
  // Stray NULs, tabs, form feeds and line ends are text.
  EXPECT_FALSE(LooksBinary("A long enough article\0 with\0 two NULs in it, and more words."s));
  EXPECT_FALSE(LooksBinary("col\tcol\r\npage\fbreak\vtab"));
  EXPECT_FALSE(LooksBinary(""));
}

// Found by fuzz/article_fuzz.cc: a JSON line full of control characters is
// binary, and the parse still names what it took the bytes for.
TEST(Charset, BinaryFilesAreNamedBinaryAndHoldNoArticle) {
  const std::string line = "{\"title\": \"es" + std::string(29, '\x0e') + "\"}\n";
  for (Format format : {Format::kJsonl, Format::kText, Format::kHtml}) {
    ParsedFile f = ParseArticles(line, format, "id", "path");
    EXPECT_EQ(f.charset, "binary");
    EXPECT_TRUE(f.articles.empty());
    ASSERT_EQ(f.problems.size(), 1u);
    EXPECT_EQ(f.problems[0], "binary data, not text");
  }
}

TEST(Charset, BbcLatin1FileIfShared) {
  std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: skipping the BBC charset check";
  std::string bytes = ReadFile(shared + "/corpora/bbc-fulltext/sport/199.txt");
  ASSERT_FALSE(IsValidUtf8(bytes));
  Article a = ParseOne(bytes);
  EXPECT_TRUE(absl::StrContains(a.text, "£15.8m")) << a.text.substr(0, 400);
}

TEST(Html, MarkupScriptsAndNavigationRemoved) {
  const std::string html = R"(<!doctype html><html><head>
    <title>Page title | Example News</title>
    <meta property="og:title" content="Kallas: real troops, not papers">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2025-12-16T10:00:00Z">
    <script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head>
    <body><nav><a href="/">Home</a><a href="/world">World news menu</a></nav>
    <article><h1>Kallas: real troops, not papers</h1>
    <p>Kallas emphasised that this is not about <b>formal</b> pledges &amp; promises.</p>
    <p>“They have to be real troops,” she stressed.</p></article>
    <footer>© 2025 Example News</footer></body></html>)";
  Article a = ParseOne(html, Format::kHtml);
  EXPECT_EQ(a.title, "Kallas: real troops, not papers");
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(DateOf(a), "2025-12-16");
  EXPECT_EQ(a.text,
            "Kallas emphasised that this is not about formal pledges & promises.\n\n"
            "“They have to be real troops,” she stressed.");
}

// Found running fuzz/article_fuzz.cc on its seeds: libxml2 obeyed the page's
// <meta charset> and decoded the (already UTF-8) text a second time; at the
// first byte that charset lacks it dropped the rest, here the whole body.
TEST(Html, DeclaredCharsetDoesNotDecodeTwice) {
  Article legacy = ParseOne(
      "<html><head><meta charset=\"windows-1252\"><title>\x93Legacy\x94 page</title></head>"
      "<body><p>Caf\xE9 costs \xA3" "15m, he said.</p></body></html>",
      Format::kHtml);
  EXPECT_EQ(legacy.title, "“Legacy” page");
  EXPECT_EQ(legacy.text, "Café costs £15m, he said.");
  Article mislabelled = ParseOne(
      "<html><head><meta charset=\"iso-8859-1\"><title>T</title></head>"
      "<body><p>Café “quoted” words here.</p></body></html>",
      Format::kHtml);
  EXPECT_EQ(mislabelled.text, "Café “quoted” words here.");
}

TEST(Html, DeepNestingDoesNotRecurse) {
  std::string html = "<html><body>";
  for (int i = 0; i < 50000; ++i) html += "<div>";
  html += "deep words here.";
  Article a = ParseOne(html, Format::kHtml);
  EXPECT_TRUE(absl::StrContains(a.title + a.text, "deep words here"));
}

TEST(JsonLines, GoodLinesKeptBrokenLinesCounted) {
  std::string jsonl =
      "{\"id\": \"a1\", \"title\": \"First\", \"body\": \"Body one.\", \"date\": \"2025-12-15\","
      " \"source\": \"Wire\"}\n"
      "{not json\n"
      "\n"
      "{\"title\": \"Second\", \"text\": \"Body two.\", \"date\": \"yesterday-ish\"}\n"
      "[1, 2]\n";
  ParsedFile f = ParseArticles(jsonl, Format::kJsonl, "feed", "feed.jsonl");
  ASSERT_EQ(f.articles.size(), 2u);
  EXPECT_EQ(f.articles[0].id, "a1");
  EXPECT_EQ(f.articles[0].source, "Wire");
  EXPECT_EQ(DateOf(f.articles[0]), "2025-12-15");
  EXPECT_EQ(f.articles[1].id, "feed#4");
  EXPECT_EQ(f.articles[1].text, "Body two.");
  EXPECT_EQ(f.problems.size(), 3u);  // line 2, the bad date on line 4, line 5
}

// Found by fuzz/article_fuzz.cc: JSON escapes and HTML attributes decode
// after charset.h has cleaned the bytes, so control characters and line
// breaks reached titles and outlets (shown on one line) and bodies.
TEST(JsonLines, EscapedControlCharactersAreCleaned) {
  ParsedFile f = ParseArticles(
      R"({"title": "Two\nlines\u001e", "source": "Wire\u0000Service", "author": "A\tWriter",)"
      R"( "body": "One.\r\n\r\nTwo\u0000three.\u0007"})",
      Format::kJsonl, "feed", "feed.jsonl");
  ASSERT_EQ(f.articles.size(), 1u);
  EXPECT_EQ(f.articles[0].title, "Two lines");
  EXPECT_EQ(f.articles[0].source, "Wire Service");
  EXPECT_EQ(f.articles[0].author, "A Writer");
  EXPECT_EQ(f.articles[0].text, "One.\n\nTwo three.");

  Article a = ParseOne("<html><head><meta property=\"og:site_name\" content=\"Example\n  News\">"
                       "</head><body><p>Body text here.</p></body></html>",
                       Format::kHtml);
  EXPECT_EQ(a.source, "Example News");
  ASSERT_TRUE(ApplySidecar(R"({"title": "Side\r\ncar"})", a).ok());
  EXPECT_EQ(a.title, "Side car");
  EXPECT_TRUE(ParseArticles(R"({"body": "\u0001\u0002"})", Format::kJsonl, "f", "f.jsonl")
                  .articles.empty());
}

TEST(Sidecar, OverridesExtractedFields) {
  Article a = ParseOne("Headline\n\nBody text here.\n");
  ASSERT_TRUE(ApplySidecar(R"({"title": "Better", "source": "Wire", "date": "2024-01-02"})", a).ok());
  EXPECT_EQ(a.title, "Better");
  EXPECT_EQ(a.source, "Wire");
  EXPECT_EQ(DateOf(a), "2024-01-02");
  EXPECT_FALSE(ApplySidecar("{broken", a).ok());
  EXPECT_FALSE(ApplySidecar(R"({"date": "not a date", "title": "Lost"})", a).ok());
  EXPECT_EQ(a.title, "Better");  // a bad sidecar changes nothing
}

TEST(FormatOfPath, ByExtension) {
  EXPECT_EQ(FormatOfPath("a/b.TXT"), Format::kText);
  EXPECT_EQ(FormatOfPath("a.htm"), Format::kHtml);
  EXPECT_EQ(FormatOfPath("a.jsonl"), Format::kJsonl);
  EXPECT_FALSE(FormatOfPath("a.meta.json"));
  EXPECT_FALSE(FormatOfPath("a.pdf"));
}

}  // namespace
}  // namespace newsidx
