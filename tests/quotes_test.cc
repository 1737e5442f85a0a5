// Quote extraction and attribution on small texts written for each rule.
#include "analyzers/quotes.h"

#include <gtest/gtest.h>


#include "analyzers/speakers.h"
#include "tests/test_util.h"

namespace newsidx {
namespace {

struct Found {
  std::string speaker, kind;
};

// The shortest quote containing `words` (a nested quote before its outer one).
std::optional<Found> QuoteWith(const std::string& text, const std::string& words) {
  std::optional<Found> best;
  size_t best_size = 0;
  for (const Quote& q : ExtractQuotes(text)) {
    if (q.text.find(words) != std::string::npos && (!best || q.text.size() < best_size)) {
      best = Found{q.speaker, std::string(QuoteKindName(q.kind))};
      best_size = q.text.size();
    }
  }
  return best;
}

std::string SpeakerOf(const std::string& text, const std::string& words) {
  auto f = QuoteWith(text, words);
  return f ? f->speaker : "(no quote)";
}

// "indirect: Tom Hale": the quote's kind and speaker in one comparable line.
std::string KindAndSpeakerOf(const std::string& text, const std::string& words) {
  auto f = QuoteWith(text, words);
  return f ? f->kind + ": " + f->speaker : "(no quote)";
}

// A text far longer than any article is read in blocks: quotes on both
// sides of a block's edge are found, with spans into the whole text, and a
// single line of megabytes does not hold the extractor's memory at once.
TEST(Quotes, LongTextsAreReadInBlocksWithSpansIntoTheWholeText) {
  std::string text = "\u201CThe first block speaks,\u201D said Anna Berg.\n";
  while (text.size() < 600 * 1024) text += "Filler words about nothing in particular go on and on.\n";
  text += "\u201CThe last block speaks too,\u201D said Jan Holm.\n";
  text += std::string(700 * 1024, 'x');  // one enormous line without a space
  std::vector<Quote> quotes = ExtractQuotes(text);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(text.substr(quotes[0].start, quotes[0].end - quotes[0].start), "The first block speaks,");
  EXPECT_EQ(quotes[0].speaker, "Anna Berg");
  EXPECT_EQ(text.substr(quotes[1].start, quotes[1].end - quotes[1].start), "The last block speaks too,");
  EXPECT_EQ(quotes[1].speaker, "Jan Holm");
}

TEST(Quotes, CueAfterBeforeAndBetween) {
  std::string t =
      "Anna Berg, a lawyer, spoke on Monday.\n\n"
      "“We will appeal,” said Anna Berg.\n\n"
      "“The ruling is wrong,” Tom Hale said.\n\n"
      "Maria Lopez said: “It is a good day.”\n\n"
      "“First part,” Piet de Vries said, “and second part.”\n\n"
      "“A dash at the end” — Lena Ost.";
  EXPECT_EQ(SpeakerOf(t, "We will appeal"), "Anna Berg");
  EXPECT_EQ(SpeakerOf(t, "The ruling is wrong"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "It is a good day"), "Maria Lopez");
  EXPECT_EQ(SpeakerOf(t, "First part"), "Piet de Vries");
  EXPECT_EQ(SpeakerOf(t, "and second part"), "Piet de Vries");
  EXPECT_EQ(SpeakerOf(t, "A dash at the end"), "Lena Ost");
}

TEST(Quotes, InvertedCuesWithRoles) {
  std::string t =
      "“Rates stay,” said Republican strategist Ryan Holt.\n\n"
      "“Prices rise,” said EEF chief economist, Sara Lind.\n\n"
      "“Staff were sacked,” said Petra Vos, TGU General Secretary.\n\n"
      "“We disagree,” said Mr de Vries in a statement.\n\n"
      "Liberal Democrat shadow chancellor Nils Carr warned voters. “It is mixed,” he said.";
  EXPECT_EQ(SpeakerOf(t, "Rates stay"), "Ryan Holt");
  EXPECT_EQ(SpeakerOf(t, "Prices rise"), "Sara Lind");
  EXPECT_EQ(SpeakerOf(t, "Staff were sacked"), "Petra Vos");
  EXPECT_EQ(SpeakerOf(t, "We disagree"), "de Vries");
  EXPECT_EQ(SpeakerOf(t, "It is mixed"), "Nils Carr");
}

TEST(Quotes, PartyStateAsidesAndOrganisationRolePerson) {
  std::string t =
      "“The bill is dead,” Sen. Carla Voss (D-N.M.) said Tuesday.\n\n"
      "Sen. Omar Field, R-Ohio, said in a memo, “We will not fold.”\n\n"
      "“Turnout is low,” said Lakeside University political scientist Dana Pruitt.\n\n"
      "“Costs are rising,” said Harbor Watch president Glen Ames of Boston.\n\n"
      "“No comment,” Voss campaign spokesman Ray Kott said.\n\n"
      "A spokesman for the Union of Bakers and Millers (Ubam) spoke. “Bread is safe,” he said.";
  EXPECT_EQ(SpeakerOf(t, "The bill is dead"), "Carla Voss");
  EXPECT_EQ(SpeakerOf(t, "We will not fold"), "Omar Field");
  EXPECT_EQ(SpeakerOf(t, "Turnout is low"), "Dana Pruitt");
  EXPECT_EQ(SpeakerOf(t, "Costs are rising"), "Glen Ames");
  EXPECT_EQ(SpeakerOf(t, "No comment"), "Ray Kott");
  EXPECT_NE(SpeakerOf(t, "Bread is safe"), "");
}

TEST(Quotes, CueLaterInTheSentenceAndAfterQuestions) {
  std::string t =
      "“Few would call that a win for Mara Lind” if she loses by ten, said Ivo Brandt, an analyst.\n\n"
      "“Why would you risk it?” asked Sen. Ruth Kaye of Ohio, who chairs the panel.\n\n"
      "“It cannot go on,” warned Paul Greer.\n\n"
      "“Fine work,” fumed Tess Hart.";
  EXPECT_EQ(QuoteWith(t, "Few would call")->kind, "direct");
  EXPECT_EQ(SpeakerOf(t, "Few would call"), "Ivo Brandt");
  EXPECT_EQ(SpeakerOf(t, "Why would you risk it"), "Ruth Kaye");
  EXPECT_EQ(SpeakerOf(t, "It cannot go on"), "Paul Greer");
  EXPECT_EQ(SpeakerOf(t, "Fine work"), "Tess Hart");
}

TEST(Quotes, AppositivesRelativeClausesAndJointSpeakers) {
  std::string t =
      "“Voters want change,” Nina Sol, the pollster who founded votecount.org tweeted on Monday.\n\n"
      "Rita Vance, who chairs the Lakeside Fund said in a statement. “We are ready.”\n\n"
      "Daily Ledger columnist Hana Pike, in a long essay, wrote, “The race is open.”\n\n"
      "POLLS ARE CLOSE - Mark Dunn and Jo Lee: “The lead is within the margin.”\n\n"
      "Said Erin Cole, who grew up nearby, “We were all proud of him.”\n\n"
      "Stated Ben Okoro:\n\n“The plan will fail.”";
  EXPECT_EQ(SpeakerOf(t, "Voters want change"), "Nina Sol");
  EXPECT_EQ(SpeakerOf(t, "We are ready"), "Rita Vance");
  EXPECT_EQ(SpeakerOf(t, "The race is open"), "Hana Pike");
  EXPECT_EQ(SpeakerOf(t, "The lead is within"), "Mark Dunn");
  EXPECT_EQ(SpeakerOf(t, "We were all proud"), "Erin Cole");
  EXPECT_EQ(SpeakerOf(t, "The plan will fail"), "Ben Okoro");
}

TEST(Quotes, ParticiplesCoordinatedVerbsPassivesAndStatements) {
  std::string t =
      "Lena Hart and Tom Rees will meet next week, Ada Quinn said, adding, “They need to talk.”\n\n"
      "Rob Vale said the plan came from Chief Inspector Iris Moe and said, “Trust the police.”\n\n"
      "Ian Pratt was asked by host Lou Grant, “Will you run again?”\n\n"
      "In response, party leader Gita Rao issued the following statement:\n\n"
      "“Our thoughts are with the families.”\n\n"
      "Kim Dove was called “one of the worst offenders” by the judge.\n\n"
      "“It is big business,” the paper quoted Mr Olaf Berg as saying.";
  EXPECT_EQ(SpeakerOf(t, "They need to talk"), "Ada Quinn");
  EXPECT_EQ(SpeakerOf(t, "Trust the police"), "Rob Vale");
  EXPECT_EQ(SpeakerOf(t, "Will you run again"), "Lou Grant");
  EXPECT_EQ(SpeakerOf(t, "Our thoughts are with"), "Gita Rao");
  EXPECT_NE(SpeakerOf(t, "one of the worst offenders"), "Kim Dove");
  EXPECT_EQ(SpeakerOf(t, "It is big business"), "Olaf Berg");
}

TEST(Quotes, NamingVerbsPossessivesAndUnnamedSpeakers) {
  std::string t =
      "Eli Stone called Jan Vos “a sharp mind with numbers.”\n\n"
      "Voters remember the pull of Marrow's “a boat for every family” promise.\n\n"
      "Mr Dahl felt that Ines Moro's “masterpiece” deserved the prize. "
      "“I will be cheering,” he added.\n\n"
      "Another source familiar with the talks said, “The deal is close.”\n\n"
      "Another tweeted, “What a night.”";
  EXPECT_EQ(SpeakerOf(t, "a sharp mind"), "Eli Stone");
  EXPECT_EQ(SpeakerOf(t, "a boat for every family"), "Marrow");
  EXPECT_EQ(SpeakerOf(t, "I will be cheering"), "Dahl");
  EXPECT_EQ(SpeakerOf(t, "The deal is close"), "another source");  // "familiar with" qualifies it
  EXPECT_EQ(SpeakerOf(t, "What a night"), "another person");
}

TEST(Quotes, TheNextSentenceCuesOnlyWhenNothingElseFollowsItsVerb) {
  std::string t =
      "Road chief Alan Reed said: “It remains to be seen.\n\n"
      "“Drivers police themselves.” Transport spokesman Lars Holm said drink-driving remained a "
      "killer.\n\n"
      "“We lost,” said Cora Bell. “But we learned.” Party leader Sam Ward said he would resign.\n\n"
      "“Not us!” Mona Fell, the head of the group, tweeted on Friday with a photo.";
  EXPECT_EQ(SpeakerOf(t, "Drivers police themselves"), "Alan Reed");
  EXPECT_EQ(SpeakerOf(t, "But we learned"), "Cora Bell");
  EXPECT_EQ(SpeakerOf(t, "Not us"), "Mona Fell");
}

TEST(Quotes, DescriptionsAsSubjectsAndInvertedReportedSpeech) {
  std::string t =
      "Tom Vale spoke first. A spokeswoman for the Department of Roads said: “The bridge is safe.”\n\n"
      "Mistakes were made and the council must answer for them, observed Ivo Lark, an adviser. "
      "“Everyone answers,” he said.\n\n"
      "Coach Ben Rudd praised Kai Moss. An angry Moss later said: “I was not at fault.”\n\n"
      "The novel Lanterns appeared in 1962. “By then she was widely read,” the reviewer wrote.";
  EXPECT_EQ(SpeakerOf(t, "The bridge is safe"), "Department of Roads spokeswoman");
  EXPECT_EQ(SpeakerOf(t, "council must answer"), "Ivo Lark");
  EXPECT_EQ(QuoteWith(t, "council must answer")->kind, "indirect");
  EXPECT_EQ(SpeakerOf(t, "Everyone answers"), "Ivo Lark");
  EXPECT_EQ(SpeakerOf(t, "I was not at fault"), "Kai Moss");
  EXPECT_NE(SpeakerOf(t, "By then she was widely read"), "Lanterns");
}

TEST(Quotes, HeadlinesInCapitalsHoldNoCue) {
  std::string t = "RED STATES NOW OUTNUMBER BLUE STATES - Jeff Marsh: “Twenty states lean one way.”";
  EXPECT_EQ(SpeakerOf(t, "Twenty states lean"), "Jeff Marsh");
}

TEST(Quotes, AppositiveWithoutClosingComma) {
  std::string t = "Marc Olsen, a strategist at Monument Capital told Reuters that "
                  "\"rates will rise soon\".";
  EXPECT_EQ(SpeakerOf(t, "rates will rise soon"), "Marc Olsen");
}

TEST(Quotes, PronounMeansTheLastSentenceSubject) {
  std::string t =
      "“Prices will fall,” said Olga Petrova, an economist.\n\n"
      "Harbour Rovers chief executive Peter Kane has dismissed talk that Tom Reed will come back. "
      "“He is responding well,” he said.";
  EXPECT_EQ(SpeakerOf(t, "responding well"), "Peter Kane");
}

// A sentence opened by a possessive of someone named, or by a surname the
// text never gave in full, is about that person: "he" after it means them,
// not the last speaker.
TEST(Quotes, PronounMeansAPossessiveOrLoneSurnameSubject) {
  std::string possessive =
      "Senator Ben Carter spoke on Monday. “We are fine,” Carter said.\n\n"
      "“He invited us to talk,” the editor Steven Gold responded.\n\n"
      "Carter’s backing for the budget had strings attached. He may trim his own office costs, he said.";
  EXPECT_EQ(SpeakerOf(possessive, "He may trim his own office"), "Ben Carter");
  std::string titled =
      "Senator Ben Carter spoke on Monday. “We are fine,” Carter said.\n\n"
      "“He invited us to talk,” the editor Steven Gold responded.\n\n"
      "But Mr. Carter’s proudest moments were losses. He voted against the war, he said.";
  EXPECT_EQ(SpeakerOf(titled, "voted against the war"), "Ben Carter");
  std::string lone =
      "“We are fine,” Steven Gold said.\n\n"
      "Carter dodged the question and made no choice. “It will be one or the other,” he said.";
  EXPECT_EQ(SpeakerOf(lone, "one or the other"), "Carter");
  // A plural or a word the text also writes in lower case names no one.
  std::string plural =
      "“We are fine,” Steven Gold said.\n\n"
      "Voters dodged the question and many voters stayed home. “It will be one or the other,” he said.";
  EXPECT_EQ(SpeakerOf(plural, "one or the other"), "Steven Gold");
  // Nor does a common noun or a participle opening the sentence.
  std::string common =
      "“We are fine,” Steven Gold said.\n\n"
      "Interest has moved to the suburbs. Having worked there, he knows. “It will be one or the other,” he said.";
  EXPECT_EQ(SpeakerOf(common, "one or the other"), "Steven Gold");
  // The possessive leaves room for the person the sentence goes on to name.
  std::string aide =
      "Senator Ben Carter spoke on Monday. “We are fine,” Carter said.\n\n"
      "Carter’s chief aide, Tom Pratt, disagreed. “We need more time,” he said.";
  EXPECT_EQ(SpeakerOf(aide, "We need more time"), "Tom Pratt");
}

// People who share a surname are different people when their forenames or
// gendered titles differ.
TEST(Quotes, SharedSurnamesWithOtherForenamesOrTitlesAreOtherPeople) {
  std::string couple =
      "Tom Ebel and his wife, Rita Ebel, came to the rally. “We love it,” Rita Ebel said.\n\n"
      "“I came for the food,” Tom Ebel said.";
  EXPECT_EQ(SpeakerOf(couple, "We love it"), "Rita Ebel");
  EXPECT_EQ(SpeakerOf(couple, "I came for the food"), "Tom Ebel");
  std::string titles =
      "President Bill Hart shook hands with each guest. “Thanks for coming,” Mr. Hart told Jim Roe.\n\n"
      "“It felt good,” Mr. Roe said. But Mrs. Hart, who was busy, was cold. “There was some ice,” he said.";
  EXPECT_EQ(SpeakerOf(titles, "There was some ice"), "Jim Roe");
  // A forename's guessed gender does not split "Mr Varma" from "Mahesha Varma".
  std::string guessed =
      "Mahesha Varma, the trade minister, spoke in Delhi. “We are still talking,” Mr Varma said.\n\n"
      "“Talks go on,” Tom Vale said. Varma disagreed. “It may take a year,” he said.";
  EXPECT_EQ(SpeakerOf(guessed, "We are still talking"), "Mahesha Varma");
  EXPECT_EQ(SpeakerOf(guessed, "It may take a year"), "Mahesha Varma");
}

// A statement, a poll or a survey carries words but does not speak: the one
// who issued the statement speaks, and a poll's findings are the poll's.
TEST(Quotes, DocumentsAndPollsAreNotPeople) {
  std::string statement =
      "“This is simple,” said Tom Vale in a statement.\n\n"
      "Lakeside Trust president Ana Ruiz issued a statement saying the plan “has no place in our town.”";
  EXPECT_EQ(SpeakerOf(statement, "has no place in our town"), "Ana Ruiz");
  std::string poll =
      "A new Harbor Times poll found the mayor well ahead.\n\n"
      "“We will win,” said Tom Vale, a campaign aide.\n\n"
      "According to the same poll, the mayor's approval among women fell to 40 percent.";
  EXPECT_EQ(SpeakerOf(poll, "approval among women"), "Harbor Times poll");
  std::string unnamed_first =
      "The race is tied, according to a new poll.\n\n"
      "The Harbor poll shows the mayor ahead among the young.\n\n"
      "According to the poll, the mayor leads among voters under thirty.";
  EXPECT_EQ(SpeakerOf(unnamed_first, "leads among voters under thirty"), "Harbor poll");
  std::string by =
      "“Costs will rise,” said Tom Vale, the minister.\n\n"
      "A report by the Lakeside Audit Board found waste.\n\n"
      "According to the report, the project ran two years late.";
  EXPECT_EQ(SpeakerOf(by, "ran two years late"), "Lakeside Audit Board report");
  std::string organisation =
      "“Rates must rise,” said Tom Vale, a trader.\n\n"
      "The Varnex fund also said that growth would slow. “The team stands ready to help,” said the report.";
  EXPECT_EQ(SpeakerOf(organisation, "stands ready to help"), "Varnex");
}

// "it was said that …" and "he was told …" name no speaker.
TEST(Quotes, PassiveSpeechVerbsNameNoSpeaker) {
  std::string t =
      "A new Harbor Times poll found the mayor well ahead.\n\n"
      "Back when it was said that the ferry line would never turn a profit, Tom Vale bought "
      "it anyway.";
  auto q = QuoteWith(t, "would never turn a profit");
  EXPECT_TRUE(!q || q->speaker.empty()) << q->speaker;
}

// A dateline ("RIVER FALLS, Calif. —") is a place, not the sentence's subject.
TEST(Quotes, DatelinesAreNoOne) {
  std::string t =
      "Voters doubt the plan.\n\n"
      "RIVER FALLS, Calif. — Standing on a hay bale before a crowd of farmers, Jane Moss promised cheaper water.\n\n"
      "A Moss administration, she said, would fix the canals within four years.";
  EXPECT_EQ(SpeakerOf(t, "A Moss administration"), "Jane Moss");
}

// "handed leaflets by an organizer. “…,” the organizer told them": someone new, unnamed,
// not the last person quoted.
TEST(Quotes, ADescriptionOfSomeoneJustBroughtInIsThem) {
  std::string t =
      "“She is honest,” Tom Vale said of his friend.\n\n"
      "Jim Roe and his wife were handed leaflets by an organizer at the library door.\n\n"
      "“Knock on every door on your street,” the organizer told them.";
  EXPECT_EQ(SpeakerOf(t, "Knock on every door"), "organizer");
}

// After "say", a name with its own verb is the reported clause's subject,
// and a description after "While" is the sentence's: "she" or "he" means them.
TEST(Quotes, SubjectsOfReportedClausesAndSubordinateClauses) {
  std::string clause =
      "“They know their partners,” said Rosa Lind, a professor.\n\n"
      "Besides childcare, aides say Mirela Holt also advises the firm on hiring. "
      "“Nobody here is hired for a surname,” she said at the meeting.";
  EXPECT_EQ(SpeakerOf(clause, "Nobody here is hired"), "Mirela Holt");
  std::string donor =
      "Top party donor Saul Brenner had lunch with Tom Vale on Friday.\n\n"
      "While the big donor would not name a sum, he did say Vale was “sharp and funny.”";
  EXPECT_EQ(SpeakerOf(donor, "sharp and funny"), "Saul Brenner");
}

// A whole-sentence quote with no cue at all, right after a sentence about a
// named person, is theirs; not when a cue follows it that names no one, nor
// when it goes on from another quote of the paragraph.
TEST(Quotes, AnUncuedQuoteAfterASentenceAboutSomeoneIsTheirs) {
  std::string t =
      "Committee chair Dora Finch has long opposed the weaker rules.\n\n"
      "“The committee sees no merit in any of these objections.” Judges may disagree.";
  EXPECT_EQ(SpeakerOf(t, "committee sees no merit"), "Dora Finch");
  std::string cued =
      "Shooting of Harbor Lights, starring Dora Finch, has been pushed back a year. “We cannot start "
      "until the money is in place,” said Harbor Lights's producer.";
  EXPECT_NE(SpeakerOf(cued, "We cannot start"), "Dora Finch");
}

// A colon lead-in whose clause has its subject and verb after other words
// ("But back in her own district, Rita Cole repeated …:"), a speech
// participle ("with Tom Vale shouting:") and "one person tweeted" are cues.
TEST(Quotes, LongColonLeadInsSpeechParticiplesAndOnePerson) {
  std::string t =
      "“We are fine,” Steven Gold said of the plan.\n\n"
      "But back in her own district, Rita Cole repeated her usual pitch in front of the hall: "
      "“Every family here will pay less for water.”\n\n"
      "At one meeting, a steward shoved a heckler, with Tom Vale reportedly shouting: "
      "“Take him outside and keep him there!”\n\n"
      "Online, people mocked the mayor's blank stare. “Somebody check the mayor's batteries!” "
      "one person tweeted.";
  EXPECT_EQ(SpeakerOf(t, "pay less for water"), "Rita Cole");
  EXPECT_EQ(SpeakerOf(t, "Take him outside"), "Tom Vale");
  EXPECT_EQ(SpeakerOf(t, "check the mayor's batteries"), "person");
}

TEST(Quotes, NounsAfterDeterminersAreNotSpeechAndShortWordsEndSentences) {
  // "claims" after "of" is a noun; "up." ends its sentence.
  std::string t =
      "Tom Reed, a manager, spoke first.\n\n"
      "By March a heap of claims was stacking up. Inspectors judged the new portal "
      "“far from fit for families”.";
  EXPECT_NE(SpeakerOf(t, "far from fit"), "heap");
  EXPECT_NE(SpeakerOf(t, "far from fit"), "Tom Reed");
}

TEST(Quotes, ThingsNamedAfterTheAreNotHeOrShe) {
  std::string t =
      "Vera Lind has praised the crews for their quick work after the storm.\n\n"
      "Roads were closed across the valley for most of the week, and many homes went without "
      "power for days. Schools stayed shut while engineers checked bridges, and volunteers "
      "handed out blankets, food and water to families who had left their homes. Some towns "
      "are still waiting for their water supply to be restored, and the bill is expected to "
      "run to many millions.\n\n"
      "The Western Grid Executive has sent staff to help.\n\n"
      "But she said the valley would “bounce back stronger” in time.";
  EXPECT_EQ(SpeakerOf(t, "bounce back stronger"), "Vera Lind");
}

TEST(Quotes, PronounAfterADescribedSubjectMeansTheRoleHolder) {
  std::string t =
      "Home Secretary Paul Dent faced questions on Monday. Shadow home secretary Ian Moor "
      "welcomed the review. Mr Moor spoke to reporters.\n\n"
      "The home secretary has admitted taking the free flights was an error. He called it "
      "“a lapse of judgement” and promised to pay the airline back.";
  EXPECT_EQ(SpeakerOf(t, "a lapse of judgement"), "Paul Dent");
}

TEST(Quotes, SpokespeopleForNamedOrganisations) {
  std::string t =
      "Ann Cole filed the complaint on Monday.\n\n"
      "A spokeswoman for the Lakeside Harbour Trust said it was examining the complaint. "
      "“We are looking into it,” she said.\n\n"
      "“It takes time,” said the spokeswoman.";
  EXPECT_EQ(SpeakerOf(t, "We are looking into it"), "Lakeside Harbour Trust spokeswoman");
  EXPECT_EQ(SpeakerOf(t, "It takes time"), "Lakeside Harbour Trust spokeswoman");
}

TEST(Quotes, SubjectsBehindPronounsRolesAndTrailingCues) {
  // A sentence that opens with a pronoun has its subject; a name in an
  // appositive after it is an object.
  std::string t1 =
      "Actress Dana Wells won the award. She praised the pilot she portrayed, Kate Lowe, for "
      "her patience. “I hope I did you justice,” she said.";
  EXPECT_EQ(SpeakerOf(t1, "I hope I did you justice"), "Dana Wells");
  // "Lakeside Rovers director of sport Ivan Petrov": the person, not the club.
  std::string t2 =
      "Sam Ford spoke first. Lakeside Rovers director of sport Ivan Petrov praised the fans. "
      "“They were an example to everyone,” he said.";
  EXPECT_EQ(SpeakerOf(t2, "They were an example"), "Ivan Petrov");
  // "…, Mr Hale admitted." names the sentence's speaker.
  std::string t3 =
      "Rob Hale and Tim Sands run the label. The ban was a blow to the trade, Mr Hale "
      "admitted. “If stars cannot tour, albums do not sell,” he said.";
  EXPECT_EQ(SpeakerOf(t3, "If stars cannot tour"), "Rob Hale");
  // "… as Mr Sands believed." compares; it does not make Sands the subject.
  std::string t5 =
      "Rob Hale and Tim Sands run the label. Mr Hale said the loss was not as “grave” as "
      "Mr Sands believed. “We will recover,” he said.";
  EXPECT_EQ(SpeakerOf(t5, "We will recover"), "Rob Hale");
  // "showed the prime minister and Mr Cope": no role for Mr Cope.
  std::string t4 =
      "Prime Minister Ian Bell spoke on Monday. A cartoon showed the prime minister and "
      "Mr Joe Cope. The prime minister is keen to calm the row. He said he wanted "
      "“a fair wage for every worker”.";
  EXPECT_EQ(SpeakerOf(t4, "a fair wage"), "Ian Bell");
}

TEST(Quotes, PronounsDescriptionsAndSurnamesResolve) {
  std::string t =
      "Economist Sarah Klein, head of research at the Northern Bank, spoke to reporters.\n\n"
      "“Rates will fall next year,” she said.\n\n"
      "“Inflation is the real danger,” the economist warned.\n\n"
      "Mr Peter Grant disagreed. “That is nonsense,” Grant told reporters.\n\n"
      "“We will see in spring,” he added.";
  EXPECT_EQ(SpeakerOf(t, "Rates will fall"), "Sarah Klein");
  EXPECT_EQ(SpeakerOf(t, "Inflation is the real danger"), "Sarah Klein");
  EXPECT_EQ(SpeakerOf(t, "That is nonsense"), "Peter Grant");
  EXPECT_EQ(SpeakerOf(t, "We will see in spring"), "Peter Grant");
}

TEST(Quotes, MultiParagraphQuotesTakeTheClosingCue) {
  // News convention: each paragraph reopens the quote without closing it.
  std::string reopened =
      "“The first paragraph of a long statement goes here.\n\n"
      "“The second paragraph continues the statement,” said Jonas Weber.";
  EXPECT_EQ(SpeakerOf(reopened, "first paragraph"), "Jonas Weber");
  // No reopening mark: the quote runs on to its closing mark.
  std::string run_on =
      "Karin Holm spoke first.\n\n"
      "“The first paragraph of her view.\n\n"
      "A middle paragraph with no marks at all.\n\n"
      "And the end of it,” Karin Holm concluded.";
  auto q = QuoteWith(run_on, "middle paragraph");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->speaker, "Karin Holm");
  EXPECT_EQ(SpeakerOf(run_on, "first paragraph of her view"), "Karin Holm");
}

TEST(Quotes, UnclosedSentenceReopenedWithinAParagraph) {
  // The first sentence's closing mark is missing; the next opens anew.
  std::string t =
      "\"We played badly today. \"They deserved to win the match,\" said Ann Lee. "
      "Her rival Kim Dahl agreed.";
  EXPECT_EQ(SpeakerOf(t, "We played badly today"), "Ann Lee");
  EXPECT_EQ(SpeakerOf(t, "They deserved to win"), "Ann Lee");
}

TEST(Quotes, LeadInsAndSignatureLines) {
  std::string t =
      "Sam Lau, the party's spokesman, said in a statement.\n\n"
      "“Every ballot has been counted twice.”\n\n"
      "Then Rita Cole turned to the crowd:\n\n"
      "“We will win this state.”\n\n"
      "The fact-checkers looked at this claim.\n\n"
      "“Rents on the island have doubled in ten years.”\n\n"
      "- Marta Quell.";
  EXPECT_EQ(SpeakerOf(t, "counted twice"), "Sam Lau");
  EXPECT_EQ(SpeakerOf(t, "We will win this state"), "Rita Cole");
  EXPECT_EQ(SpeakerOf(t, "Rents on the island"), "Marta Quell");
}

TEST(Quotes, ItMeansAnOrganisation) {
  std::string t =
      "Tom Berg, a trader, watched the shares fall. The Northwind Bank issued a warning. "
      "\"Profits will be lower this year,\" it said.";
  auto q = QuoteWith(t, "Profits will be lower");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->speaker, "Northwind Bank");
}

