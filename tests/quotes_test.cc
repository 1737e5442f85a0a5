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
      "“Staff were sacked,” said Jeremy Dale, NUJ General Secretary.\n\n"
      "“We disagree,” said Mr de Vries in a statement.\n\n"
      "Liberal Democrat shadow chancellor Vince Carr warned voters. “It is mixed,” he said.";
  EXPECT_EQ(SpeakerOf(t, "Rates stay"), "Ryan Holt");
  EXPECT_EQ(SpeakerOf(t, "Prices rise"), "Sara Lind");
  EXPECT_EQ(SpeakerOf(t, "Staff were sacked"), "Jeremy Dale");
  EXPECT_EQ(SpeakerOf(t, "We disagree"), "de Vries");
  EXPECT_EQ(SpeakerOf(t, "It is mixed"), "Vince Carr");
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
      "Eli Stone called Jan Vos “a real smart guy with data.”\n\n"
      "Voters remember the pull of Obrecht's “you can keep your plan” promise.\n\n"
      "Mr Dahl felt that Ines Moro's “masterpiece” deserved the prize. "
      "“I will be cheering,” he added.\n\n"
      "Another source familiar with the talks said, “The deal is close.”\n\n"
      "Another tweeted, “What a night.”";
  EXPECT_EQ(SpeakerOf(t, "a real smart guy"), "Eli Stone");
  EXPECT_EQ(SpeakerOf(t, "you can keep your plan"), "Obrecht");
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
      "Losses have been suffered and somebody has to pay, observed Ivo Lark, an adviser. "
      "“Everyone pays,” he said.\n\n"
      "Coach Ben Rudd praised Kai Moss. An angry Moss later said: “I was not at fault.”\n\n"
      "The album Exodus came out in 1977. “By then he was famous,” the critic wrote.";
  EXPECT_EQ(SpeakerOf(t, "The bridge is safe"), "Department of Roads spokeswoman");
  EXPECT_EQ(SpeakerOf(t, "somebody has to pay"), "Ivo Lark");
  EXPECT_EQ(QuoteWith(t, "somebody has to pay")->kind, "indirect");
  EXPECT_EQ(SpeakerOf(t, "Everyone pays"), "Ivo Lark");
  EXPECT_EQ(SpeakerOf(t, "I was not at fault"), "Kai Moss");
  EXPECT_NE(SpeakerOf(t, "By then he was famous"), "Exodus");
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
      "Chelsea chief executive Peter Kane has played down reports that Tom Reed will return. "
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
      "Carter’s renewed support for his team came with caveats. He may add to his staff, he said.";
  EXPECT_EQ(SpeakerOf(possessive, "He may add to his staff"), "Ben Carter");
  std::string titled =
      "Senator Ben Carter spoke on Monday. “We are fine,” Carter said.\n\n"
      "“He invited us to talk,” the editor Steven Gold responded.\n\n"
      "But Mr. Carter’s proudest moments were losses. He said no to the war, he said.";
  EXPECT_EQ(SpeakerOf(titled, "no to the war"), "Ben Carter");
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
      "At a time when it was said that the party might never win again, Tom Vale proved that "
      "prediction wrong.";
  auto q = QuoteWith(t, "might never win again");
  EXPECT_TRUE(!q || q->speaker.empty()) << q->speaker;
}

// A dateline ("RIVER FALLS, Calif. —") is a place, not the sentence's subject.
TEST(Quotes, DatelinesAreNoOne) {
  std::string t =
      "Voters doubt the plan.\n\n"
      "RIVER FALLS, Calif. — Rallying hundreds of workers, Jane Moss tried here to promise change.\n\n"
      "A Moss presidency, she vowed, would bring better jobs.";
  EXPECT_EQ(SpeakerOf(t, "A Moss presidency"), "Jane Moss");
}

// "greeted by an organizer. “…,” the organizer said": someone new, unnamed,
// not the last person quoted.
TEST(Quotes, ADescriptionOfSomeoneJustBroughtInIsThem) {
  std::string t =
      "“She is honest,” Tom Vale said of his friend.\n\n"
      "Jim Roe and his wife were greeted by an organizer at the office.\n\n"
      "“You are going to be the best messengers,” the organizer told them.";
  EXPECT_EQ(SpeakerOf(t, "best messengers"), "organizer");
}

