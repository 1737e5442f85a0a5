#include "schema/schema.h"

#include <gtest/gtest.h>

#include "absl/container/flat_hash_set.h"

namespace newsidx::schema {
namespace {

TEST(Schema, NamesPrefixesAndSlotsAreUnique) {
  absl::flat_hash_set<std::string> names, prefixes;
  absl::flat_hash_set<Xapian::valueno> slots;
  for (const Field& f : kFields) {
    EXPECT_TRUE(names.insert(std::string(f.name)).second) << f.name;
    if (f.kind != FieldKind::kValue) {  // a value-only field writes no terms
      EXPECT_TRUE(prefixes.insert(std::string(f.prefix)).second) << f.prefix;
    }
    if (f.slot != Xapian::BAD_VALUENO) {
      EXPECT_TRUE(slots.insert(f.slot).second) << f.name;
    }
  }
}

TEST(Schema, PrefixesFollowXapianConventions) {
  for (const Field& f : kFields) {
    for (char c : f.prefix) EXPECT_TRUE(c >= 'A' && c <= 'Z') << f.name;
    // "Z" starts stemmed terms; a field prefix must not.
    if (!f.prefix.empty()) {
      EXPECT_NE(f.prefix.front(), 'Z') << f.name;
    }
  }
}

TEST(Schema, QueryableAndFacetFields) {
  ASSERT_NE(QueryableField("title"), nullptr);
  EXPECT_EQ(QueryableField("title")->prefix, "S");
  EXPECT_NE(QueryableField("source"), nullptr);
  EXPECT_NE(QueryableField("speaker"), nullptr);
  EXPECT_NE(QueryableField("type"), nullptr);
  EXPECT_EQ(QueryableField("file"), nullptr);  // internal
  EXPECT_EQ(QueryableField("nope"), nullptr);
  for (const char* facet : {"speaker", "source", "date", "type"}) {
    EXPECT_NE(FacetField(facet), nullptr) << facet;
  }
  EXPECT_EQ(FacetField("title"), nullptr);
}

TEST(Schema, TermsSeparateCapitalisedValues) {
  EXPECT_EQ(Term(kType, "article"), "XTYPEarticle");
  EXPECT_EQ(Term(kFile, "/a/b.txt"), "XFILE/a/b.txt");
  EXPECT_EQ(Term(kFile, "Upper"), "XFILE:Upper");
  EXPECT_EQ(Term(kTitle, "Upper"), "SUpper");  // single-letter prefixes need no colon
}

TEST(Schema, BoundedKeysFitXapianAndStayDistinct) {
  std::string a(400, 'a'), b = a;
  b.back() = 'b';
  EXPECT_LE(BoundedKey(a).size(), 200u);
  EXPECT_NE(BoundedKey(a), BoundedKey(b));
  EXPECT_EQ(BoundedKey(a), BoundedKey(a));
  EXPECT_EQ(BoundedKey("short"), "short");
}

TEST(Schema, SpeakerNamesKeepTheirKind) {
  SpeakerName org = DecodeSpeakerName(EncodeSpeakerName({"Northwind Bank", true}));
  EXPECT_EQ(org.name, "Northwind Bank");
  EXPECT_TRUE(org.organisation);
  SpeakerName person = DecodeSpeakerName(EncodeSpeakerName({"Tony Blair", false}));
  EXPECT_EQ(person.name, "Tony Blair");
  EXPECT_FALSE(person.organisation);
}

TEST(Schema, DocDataAndFileRecordsRoundTrip) {
  DocData d{"article", "id", "p.txt", "T", "S", "2025-12-15", "body “text”"};
  auto back = DecodeDocData(EncodeDocData(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->date, d.date);
  EXPECT_FALSE(DecodeDocData("not json").ok());
  auto r = DecodeFileRecord(EncodeFileRecord({"12:34", "/a b/c.txt"}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->path, "/a b/c.txt");
  EXPECT_EQ(r->signature, "12:34");
}

}  // namespace
}  // namespace newsidx::schema