TEST(Quotes, ContinuationParagraphBelongsToThePreviousSpeaker) {
  std::string t =
      "“The plan is sound,” said Ruth Adler, a planner.\n\n"
      "“It will work if we fund it.”\n\n"
      "The council meets on Friday.";
  EXPECT_EQ(SpeakerOf(t, "It will work if we fund it"), "Ruth Adler");
}

TEST(Quotes, UnbalancedMarkRecoversAtParagraphEnd) {
  std::string t =
      "“This quote never closes, said nobody in particular\n\n"
      "The next paragraph is narration about the weather today.\n\n"
      "“A proper quote here,” said Omar Said.";
  EXPECT_EQ(SpeakerOf(t, "A proper quote here"), "Omar Said");
  auto narration = QuoteWith(t, "weather today");
  EXPECT_FALSE(narration) << "narration must not become a quote";
}

TEST(Quotes, NestedQuotesBelongToWhomTheSpeakerQuotes) {
  std::string t =
      "“We sat down in Oslo. ‘A pause and nothing more,’ Kessel put it. I fear the pause will not last,” "
      "said Oleg Marin.";
  EXPECT_EQ(SpeakerOf(t, "I fear the pause"), "Oleg Marin");
  EXPECT_EQ(SpeakerOf(t, "A pause and nothing more"), "Kessel");
}