// After "say", a name with its own verb is the reported clause's subject,
// and a description after "While" is the sentence's: "she" or "he" means them.
TEST(Quotes, SubjectsOfReportedClausesAndSubordinateClauses) {
  std::string clause =
      "“They know their partners,” said Rosa Lind, a professor.\n\n"
      "In addition to leave, aides say Ivana Holt also advises the firm on pay. "
      "“Women are paid equally here,” she said at the meeting.";
  EXPECT_EQ(SpeakerOf(clause, "Women are paid equally"), "Ivana Holt");
  std::string donor =
      "Top party donor Saul Brenner said on Friday he met Tom Vale this week.\n\n"
      "While the mega donor didn't disclose his plans, he did say he found Vale “very charming.”";
  EXPECT_EQ(SpeakerOf(donor, "very charming"), "Saul Brenner");
}

// A whole-sentence quote with no cue at all, right after a sentence about a
// named person, is theirs; not when a cue follows it that names no one, nor
// when it goes on from another quote of the paragraph.
TEST(Quotes, AnUncuedQuoteAfterASentenceAboutSomeoneIsTheirs) {
  std::string t =
      "Committee chair Dora Finch has long opposed the weaker rules.\n\n"
      "“The committee believes these arguments should be rejected outright.” Judges may disagree.";
  EXPECT_EQ(SpeakerOf(t, "committee believes"), "Dora Finch");
  std::string cued =
      "Filming of Harbor Lights, to star Dora Finch, was postponed. “Nothing is coming in to replace "
      "the funds,” said Harbor Lights's producer.";
  EXPECT_NE(SpeakerOf(cued, "Nothing is coming in"), "Dora Finch");
}

// A colon lead-in whose clause has its subject and verb after other words
// ("But back home, Rita Cole returned to …:"), a speech participle
// ("with Tom Vale yelling:") and "one person tweeted" are cues.
TEST(Quotes, LongColonLeadInsSpeechParticiplesAndOnePerson) {
  std::string t =
      "“We are fine,” Steven Gold said of the plan.\n\n"
      "But back on home soil, Rita Cole returned to her familiar lines in front of the hall: "
      "“There will be no new taxes in this town.”\n\n"
      "At one rally, a guard pushed a protester, with Tom Vale reportedly yelling: "
      "“Get him out of this room right now!”\n\n"
      "The joke online was that the mayor looked lost. “Blink twice if you are in trouble, mayor!” "
      "one person tweeted.";
  EXPECT_EQ(SpeakerOf(t, "no new taxes"), "Rita Cole");
  EXPECT_EQ(SpeakerOf(t, "Get him out"), "Tom Vale");
  EXPECT_EQ(SpeakerOf(t, "Blink twice"), "person");
}

TEST(Quotes, NounsAfterDeterminersAreNotSpeechAndShortWordsEndSentences) {
  // "claims" after "of" is a noun; "up." ends its sentence.
  std::string t =
      "Tom Reed, a manager, spoke first.\n\n"
      "It was clear that a pile of claims was building up. The auditors found the new system was "
      "“nowhere near ready for the public”.";
  EXPECT_NE(SpeakerOf(t, "nowhere near ready"), "pile");
  EXPECT_NE(SpeakerOf(t, "nowhere near ready"), "Tom Reed");
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
      "But she said the town was “in it for the long haul” now.";
  EXPECT_EQ(SpeakerOf(t, "in it for the long haul"), "Vera Lind");
}