TEST(Quotes, PartialQuotesAndScareQuotes) {
  std::string t =
      "Mayor Ella Stone described the budget as \"a fair deal for both sides\" on Tuesday.\n\n"
      "Critics call the plan a \"rock-solid\" promise.\n\n"
      "The show \"Saturday Night Live\" aired.";
  auto partial = QuoteWith(t, "a fair deal for both sides");
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->speaker, "Ella Stone");
  EXPECT_EQ(partial->kind, "partial");
  EXPECT_FALSE(QuoteWith(t, "rock-solid"));
  EXPECT_FALSE(QuoteWith(t, "Saturday Night Live"));
}

TEST(Quotes, ApostrophesAreNotQuoteMarks) {
  std::string t = "The minister’s aide didn't say. Sam O'Neill said: “It’s the parents’ choice.”";
  auto q = QuoteWith(t, "parents");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->speaker, "Sam O'Neill");
  EXPECT_FALSE(QuoteWith(t, "s aide"));
}

TEST(Quotes, IndirectSpeech) {
  std::string t =
      "Helen Park, a senior adviser, said that the talks had stalled.\n\n"
      "According to her, the deadline will be missed.\n\n"
      "The deal is dead for now, she added.";
  EXPECT_EQ(KindAndSpeakerOf(t, "the talks had stalled"), "indirect: Helen Park");
  EXPECT_EQ(SpeakerOf(t, "the deadline will be missed"), "Helen Park");
  EXPECT_EQ(SpeakerOf(t, "The deal is dead for now"), "Helen Park");
}

// "Hale said Ruritania would cut …", "said 40 jobs would go": with no
// "that", a clause is told from an object by a finite verb after a short
// subject; "claimed the title in 2004" has none.
TEST(Quotes, ReportedClauseWithoutThatHasAFiniteVerb) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Mr Hale said Ruritania would cut tariffs on steel by half next year.\n\n"
      "Hale said 40 jobs would go at the plant.\n\n"
      "Hale added exports were falling fast.\n\n"
      "Hale claimed victory in the vote on Tuesday.\n\n"
      "Hale said goodbye to the workers who were leaving.\n\n"
      "Hale is ahead of Berg on the islands - 55 percent of islanders said Berg would lose.\n\n"
      "Hale wins the voters who care most about ferries, while Berg leads among voters who say harbour fees are too high.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Ruritania would cut tariffs"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "40 jobs would go"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "exports were falling"), "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "victory in the vote"));
  EXPECT_FALSE(QuoteWith(t, "goodbye to the workers"));
  EXPECT_FALSE(QuoteWith(t, "Berg would lose"));  // the voters said it, not Hale
  EXPECT_FALSE(QuoteWith(t, "harbour fees are too high"));
}

// A short adverbial, or the listener, may stand between the verb and
// "that"; a relative "that" is no clause of speech.
TEST(Quotes, ReportedClauseAfterAnAdverbial) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Hale warned last week that the harbour deal could collapse.\n\n"
      "Anna Berg said in a speech on Tuesday that ferry fares would rise.\n\n"
      "Berg told a packed meeting of dockers that their jobs were safe.\n\n"
      "Hale said in a statement that was read to the press nothing new.";
  EXPECT_EQ(KindAndSpeakerOf(t, "harbour deal could collapse"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "ferry fares would rise"), "Anna Berg");
  EXPECT_EQ(SpeakerOf(t, "their jobs were safe"), "Anna Berg");
  EXPECT_FALSE(QuoteWith(t, "read to the press"));
}

// "…, Tom Hale has said.": a cue after its clause may have auxiliaries
// between the speaker and the verb.
TEST(Quotes, ReportedClauseBeforeASpeakerWithAuxiliaries) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Taxes on ferry tickets will rise under the plan, Tom Hale has said.\n\n"
      "The harbour vote was rigged, Hale had claimed.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Taxes on ferry tickets will rise"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "harbour vote was rigged"), "Tom Hale");
}

// "The commission said fees would rise": a definite description of the
// kind of body the article named speaks for it; "the company", which fits
// any business, does not.
TEST(Quotes, ReportedClauseOfADescribedOrganisation) {
  std::string t =
      "The Ruritanian Fisheries Commission said on Monday that cod quotas would be cut.\n\n"
      "Tom Hale, a trawler owner, was angry.\n\n"
      "The commission said trawler fees would rise next year.\n\n"
      "Vellish Widgets Ltd said it would close a plant.\n\n"
      "The company said profits had doubled in the last quarter.";
  EXPECT_EQ(KindAndSpeakerOf(t, "trawler fees would rise"), "indirect: Ruritanian Fisheries Commission");
  EXPECT_FALSE(QuoteWith(t, "profits had doubled"));
}

// More verbs report a clause without "that" when a finite verb follows
// its subject; with an object alone they report nothing.
TEST(Quotes, MoreVerbsReportAClauseWithAFiniteVerb) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Hale denied the harbour accounts were false.\n\n"
      "Hale announced ferry fares would be frozen until June.\n\n"
      "Hale denied the charges in court.";
  EXPECT_EQ(KindAndSpeakerOf(t, "harbour accounts were false"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "ferry fares would be frozen"), "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "charges in court"));
}

// ", saying …", ", telling members that …": a participle after a comma
// reports for the subject that opens the sentence.
TEST(Quotes, ParticipleReportsForTheSentenceSubject) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Anna Berg hit back at the minister, saying his harbour plan would fail.\n\n"
      "Hale wrote to the dockers, telling them that their jobs were safe.\n\n"
      "Hale toured the port, warning the public of delays.";
  EXPECT_EQ(KindAndSpeakerOf(t, "harbour plan would fail"), "indirect: Anna Berg");
  EXPECT_EQ(SpeakerOf(t, "their jobs were safe"), "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "public of delays"));
}

// "The plan, Hale says, will fail": a cue inside its sentence reports the
// whole sentence, not the words before it.
TEST(Quotes, ParentheticalCueReportsTheWholeSentence) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "The harbour plan, Hale says, will fail within a year.\n\n"
      "At one point, he said, the old ferry almost sank.";
  EXPECT_EQ(KindAndSpeakerOf(t, "will fail within a year"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "the old ferry almost sank"), "Tom Hale");
}

// A time adverbial or, after "told", the listener may stand between the
// verb and a clause without "that".
TEST(Quotes, ReportedClauseAfterATimeOrAListener) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Hale said on Tuesday he would resign.\n\n"
      "Hale told reporters the ferry port would close.\n\n"
      "Anna Berg told the Dover Gazette the harbour deal was dead.\n\n"
      "Hale told the crowd to go home.";
  EXPECT_EQ(KindAndSpeakerOf(t, "he would resign"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "the ferry port would close"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "the harbour deal was dead"), "Anna Berg");
  EXPECT_FALSE(QuoteWith(t, "to go home"));
}

// "…, Berg argued on Tuesday.": a named cue after its clause may end with an
// adverbial; a description with a verb of its own is no cue.
TEST(Quotes, NamedCueAfterItsClauseMayEndWithAnAdverbial) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday. Anna Berg runs the port.\n\n"
      "The harbour must be kept open all winter, Berg argued on Tuesday.\n\n"
      "The plan will cost far too much money, Hale said in a speech.\n\n"
      "His brother once sailed round the world alone, a feat he mentions in nearly every interview.";
  EXPECT_EQ(KindAndSpeakerOf(t, "kept open all winter"), "indirect: Anna Berg");
  EXPECT_EQ(SpeakerOf(t, "cost far too much money"), "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "sailed round the world"));
}

// "…, said port authority chief Anna Berg.": lower-case role words may
// stand between an inverted verb and the name.
TEST(Quotes, InvertedCueWithARoleBeforeTheName) {
  std::string t =
      "Tom Hale spoke in Dover on Monday.\n\n"
      "The ferry deal will create 200 jobs, said port authority chief Anna Berg.";
  EXPECT_EQ(KindAndSpeakerOf(t, "will create 200 jobs"), "indirect: Anna Berg");
}

// "Hale's campaign said …": the body speaks, named as "the Hale campaign".
TEST(Quotes, PossessiveBodyReportsAClause) {
  std::string t =
      "Tom Hale is running for governor of Ruritania.\n\n"
      "Hale's campaign said that the harbour poll was wrong.\n\n"
      "Rival Anna Berg's campaign says the ferry vote is rigged.";
  EXPECT_EQ(KindAndSpeakerOf(t, "harbour poll was wrong"), "indirect: Hale campaign");
  EXPECT_EQ(SpeakerOf(t, "ferry vote is rigged"), "Anna Berg campaign");
}

// "… reported a rise in profits and said sales would slow": a second verb
// shares the subject; a group's ("Other former officers … and said") is no
// one's to name.
TEST(Quotes, SecondVerbReportsForTheFirstSubject) {
  std::string t =
      "Vellish Widgets Ltd reported a rise in profits and said ferry sales would slow next year.\n\n"
      "Other former Ruritanian Navy officers chafed at the plan and said harbour fees were too high.";
  EXPECT_EQ(KindAndSpeakerOf(t, "ferry sales would slow"), "indirect: Vellish Widgets Ltd");
  EXPECT_FALSE(QuoteWith(t, "harbour fees were too high"));
}

// A clause whose subject opens like a noun phrase may have a longer subject
// with prepositions in it; a bare day may stand before the clause.
TEST(Quotes, LongerNounSubjectsAndBareDays) {
  std::string t =
      "Tom Hale, the Ruritanian trade minister, spoke in Dover on Monday.\n\n"
      "Hale said Ruritania's plans for the harbour in Dover would fail.\n\n"
      "Hale said Tuesday he would resign.\n\n"
      "Hale said goodbye to the dockers in the yard who were leaving.\n\n"
      "A docker who accused Hale of lying said Friday that the port was unsafe.";
  EXPECT_EQ(KindAndSpeakerOf(t, "plans for the harbour in Dover would fail"), "indirect: Tom Hale");
  auto b = QuoteWith(t, "would resign");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->speaker, "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "Tuesday he would resign"));
  EXPECT_FALSE(QuoteWith(t, "goodbye to the dockers"));
  EXPECT_FALSE(QuoteWith(t, "the port was unsafe"));  // the docker said it, not Hale
}

// The new clause paths take "he" and "she" but not "it" or "they", which
// the resolver often gives to the wrong body.
TEST(Quotes, NewClausePathsLeaveItAndTheyAlone) {
  std::string t =
      "Vellish Widgets Ltd wants to buy the Dover Harbour Company.\n\n"
      "Ruritania Life Group is the latest shareholder to worry about the bid. It said harbour fees had to fall.\n\n"
      "Anna Berg met the harbour board on Monday. They said ferry fares would have to rise.\n\n"
      "Tom Hale spoke in Dover. He said on Tuesday he would resign.";
  EXPECT_FALSE(QuoteWith(t, "harbour fees had to fall"));
  EXPECT_FALSE(QuoteWith(t, "ferry fares would have to rise"));
  EXPECT_EQ(SpeakerOf(t, "he would resign"), "Tom Hale");
}

// Reported speech needs a subject: a name, or an unnamed group ("Analysts",
// "some regional officials"), which speaks as that group and is no one
// named before; "said this at a dinner" reports nothing.
TEST(Quotes, ReportedSpeechNeedsSomeoneToName) {
  std::string t =
      "Analysts warned that voluntary targets had been missed many times before.\n\n"
      "Some regional officials warn that the future of the canal could decide the election.\n\n"
      "Dora Winter spoke in Oslo. She said this at a dinner with envoys on Sunday.\n\n"
      "Envoys flew to Velmar on Monday. Velmar insists that the deal must be signed by June.\n\n"
      "Hiring slowed in May. But economists say that the figures hide a stronger trend. A Harbor poll of Dale voters "
      "has found that most want a new bridge.";
  EXPECT_EQ(KindAndSpeakerOf(t, "voluntary targets"), "indirect: analysts");
  EXPECT_EQ(KindAndSpeakerOf(t, "future of the canal"), "indirect: some regional officials");
  EXPECT_EQ(KindAndSpeakerOf(t, "the figures hide a stronger trend"), "indirect: economists");
  EXPECT_NE(SpeakerOf(t, "most want a new bridge"), "voters");
  EXPECT_FALSE(QuoteWith(t, "at a dinner"));
  EXPECT_EQ(SpeakerOf(t, "must be signed by June"), "Velmar");
}

TEST(Quotes, SpansPointAtTheQuotedWords) {
  std::string t = "“Exactly these words,” said Ida Berg.";
  std::vector<Quote> qs = ExtractQuotes(t);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(t.substr(qs[0].start, qs[0].end - qs[0].start), "Exactly these words,");
  EXPECT_EQ(qs[0].speaker_mention, "Ida Berg");
}

// Found by fuzz/quotes_fuzz.cc: "Ѧ" folds to no letter and a 70-letter word
// is longer than any indexed term, so these speakers had an empty key —
// `speaker:` could not find them and the facet counted them under "". The
// quote stays, unattributed.
TEST(Quotes, EverySpeakerHasAKey) {
  for (const std::string& t :
       {std::string("Ѧ's“."), std::string("“We will win,” said Mr Ѧ."),
        "“We will win,” said Mr " + std::string(70, 'Q') + "."}) {
    std::vector<Quote> qs = ExtractQuotes(t);
    ASSERT_EQ(qs.size(), 1u) << t;
    EXPECT_EQ(qs[0].speaker, "") << t;
  }
  std::vector<Quote> named = ExtractQuotes("“We will win,” said Mr Berg.");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(SpeakerKey(named[0].speaker), "berg");
}

// Found by fuzz/quotes_fuzz.cc: marks around nothing but white space made
// a quote whose text, stripped, was empty.
TEST(Quotes, MarksAroundOnlySpaceQuoteNothing) {
  for (const char* t : {"“ ”he told", "“\u2009\u00A0”, she said.", "\" \" said Ida Berg."}) {
    EXPECT_TRUE(ExtractQuotes(t).empty()) << t;
  }
  EXPECT_EQ(ExtractQuotes("“ We will not give up, ” said Ida Berg.").size(), 1u);
}

// "the Hale campaign", "the Ruritanian government": a body named after a
// person or a country is neither the person nor an adjective.
TEST(Quotes, BodiesNamedAfterSomeoneKeepTheirNoun) {
  std::string t =
      "Senator Tom Hale spoke in Dover on Monday.\n\n"
      "\u201CWe will take this to court,\u201D the Hale campaign said in a statement.\n\n"
      "\u201COur lawyers are ready,\u201D the campaign added.\n\n"
      "\u201CThe border stays open,\u201D the Ruritanian government said.";
  EXPECT_EQ(SpeakerOf(t, "take this to court"), "Hale campaign");
  EXPECT_EQ(SpeakerOf(t, "lawyers are ready"), "Hale campaign");
  EXPECT_EQ(SpeakerOf(t, "border stays open"), "Ruritanian government");
  // Two bodies of one kind stay two.
  std::string two =
      "Tom Hale and Anna Berg are rivals.\n\n"
      "\u201CWe will win,\u201D the Hale campaign said.\n\n"
      "\u201CNo, we will,\u201D the Berg campaign said.\n\n"
      "\u201CThe Ruritanian people agree,\u201D the Ruritanian government said.\n\n"
      "\u201CThe Vellish people do not,\u201D the Vellish government said.";
  EXPECT_EQ(SpeakerOf(two, "we will,"), "Berg campaign");
  EXPECT_EQ(SpeakerOf(two, "do not"), "Vellish government");
}

// "the organization wrote" with no organisation so named: the one last named.
TEST(Quotes, TheOrganizationMeansTheOneLastNamed) {
  std::string t =
      "Tom Hale put his old boat up for sale online.\n\n"
      "Northern Widget Group said on Friday that it had removed the listing.\n\n"
      "\u201CThis sale does not serve our members or our mission,\u201D the organization wrote.";
  EXPECT_EQ(SpeakerOf(t, "does not serve our members"), "Northern Widget Group");
}

// "Since opening his office, Hale has taken …": the subject after a fronted
// clause is whom the next pronoun means.
TEST(Quotes, SubjectAfterAFrontedClause) {
  std::string t =
      "Tom Hale wants a wall. Former president Piet Berg does not.\n\n"
      "\u201CIt is a foolish idea,\u201D Berg told the paper.\n\n"
      "Since opening his Green Valley office, Hale has taken a hard line on the border.\n\n"
      "\u201CWe will close it and keep it closed,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "keep it closed"), "Tom Hale");
}

// "He thought that … to help President Berg, and that the result, as he
// later explained, …": the repeated pronoun is the sentence's first.
TEST(Quotes, APronounRepeatedInItsSentenceKeepsItsPerson) {
  std::string t =
      "Tom Hale spoke to reporters in Dover.\n\n"
      "\u201CThis is about politics,\u201D he said.\n\n"
      "In short, he believed that the board held fares down to please Governor Piet Berg, "
      "and that the outcome, as he put it weeks later, was a \u201Cslow bleed of the ferry fund.\u201D";
  EXPECT_EQ(SpeakerOf(t, "slow bleed of the ferry fund"), "Tom Hale");
}

// Less common speech verbs are cues too: "“…,” he asserted" is not a
// follow-on of whoever spoke last.
TEST(Quotes, LessCommonSpeechVerbsAreCues) {
  std::string t =
      "Council member Tom Hale spoke on Monday.\n\n"
      "That speech mirrored the one he gave his colleagues, according to an aide familiar with it.\n\n"
      "Hale has told other members that he will not block the budget.\n\n"
      "\u201CLet me be very clear, the budget is safe with me,\u201D he asserted to reporters.\n\n"
      "\u201CWe keep our word,\u201D Ana Ruiz affirmed.";
  EXPECT_EQ(SpeakerOf(t, "budget is safe"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "keep our word"), "Ana Ruiz");
}

// "the lawsuit says" paragraphs after the last speaker: whoever the
// sentence that named the lawsuit names, else the document itself.
TEST(Quotes, DocumentsAreTheirIssuersNotTheLastSpeaker) {
  std::string t =
      "Tom Hale, the mayor, spoke on Monday.\n\n"
      "\u201CWe will fight this,\u201D Hale said.\n\n"
      "The Green Valley Association filed a lawsuit against the city on Friday.\n\n"
      "The city has until May to answer it.\n\n"
      "\u201CThe city broke its own rules,\u201D the lawsuit says.\n\n"
      "A letter reached city hall on Tuesday. Nobody has replied.\n\n"
      "The council meets next week.\n\n"
      "\u201CWe expect an answer soon,\u201D the letter said.";
  EXPECT_EQ(SpeakerOf(t, "broke its own rules"), "Green Valley Association");
  EXPECT_EQ(SpeakerOf(t, "expect an answer soon"), "letter");
}

// "Speaking in Salem, New Ruritania, Hale said": the second part of a
// place is no one, and the subject follows the clause's last comma.
TEST(Quotes, PlacesAfterACommaAreNotPeople) {
  std::string t =
      "Tom Hale and Anna Berg campaigned on Monday.\n\n"
      "Speaking at a fair in Dover, New Ruritania, Hale attacked his rival.\n\n"
      "\u201CShe has no plan at all,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "no plan at all"), "Tom Hale");
}

// "recalling summer holidays at Lake Vell": a place after a preposition is
// not someone a later "she" can mean.
TEST(Quotes, PlacesAfterPrepositionsAreNotPeople) {
  const std::string filler =
      "The mill closed in 1990 and the town has shrunk a great deal since then, with many of the shops on "
      "the main street now empty and the old station turned into a cafe that opens only in summer.\n\n";
  std::string t = "Senator Anna Berg came home on Friday.\n\n" + filler + filler + filler +
                  "She spoke warmly of the place, recalling summer holidays at Lake Vell and her first job.\n\n"
                  "She said her mother had worked nights at the mill for twenty years.";
  EXPECT_EQ(SpeakerOf(t, "her mother had worked nights"), "Anna Berg");
}

// "a rally in Port Ely" once makes "Port Ely voters" later a place too: a
// "he" after it means the candidate, not the town.
TEST(Quotes, ANameOnceWrittenAsAPlaceStaysOne) {
  std::string t =
      "Candidate Tom Hale spent the day at a diner in Port Ely, shaking hands.\n\n"
      "Port Ely backed Hale four years ago. \u201CWe are going to win this,\u201D he said.\n\n"
      "Later, in downtown Cape Varn, Jo Pratt spoke at a rally. \u201CI pretty much cried,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "going to win this"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "pretty much cried"), "Jo Pratt");
}

// "But Mr Hale had been “hurt” by it, he added": a pronoun cue closing
// what it reports never means someone named in it; a clause of its own
// before ("Though Mr Hale …") may name the speaker.
TEST(Quotes, APronounCueDoesNotMeanSomeoneNamedInWhatItReports) {
  std::string t =
      "Peter Lund said Tom Hale had been trying hard to win back voters. "
      "But Mr Hale had been \u201Churt\u201D by the scandal, he added.\n\n"
      "Later Tom Hale spoke to reporters. Though Mr Hale has lived in the city for years, the changes "
      "have left him \u201Cstunned\u201D, he said.";
  EXPECT_EQ(SpeakerOf(t, "hurt"), "Peter Lund");
  EXPECT_EQ(SpeakerOf(t, "stunned"), "Tom Hale");
}

// "A survey conducted by …" is a survey, which no "he" means; "the defence
// secretary meanwhile said" is described by "secretary", not "meanwhile".
TEST(Quotes, DescriptionsEndAtTheirHeadNoun) {
  std::string t =
      "A survey conducted by the Harbor Gazette has found that most commuters dislike the new ferry "
      "timetable. Things could soon get worse, thinks Tom Varga, editor of the Harbor Gazette. "
      "\u201CWe expect the complaints to grow,\u201D he said.\n\n"
      "Defence Secretary Jack Lund said the treaty was fair. Shadow minister Paul Dorn said: "
      "\u201CWe must renegotiate.\u201D The defence secretary meanwhile said the \u201Cspirit\u201D of the "
      "treaty still held.";
  EXPECT_EQ(SpeakerOf(t, "We expect the complaints"), "Tom Varga");
  EXPECT_EQ(SpeakerOf(t, "spirit"), "Jack Lund");
}

// "beaten by fellow Canadian Jo Pratt": a name after a preposition and
// words of role is its object, not the subject a later "he" means; "of"
// belongs to a role ("minister of sport Tom Lund").
TEST(Quotes, NamesAfterAPrepositionAndARoleAreObjects) {
  std::string t =
      "Sixteen-year-old Tom Lund made his debut on the tour on Monday.\n\n"
      "But the young qualifier was beaten by fellow Canadian Jo Pratt in three long sets. "
      "\u201CI learned a lot out there,\u201D he said.\n\n"
      "The ministry closed the stadium. Its minister of sport Eli Vance defended the move. "
      "\u201CAbuse has no place in our grounds,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "I learned a lot"), "Tom Lund");
  EXPECT_EQ(SpeakerOf(t, "no place in our grounds"), "Eli Vance");
}

// "Dane, a qualifier ranked 211th, … “…,” said the 19-year-old": a description no
// role names means the person just made a sentence's subject, not the
// speaker before; "the spokesman" is someone else again.
TEST(Quotes, ADescriptionMeansTheSubjectJustNamed) {
  std::string t =
      "Tom Lund beat Ivo Dane in the final on Sunday. \u201CIt keeps getting better,\u201D Lund said.\n\n"
      "Dane, a qualifier ranked 211th, had never won a match on clay. "
      "\u201CI will remember this week for a long time,\u201D said the 19-year-old.";
  EXPECT_EQ(SpeakerOf(t, "remember this week"), "Ivo Dane");
  std::string u =
      "Ann Vell spoke on Monday. \u201CIt was cruel,\u201D Ms Vell said.\n\n"
      "The veteran columnist said the Harbor Board had acted \u201Cwith open contempt\u201D throughout.";
  EXPECT_EQ(SpeakerOf(u, "with open contempt"), "Ann Vell");
}

// "the film, A Long Road, …": a capitalised title after "a" is a thing, as
// after "the"; no "he" means it.
TEST(Quotes, TitlesAfterAOrAnAreThings) {
  std::string t =
      "Singer Tom Lund was in Berlin on Friday.\n\n"
      "The film, A Long Road, follows his career from the 1980s. A Long Road opens next month. "
      "\u201CI have no plans to stop touring,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "no plans to stop touring"), "Tom Lund");
}

// "one trader said", "one former executive recalled": someone unnamed, as
// "a trader"; not "one quarter said".
TEST(Quotes, OneAndAPersonNounIsSomeoneUnnamed) {
  std::string t =
      "Shares in Harbor Estates fell sharply on Monday, and Tom Lund, the chief executive, declined to comment. "
      "\u201CThe price should be far higher,\u201D one trader said.";
  EXPECT_EQ(SpeakerOf(t, "The price should be far higher"), "trader");
}

// "Asked if Mr Lund could return, he replied": the question's subject is
// not who answers it.
TEST(Quotes, WhoeverAQuestionNamesDoesNotAnswerIt) {
  std::string t =
      "Prime Minister Tom Hale spoke to reporters on Monday about the report on Peter Lund.\n\n"
      "Asked if Mr Lund could return to government, he replied: \u201CThat is a question for another "
      "day.\u201D";
  EXPECT_EQ(SpeakerOf(t, "a question for another"), "Tom Hale");
}

// "Harbo said … The firm said": the body that just spoke, not an event
// named in between ("during the 2030 Winter Games").
TEST(Quotes, TheFirmIsTheBodyThatJustSpoke) {
  std::string t =
      "\u201COur new stores open in March,\u201D Harbo said. It expects trade to pick up during the "
      "2030 Winter Games. The firm said it was \u201Clooking at several sites abroad\u201D.";
  EXPECT_EQ(SpeakerOf(t, "looking at several sites"), "Harbo");
}

// "Harbour manager Orrin is slow to hand out praise": a surname after a
// lower-case role is someone a later "he" means.
TEST(Quotes, ASurnameAfterALowerCaseRoleIsSomeone) {
  std::string t =
      "\u201CWe have spoken with the player,\u201D Tom Lund told the club website.\n\n"
      "Harbour manager Orrin is slow to hand out praise. \u201CNobody is promised a shirt here,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "Nobody is promised a shirt"), "Orrin");
}

// "Drivers complained about the rotas. They also said …": "they" means the
// plural subject just before, not one person named ("Tom Lund") nor the
// subject of what someone said ("judges said inspectors were").
TEST(Quotes, TheyMeansThePluralSubjectJustBefore) {
  std::string t =
      "Tom Lund, the chief executive, spoke on Monday. \u201CWe need flexibility,\u201D he said.\n\n"
      "Drivers complained about the new rotas. They also said that the depot was hiring temps instead.\n\n"
      "Retired judges said inspectors were under strain. Move before the count, they said, and "
      "\u201Cthe public will smell politics\u201D.";
  EXPECT_EQ(SpeakerOf(t, "hiring temps instead"), "drivers");
  EXPECT_EQ(SpeakerOf(t, "the public will smell"), "retired judges");
}