TEST(Quotes, PronounAfterADescribedSubjectMeansTheRoleHolder) {
  std::string t =
      "Home Secretary Paul Dent faced questions on Monday. Shadow home secretary Ian Moor "
      "welcomed the review. Mr Moor spoke to reporters.\n\n"
      "The home secretary has already admitted he was wrong to accept the tickets. He has "
      "apologised for “an honest mistake” and says he will repay the money.";
  EXPECT_EQ(SpeakerOf(t, "an honest mistake"), "Paul Dent");
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
      "Actress Dana Wells won the award. She thanked the woman she played, Kate Lowe, for "
      "her help. “I am sure you are pleased,” she said.";
  EXPECT_EQ(SpeakerOf(t1, "I am sure you are pleased"), "Dana Wells");
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
  // "pictured the prime minister and Mr Cope": no role for Mr Cope.
  std::string t4 =
      "Prime Minister Ian Bell spoke on Monday. A poster pictured the prime minister and "
      "Mr Joe Cope. The prime minister is trying to calm things. He said he wanted "
      "“personal prosperity for all”.";
  EXPECT_EQ(SpeakerOf(t4, "personal prosperity"), "Ian Bell");
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
      "“There are no ballots to recount.”\n\n"
      "Then Rita Cole turned to the crowd:\n\n"
      "“We will win this state.”\n\n"
      "The fact-checkers looked at this claim.\n\n"
      "“Almost all new income is going to the top.”\n\n"
      "- Bernie Sanders.";
  EXPECT_EQ(SpeakerOf(t, "no ballots to recount"), "Sam Lau");
  EXPECT_EQ(SpeakerOf(t, "We will win this state"), "Rita Cole");
  EXPECT_EQ(SpeakerOf(t, "Almost all new income"), "Bernie Sanders");
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
      "“We met in Berlin. ‘A ceasefire for a few days,’ Merz put it. I doubt it will hold,” "
      "said Oleg Marin.";
  EXPECT_EQ(SpeakerOf(t, "I doubt it will hold"), "Oleg Marin");
  EXPECT_EQ(SpeakerOf(t, "A ceasefire for a few days"), "Merz");
}

TEST(Quotes, PartialQuotesAndScareQuotes) {
  std::string t =
      "Mayor Ella Stone described the budget as \"a compromise on our part\" on Tuesday.\n\n"
      "Critics call the plan a \"rock-solid\" promise.\n\n"
      "The show \"Saturday Night Live\" aired.";
  auto partial = QuoteWith(t, "a compromise on our part");
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
  auto a = QuoteWith(t, "the talks had stalled");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Helen Park");
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
      "Voters like Hale more than Berg - 60 percent of voters said Berg would lose.\n\n"
      "Hale wins the voters who care most about ferries, while Berg leads among voters who say harbour fees are too high.";
  auto a = QuoteWith(t, "Ruritania would cut tariffs");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
  auto a = QuoteWith(t, "harbour deal could collapse");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
  auto a = QuoteWith(t, "Taxes on ferry tickets will rise");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
  auto a = QuoteWith(t, "trawler fees would rise");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Ruritanian Fisheries Commission");
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
  auto a = QuoteWith(t, "harbour accounts were false");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
  auto a = QuoteWith(t, "harbour plan would fail");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Anna Berg");
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
  auto a = QuoteWith(t, "will fail within a year");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
  auto a = QuoteWith(t, "he would resign");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
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
      "One of his sons is a sailor, a fact he often mentions on the campaign trail.";
  auto a = QuoteWith(t, "kept open all winter");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Anna Berg");
  EXPECT_EQ(SpeakerOf(t, "cost far too much money"), "Tom Hale");
  EXPECT_FALSE(QuoteWith(t, "his sons is a sailor"));
}

// "…, said port authority chief Anna Berg.": lower-case role words may
// stand between an inverted verb and the name.
TEST(Quotes, InvertedCueWithARoleBeforeTheName) {
  std::string t =
      "Tom Hale spoke in Dover on Monday.\n\n"
      "The ferry deal will create 200 jobs, said port authority chief Anna Berg.";
  auto a = QuoteWith(t, "will create 200 jobs");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Anna Berg");
}

// "Hale's campaign said …": the body speaks, named as "the Hale campaign".
TEST(Quotes, PossessiveBodyReportsAClause) {
  std::string t =
      "Tom Hale is running for governor of Ruritania.\n\n"
      "Hale's campaign said that the harbour poll was wrong.\n\n"
      "Rival Anna Berg's campaign says the ferry vote is rigged.";
  auto a = QuoteWith(t, "harbour poll was wrong");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Hale campaign");
  EXPECT_EQ(SpeakerOf(t, "ferry vote is rigged"), "Anna Berg campaign");
}

// "… reported a rise in profits and said sales would slow": a second verb
// shares the subject; a group's ("Other former officers … and said") is no
// one's to name.
TEST(Quotes, SecondVerbReportsForTheFirstSubject) {
  std::string t =
      "Vellish Widgets Ltd reported a rise in profits and said ferry sales would slow next year.\n\n"
      "Other former Ruritanian Navy officers chafed at the plan and said harbour fees were too high.";
  auto a = QuoteWith(t, "ferry sales would slow");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Vellish Widgets Ltd");
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
  auto a = QuoteWith(t, "plans for the harbour in Dover would fail");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(a->speaker, "Tom Hale");
  auto b = QuoteWith(t, "would resign");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->speaker, "Tom Hale");
  EXPECT_EQ(t.find("Tuesday"), t.find("Tuesday he would resign"));
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
      "Tom Hale spoke in Dover. He said on Tuesday he would resign.";
  EXPECT_FALSE(QuoteWith(t, "harbour fees had to fall"));
  EXPECT_EQ(SpeakerOf(t, "he would resign"), "Tom Hale");
}