// "Harlow & Penn", "QT&Z": an ampersand joins capitalised words into one
// name; no part of it speaks alone, and "QT&Z." still ends its sentence.
TEST(Quotes, AmpersandJoinsANameAndItsSentenceStillEnds) {
  std::string t =
      "\u201CRates will rise,\u201D Harlow & Penn said on Monday.\n\n"
      "Shares in QT&Z. The company's chief, Ada Lusk, said the merger would go ahead.\n\n"
      "The sketch duo Cole & Ann Reyes took the prize. \u201CIt was a shock,\u201D Reyes said.";
  EXPECT_EQ(SpeakerOf(t, "Rates will rise"), "Harlow & Penn");
  EXPECT_EQ(SpeakerOf(t, "It was a shock"), "Ann Reyes");
  EXPECT_EQ(SpeakerOf(t, "the merger would go ahead"), "Ada Lusk");
}

// Two full names that share a surname but whose first words differ are two
// people, even when no forename list knows either first word; a participle
// opening a sentence ("Following Fenwick …") is no first name.
TEST(Quotes, SameSurnameDifferentGivenNamesAreTwoPeople) {
  std::string t =
      "Dario Fenwick said his side had trained well all week. \u201CWe were ready for them,\u201D he said.\n\n"
      "Team captain Ulric Fenwick admitted the side had struggled after the break. \u201CWe made too many "
      "errors and they punished us,\u201D he said.\n\n"
      "Following Fenwick on the radio, the referee defended his decisions. \u201CI stand by every call,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "too many errors"), "Ulric Fenwick");
  EXPECT_EQ(SpeakerOf(t, "ready for them"), "Dario Fenwick");
  EXPECT_NE(SpeakerOf(t, "stand by every call"), "Following Fenwick");
}

// "her husband, Casimir Dunmore": a word of kinship genders a name no
// forename list knows, so "she" passes over him.
TEST(Quotes, KinshipWordGendersTheNameBesideIt) {
  std::string t =
      "Orsolya Vant runs a bakery in Eastbrook and has voted in every election since 1990. She and her "
      "husband, Casimir Dunmore, a retired pilot, once hosted fundraisers in their garden. \u201CThis year "
      "we are keeping our money and our garden to ourselves,\u201D she said.";
  EXPECT_EQ(SpeakerOf(t, "keeping our money"), "Orsolya Vant");
}

// "a fresh report from Marrow Coastal Research" is that body's report, not
// an unnamed "fresh report"; a statement or an email "from" someone is
// theirs; "a poll of Dale voters" names whom it asked, not who ran it.
TEST(Quotes, AFindingOrDocumentBySomeoneIsTheirs) {
  std::string t =
      "Sales of wooden boats rose by a third last year, according to a fresh report from Marrow Coastal "
      "Research.\n\n"
      "Pell Ostrander runs the last yard on the river. An email from Pell Ostrander said that the yard would "
      "stay open through the winter.\n\n"
      "A Brightwater poll of Dale voters has revealed that most want the old bridge rebuilt.\n\n"
      "A separate survey conducted by Vellum think-tank Ostia revealed that fewer people fish than ten years ago.";
  EXPECT_EQ(SpeakerOf(t, "Sales of wooden boats"), "Marrow Coastal Research report");
  EXPECT_EQ(SpeakerOf(t, "the yard would stay open"), "Pell Ostrander");
  EXPECT_EQ(SpeakerOf(t, "most want the old bridge"), "Brightwater poll");
  EXPECT_EQ(SpeakerOf(t, "fewer people fish"), "Ostia survey");
  // "a report Thursday from …", "a report last weekend from …": when, then who.
  std::string u =
      "Lina Sorvik hopes to run for harbour commissioner next spring, according to a report Thursday from "
      "the Dale Courier.\n\n"
      "Ferry bookings doubled over the holiday, according to a report last weekend from the Ferry Users Guild.";
  EXPECT_EQ(SpeakerOf(u, "run for harbour commissioner"), "Dale Courier report");
  EXPECT_EQ(SpeakerOf(u, "Ferry bookings doubled"), "Ferry Users Guild report");
}

// "she" means no capitalised run whose first word the text also writes in
// lower case (a title, a column's name), only someone a name could be.
TEST(Quotes, PronounPassesOverATitleThatStartsWithACommonWord) {
  std::string t =
      "Nia Okafor pulled out of a book fair in the capital.\n\n"
      "The novelist withdrew two days before the opening and has also postponed readings from her novel "
      "Winter Harbour and a new poetry collection; the winter programme carried on without her. She said: "
      "\u201CI hate letting readers down, but the doctors insisted.\u201D";
  EXPECT_EQ(SpeakerOf(t, "I hate letting readers down"), "Nia Okafor");
}

// "The same wave of doubt ran …": a description of no one is not the last
// speaker; a speaker the same sentence names still is ("Mr Vell says the
// count gave …").
TEST(Quotes, DescriptionOfNoOneIsNotTheLastSpeaker) {
  std::string t =
      "\u201CWe will carry the valley,\u201D said Mara Quist, the party's candidate.\n\n"
      "The same wave of doubt ran through a later item on the ferry tax, where 30 percent said "
      "\u201Cprobably not\u201D and 9 percent said \u201Cno chance at all\u201D.\n\n"
      "\u201CWe learned a lot,\u201D said Tom Vell, who chairs the rival club. At the dinner, Mr Vell says the "
      "count gave his club a \u201Crare opening\u201D that it let slip.";
  EXPECT_EQ(SpeakerOf(t, "probably not"), "");
  EXPECT_EQ(SpeakerOf(t, "rare opening"), "Tom Vell");
}

// "said the senior Vell adviser": one who speaks for others and whom no
// role named before is someone unnamed, not the last speaker; a
// spokesman introduced before ("a Harbor Trust spokesman") is the same one.
TEST(Quotes, UnnamedSpokesmanOrSourceIsNotTheLastSpeaker) {
  std::string t =
      "\u201CWe will fight on in every county,\u201D said Tom Vell, who leads the party.\n\n"
      "\u201CHe is tired and the staff know it,\u201D said the senior Vell adviser.\n\n"
      "\u201CThe bridge will reopen in May,\u201D a Harbor Trust spokesman said. \u201CThe repairs are "
      "going well,\u201D the spokesman added.";
  EXPECT_EQ(SpeakerOf(t, "tired and the staff"), "senior Vell adviser");
  EXPECT_EQ(SpeakerOf(t, "repairs are going well"), "Harbor Trust spokesman");
}

// "the harbour master's official spokesman": the description runs past the
// possessive to its head, someone unnamed, not the last speaker.
TEST(Quotes, PossessiveInsideADescriptionKeepsItsHead) {
  std::string t =
      "\u201CThe tide will turn,\u201D said Ada Rusk, who chairs the council.\n\n"
      "Pressed on the flooding, the harbour master's official spokesman said: \u201CThe sea wall needs "
      "raising before next winter.\u201D";
  EXPECT_EQ(SpeakerOf(t, "sea wall needs raising"), "harbour master's official spokesman");
}

// "The Bank of Dale said": a body's name runs past "of"; "the Bank" alone
// matched whichever bank the story named last, and so did "the bank".
TEST(Quotes, ABodysNameRunsPastOf) {
  std::string t =
      "Grain farmers borrowed more than ever this spring.\n\n"
      "The Bank of Dale said that loans to farms rose by a fifth in the first quarter. Some nine thousand "
      "new loans were signed, the bank said. Demand could ease in autumn, according to the Northfield "
      "Cooperative Bank.";
  EXPECT_EQ(SpeakerOf(t, "loans to farms rose"), "Bank of Dale");
  EXPECT_EQ(SpeakerOf(t, "nine thousand new loans"), "Bank of Dale");
}

// "…, the critic Tom Vole, who said they were “…”": the relative pronoun
// speaks for the person named just before its comma, not for the last
// speaker; not for a place ("the mayor of Dale, who …").
TEST(Quotes, WhoAfterANameSpeaksForIt) {
  std::string t =
      "\u201CNone of us saw this coming,\u201D said Ada Rusk, the quartet's drummer.\n\n"
      "The quartet's earliest champion was the reviewer Tom Vole, who said their songs were \u201Cnervy "
      "and made for radio\u201D.";
  EXPECT_EQ(SpeakerOf(t, "nervy and made for radio"), "Tom Vole");
}

// "Ostrel Bay organist Mina Karsk accepted …": a name that only qualifies a
// role before another name is not the sentence's subject; "Ilse Marrow
// criticised novelist Bram Ostin" keeps its subject.
TEST(Quotes, NameBeforeARoleAndANameIsNotTheSubject) {
  std::string t =
      "The choir took two trophies at the gala. Ostrel Bay organist Mina Karsk accepted the prize for sacred "
      "music from the conductor Lotte Ferrin. She told the guests: \u201CNobody expected a village choir to "
      "get this far, least of all the choir.\u201D\n\n"
      "On a radio phone-in, Ilse Marrow criticised novelist Bram Ostin for his endless chapters. \u201CNobody "
      "has time for nine hundred pages any more,\u201D she said.";
  EXPECT_EQ(SpeakerOf(t, "village choir"), "Mina Karsk");
  EXPECT_EQ(SpeakerOf(t, "nine hundred pages"), "Ilse Marrow");
}

// A rank before a run that ends like a company's name is the name's first
// word: "General Ironworks" speaks, not "Ironworks" with the rank "General".
TEST(Quotes, ARankBeforeACompanysNameIsPartOfIt) {
  std::string t =
      "General Ironworks Systems said sales had fallen for a third year.\n\n"
      "General Ada Vost said the troops would stay until spring.";
  EXPECT_EQ(SpeakerOf(t, "sales had fallen"), "General Ironworks Systems");
  EXPECT_EQ(SpeakerOf(t, "the troops would stay"), "Ada Vost");
}

// A quote that ends with its own full stop ends the sentence: the cue of
// the next sentence is searched from there, not from the sentence before.
TEST(Quotes, AQuoteEndingItsSentenceEndsItForTheNextCue) {
  std::string t =
      "The bill passed on Thursday. Mary Oduya said: \"It is a poor deal.\" Tom Reeve, from Parents Want "
      "Parks, said the scheme \"lacked ambition\".";
  EXPECT_EQ(KindAndSpeakerOf(t, "lacked ambition"), "partial: Tom Reeve");
}

// "the charity's chairman Alan Webb": the role first, then who holds it, as
// an inverted cue or as a subject; a name after a verb is its object.
TEST(Quotes, ARoleDescribedBeforeAFullNameIsThatPersons) {
  std::string t =
      "The bill passed on Thursday. \"We want a real park,\" said the charity's chairman Alan Webb.\n\n"
      "Ann Lee, the Tory spokeswoman, said: \"We want a system that works.\" The museum's former chief "
      "curator Piotr Lisek quit in March claiming he was \"badly let down\" by the board.\n\n"
      "The party chose Ivo Penn, saying he was \"the best man\" for it.";
  EXPECT_EQ(SpeakerOf(t, "We want a real park"), "Alan Webb");
  EXPECT_EQ(SpeakerOf(t, "badly let down"), "Piotr Lisek");
  EXPECT_NE(SpeakerOf(t, "the best man"), "Ivo Penn");
}

// "The panel said": a body the story has not named, not the person who
// spoke before it.
TEST(Quotes, APanelOrAPaperIsABodyNotTheLastSpeaker) {
  std::string t =
      "Ann Lee, of the tenants group, gave evidence: \"We want homes that last.\" The panel said it faulted "
      "the builders for a \"string of failures\" on site.";
  EXPECT_EQ(SpeakerOf(t, "string of failures"), "panel");
}

// ", saying …" reports what the clause's subject said, not a name in the
// clause's object; "the newest allegations" is no verb.
TEST(Quotes, AParticiplesSpeakerIsItsClausesSubject) {
  std::string t =
      "Mr Hale quit Ukip saying Mr Penn would \"bring fresh energy\" to the cause.\n\n"
      "The Wexford audit found gaps in the accounts. A ministry spokesman waved away the latest allegations, "
      "saying: \"Every figure we publish is checked twice.\"";
  EXPECT_EQ(SpeakerOf(t, "bring fresh energy"), "Hale");
  EXPECT_EQ(SpeakerOf(t, "Every figure we publish"), "ministry spokesman");
}

// A party's name, role words, then the person: "Vale Left transport
// spokesman Tom Hale" is Tom Hale; "Dale Party peer Lord Vane" is Vane.
TEST(Quotes, ARoleNounAfterAPartysNameLeadsToThePerson) {
  std::string t =
      "Ann Lee said: \"We lost the vote.\" Vale Left transport spokesman Tom Hale said the merger would help, "
      "adding that the two lines were "
      "joined by a \"silent handshake\" at each station.\n\n"
      "Dale Party peer Lord Vane asked on Monday for a fresh count - saying without one the result would be "
      "\"forever doubted\".";
  EXPECT_EQ(SpeakerOf(t, "silent handshake"), "Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "forever doubted"), "Vane");
}

// A surname first seen with a possessive ("Jo Rowan's novel") names her
// when it opens a later sentence.
TEST(Quotes, ANameSeenOnlyAsAPossessiveIsStillAName) {
  std::string t =
      "Jo Rowan's new novel sold well.\n\n"
      "Rowan revealed that she had finished the sequel in May.";
  EXPECT_EQ(KindAndSpeakerOf(t, "she had finished the sequel"), "indirect: Jo Rowan");
}

// "…, said professor Ann Berg.": an inverted cue with a lower-case role
// ends a partial quote's sentence, and leads into the quote after it.
TEST(Quotes, AnInvertedCueWithALowerCaseRoleNamesTheSpeaker) {
  std::string t =
      "Tom Hale won.\n\n"
      "Hale \u201Cwon over the farming towns\u201D in the 2010 contest, said professor Ann Berg. "
      "\u201CThose villages trusted him far more than they ever trusted Penn.\u201D";
  EXPECT_EQ(SpeakerOf(t, "won over the farming towns"), "Ann Berg");
  EXPECT_EQ(SpeakerOf(t, "Those villages trusted him"), "Ann Berg");
}

// '“…?” he asked': the pronoun and verb right after a quote that ends its
// sentence are its cue, even when someone else was quoted just before.
TEST(Quotes, APronounCueRightAfterAQuestionIsItsCue) {
  std::string t =
      "Fire chief Tom Hale said crews would be stretched. But Housing Minister Ann Lee said waiting would be "
      "\"reckless\". The scheme would start in June, she added. Earlier the chief had asked how his teams "
      "could possibly inspect every one of the thousands of older towers across the county. \"If a blaze "
      "starts at night, who answers for the wiring?\" he asked on local radio.";
  EXPECT_EQ(SpeakerOf(t, "who answers for the wiring"), "Tom Hale");
}

// "The Penn “lapdog” jibe, he says, shows …": the parenthetical cue reports
// the clause around it, so "he" is not Penn, who is named in it; with no one
// else to mean, it may be the one named ("A Hale government, she pledged, …").
TEST(Quotes, AParentheticalPronounIsNotTheNameItsClauseOpensWith) {
  std::string t =
      "Jon Penn mocked him as a \"puppet\" last week. Tom Hale, one of the two men on the billboard, seems "
      "amused by the whole affair. The Jon Penn \"lapdog\" jibe, he says, shows only how rattled his rivals "
      "have become.\n\n"
      "Speaking to nurses in a packed hall, Ann Hale promised a new start.\n\n"
      "A Hale government, she pledged, would hire ten thousand more staff.";
  EXPECT_EQ(SpeakerOf(t, "lapdog"), "Tom Hale");
  EXPECT_EQ(KindAndSpeakerOf(t, "would hire ten thousand more staff"), "indirect: Ann Hale");
}

// "he" and "she" never mean a name shaped like a place's ("Lake Vorn",
// "Dale County"), even one no preposition came before.
TEST(Quotes, APronounDoesNotMeanANameShapedLikeAPlace) {
  std::string t =
      "Ann Hale spoke at a rally on Tuesday.\n\n"
      "Lake Vorn was packed with supporters. She said her mother had grown up there.";
  EXPECT_EQ(KindAndSpeakerOf(t, "her mother had grown up there"), "indirect: Ann Hale");
}

// "he stressed he had full faith in Mr Penn": a pronoun cue before what it
// reports does not mean someone named in it; a later clause of its own
// ("…, but in the end Hale considers …") may name the speaker.
TEST(Quotes, APronounCueBeforeItsClauseDoesNotMeanANameInIt) {
  std::string t =
      "Jon Penn took the chair of the committee this week amid rumours of a rift with Tom Hale.\n\n"
      "The treasurer flies to Oslo on Monday for trade talks. Before leaving, he stressed he had full faith "
      "in Mr Penn, whatever the gossip columns printed. He concedes that the critics raise fair points, but "
      "in the end Hale considers their case weak.";
  EXPECT_EQ(KindAndSpeakerOf(t, "he had full faith in Mr Penn"), "indirect: Tom Hale");
  EXPECT_EQ(KindAndSpeakerOf(t, "the critics raise fair points"), "indirect: Tom Hale");
}

// "However, one trader, who would not give his name, told Reuters": the
// connective is not the subject; the trader speaks, and "he" after means him.
TEST(Quotes, AnOpeningConnectiveIsNotTheSubject) {
  std::string t =
      "\"The numbers beat every forecast,\" said Tom Hale, a broker at Dale Securities. However, one trader, "
      "who would not give his name, told Reuters the margins were \"thinner than anyone admits\". \"Winter "
      "has hurt every chain in the country,\" he said.";
  EXPECT_EQ(SpeakerOf(t, "thinner than anyone admits"), "trader");
  EXPECT_EQ(SpeakerOf(t, "Winter has hurt every chain"), "trader");
}

// A piece whose lead hands it to one narrator ("Ann Hale … looks back on
// the conductor") gives them its first-person quotes that have no cue,
// while no one else has spoken; a quote not in the first person stays
// unattributed.
TEST(Quotes, ALeadNarratorSpeaksTheFirstPersonQuotesWithoutACue) {
  std::string t =
      "Forty years after the choir's first tour, Ann Hale, who ran its office for a decade, looks back on "
      "the conductor she served.\n\n"
      "The choir's first record appeared in 1981 and barely sold in its opening year.\n\n"
      "On her first day: \"I arrived in 1983 and within a week I was booking halls for him.\"\n\n"
      "On the road: \"By 1986 the tours had grown enormous. I still remember the queues.\"\n\n"
      "On the music: \"The closing piece of the final concert was the finest thing they sang.\"";
  EXPECT_EQ(SpeakerOf(t, "I arrived in 1983"), "Ann Hale");
  EXPECT_EQ(SpeakerOf(t, "I still remember the queues"), "Ann Hale");
  EXPECT_EQ(SpeakerOf(t, "The closing piece"), "");
}

// "The Swedish firm" is described, not named "Swedish"; "the company" is
// the company last named, not a court or a party named after it.
TEST(Quotes, ANationalityDescribesAFirmAndACourtIsNoCompany) {
  std::string t =
      "Nordvik said profits rose.\n\n"
      "The Swedish firm, the largest maker of kettles, said it would close ten of its plants.\n\n"
      "The Supreme Court ruled against Dale Motors on Monday, and the Vale Party welcomed it. \"We will take "
      "this to the highest court we can,\" the company said.";
  EXPECT_NE(SpeakerOf(t, "it would close ten of its plants"), "Swedish");
  EXPECT_EQ(SpeakerOf(t, "We will take this to the highest court"), "Dale Motors");
}

// "Jon Penn's description of him as a “…”": the words of a remark whose
// content follows its noun are its owner's; "Mr Penn's comments were “…”"
// judges a remark, in the words of whoever judges it.
TEST(Quotes, TheWordsOfSomeonesRemarkAreTheirs) {
  std::string t =
      "Tom Vale hit back at Jon Penn's description of him as a \"paper tiger\", arguing such insults showed "
      "the Dale Party was \"panicking\".\n\n"
      "Ann Lee said she thought Mr Penn's comments were \"unwise\" but she did not doubt him.";
  EXPECT_EQ(SpeakerOf(t, "paper tiger"), "Jon Penn");
  EXPECT_EQ(SpeakerOf(t, "panicking"), "Tom Vale");
  EXPECT_EQ(SpeakerOf(t, "unwise"), "Ann Lee");
}

// "one analyst said" is someone new, unnamed; "Dale Radio's spokeswoman"
// and "Mr Penn's official spokesman" speak for their owners and are not them.
TEST(Quotes, OneAnalystAndSomeonesSpokesmanAreTheirOwnSpeakers) {
  std::string t =
      "\"The numbers surprised everyone,\" said Ada Quist, a fund manager at Vale Capital. \"I expect a slow "
      "recovery,\" one analyst said.\n\n"
      "Dale Radio's spokeswoman said: \"Only two producers know the winner.\" Mr Penn's official spokesman "
      "said: \"The minister is staying.\"";
  EXPECT_EQ(SpeakerOf(t, "I expect a slow recovery"), "analyst");
  EXPECT_EQ(SpeakerOf(t, "Only two producers know"), "Dale Radio spokeswoman");
  EXPECT_EQ(SpeakerOf(t, "The minister is staying"), "Penn spokesman");
}

// "The League Against Noise" keeps its whole name, and "the League" later
// means it; "Turkish media" names no one; "Matteo" is a man's name, so
// "she" means the woman.
TEST(Quotes, BodiesAgainstThingsNationalitiesAndMensNamesInO) {
  std::string t =
      "The League Against Noise said traffic was rising.\n\n"
      "The League claimed the new rules had been broken in every town.\n\n"
      "Jon Penn flew to Ankara on Monday. During the visit, Turkish media reported that the two leaders had "
      "met in secret.\n\n"
      "Ann Lee arrived in Rome on Monday. Matteo Rossi greeted her at the station. \"We see the same anger "
      "everywhere,\" she told reporters.";
  EXPECT_EQ(SpeakerOf(t, "traffic was rising"), "League Against Noise");
  EXPECT_EQ(SpeakerOf(t, "the new rules had been broken"), "League Against Noise");
  EXPECT_NE(SpeakerOf(t, "the two leaders had met in secret"), "Turkish");
  EXPECT_EQ(SpeakerOf(t, "We see the same anger"), "Ann Lee");
}

// "said Dalecorp still considered the deal valid": a name and a verb in the
// past tense open a reported clause without "that"; "told Ada Vos based in
// Leeds" does not.
TEST(Quotes, ANameAndAPastTenseVerbOpenAReportedClause) {
  std::string t =
      "The deal was signed in May. Company spokesman Tom Vale said Dalecorp still considered the deal valid.\n\n"
      "The firm later told Ada Vos based in Leeds about the plan.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Dalecorp still considered the deal valid"), "indirect: Tom Vale");
  EXPECT_EQ(KindAndSpeakerOf(t, "based in Leeds"), "(no quote)");
}

// "States" in "the United States" is part of a name, not the verb
// "states"; "Tweeted" after a comma is still a verb; "he" after an unnamed
// group's statement is not the group.
TEST(Quotes, CapitalisedVerbsInNamesAndHeAfterAGroup) {
  std::string t =
      "Rita Vale spoke in Ohio on Monday. Vale said the United States should \"strike hard\" at once.\n\n"
      "Jon Penn, the head of Vale Forward, Tweeted: \"Not us, but we like it!\"\n\n"
      "Profits fell. But analysts said the slump would pass. \"The worst is over,\" he said.";
  EXPECT_EQ(SpeakerOf(t, "strike hard"), "Rita Vale");
  EXPECT_EQ(SpeakerOf(t, "Not us, but we like it"), "Jon Penn");
  EXPECT_EQ(KindAndSpeakerOf(t, "the slump would pass"), "indirect: analysts");
  EXPECT_EQ(SpeakerOf(t, "The worst is over"), "Jon Penn");
}

// A digest's bracketed source after a quote ("… [Dale Post.]") is whose
// words they are.
TEST(Quotes, ABracketedSourceAfterAQuoteIsItsSpeaker) {
  std::string t =
      "FERRY FARES TO RISE \u201CThe harbour board will raise fares by a fifth from March, citing fuel.\u201D "
      "[Dale Post.]";
  EXPECT_EQ(SpeakerOf(t, "The harbour board will raise fares"), "Dale Post");
}

// A name after its sentence's finite verb ("Nobody could imagine Jon
// Ashby …") is not whom a later "he" means; a description ("the
// 27-year-old") may still mean one ("Dunmore have signed Olek Brand").
TEST(Quotes, ANameAfterTheVerbIsNotWhomHeMeans) {
  std::string t =
      "Mr Dorran explained the plan was a reply to falling sales. \"We have waited long enough,\" he declared.\n\n"
      "Nobody, he added, could imagine party chairman Jon Ashby running the firm alone.\n\n"
      "The board would back the plan in full, he said.\n\n"
      "Dunmore have signed winger Olek Brand from Vale Rovers. \"It was an easy choice,\" the 27-year-old told "
      "the club's website.";
  EXPECT_EQ(KindAndSpeakerOf(t, "The board would back"), "indirect: Dorran");
  EXPECT_EQ(SpeakerOf(t, "It was an easy choice"), "Olek Brand");
}

// "according to Bank of Dalmatia deputy governor Ines Varga": the person
// after a body's name and a role; after a partial quote the source the
// sentence names later outranks the verb in between.
TEST(Quotes, AccordingToABodysOfficerNamesTheOfficer) {
  std::string t =
      "Exports rose faster than forecast, according to Bank of Dalmatia deputy governor Ines Varga.\n\n"
      "Drummer Jon Pike agreed: \"We want hits.\" The four men have done \"all they possibly could\" to stay "
      "on top, according to Loud magazine editor Tom Reilly.\n\n"
      "Buyers want speed above all, according to Ann Kell of IT firm Dalecorp.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Exports rose faster"), "indirect: Ines Varga");
  EXPECT_EQ(SpeakerOf(t, "all they possibly could"), "Tom Reilly");
  EXPECT_EQ(KindAndSpeakerOf(t, "Buyers want speed"), "indirect: Ann Kell");
}

// Texts and roles around a name: "a Dale League statement read" is the
// league's; "the Harbor Herald report, which notes" the report's; "Health
// Minister, Ola Brandt MSP, said" and "Ann Kell QC said" name the person.
TEST(Quotes, StatementsThatReadAndLettersAfterNames) {
  std::string t =
      "The fine was upheld on Friday. \"The player ignored two warnings,\" a Dale League statement read.\n\n"
      "The campaign linked to the Harbor Herald report, which notes, \"Most donors gave twice.\"\n\n"
      "Beds are short. Northern Health Minister, Ola Brandt MSP, said: \"Beds will be added.\"\n\n"
      "Ann Kell QC said: \"The appeal will fail.\"";
  EXPECT_EQ(SpeakerOf(t, "The player ignored"), "Dale League");
  EXPECT_EQ(SpeakerOf(t, "Most donors gave twice"), "Harbor Herald report");
  EXPECT_EQ(SpeakerOf(t, "Beds will be added"), "Ola Brandt");
  EXPECT_EQ(SpeakerOf(t, "The appeal will fail"), "Ann Kell");
}

// A country may speak ("Norway has said …"), also after a clause whose
// object ends in a name; a quote that a verb follows is the subject of its
// sentence, not the words of the possessive before it.
TEST(Quotes, CountriesSpeakAndAPossessedQuoteIsNotItsOwners) {
  std::string t =
      "Dalecorp now owns Portvale and Norway has said it will sell the docks.\n\n"
      "Tory leader Ann Hale attacked the plan. Labour's \"tired old promises\" would not win many votes in "
      "the marginal seats this spring, Ms Hale added.";
  EXPECT_EQ(KindAndSpeakerOf(t, "it will sell the docks"), "indirect: Norway");
  EXPECT_EQ(SpeakerOf(t, "tired old promises"), "Ann Hale");
}

// The agent of a passive verb of judging says the quoted words ("branded
// “…” by X", "described as “…” and “…” by critics"); "Jr" or "IV" ends a
// name but is no surname.
TEST(Quotes, APassiveAgentSpeaksAndJuniorIsNoSurname) {
  std::string t =
      "The band met a promoter, Dan Ostrow. \"They were loud,\" Ostrow said. Early on they were described as "
      "\"hopelessly slow\" and \"odd\" by critics who heard them.\n\n"
      "The bypass was branded \"a folly\" by Green leader Ines Marsh.\n\n"
      "Donor Carl Boyd Rusk IV backed the bid. Rusk denied it was about money.\n\n"
      "\"I want a fair race,\" he said.";
  EXPECT_EQ(SpeakerOf(t, "hopelessly slow"), "critics");
  EXPECT_EQ(SpeakerOf(t, "a folly"), "Ines Marsh");
  EXPECT_EQ(SpeakerOf(t, "I want a fair race"), "Boyd Rusk IV");
}

// "shares in Dalemere Foods" name a company, not a place; "it" means the
// body that spoke, though nothing in its name marks it as one, before a
// street only mentioned; "the company" is never a street.
TEST(Quotes, ItMeansTheBodyThatSpokeNotAStreet) {
  std::string t =
      "Shares in Dalemere Foods slid on Wall Street once the firm trimmed its forecast.\n\n"
      "The company expects lower sales. Dalemere Foods said a wet summer had hurt trade.\n\n"
      "It also warned that prices would rise in the spring.";
  EXPECT_EQ(KindAndSpeakerOf(t, "prices would rise"), "indirect: Dalemere Foods");
}