TEST(Quotes, ReportedSpeechNeedsSomeoneToName) {
  std::string t =
      "Observers warned that nonbinding pledges had failed the country before.\n\n"
      "Some European officials warn that the fate of the region could shape the continent.\n\n"
      "Dora Winter spoke in Berlin. She said this during talks with envoys on Sunday.\n\n"
      "Envoys flew to Kyiv on Monday. Kyiv insists that the commitments must be legally binding.";
  EXPECT_FALSE(QuoteWith(t, "nonbinding pledges"));
  EXPECT_FALSE(QuoteWith(t, "fate of the region"));
  EXPECT_FALSE(QuoteWith(t, "during talks"));
  EXPECT_EQ(SpeakerOf(t, "must be legally binding"), "Kyiv");
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
      "Specifically, he thought that the bank kept rates low to help President Piet Berg, "
      "and that the result, as he later explained, was a \u201Cslow and painful recovery.\u201D";
  EXPECT_EQ(SpeakerOf(t, "slow and painful recovery"), "Tom Hale");
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

// "A survey conducted by …" is a survey, which no "he" means; "the foreign
// secretary meanwhile said" is described by "secretary", not "meanwhile".
TEST(Quotes, DescriptionsEndAtTheirHeadNoun) {
  std::string t =
      "A survey conducted by the Harbor Gazette has revealed that most readers are unhappy with their "
      "broadband. The problem could get worse, thinks Tom Varga, editor of the Harbor Gazette. "
      "\u201CWe expect these figures to rise,\u201D he said.\n\n"
      "Foreign Secretary Jack Lund said the rebate was fair. Shadow minister Paul Dorn said: "
      "\u201CWe must keep it.\u201D The foreign secretary meanwhile said the \u201Cjustice\u201D of the "
      "rebate remained.";
  EXPECT_EQ(SpeakerOf(t, "We expect these figures"), "Tom Varga");
  EXPECT_EQ(SpeakerOf(t, "justice"), "Jack Lund");
}

// "beaten by fellow American Jo Pratt": a name after a preposition and
// words of role is its object, not the subject a later "he" means; "of"
// belongs to a role ("minister of sport Tom Lund").
TEST(Quotes, NamesAfterAPrepositionAndARoleAreObjects) {
  std::string t =
      "Fifteen-year-old Tom Lund played his first professional match on Monday.\n\n"
      "But the wildcard entry was beaten by fellow American Jo Pratt in straight sets. "
      "\u201CIt was fun,\u201D he said.\n\n"
      "The federation banned the fans. Its minister of sport Eli Vance backed the decision. "
      "\u201CWe will have zero tolerance,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "It was fun"), "Tom Lund");
  EXPECT_EQ(SpeakerOf(t, "zero tolerance"), "Eli Vance");
}

// "Dane, ranked 158th, … “…,” said the 20-year-old": a description no
// role names means the person just made a sentence's subject, not the
// speaker before; "the spokesman" is someone else again.
TEST(Quotes, ADescriptionMeansTheSubjectJustNamed) {
  std::string t =
      "Tom Lund beat Ivo Dane in the final on Sunday. \u201CIt keeps getting better,\u201D Lund said.\n\n"
      "Dane, ranked 158th in the world, had never reached a final before. "
      "\u201CFor me this was a big success,\u201D said the 20-year-old.";
  EXPECT_EQ(SpeakerOf(t, "a big success"), "Ivo Dane");
  std::string u =
      "Ann Vell spoke on Monday. \u201CIt was cruel,\u201D Ms Vell said.\n\n"
      "The feminist writer said Big Harbor had behaved \u201Clike a child\u201D in the affair.";
  EXPECT_EQ(SpeakerOf(u, "like a child"), "Ann Vell");
}

// "the film, A Long Road, …": a capitalised title after "a" is a thing, as
// after "the"; no "he" means it.
TEST(Quotes, TitlesAfterAOrAnAreThings) {
  std::string t =
      "Singer Tom Lund was in Berlin on Friday.\n\n"
      "The film, A Long Road, follows his career from the 1980s. A Long Road opens next month. "
      "\u201CI am still going to be making music,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "still going to be making music"), "Tom Lund");
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
      "Asked if Mr Lund could return to the cabinet, he replied: \u201CThe future is something we will "
      "approach in the future.\u201D";
  EXPECT_EQ(SpeakerOf(t, "The future is something"), "Tom Hale");
}

// "Harbo said … The firm said": the body that just spoke, not an event
// named in between ("ahead of the 2006 World Cup").
TEST(Quotes, TheFirmIsTheBodyThatJustSpoke) {
  std::string t =
      "\u201CWe have signed a new four-year kit deal,\u201D Harbo said. It hopes sales will benefit from the "
      "2006 World Cup. The firm said it was \u201Cappraising a number of opportunities\u201D.";
  EXPECT_EQ(SpeakerOf(t, "appraising a number"), "Harbo");
}

// "Harbour manager Orrin is a hard man to please": a surname after a
// lower-case role is someone a later "he" means.
TEST(Quotes, ASurnameAfterALowerCaseRoleIsSomeone) {
  std::string t =
      "\u201CWe have spoken with the player,\u201D Tom Lund told the club website.\n\n"
      "Harbour manager Orrin is a hard man to please. \u201CPlayers get a game on merit,\u201D he said.";
  EXPECT_EQ(SpeakerOf(t, "Players get a game on merit"), "Orrin");
}

// "Workers objected to the move. They also said …": "they" means the
// plural subject just before, not one person named ("Tom Lund") nor the
// subject of what someone said ("prosecutors said investigators were").
TEST(Quotes, TheyMeansThePluralSubjectJustBefore) {
  std::string t =
      "Tom Lund, the chief executive, spoke on Monday. \u201CWe need flexibility,\u201D he said.\n\n"
      "Workers objected to the plan to move them. They also said that the firm was shipping jobs overseas.\n\n"
      "Former prosecutors said investigators were under pressure. Act before the vote, they said, and "
      "\u201Cyou risk being seen as partisan\u201D.";
  EXPECT_EQ(SpeakerOf(t, "shipping jobs overseas"), "workers");
  EXPECT_EQ(SpeakerOf(t, "you risk being seen"), "former prosecutors");
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
      "Following Fenwick on the radio, the referee defended his decisions.";
  EXPECT_EQ(SpeakerOf(t, "too many errors"), "Ulric Fenwick");
  EXPECT_EQ(SpeakerOf(t, "ready for them"), "Dario Fenwick");
}

// "her husband, Casimir Dunmore": a word of kinship genders a name no
// forename list knows, so "she" passes over him.
TEST(Quotes, KinshipWordGendersTheNameBesideIt) {
  std::string t =
      "Orsolya Vant, a teacher from Eastbrook, said the speeches had changed her mind. Along with her "
      "husband, Casimir Dunmore, a banker, she has given to many candidates. \u201CI feel bad to say it, "
      "but I cannot support him,\u201D she said.";
  EXPECT_EQ(SpeakerOf(t, "I feel bad"), "Orsolya Vant");
}

// "a recent report from Marrow Coastal Research" is that body's report, not
// an unnamed "recent report"; a statement or an email "from" someone is
// theirs; "a poll of Dale voters" names whom it asked, not who ran it.
TEST(Quotes, AFindingOrDocumentBySomeoneIsTheirs) {
  std::string t =
      "Sales of wooden boats rose by a third last year, according to a recent report from Marrow Coastal "
      "Research.\n\n"
      "Pell Ostrander runs the last yard on the river. An email from Pell Ostrander said that the yard would "
      "stay open through the winter.\n\n"
      "A Brightwater poll of Dale voters has revealed that most want the old bridge rebuilt.\n\n"
      "A separate survey conducted by Vellum think-tank Ostia revealed that fewer people fish than ten years ago.";
  EXPECT_EQ(SpeakerOf(t, "Sales of wooden boats"), "Marrow Coastal Research report");
  EXPECT_EQ(SpeakerOf(t, "the yard would stay open"), "Pell Ostrander");
  EXPECT_EQ(SpeakerOf(t, "most want the old bridge"), "Brightwater poll");
  EXPECT_EQ(SpeakerOf(t, "fewer people fish"), "Ostia survey");
  // "a report Tuesday from …", "a report earlier this week from …": when, then who.
  std::string u =
      "Ada Rusk will speak at the party's conference in May, according to a report Tuesday from the Dale "
      "Courier.\n\n"
      "Shop prices fell again in March, according to a report earlier this week from the Retail Guild.";
  EXPECT_EQ(SpeakerOf(u, "will speak at the party"), "Dale Courier report");
  EXPECT_EQ(SpeakerOf(u, "Shop prices fell"), "Retail Guild report");
}

// "she" means no capitalised run whose first word the text also writes in
// lower case (a title, a column's name), only someone a name could be.
TEST(Quotes, PronounPassesOverATitleThatStartsWithACommonWord) {
  std::string t =
      "Nia Okafor cancelled an appearance at the charity premiere of her film.\n\n"
      "The singer dropped out at the last minute and has cancelled the promotion of the film Evening Tide "
      "and her new album; the evening show went on without her. She said: \u201CI very much wanted to be there but I am not well.\u201D";
  EXPECT_EQ(SpeakerOf(t, "I very much wanted"), "Nia Okafor");
}

// "This sentiment was reflected …": a description of no one is not the
// last speaker; a speaker the same sentence names still is ("Mr Vell says
// the result offered …").
TEST(Quotes, DescriptionOfNoOneIsNotTheLastSpeaker) {
  std::string t =
      "\u201CWe will win the county,\u201D said Mara Quist, the party's candidate.\n\n"
      "This sentiment was reflected in another question that asked how likely the party was to win, to "
      "which 21 percent said \u201Cnot too likely\u201D and 14 percent said \u201Cnot at all likely\u201D.\n\n"
      "\u201CIt is a start,\u201D said Tom Vell, who leads the rival group. In his speech, Mr Vell says the "
      "result offered his group an \u201Camazing opportunity\u201D that it had wasted.";
  EXPECT_EQ(SpeakerOf(t, "not too likely"), "");
  EXPECT_EQ(SpeakerOf(t, "amazing opportunity"), "Tom Vell");
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
      "Asked about the storm, the harbour master's official spokesman said: \u201CWe believe the risk is "
      "real and growing.\u201D";
  EXPECT_EQ(SpeakerOf(t, "the risk is real"), "harbour master's official spokesman");
}

// "The Bank of Dale said": a body's name runs past "of"; "the Bank" alone
// matched whichever bank the story named last, and so did "the bank".
TEST(Quotes, ABodysNameRunsPastOf) {
  std::string t =
      "Workers abroad sent a record sum home last year.\n\n"
      "The Bank of Dale said that remittances grew by a quarter last year. Last year there were fifty "
      "million transfers, the bank said. Growth may slow, according to the Ruritanian Development Bank.";
  EXPECT_EQ(SpeakerOf(t, "remittances grew"), "Bank of Dale");
  EXPECT_EQ(SpeakerOf(t, "fifty million transfers"), "Bank of Dale");
}

// "…, the critic Tom Vole, who said they were “…”": the relative pronoun
// speaks for the person named just before its comma, not for the last
// speaker; not for a place ("the mayor of Dale, who …").
TEST(Quotes, WhoAfterANameSpeaksForIt) {
  std::string t =
      "\u201CWe are thrilled to top the list,\u201D said Ada Rusk, the band's singer.\n\n"
      "One of the experts to tip the band was the critic Tom Vole, who said they were \u201Cspiky but in "
      "love with pop\u201D.";
  EXPECT_EQ(SpeakerOf(t, "spiky but in love"), "Tom Vole");
}

// "Harbor Kites singer Ula Vetch collected …": a name that only qualifies a
// role before another name is not the sentence's subject; "Vera Wood
// slated comedian Sam Cole" keeps its subject.
TEST(Quotes, NameBeforeARoleAndANameIsNotTheSubject) {
  std::string t =
      "The band won three awards on the night. Harbor Kites singer Ula Vetch collected the best album prize "
      "from the singer Dora Pike. She told the audience: \u201CIf you told us a year ago we would win these "
      "awards we would have called you crazy.\u201D\n\n"
      "In an interview, Vera Wood slated comedian Sam Cole for his brand of humour. \u201CIt is a shame "
      "people cannot just write a script,\u201D she said.";
  EXPECT_EQ(SpeakerOf(t, "called you crazy"), "Ula Vetch");
  EXPECT_EQ(SpeakerOf(t, "write a script"), "Vera Wood");
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