// "The mayor's official spokesman said the plan …": a description of
// someone who speaks reports a clause, and "he" then means them; "On
// Monday," opens a sentence before its subject; "contributor and monetary
// historian Ada Brill" is two roles of one person.
TEST(Quotes, ADescribedSpokesmanReportsAClauseAndIsHeLater) {
  std::string t =
      "Lord Pym said the mayor ignored the council.\n\n"
      "The city mayor's official spokesman said the council was still consulted. But he added: \"Not every choice "
      "can wait for a vote.\"\n\n"
      "On Tuesday, Mr Ruane's spokeswoman said: \"The minister will not resign.\"\n\n"
      "According to Dale Post contributor and monetary historian Ada Brill, rates have fallen six times.";
  EXPECT_EQ(SpeakerOf(t, "the council was still consulted"), "city mayor's official spokesman");
  EXPECT_EQ(SpeakerOf(t, "Not every choice"), "city mayor's official spokesman");
  EXPECT_EQ(SpeakerOf(t, "The minister will not resign"), "Ruane spokeswoman");
  EXPECT_EQ(SpeakerOf(t, "rates have fallen six times"), "Ada Brill");
}

// "Ann Kell, a Dalewings spokeswoman told …": the name before an
// appositive that lacks its closing comma; "after Dale TV's reporting
// indicated that": the text's owner; "Penn's past descriptions of them as".
TEST(Quotes, AppositivesWithoutTheirCommaAndTheOwnersOfTexts) {
  std::string t =
      "\"We are weighing what we can do,\" Ann Kell, a Dalewings spokeswoman told Dale Radio. \"We are looking at "
      "which courts could hear it.\"\n\n"
      "Senator Jo Pratt gave back the gifts after Dale TV's reporting indicated that several donors did not "
      "know her.\n\n"
      "Mr Penn's past descriptions of rivals as \"rusty old hinges\" came up again.";
  EXPECT_EQ(SpeakerOf(t, "which courts could hear it"), "Ann Kell");
  EXPECT_EQ(SpeakerOf(t, "several donors did not know her"), "Dale TV");
  EXPECT_EQ(SpeakerOf(t, "rusty old hinges"), "Penn");
}

// "Although … Ms Hale …, Attorney General Ana Pires took …": a name in an
// opening subordinate clause leaves the main clause its own subject, whom
// "she" then means.
TEST(Quotes, ANameInAnOpeningClauseLeavesTheMainClauseItsSubject) {
  std::string t =
      "Although the review of party leader Sara Hale's accounts was far from over, Attorney General Ana Pires "
      "took the final step on Monday of announcing that the office would not charge Hale.\n\n"
      "\"This afternoon I met the director of the fraud office and the lawyers and agents who carried out the "
      "long review of the party's accounts during the years when Ms Hale led it,\" she said in a statement.";
  EXPECT_EQ(SpeakerOf(t, "This afternoon I met the director"), "Ana Pires");
}

// A name with a particle opens a sentence ("Ana de Vries, the fund's
// director, said …") as one without does.
TEST(Quotes, AParticleInsideANameThatOpensASentence) {
  std::string t =
      "Dalmatia owes the fund a great deal.\n\n"
      "Minister Ivo Kral said the talks had gone well. Ana de Vries, the fund's director, said the new loan "
      "would help. \"I believe the programme will work,\" she said.";
  EXPECT_EQ(KindAndSpeakerOf(t, "the new loan would help"), "indirect: Ana de Vries");
  EXPECT_EQ(SpeakerOf(t, "I believe the programme"), "Ana de Vries");
}

// A quote that ends with its own full stop ends its sentence, so reported
// speech may follow in the same paragraph; "Appearing on Dale Radio," is
// no subject; "it is predicted that" names no one; "IDC" is never "he".
TEST(Quotes, ReportedSpeechAfterAQuoteThatEndsItsSentence) {
  std::string t =
      "Ann Kell said: \"We will carry the vote.\" Tom Hale said the plan would fail in the spring.\n\n"
      "Appearing on Dale Radio's breakfast show, Mr Hale, who is standing in Vale, admitted that few voters "
      "knew him.\n\n"
      "It is predicted that sales will double within two years.\n\n"
      "Ian Roe works for analysts IDC. IDC said the market had grown. \"Prices are falling fast,\" he said.";
  EXPECT_EQ(KindAndSpeakerOf(t, "the plan would fail"), "indirect: Tom Hale");
  EXPECT_EQ(KindAndSpeakerOf(t, "few voters knew him"), "indirect: Tom Hale");
  EXPECT_EQ(SpeakerOf(t, "sales will double"), "(no quote)");
  EXPECT_EQ(SpeakerOf(t, "Prices are falling fast"), "Ian Roe");
}

// A quote with no cue after a sentence that reports its speaker's words in
// the same paragraph goes on with them; "a Vale Party spokesman" is a
// person, and not the Dale Trust spokesman; "Director of Public Works, Ana
// Reis, who …, said" names the holder.
TEST(Quotes, AQuoteAfterReportedSpeechGoesOnWithItsSpeaker) {
  std::string t =
      "Around 9,000 people signed the petition.\n\n"
      "Ola Brandt, organiser for the residents' group Save Our Pier, said that the council should not be "
      "blamed for the storm. \"Of course the council should be allowed to choose the builder.\"\n\n"
      "A Dale Trust spokesman said the trust would help. A Vale Party spokesman told the Dale Post the party "
      "would wait. \"When we know the costs, we will decide,\" he said.\n\n"
      "Director of Public Works, Ana Reis, who sits on the board, said the pier could be saved. \"It will "
      "take two summers.\"";
  EXPECT_EQ(SpeakerOf(t, "Of course the council"), "Ola Brandt");
  EXPECT_EQ(SpeakerOf(t, "When we know the costs"), "Vale Party spokesman");
  EXPECT_EQ(KindAndSpeakerOf(t, "the pier could be saved"), "indirect: Ana Reis");
  EXPECT_EQ(SpeakerOf(t, "It will take two summers"), "Ana Reis");
}

// "Sharon Lusk said …. Sharon said": a forename alone means the one woman
// named in full with it; not a body ("Dalecorp spokeswoman").
TEST(Quotes, AForenameAloneMeansTheOnePersonNamedWithIt) {
  std::string t =
      "The singer Sharon Lusk said the tour had been long. Sharon said the band would rest until May.";
  EXPECT_EQ(KindAndSpeakerOf(t, "the band would rest"), "indirect: Sharon Lusk");
}

// "…, Mr Odo said." reports the clause before it, the title kept; a quote
// after it in the paragraph goes on with Mr Odo; "points out" and
// "forecast" report speech.
TEST(Quotes, ATitledNameAfterItsClauseReportsIt) {
  std::string t =
      "Tom Odo runs the Vale mill. Orders are rising in the south, Mr Odo said.\n\n"
      "Lena Varga spoke next. Few firms are hiring in the hills, Ms Varga points out. \"The hills are "
      "quiet. Nobody builds there.\"\n\n"
      "Looking ahead, Mr Odo forecast steady sales \"with margins in the low teens\".";
  EXPECT_EQ(KindAndSpeakerOf(t, "Orders are rising in the south"), "indirect: Tom Odo");
  EXPECT_EQ(KindAndSpeakerOf(t, "Few firms are hiring"), "indirect: Lena Varga");
  EXPECT_EQ(SpeakerOf(t, "The hills are quiet"), "Lena Varga");
  EXPECT_EQ(KindAndSpeakerOf(t, "with margins in the low teens"), "partial: Tom Odo");
}

// "In the end, Mr Rosen said, voters …": words before a cue that are no
// clause of their own leave it the whole sentence.
TEST(Quotes, ACueAfterAnOpeningPhraseReportsTheWholeSentence) {
  std::string t =
      "Dan Rosen studies the unions. In the end, Mr Rosen said, most members tend to back the "
      "party. If the talks fail, Mr Rosen warned, the strike will go ahead in May.";
  EXPECT_EQ(KindAndSpeakerOf(t, "In the end, Mr Rosen said, most members"), "indirect: Dan Rosen");
  EXPECT_EQ(KindAndSpeakerOf(t, "If the talks fail, Mr Rosen warned, the strike"), "indirect: Dan Rosen");
}

// Gender from whole title words: a "Commissioner" is no "Miss"; "Ms Vell"
// means the Vell whose forename looks female; a gender guessed from a
// name's ending yields to a "He" no one else could mean, and "BBC Radio"
// is never "he".
TEST(Quotes, GenderFromTitlesAndForenames) {
  std::string t =
      "Vale Farms wants a deal. The talks will go on, said Trade Commissioner Piet Marlo. \"We want a deal "
      "soon,\" he said. Mr Marlo said the two sides were close.\n\n"
      "Jomo Vell and Adela Vell run the farm. Ms Vell said the harvest was late.\n\n"
      "Dame Ida Lusk chairs the board. Lord Amis said the plan was sound. \"It will work,\" she said.";
  EXPECT_EQ(SpeakerOf(t, "We want a deal soon"), "Piet Marlo");
  EXPECT_EQ(SpeakerOf(t, "the two sides were close"), "Piet Marlo");
  EXPECT_EQ(SpeakerOf(t, "the harvest was late"), "Adela Vell");
  EXPECT_EQ(SpeakerOf(t, "It will work"), "Ida Lusk");
  std::string guessed =
      "Tama Rewi has warned the visitors will be tough. But Rewi also backed his side to win. He told BBC "
      "Radio: \"We are ready for them.\"";
  EXPECT_EQ(SpeakerOf(guessed, "We are ready for them"), "Tama Rewi");
}

// "The report says" after "the Dale Audit Office published a report": the
// document named earlier with its issuer speaks for the issuer; "the bank"
// after "the Dalebank survey" is the bank, not its survey.
TEST(Quotes, ADocumentNamedEarlierWithItsIssuer) {
  std::string t =
      "The Dale Audit Office published a report on Tuesday into waiting lists. The report says that "
      "waiting times have doubled.\n\n"
      "It cites a Vale Party members' newsletter about voters. The newsletter says: \"We can phone them "
      "all.\"\n\n"
      "The letter, from the Dale Ministry, says: \"I write to tell you of the ruling.\"\n\n"
      "The book, by Dale Post journalist Ana Reis, came out on Monday. The book says that the pair had "
      "fallen out.\n\n"
      "Despite the rise, the Dalebank survey concluded that there were \"signs of a slowdown\". Ann Roe, "
      "Dalebank chief economist, said the figures were good. The bank said that prices in the north rose "
      "fastest.";
  EXPECT_EQ(SpeakerOf(t, "waiting times have doubled"), "Dale Audit Office report");
  EXPECT_EQ(SpeakerOf(t, "We can phone them all"), "Vale Party");
  EXPECT_EQ(SpeakerOf(t, "I write to tell you"), "Dale Ministry");
  EXPECT_EQ(SpeakerOf(t, "the pair had fallen out"), "Ana Reis");
  EXPECT_EQ(SpeakerOf(t, "prices in the north rose fastest"), "Dalebank");
  std::string by = "Some 23 million people will miss out, predicts the report by phone giant Daletel. The report "
                   "says that the gap will grow.";
  EXPECT_EQ(SpeakerOf(by, "the gap will grow"), "Daletel report");
}

// Names cut short: "Number 10" keeps its number, "Westvale Relief UK" its
// letters; "Party co-ordinator Dan Cole, MP for Westvale," is Dan Cole, not
// "MP"; a film's title ("the premiere of Sky Harbour") is never "he".
TEST(Quotes, WholeNamesAndTitlesOfWorks) {
  std::string t =
      "Ned Vale said the plan was poor. A spokeswoman for Number 10 said: \"It is a soap opera.\"\n\n"
      "Westvale Relief UK said that the evidence was tainted.\n\n"
      "Party co-ordinator Dan Cole, MP for Westvale, added: \"If it was not so grave it would be "
      "funny.\"\n\n"
      "Director Omar Lind was at the premiere of Sky Harbour. Sky Harbour opens in May in cinemas. He said "
      "that the ending was dark.";
  EXPECT_EQ(SpeakerOf(t, "It is a soap opera"), "Number 10 spokeswoman");
  std::string role = "Jo Sull, spokesman for software firm Dalemail said many firms were starting to see the point.";
  EXPECT_EQ(SpeakerOf(role, "many firms were starting"), "Jo Sull");
  EXPECT_EQ(SpeakerOf(t, "the evidence was tainted"), "Westvale Relief UK");
  EXPECT_EQ(SpeakerOf(t, "If it was not so grave"), "Dan Cole");
  EXPECT_EQ(SpeakerOf(t, "the ending was dark"), "Omar Lind");
  // "I'm told" names no one.
  EXPECT_EQ(SpeakerOf("At the peak, I'm told, the fans queued all night.", "the fans queued"), "(no quote)");
}

// "the Tory leader" after "Tory leader Ned Howe" is Ned Howe, not the last
// speaker; "The Spaniard" and "the Vale athlete" describe the man or woman
// named before; "wrote the judges", with no judge named, means the judges.
TEST(Quotes, DescriptionsByRoleCountryAndSport) {
  std::string t =
      "Tory leader Ned Howe attacked comments Mr Blunt is alleged to have made. Mr Blunt called his post "
      "\"a shambles\". The Tory leader then added: \"He keeps going.\"\n\n"
      "Ola Brandt is confident of a medal next week.\n\n"
      "The 22-year-old finished fourth in Madrid. \"It was a good lesson and I have not ruled out a "
      "medal,\" said the Vale athlete.\n\n"
      "Tomas Ruiz may join Dale Rovers next season. The Spaniard told Radio Vale: \"I wish I "
      "played there.\"";
  EXPECT_EQ(SpeakerOf(t, "He keeps going"), "Ned Howe");
  EXPECT_EQ(SpeakerOf(t, "It was a good lesson"), "Ola Brandt");
  EXPECT_EQ(SpeakerOf(t, "I wish I played there"), "Tomas Ruiz");
  EXPECT_EQ(SpeakerOf("The prize went to a first novel. \"It is moving and humane,\" wrote the judges.",
                      "It is moving and humane"),
            "judges");
}

// "His wife Ana … she said" and "said his wife, Sheila": the one the
// word for kin names, not the husband.
TEST(Quotes, KinNamedByForenameSpeak) {
  std::string t =
      "Singer Rod Vane has told fans the band will not tour again. His wife Ana, who also sings in the band, "
      "agreed. \"Now everybody is doing it. He has done it,\" she said.\n\n"
      "The writer Al Hale died at home on Friday. \"He had a good life. He loved books,\" said his wife, "
      "Sheila.";
  EXPECT_EQ(SpeakerOf(t, "Now everybody is doing it"), "Ana");
  EXPECT_EQ(SpeakerOf(t, "He had a good life"), "Sheila");
}

// A whole quote with no cue after a sentence whose subject is someone named
// is theirs; not where a quote earlier in the paragraph goes on.
TEST(Quotes, AQuoteAfterASentenceAboutSomeoneNamed) {
  std::string t =
      "Writing in the Dale Post, Tom Odo set out his view of the party. \"As our programme should make "
      "clear, our aim is full employment.\"\n\n"
      "\"Ana is the ideal pick,\" Ned Vole told Radio Dale. The Dale Council has named Ivo Kern as a stand-in "
      "for the summer. \"She knows the job well.\"";
  EXPECT_EQ(SpeakerOf(t, "our aim is full employment"), "Tom Odo");
  EXPECT_EQ(SpeakerOf(t, "She knows the job well"), "Ned Vole");
  // So after a sentence whose subject is someone unnamed and described.
  std::string u =
      "Derek Vole said Mr Odo already had a big role. A Dale party spokesman brushed aside the row with Mr "
      "Vole and said Mr Odo had a prominent role. \"This vote is a choice between going on and going back.\"";
  EXPECT_EQ(SpeakerOf(u, "This vote is a choice"), "Dale party spokesman");
}

// No one names himself in his own words: "he" is not whom the quote names
// by a forename, nor by a surname unless he was the sentence's subject.
TEST(Quotes, APronounIsNotWhomTheQuoteNames) {
  std::string t =
      "Coach Ivo Brandt has criticised striker Pim Kovac over his remarks. Kovac had spoken of leaving the "
      "club before the derby. \"Pim and I spoke this week and it is settled,\" he told the club website.\n\n"
      "Jo Hale is keeping up the pressure on her rivals. \"They say Jo Hale should quit, but the members "
      "disagree,\" she said.";
  EXPECT_EQ(SpeakerOf(t, "Pim and I spoke this week"), "Ivo Brandt");
  EXPECT_EQ(SpeakerOf(t, "They say Jo Hale should quit"), "Jo Hale");
}

// Someone first named in full with what they are, in the sentence before
// one "he" opens, is whom "he" means; not after a sentence about its subject.
TEST(Quotes, APronounAfterSomeoneIntroducedWithARole) {
  std::string t =
      "\"It is a fine machine,\" said Tom Odo, an analyst at Vale Research. Mr Odo said it would sell well. "
      "One dissenting view came from Ben Kale, head of research at analysts Dalemark. He said: \"I do not "
      "think it changes anything.\"\n\n"
      "Ned Vole went on radio to defend his staff changes. Vole hired Bob Dees, a retired general, late last "
      "month. He thanked the staff who had gone and said, \"We are in a different place now, and we need to act.\"";
  EXPECT_EQ(SpeakerOf(t, "I do not think it changes anything"), "Ben Kale");
  // So when "he" follows words that name no one he could be.
  std::string u =
      "\"I think Ana Odo will win,\" said Mr Vale. The prize is also the choice of Ned Kerr, editor of the Dale "
      "Review. But while he tipped Ana Odo to win, he said the vote would be close. \"It could go either way,\" he "
      "told reporters.";
  EXPECT_EQ(SpeakerOf(u, "It could go either way"), "Ned Kerr");
  EXPECT_EQ(SpeakerOf(t, "We are in a different place now"), "Ned Vole");
}

// "Dale Town's statement added:", "Mrs. Hale's campaign has said": the
// owner speaks, named without a title.
TEST(Quotes, APossessiveStatementOrCampaignSpeaksForItsOwner) {
  std::string t =
      "Dale Town have released their striker Ivo Kern. Dale Town's statement added: \"Every player at the "
      "club is bound by the same rules.\"\n\n"
      "Jo Hale toured the state on Monday. Mrs. Hale's campaign has said for weeks that it will not "
      "change its course.";
  EXPECT_EQ(SpeakerOf(t, "Every player at the club"), "Dale Town");
  EXPECT_EQ(SpeakerOf(t, "it will not change its course"), "Hale campaign");
}

// "said the Dale Herald's Ned Vole": the one named after the owner speaks.
TEST(Quotes, ANameAfterItsOwnersPossessive) {
  std::string t =
      "\"The prize is open this year,\" said the Dale Herald's Ned Vole.\n\n"
      "\"Foxx will win, no doubt,\" said Vale Film's Jo Sull.";
  EXPECT_EQ(SpeakerOf(t, "The prize is open this year"), "Ned Vole");
  EXPECT_EQ(SpeakerOf(t, "Foxx will win"), "Jo Sull");
}

// "On Saturday, the champion was beaten by Nina Dorr": the description
// after a fronted phrase of time is the subject, so "she" is not Nina Dorr.
TEST(Quotes, ADescriptionAfterAFrontedPhraseOfTime) {
  std::string t =
      "Ana Kovac lost to Eva Marr in a comeback match on Sunday. \"I go to Sydney with a lot of questions,\" "
      "she said. Kovac spoke after the defeat in Dale. On Saturday, the former champion was beaten in "
      "straight sets by Vale's Nina Dorr.\n\n"
      "\"I must stay positive, there are a few weeks left,\" she said.";
  EXPECT_EQ(SpeakerOf(t, "I must stay positive"), "Ana Kovac");
  // So after a phrase "despite" opens, whose name is no subject.
  std::string u =
      "The Bishop of Westvale, Tom Odo, called the novel a \"great read\". Despite enjoying Ned Vole's plot, "
      "the Bishop said the book was \"weak on facts\". \"It is a fun read,\" the Bishop said.";
  EXPECT_EQ(SpeakerOf(u, "weak on facts"), "Tom Odo");
  EXPECT_EQ(SpeakerOf(u, "It is a fun read"), "Tom Odo");
}

// "Essentially, he says": a sentence adverb before its comma is no name.
TEST(Quotes, ASentenceAdverbIsNoName) {
  std::string t =
      "Ned Vole runs a radio show from his garage. \"We are going to see these small stations grow. That is "
      "what it is about.\" Essentially, he says, a firm selling bait will pay for a fishing show.";
  EXPECT_EQ(SpeakerOf(t, "these small stations grow"), "Ned Vole");
}

// "The Institute for the Dale Economy report …. The report revealed": the
// finding keeps its body's whole name, "for the" and all.
TEST(Quotes, AFindingNamedByABodyWithForTheInItsName) {
  std::string t =
      "The Institute for the Dale Economy report looked at prices in Vale. The report revealed that one in "
      "three tenants had moved within a year.";
  EXPECT_EQ(SpeakerOf(t, "one in three tenants had moved"), "Institute for the Dale Economy report");
}

// "…, Tom Odo, the firm's strategist, told Radio Dale" and "…, her lawyer,
// Ann Hale, said": the name set off by commas speaks after the listener,
// and what she is is no part of what she said.
TEST(Quotes, AClauseThenANameAndWhatTheyAre) {
  std::string t =
      "Orders are rising fast, Tom Odo, the firm's strategist, told Radio Dale on Saturday.\n\n"
      "The suit was filed late because talks had failed, her lawyer, Ann Hale, said.\n\n"
      "He died at his home in Vale Beach, Westshire, a spokesman said.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Orders are rising fast"), "indirect: Tom Odo");
  EXPECT_EQ(KindAndSpeakerOf(t, "The suit was filed late"), "indirect: Ann Hale");
  EXPECT_EQ(SpeakerOf(t, "her lawyer"), "(no quote)");
  EXPECT_EQ(SpeakerOf(t, "He died at his home"), "spokesman");
}

// "According to the Dale Times, Tom Odo said …": the one the paper quotes
// said it; the paper speaks only when it quotes no one.
TEST(Quotes, AccordingToAPaperThatQuotesSomeone) {
  std::string t =
      "According to the Dale Times, finance chief Tom Odo said that Vale is \"looking at every games firm\".\n\n"
      "According to the Dale Times, Ivo Kern said Vale would sell its stake by June.\n\n"
      "According to the Dale Times, the plan is \"dead in the water\".";
  EXPECT_EQ(SpeakerOf(t, "looking at every games firm"), "Tom Odo");
  EXPECT_EQ(SpeakerOf(t, "Vale would sell its stake"), "Ivo Kern");
  EXPECT_EQ(SpeakerOf(t, "dead in the water"), "Dale Times");
}

// "a Dale Vale Democrat", "another Dale Vale Democrat", "a Westshire
// Democrat": three unnamed sources, not one.
TEST(Quotes, UnnamedPartisansFromTwoPlacesAreTwo) {
  std::string t =
      "\"The gap is too wide,\" said a Dale Vale Democrat. \"She needs to do better,\" said another Dale Vale "
      "Democrat. \"She has time,\" said a Westshire Democrat.";
  EXPECT_EQ(SpeakerOf(t, "The gap is too wide"), "Dale Vale Democrat");
  EXPECT_EQ(SpeakerOf(t, "She has time"), "Westshire Democrat");
}

// "Ned Vole's mother said": his kin speaks, not he.
TEST(Quotes, KinNamedByWhoseKinTheyAre) {
  std::string t =
      "Ned Vole faces trial next week. Ned Vole's wife said: \"He is a kind man and always was.\"";
  EXPECT_EQ(SpeakerOf(t, "He is a kind man"), "Ned Vole's wife");
}

// "…, thinks Ivo Kern data specialist for analysts Dalemark.": what the
// speaker is may follow the name to the sentence's end without a comma.
TEST(Quotes, AnInvertedCueWhoseSpeakerIsDescribedToTheEnd) {
  std::string t =
      "Revenue for networks will rise with fast data, thinks Ivo Kern mobile specialist for analysts Dalemark.\n\n"
      "Trade with the north will keep rising this year, says economist Ana Berg in Dale.";
  EXPECT_EQ(KindAndSpeakerOf(t, "Revenue for networks will rise"), "indirect: Ivo Kern");
  EXPECT_EQ(KindAndSpeakerOf(t, "Trade with the north"), "indirect: Ana Berg");
  // Inside a short sentence it reports all of it, and he speaks next.
  std::string u =
      "Prof Odo has teamed up with Ned Vale at the University of Dale. The answer, says Prof Vale, is radio. "
      "\"We are looking at the thing you see in cafes,\" he says.";
  EXPECT_EQ(KindAndSpeakerOf(u, "The answer"), "indirect: Ned Vale");
  EXPECT_EQ(SpeakerOf(u, "We are looking at the thing"), "Ned Vale");
}

// "Hale attacked the courts but Tom Pratt dismissed the attack. “…,” he
// said": the subject of the clause "but" opens is the latest; not a club
// ("but Westvale were not interested"), whom no forename or title marks.
TEST(Quotes, TheSubjectOfAClauseButOpens) {
  std::string t =
      "Ned Hale attacked the courts but Tom Pratt dismissed the attack. \"We paid to make the courts quicker and "
      "they are quicker,\" he said.\n\n"
      "Ivo Kern said he tried to sign him, but Westvale were not interested in selling. \"I want three new "
      "players in the summer,\" he said.";
  EXPECT_EQ(SpeakerOf(t, "We paid to make the courts quicker"), "Tom Pratt");
  EXPECT_EQ(SpeakerOf(t, "I want three new players"), "Ivo Kern");
}

// "won support from Arts, Film and Heritage Secretary Ana Vell who said": the
// one "who" follows speaks, even with no comma before it.
TEST(Quotes, ANameThenWhoWithoutAComma) {
  std::string t =
      "The plan won support from Arts, Film and Heritage Secretary Ana Vell who said: \"No parent would let a "
      "child see it.\"";
  EXPECT_EQ(SpeakerOf(t, "No parent would let a child"), "Ana Vell");
}

// "Amazon.com"-style names are one word, and a sentence may end after one.
TEST(Quotes, AWebDomainIsOneName) {
  std::string t =
      "\"We will be glad if the regulator agrees,\" said a spokesman for Valenet.net.\n\n"
      "\"We are pleased with the year,\" said Dalemart.com boss Ned Vole. He spoke in Dale.";
  EXPECT_EQ(SpeakerOf(t, "We will be glad"), "Valenet.net spokesman");
  EXPECT_EQ(SpeakerOf(t, "We are pleased with the year"), "Ned Vole");
}

// "The lock believes …, but Jones insisted …": two reports, each with its
// own speaker, neither running into the other.
TEST(Quotes, TwoReportsJoinedByBut) {
  std::string t =
      "Captain Ivo Kern has said his side needs more flair. The lock believes the Vale pack is too light to "
      "trouble his side, but Tom Jory insisted his team-mates have nothing to fear.";
  EXPECT_EQ(KindAndSpeakerOf(t, "the Vale pack is too light"), "indirect: Ivo Kern");
  EXPECT_EQ(KindAndSpeakerOf(t, "his team-mates have nothing to fear"), "indirect: Tom Jory");
  EXPECT_EQ(SpeakerOf(t, "trouble his side, but"), "(no quote)");
}

TEST(Speakers, SpellingVariantsShareAKey) {
  EXPECT_EQ(FoldNameWord("Zelenskyy"), "zelensky");
  EXPECT_EQ(FoldNameWord("Zelenskiy"), "zelensky");
  EXPECT_EQ(FoldNameWord("Zelensky"), "zelensky");
  EXPECT_EQ(FoldNameWord("Зеленський"), FoldNameWord("Zelenskyy"));
  EXPECT_EQ(FoldNameWord("Zelenskyy’s"), "zelensky");
  EXPECT_EQ(SpeakerKey("Volodymyr Zelenskiy"), "volodymyr zelensky");
  EXPECT_EQ(FoldNameWord("Müller"), "muler");
  EXPECT_NE(FoldNameWord("Merz"), FoldNameWord("Marz"));
}

TEST(Speakers, AliasFileMapsVariantsAndSurnames) {
  std::vector<std::string> problems;
  SpeakerAliases a = SpeakerAliases::Parse(
      "# comment\nMykhailo Honchar\tMikhail Gonchar\tM. Gonchar\nno tab here\n"
      "Anna Berg\tAnn Berg\nPeter Berg\tPete Berg\n",
      &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("line 3"), std::string::npos);
  ASSERT_NE(a.CanonicalName("Mikhail Gonchar"), nullptr);
  EXPECT_EQ(*a.CanonicalName("Mikhail Gonchar"), "Mykhailo Honchar");
  EXPECT_EQ(*a.CanonicalName("Gonchar"), "Mykhailo Honchar");  // a surname only one name has
  EXPECT_EQ(a.CanonicalName("Berg"), nullptr);                   // two people: ambiguous
  EXPECT_EQ(a.CanonicalName("Someone Else"), nullptr);
}

}  // namespace
}  // namespace newsidx
