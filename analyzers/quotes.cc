#include "analyzers/quotes.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "analyzers/analyzer.h"
#include "analyzers/speakers.h"

namespace newsidx {
namespace {

// ---------------------------------------------------------------------------
// Lexicons. Lower-case; the forms news writing uses, both spellings.

const absl::flat_hash_set<std::string>& SpeechVerbs() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed",
      "stresses", "emphasised", "emphasized", "emphasises", "emphasizes", "explained",
      "explains", "believes", "believed", "concluded", "concludes", "warned", "warns", "wrote",
      "writes", "argued", "argues", "insisted", "insists", "clarified", "clarifies", "asked",
      "asks", "replied", "replies", "responded", "responds", "continued", "continues",
      "declared", "declares", "stated", "states", "remarked", "remarks", "observed", "observes",
      "commented", "comments", "acknowledged", "acknowledges", "admitted", "admits",
      "announced", "announces", "claimed", "claims", "suggested", "suggests", "predicted",
      "predicts", "recalled", "recalls", "tweeted", "posted", "testified", "urged", "urges",
      "agreed", "agrees", "conceded", "concedes", "confirmed", "confirms", "denied", "denies",
      "thinks", "thought", "mused", "quipped", "joked", "cautioned", "cautions", "complained",
      "complains", "described", "describes", "framed", "frames", "called", "calls", "shouted",
      "yelled", "answered", "answers", "assured", "assures", "vowed", "vows", "promised",
      "promises", "pledged", "maintained", "maintains", "contended", "contends", "countered",
      "counters", "reiterated", "reiterates", "repeated", "echoed", "lamented", "laments",
      "boasted", "boasts", "charged", "alleged", "alleges", "whispered", "exclaimed", "proclaimed",
      "recounted", "recounts", "reported", "reports", "indicated", "indicates", "mentioned",
      "mentions", "pointed", "points", "pointing", "forecast", "forecasts", "went", "put", "wondered",
      "questioned", "demanded", "demands",
      "disclosed", "revealed", "reveals", "insisting", "saying", "stating", "adding", "noting",
      "arguing", "telling", "explaining", "describing", "warning", "asking", "calling",
      "suggesting", "claiming", "stressing", "emphasising", "emphasizing", "writing",
      "declaring", "announcing", "acknowledging", "admitting", "yelling", "shouting", "tweeting",
      "recalling", "joking", "quipping", "replying", "responding", "vowing",
      "predicting", "complaining", "conceding", "boasting", "lamenting", "remarking",
      "observing", "commenting", "reiterating", "insist", "argue", "explain", "believe", "claim",
      "suggest", "predict",
      "warn", "tell", "boomed", "thundered", "roared",
      "retorted", "snapped", "interjected", "muttered", "scoffed", "gushed", "shot", "fired",
      "hit", "chimed", "issued", "released", "explains", "joked", "quipped", "sighed",
      "laughed", "offered", "elaborated", "opined", "surmised", "reasoned", "concurred",
      "objected", "protested", "conceded", "emailed", "texted", "wrote", "tweets", "fumed",
      "reacted", "remembered", "barked", "sang", "sings", "pressed", "thanked", "welcomed",
      "labeled", "labelled", "labeling", "labelling", "dubbed", "branded", "slammed",
      "blasted", "praised", "mocked", "griped", "groused", "scolded", "chided", "teased",
      "ranted", "hailed", "asserted", "asserts", "asserting", "affirmed", "affirms", "hinted",
      "speculated", "speculates", "confided", "ventured", "bragged", "brags", "crowed", "grumbled",
      "pleaded", "underscored", "underscores", "reckoned", "reckons", "posited", "summarized",
      "summarised", "intoned", "cried", "screamed", "groaned", "sneered", "marveled", "marvelled",
      "gloated", "implored"};
  return *v;
}

// Verbs that only report speech with a particle after them ("put it", "went on").
bool NeedsParticle(absl::string_view verb) {
  return verb == "put" || verb == "went" || verb == "pointed" || verb == "points" ||
         verb == "pointing" || verb == "called" ||
         verb == "shot" || verb == "fired" || verb == "hit" || verb == "chimed" ||
         verb == "issued" || verb == "released";
}

// Verbs whose object is the listener, not the speaker: "told Reuters".
bool ObjectIsListener(absl::string_view verb) {
  return verb == "told" || verb == "tells" || verb == "asked" || verb == "asks" ||
         verb == "tell" || verb == "ask" || verb == "telling" || verb == "asking" ||
         verb == "urged" || verb == "urges" || verb == "assured" || verb == "assures" ||
         verb == "promised" || verb == "warned";
}

bool IsParticipleVerb(absl::string_view verb) { return absl::EndsWith(verb, "ing"); }

// Reporting verbs that take a clause without "that" ("said the move was …").
const absl::flat_hash_set<std::string>& ClauseVerbs() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "said", "says", "believes", "thinks", "argued", "argues", "warned", "warns", "insisted",
      "insists", "claimed", "claims", "added", "stressed", "suggested", "admitted", "predicted",
      "maintained", "acknowledged", "conceded", "noted", "explained"};
  return *v;
}

// Reporting verbs that take a clause without "that" only where a finite
// verb shows it is one ("denied the claims were true", not "denied the
// claims"; "adds prices will rise").
const absl::flat_hash_set<std::string>& FiniteClauseVerbs() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "denied", "denies", "announced", "announces", "revealed", "reveals", "confirmed",
      "confirms", "reported", "reports", "wrote", "writes", "agreed", "agrees", "indicated",
      "indicates", "complained", "complains", "hinted", "recalled", "recalls", "declared",
      "stated", "states", "adds", "notes", "stresses", "explains", "predicts", "suggests",
      "admits", "concedes", "acknowledges", "maintains", "reckons", "emphasised", "emphasized",
      "reiterated", "contended", "contends"};
  return *v;
}

// Words that start such a clause.
const absl::flat_hash_set<std::string>& ClauseStarts() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "it", "he", "she", "they", "there", "this", "these", "those", "we", "i",
      "his", "her", "their", "its", "our", "no", "some", "many", "most", "any", "all"};
  return *v;
}

// Finite verbs that follow a clause's subject: "said exports were falling".
const absl::flat_hash_set<std::string>& FiniteAuxiliaries() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "is", "was", "are", "were", "will", "would", "could", "should", "can", "may", "might",
      "must", "had", "has", "have", "did", "does", "do", "shall", "won't", "wouldn't", "couldn't",
      "can't", "isn't", "wasn't", "aren't", "weren't", "hadn't", "hasn't", "haven't", "didn't",
      "doesn't", "don't", "shouldn't"};
  return *v;
}

// Words that open a subordinate clause: "while", "although", "when" ….
bool IsSubordinator(absl::string_view w) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "though", "although", "while", "when", "whenever", "after", "before", "since", "because",
      "if", "unless", "once", "as", "until", "whereas"};
  return v->contains(w);
}

// Verbs by which one judges another ("described as", "branded"): in the
// passive they name no speaker before them, only an agent after ("by X").
bool IsJudgingVerb(absl::string_view w) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "described", "called", "labelled", "labeled", "dubbed", "branded", "hailed", "derided", "praised",
      "blasted", "slammed", "criticised", "criticized", "denounced", "condemned", "characterised",
      "characterized", "portrayed"};
  return v->contains(w);
}

// "The director is Jo Pratt": after a copula a name is still what the
// sentence is about.
const absl::flat_hash_set<std::string>& BeForms() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "is", "was", "are", "were", "isn't", "wasn't", "aren't", "weren't"};
  return *v;
}

const absl::flat_hash_set<std::string>& Auxiliaries() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "has", "have", "had", "is", "was", "were", "are", "would", "will", "could", "did",
      "does", "do", "also", "then", "again", "later", "previously", "recently", "further",
      "repeatedly", "reportedly", "once", "often", "has also", "not", "never", "just", "only",
      "publicly", "privately", "flatly", "quickly", "simply", "firmly", "bluntly", "clearly",
      "openly", "immediately", "subsequently", "himself", "herself", "themselves", "already",
      "even", "still", "told", "shall", "might", "may", "must", "can"};
  return *v;
}

// Words of parties and allegiances: "Liberal Democrat" names no one.
const absl::flat_hash_set<std::string>& Affiliations() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "democrat", "democrats", "republican", "republicans", "conservative", "conservatives",
      "liberal", "liberals", "tory", "tories", "labour", "green", "greens", "socialist",
      "independent", "unionist", "nationalist", "lib", "dem", "dems", "gop"};
  return *v;
}

const absl::flat_hash_set<std::string>& Pronouns() {
  static const auto* v = new absl::flat_hash_set<std::string>{"he", "she", "they", "it"};
  return *v;
}

// Titles and ranks before a name: a role, not part of the name.
const absl::flat_hash_set<std::string>& Titles() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "president", "chancellor", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir",
      "lady", "lord", "rep", "sen", "senator", "gov", "governor", "secretary", "minister",
      "prime", "deputy", "vice", "general", "gen", "colonel", "col", "lt", "major", "captain",
      "capt", "admiral", "sergeant", "mayor", "judge", "justice", "ambassador", "king", "queen",
      "prince", "princess", "pope", "father", "rev", "reverend", "rabbi", "imam", "chairman",
      "chairwoman", "chair", "speaker", "leader", "commissioner", "director", "chief", "head",
      "spokesman", "spokeswoman", "spokesperson", "representative", "congressman",
      "congresswoman", "candidate", "former", "high", "foreign", "defence", "defense", "envoy",
      "special", "senior", "attorney", "state", "house", "senate", "majority", "minority",
      "retired", "expert", "analyst", "economist", "coach", "manager", "boss", "mp", "mep",
      "cardinal", "bishop", "emperor", "sheikh", "crown", "first", "u.s", "us", "eu", "un",
      "german", "french", "british", "american", "russian", "ukrainian", "chinese", "israeli",
      "european", "commissioner", "shadow", "opposition", "party", "cabinet", "home", "culture",
      "trade", "health", "education", "finance", "interior", "justice", "transport", "treasury"};
  return *v;
}

// A capitalised run made only of roles and allegiances ("Liberal Democrat",
// "European Commissioner") is not a person's name.
bool IsRoleOnly(absl::string_view name) {
  for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    std::string lw = NormalizeText(w);
    if (!Titles().contains(lw) && !Affiliations().contains(lw)) return false;
  }
  return true;
}

// Capitalised words that start sentences or name no one.
const absl::flat_hash_set<std::string>& NotNames() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
      "you", "his", "her", "their", "our", "its", "my", "your", "in", "on", "at", "for", "from",
      "with", "by", "as", "but", "and", "or", "if", "when", "while", "after", "before", "since",
      "although", "however", "meanwhile", "moreover", "thus", "so", "yet", "still", "also",
      "then", "there", "here", "what", "why", "how", "who", "where", "which", "yes", "no", "not",
      "according", "under", "over", "unlike", "like", "even", "both", "all", "some", "many",
      "most", "one", "two", "three", "last", "next", "first", "every", "each", "another",
      "other", "such", "now", "today", "tomorrow", "yesterday", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "mr", "mrs", "ms", "dr", "will", "would", "can", "could", "should", "did", "does", "do",
      "is", "was", "are", "were", "be", "been", "has", "have", "had", "to", "of", "about",
      "because", "though", "instead", "rather", "only", "just", "well", "again", "once",
      "despite", "during", "until", "through", "into", "let", "please", "oh", "okay", "ok",
      "indeed", "perhaps", "maybe", "still", "sources", "source", "image", "photo", "video",
      "getty", "reuters", "ap", "afp", "said", "says", "told", "earlier", "later", "separately",
      "elsewhere", "overall", "nevertheless", "wait", "asked", "speaking", "paying"};
  return *v;
}

// Words that make a capitalised sequence an organisation, not a person.
const absl::flat_hash_set<std::string>& OrgWords() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "center", "centre", "institute", "university", "party", "council", "ministry",
      "department", "committee", "commission", "agency", "office", "union", "bank", "court",
      "congress", "parliament", "senate", "house", "news", "times", "post", "journal",
      "foundation", "association", "group", "organization", "organisation", "corporation",
      "company", "inc", "ltd", "corp", "network", "service", "administration", "government",
      "campaign", "club", "federation", "league", "board", "nations", "alliance", "forces",
      "army", "police", "review", "magazine", "press", "radio", "television", "tv", "channel",
      "kremlin", "pentagon", "whitehouse", "security", "strategy", "memorandum", "charter",
      "democrats", "dems", "republicans", "tories", "conservatives", "labour", "liberals",
      "greens", "socialists", "mps", "analysts", "officials", "ministers", "fans", "police",
      "industry", "industries", "dictionary", "united", "rovers", "athletic", "fc", "airlines",
      "airways", "motors", "electric", "dynamics", "systems", "technologies", "labs", "laboratories", "research",
      "securities", "capital", "partners", "holdings", "media", "records", "studios",
      "pictures", "entertainment", "software", "telecom", "energy", "petroleum", "insurance",
      "trust", "fund", "exchange", "markets", "economics", "consulting", "federation",
      "authority", "institution", "society", "school", "college", "hospital", "office",
      "constitution", "states", "kingdom", "republic", "europe", "america", "street", "city",
      "prix", "cup", "championship", "championships", "open", "games", "olympics", "trophy",
      "tour", "series", "festival", "awards", "award", "prize", "album", "film", "show"};
  return *v;
}

// Nouns that stand for whichever organisation the story is about.
const absl::flat_hash_set<std::string>& GenericOrgNouns() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "company", "firm", "group", "club", "bank", "airline", "carrier", "retailer", "insurer",
      "network", "agency", "broadcaster", "manufacturer", "maker", "operator", "regulator"};
  return *v;
}

// Bodies named after whom they serve or where they govern: "the Hale
// campaign" is not Hale, "the Ruritanian government" not "Ruritanian".
const absl::flat_hash_set<std::string>& BodyOfSomeone() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "campaign", "administration", "government", "ministry", "embassy", "regime", "cabinet"};
  return *v;
}

// Things that carry words but do not speak: whoever issued them did.
const absl::flat_hash_set<std::string>& DocumentNouns() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "statement", "statements", "letter", "email", "e-mail", "memo", "tweet", "post", "release",
      "message", "note", "ad", "advert", "advertisement", "video", "editorial", "complaint",
      "lawsuit", "suit", "filing", "document", "book", "essay", "op-ed", "transcript", "speech",
      "newsletter", "leaflet", "pamphlet", "manifesto", "memoir", "memoirs", "bulletin", "brochure",
      "handbook", "ruling", "judgment", "judgement"};
  return *v;
}

// Numbers that report findings: a poll, not the person last quoted, says them.
const absl::flat_hash_set<std::string>& FindingNouns() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "poll", "polls", "survey", "surveys", "study", "report", "analysis", "census", "data",
      "figures", "results", "average", "index", "estimate", "estimates", "tally", "count"};
  return *v;
}

// A noun for a person ("organizer", "aide", "resident"), not a thing.
bool PersonNoun(absl::string_view w) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "aide", "official", "source", "friend", "critic", "expert", "veteran", "guest", "colleague",
      "chief", "staff", "staffer", "insider", "neighbor", "neighbour", "relative", "activist",
      "person", "voter", "resident", "woman", "man", "executive", "boss", "secretary", "candidate",
      "nominee", "attorney", "host", "athlete", "coach", "star", "champion", "fly-half", "scrum-half",
      "full-back", "prop", "lock", "forward", "centre", "centre-back", "rookie", "pro", "entrepreneur",
      "tycoon", "mogul", "billionaire", "millionaire", "actress", "diva", "legend", "favourite", "favorite"};
  if (words->contains(w)) return true;
  if (DocumentNouns().contains(w) || FindingNouns().contains(w) || OrgWords().contains(w) ||
      GenericOrgNouns().contains(w)) {
    return false;
  }
  for (absl::string_view end : {"er", "or", "ist", "man", "woman", "person", "ian", "ant", "ent", "ee"}) {
    if (w.size() > end.size() + 2 && absl::EndsWith(w, end)) return true;
  }
  return false;
}

std::string LastWordLower(absl::string_view name) {
  size_t at = name.rfind(' ');
  return absl::AsciiStrToLower(at == absl::string_view::npos ? name : name.substr(at + 1));
}

// A noun for a work with a title: "the Sky Harbour movie", "the film Exodus".
bool IsWorkNoun(absl::string_view w) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "film", "movie", "album", "single", "song", "sitcom", "musical", "novel", "documentary",
      "franchise", "trilogy", "sequel", "soundtrack", "blockbuster", "epic", "series", "opera"};
  return words->contains(w);
}

// "the 2006 World Cup", "the Golden Globe awards", "the album": an event or
// a work, which holds no press office.
bool IsEventOrWork(absl::string_view name) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "cup", "prix", "championship", "championships", "open", "games", "olympics", "trophy", "tour",
      "series", "festival", "awards", "award", "prize", "album", "film", "show"};
  return words->contains(LastWordLower(name));
}

// Someone known by speaking for others or on their behalf: a spokesman, a
// source, an official, an aide.
bool SpeaksForOthers(absl::string_view noun) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "spokesman", "spokeswoman", "spokesperson", "representative", "source", "official", "aide",
      "adviser", "advisor", "insider", "staffer", "operative"};
  return v->contains(noun);
}

// The head noun of a description of someone: "the senator", "the
// front-runner", "the 20-year-old"; not of someone who speaks for or
// about others ("the spokesman", "the moderator"), who is someone else.
bool DescribesAPerson(absl::string_view noun) {
  static const auto* about_others = new absl::flat_hash_set<std::string>{
      "moderator", "host", "interviewer", "columnist", "reporter", "correspondent", "member",
      "officer", "newspaper", "paper", "analyst", "expert", "judge", "prosecutor", "magistrate", "coroner",
      "referee"};
  if (SpeaksForOthers(noun) || about_others->contains(noun)) return false;
  return PersonNoun(noun) || Titles().contains(noun) || absl::EndsWith(noun, "-old");
}

// The head noun of a description of no one and nothing that speaks: an
// idea, an act ("the sentiment", "the restoration", "a wave"); not a span
// of time, which may end a longer description ("a study late last month");
// not a body ("the administration", "the community", "the delegation").
bool NamesNoOne(absl::string_view noun) {
  static const auto* abstract = new absl::flat_hash_set<std::string>{
      "sentiment", "plan", "plans", "move", "trip", "meeting", "issue", "result", "system", "test",
      "idea", "proposal", "proposals", "deal", "agreement", "temperature", "slide", "battle", "wave",
      "nod", "stretch",
      "array", "number", "dozen", "third", "half", "quarter", "look", "copy", "piece", "version",
      "fine", "rise", "fall", "increase", "decline"};
  static const auto* bodies = new absl::flat_hash_set<std::string>{
      "delegation", "coalition", "community", "charity", "publication",
      // findings under another name: "an audit inquiry said"
      "investigation", "declaration", "projection", "examination", "evaluation"};
  const std::string w(noun);
  if (abstract->contains(w)) return true;  // before PersonNoun, which takes "sentiment" for "student"
  if (OrgWords().contains(w) || GenericOrgNouns().contains(w) || BodyOfSomeone().contains(w) ||
      Titles().contains(w) || DocumentNouns().contains(w) || FindingNouns().contains(w) ||
      PersonNoun(w) || bodies->contains(w)) {
    return false;
  }
  for (absl::string_view end : {"tion", "sion", "ness", "ity", "ism"}) {
    if (w.size() > end.size() + 3 && absl::EndsWith(w, end)) return true;
  }
  return false;
}

// Bodies that speak as one without being organisations named in the story:
// a panel, a jury, a newspaper.
bool IsPanelOrPaper(absl::string_view noun) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "panel", "jury", "inquiry", "tribunal", "watchdog", "newspaper", "paper", "tabloid",
      "website", "site", "station", "outlet", "newsletter", "weekly", "daily"};
  return v->contains(noun);
}

// "Wall Street", "Dale County": a name whose last word is for a place.
bool EndsLikeAPlace(absl::string_view name) {
  static const auto* last_words = new absl::flat_hash_set<std::string>{
      "county", "city", "island", "islands", "islander", "islanders", "valley", "bay", "beach", "park",
      "street", "avenue", "road", "square", "hill", "hills", "heights", "lake", "river", "mountains",
      "state", "province", "region", "district", "coast", "prison", "airport", "station", "stadium",
      "hall", "centre", "center", "hospital", "school", "village", "town", "falls", "springs"};
  const size_t at = name.rfind(' ');
  return at != absl::string_view::npos && last_words->contains(NormalizeText(name.substr(at + 1)));
}

// "South Dale", "Lake Vore", "Vane County", "Dale Prison": a name that
// starts or ends like a place's or a building's, which "he" or "she" never
// means.
bool NamesAPlace(absl::string_view name) {
  static const auto* first_words = new absl::flat_hash_set<std::string>{
      "lake", "river", "mount", "north", "south", "east", "west", "new", "san", "santa", "los", "las",
      "port", "fort", "upper", "lower", "greater", "central", "northern", "southern", "eastern", "western",
      "puerto", "palo", "porto", "santo"};
  std::vector<absl::string_view> w = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (w.size() < 2) return false;
  return first_words->contains(NormalizeText(w.front())) || EndsLikeAPlace(name);
}

// "the Supreme Court", "the Dale Party", "the Home Office": a body of the
// state or of politics, by the last word of its name.
bool IsPublicBody(absl::string_view name) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "court", "party", "government", "parliament", "congress", "senate", "house", "department",
      "ministry", "committee", "commission", "council", "university", "college", "school", "police",
      "army", "office", "assembly", "administration", "democrats", "republicans", "tories", "labour"};
  return v->contains(LastWordLower(name));
}

// "Russia", "South Korea": a country's English name (from ICU's locale
// data), which may speak for its government ("Russia has said …").
bool IsCountryName(absl::string_view name) {
  static const auto* v = [] {
    auto* names = new absl::flat_hash_set<std::string>;
    for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
      icu::UnicodeString display;
      icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string utf8;
      display.toUTF8String(utf8);
      if (!utf8.empty() && utf8 != *code) names->insert(absl::AsciiStrToLower(utf8));
    }
    return names;
  }();
  return v->contains(absl::AsciiStrToLower(name));
}

// "Swedish", "Korean", "Italian", "Japanese": a word for a nationality,
// which describes a body ("the Swedish firm") rather than naming it.
bool IsNationality(absl::string_view w) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "american", "british", "english", "scottish", "welsh", "irish", "french", "german", "italian",
      "spanish", "dutch", "swedish", "danish", "norwegian", "finnish", "polish", "russian", "ukrainian",
      "turkish", "greek", "chinese", "japanese", "korean", "indian", "pakistani", "iranian", "iraqi",
      "israeli", "palestinian", "saudi", "syrian", "egyptian", "mexican", "canadian", "australian",
      "brazilian", "argentine", "african", "european", "asian", "arab", "kurdish", "afghan", "libyan",
      "nigerian", "kenyan", "swiss", "belgian", "austrian", "portuguese", "cuban", "venezuelan",
      "colombian", "chilean", "hungarian", "czech", "romanian", "serbian", "croatian", "vietnamese",
      "thai", "indonesian", "filipino", "malaysian", "taiwanese", "lebanese", "jordanian", "somali",
      "ethiopian", "sudanese", "moroccan", "algerian", "scandinavian", "hispanic", "latino"};
  return v->contains(w);
}

// "the Spaniard", "the 30-year-old Dane", "the Australian": someone
// known by their country, a person named before.
bool IsDemonym(absl::string_view w) {
  static const auto* nouns = new absl::flat_hash_set<std::string>{
      "spaniard", "frenchman", "frenchwoman", "englishman", "englishwoman", "scot", "scotsman",
      "scotswoman", "welshman", "welshwoman", "irishman", "irishwoman", "briton", "dane", "swede",
      "finn", "pole", "turk", "dutchman", "dutchwoman", "kiwi", "aussie", "croat", "serb", "argentinian",
      "uruguayan", "peruvian", "jamaican", "ghanaian", "cameroonian", "ivorian", "senegalese", "zimbabwean",
      "new zealander", "south african", "georgian", "bulgarian", "slovak", "slovenian", "estonian",
      "latvian", "lithuanian", "belarusian", "icelander"};
  static const auto* adjectives_only = new absl::flat_hash_set<std::string>{
      "british", "english", "scottish", "welsh", "irish", "french", "spanish", "dutch", "swedish", "danish",
      "finnish", "polish", "turkish", "african", "european", "asian", "scandinavian", "hispanic", "latino"};
  return nouns->contains(w) || (IsNationality(w) && !adjectives_only->contains(w));
}

// After "one": a noun that surely means a person ("one person", "one
// analyst"), not a share ("one quarter said").
bool OnePerson(absl::string_view lower) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "person", "voter", "resident", "official", "source", "aide", "friend", "critic", "expert", "analyst"};
  if (words->contains(lower)) return true;
  // "one dealer", "one trader"; not "one quarter", "one number".
  static const auto* amounts = new absl::flat_hash_set<std::string>{
      "quarter", "number", "other", "order", "hour", "minute", "year", "dollar", "percent", "centre", "center"};
  if (PersonNoun(lower) && !amounts->contains(lower)) return true;
  for (absl::string_view end : {"ist", "man", "woman", "ian"}) {
    if (lower.size() > end.size() + 2 && absl::EndsWith(lower, end)) return true;
  }
  return false;
}

const absl::flat_hash_set<std::string>& Prepositions() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "of", "with", "to", "for", "from", "by", "at", "in", "on", "about", "against", "between",
      "toward", "towards", "into", "than", "like", "after", "before", "under", "over", "via",
      "among", "without", "the", "a", "an", "his", "her", "their", "its"};
  return *v;
}

// Prepositions() also holds the determiners that start an object ("the",
// "his"); this is the prepositions alone.
bool IsPreposition(absl::string_view w) {
  return Prepositions().contains(w) && w != "the" && w != "a" && w != "an" && w != "his" &&
         w != "her" && w != "their" && w != "its";
}

const absl::flat_hash_set<std::string>& MaleForenames() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
      "charles", "daniel", "matthew", "mark", "donald", "paul", "steven", "steve", "andrew",
      "kenneth", "joshua", "george", "kevin", "brian", "edward", "ronald", "timothy", "jason",
      "jeffrey", "ryan", "jacob", "gary", "eric", "jonathan", "stephen", "larry", "justin",
      "scott", "brandon", "frank", "benjamin", "gregory", "samuel", "raymond", "patrick",
      "alexander", "jack", "dennis", "jerry", "tyler", "aaron", "henry", "adam", "peter",
      "nathan", "zachary", "walter", "kyle", "harold", "carl", "jeremy", "keith", "roger",
      "gerald", "ethan", "arthur", "terry", "christian", "sean", "lawrence", "austin", "joe",
      "noah", "jesse", "albert", "bryan", "billy", "bruce", "willie", "jordan", "dylan", "alan",
      "ralph", "gabriel", "roy", "juan", "wayne", "eugene", "logan", "randy", "louis", "russell",
      "vincent", "philip", "bobby", "johnny", "bradley", "barack", "bill", "ted", "marco",
      "jeb", "ben", "chris", "mike", "bernie", "tony", "gordon", "boris", "vladimir",
      "volodymyr", "oleh", "oleg", "mykhailo", "mikhail", "sergei", "sergey", "dmitry",
      "friedrich", "olaf", "emmanuel", "xi", "recep", "viktor", "brett", "harry", "nigel",
      "jim", "tom", "tim", "rick", "ron", "newt", "mitch", "lindsey", "rand", "reince", "corey",
      "ivan", "andriy", "yuriy", "petro", "oleksandr", "dmytro", "boris", "jean",
      "pierre", "hans", "klaus", "wolfgang", "giuseppe", "luca", "nikita", "ilya"};
  return *v;
}

const absl::flat_hash_set<std::string>& FemaleForenames() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "mary", "kellyanne", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
      "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
      "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
      "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
      "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine",
      "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
      "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly",
      "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah",
      "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice",
      "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise",
      "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana",
      "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary",
      "theresa", "angela", "ursula", "kamala", "nikki", "sarah", "carly", "michele", "melania",
      "ivanka", "huma", "elizabeth", "nancy", "kaja", "yulia", "olena", "iryna", "kate", "jill",
      "hope", "paige", "liz"};
  return *v;
}

size_t WordCount(absl::string_view s) {
  return std::vector<absl::string_view>(absl::StrSplit(s, ' ', absl::SkipWhitespace())).size();
}

// ---------------------------------------------------------------------------
// Characters.

struct CodePoint {
  UChar32 c;
  uint32_t start, end;
};

std::vector<CodePoint> Decode(absl::string_view text, uint32_t from, uint32_t to) {
  std::vector<CodePoint> out;
  int32_t i = static_cast<int32_t>(from);
  const int32_t n = static_cast<int32_t>(to);
  while (i < n) {
    int32_t s = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    out.push_back({c < 0 ? 0xFFFD : c, static_cast<uint32_t>(s), static_cast<uint32_t>(i)});
  }
  return out;
}

bool IsLetter(UChar32 c) { return u_isalpha(c) || u_isdigit(c); }
bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }
bool IsDash(UChar32 c) { return c == 0x2014 || c == 0x2013 || c == '-'; }

enum class Mark { kNone, kOpenDouble, kCloseDouble, kAsciiDouble, kOpenSingle, kCloseSingle, kAsciiSingle };

Mark MarkOf(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201E: case 0x00AB: case 0x2039: return Mark::kOpenDouble;   // “ „ « ‹
    case 0x201D: case 0x00BB: case 0x203A: return Mark::kCloseDouble;                // ” » ›
    case '"': return Mark::kAsciiDouble;
    case 0x2018: case 0x201A: return Mark::kOpenSingle;                              // ‘ ‚
    case 0x2019: return Mark::kCloseSingle;                                          // ’
    case '\'': return Mark::kAsciiSingle;
    default: return Mark::kNone;
  }
}

// ---------------------------------------------------------------------------
// Quote segments: the spans between matching marks.

struct Segment {
  uint32_t open = 0, close = 0;  // the marks' span: [open, close)
  uint32_t start = 0, end = 0;   // the quoted words
  int para = 0;
  int depth = 0;      // 0: a top-level quote; 1+: nested inside another
  int parent = -1;    // for nested segments, the top-level segment
  int group = -1;     // top-level segments of one multi-paragraph quote share a group
};

struct Paragraph {
  uint32_t start, end;
};

std::vector<Paragraph> Paragraphs(absl::string_view text) {
  std::vector<Paragraph> out;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > start) out.push_back({start, i});
      start = i + 1;
    }
  }
  return out;
}

struct OpenMark {
  bool is_double;
  uint32_t open, content;
  bool continued;  // reopened in a new paragraph
};

class SegmentScanner {
 public:
  explicit SegmentScanner(absl::string_view text) : text_(text) {}

  std::vector<Segment> Scan(const std::vector<Paragraph>& paras) {
    paras_ = &paras;
    for (size_t p = 0; p < paras.size(); ++p) ScanParagraph(static_cast<int>(p), paras[p]);
    std::sort(segs_.begin(), segs_.end(),
              [](const Segment& a, const Segment& b) { return a.start < b.start; });
    // Nested segments point at their top-level segment.
    for (Segment& s : segs_) {
      if (s.depth == 0) continue;
      for (size_t i = 0; i < segs_.size(); ++i) {
        const Segment& t = segs_[i];
        if (t.depth == 0 && t.start <= s.open && s.close <= t.end + 4) s.parent = static_cast<int>(i);
      }
    }
    return segs_;
  }

 private:
  void Close(size_t index, uint32_t close_end, uint32_t content_end, int para) {
    OpenMark m = stack_[index];
    Segment s;
    s.open = m.open;
    s.start = m.content;
    s.end = content_end;
    s.close = close_end;
    s.para = para;
    s.depth = static_cast<int>(index);
    if (index == 0) s.group = m.continued ? group_ : ++group_;
    if (HasNonSpace(s.start, s.end)) segs_.push_back(s);  // “ ” quotes nothing
    stack_.resize(index);
  }

  bool HasNonSpace(uint32_t from, uint32_t to) const {
    int32_t i = static_cast<int32_t>(from);
    const int32_t n = static_cast<int32_t>(to);
    while (i < n) {
      UChar32 c;
      U8_NEXT(text_.data(), i, n, c);
      if (c < 0 || !IsSpace(c)) return true;  // a broken byte is no space
    }
    return false;
  }

  // '"… himself. "They just …': an opening mark after a finished sentence,
  // inside a quote that was never closed, starts the quote's next sentence
  // (a common slip), not a quote within the quote.
  bool ReopensAfterSentence(const std::vector<CodePoint>& cps, size_t i) const {
    if (stack_.size() != 1 || !stack_[0].is_double) return false;
    size_t k = i;
    while (k > 0 && IsSpace(cps[k - 1].c)) --k;
    if (k == 0 || k == i) return false;
    UChar32 last = cps[k - 1].c;
    return last == '.' || last == '?' || last == '!';
  }
  void ReopenTopLevel(const CodePoint& cp, int p) {
    uint32_t end = cp.start;
    while (end > stack_[0].content && text_[end - 1] == ' ') --end;
    Close(0, cp.start, end, p);
    stack_.push_back({true, cp.start, cp.end, /*continued=*/true});
  }

  int LastDouble() const {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (stack_[i].is_double) return i;
    }
    return -1;
  }
  int LastSingle() const {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (!stack_[i].is_double) return i;
    }
    return -1;
  }

  void ScanParagraph(int p, Paragraph para) {
    std::vector<CodePoint> cps = Decode(text_, para.start, para.end);
    size_t first = 0;
    while (first < cps.size() && IsSpace(cps[first].c)) ++first;
    stack_.clear();
    if (carry_ && first < cps.size()) {
      // A quote left open runs on: reopened by a mark (the news convention),
      // or carried through a paragraph that has no mark of its own.
      Mark m = MarkOf(cps[first].c);
      if (m == Mark::kOpenDouble || m == Mark::kAsciiDouble) {
        stack_.push_back({true, cps[first].start, cps[first].end, true});
        ++first;
      } else {
        stack_.push_back({true, cps[first].start, cps[first].start, true});
      }
    }
    carry_ = false;
    for (size_t i = first; i < cps.size(); ++i) {
      UChar32 prev = i > 0 ? cps[i - 1].c : ' ';
      UChar32 next = i + 1 < cps.size() ? cps[i + 1].c : ' ';
      const CodePoint& cp = cps[i];
      switch (MarkOf(cp.c)) {
        case Mark::kNone:
          break;
        case Mark::kOpenDouble:
          if (cp.c == 0x201C && !stack_.empty() && stack_.back().is_double &&
              text_.substr(stack_.back().open, 3) == "\xE2\x80\x9E") {
            Close(stack_.size() - 1, cp.end, cp.start, p);  // „…“
          } else if (ReopensAfterSentence(cps, i)) {
            ReopenTopLevel(cp, p);
          } else {
            stack_.push_back({true, cp.start, cp.end, false});
          }
          break;
        case Mark::kCloseDouble:
          if (int d = LastDouble(); d >= 0) Close(d, cp.end, cp.start, p);
          break;
        case Mark::kAsciiDouble: {
          int d = LastDouble();
          bool opening_context = IsSpace(prev) || prev == '(' || prev == '[' || IsDash(prev) ||
                                 i == first;
          if (d >= 0 && !(opening_context && IsLetter(next) && d < static_cast<int>(stack_.size()) - 1)) {
            if (!opening_context || !IsLetter(next)) {
              Close(d, cp.end, cp.start, p);
              break;
            }
          }
          if (opening_context && !IsSpace(next)) {
            if (ReopensAfterSentence(cps, i)) {
              ReopenTopLevel(cp, p);
            } else {
              stack_.push_back({true, cp.start, cp.end, false});
            }
          }
          break;
        }
        case Mark::kOpenSingle:
          if (IsLetter(prev) && IsLetter(next)) break;  // a misused apostrophe
          stack_.push_back({false, cp.start, cp.end, false});
          break;
        case Mark::kCloseSingle:
        case Mark::kAsciiSingle: {
          if (IsLetter(prev) && IsLetter(next)) break;  // apostrophe: don't, Russia’s
          int s = LastSingle();
          if (s >= 0 && s > LastDouble() && !IsSpace(prev)) {
            Close(s, cp.end, cp.start, p);
          } else if ((IsSpace(prev) || i == first || prev == '(') && IsLetter(next)) {
            stack_.push_back({false, cp.start, cp.end, false});
          }
          break;
        }
      }
    }
    // Paragraph end: open single marks were apostrophes after all; an open
    // double ends here and may be continued by the next paragraph.
    int d = -1;
    for (size_t i = 0; i < stack_.size(); ++i) {
      if (stack_[i].is_double) {
        d = static_cast<int>(i);
        break;
      }
    }
    if (d == 0) {
      uint32_t end = para.end;
      while (end > stack_[0].content && (text_[end - 1] == ' ')) --end;
      Close(0, para.end, end, p);
      carry_ = RunsOn(p + 1);
    }
    stack_.clear();
  }

  // Does a quote left open at the end of paragraph `p - 1` go on? Yes if the
  // next paragraph reopens it, or if a closing mark comes before any opening
  // one within the next few paragraphs; else it ended with its paragraph.
  bool RunsOn(size_t p) const {
    constexpr size_t kMaxParagraphs = 15;
    for (size_t q = p; q < paras_->size() && q < p + kMaxParagraphs; ++q) {
      std::vector<CodePoint> cps = Decode(text_, (*paras_)[q].start, (*paras_)[q].end);
      size_t first = 0;
      while (first < cps.size() && IsSpace(cps[first].c)) ++first;
      for (size_t i = first; i < cps.size(); ++i) {
        Mark m = MarkOf(cps[i].c);
        if (m == Mark::kCloseDouble) return true;
        if (m == Mark::kOpenDouble) return q == p && i == first;
        if (m == Mark::kAsciiDouble) {
          if (i == first) return q == p;
          return !IsSpace(cps[i - 1].c);
        }
      }
    }
    return false;
  }

  absl::string_view text_;
  const std::vector<Paragraph>* paras_ = nullptr;
  std::vector<OpenMark> stack_;
  std::vector<Segment> segs_;
  int group_ = -1;
  bool carry_ = false;
};

// ---------------------------------------------------------------------------
// Tokens of the text outside quotes: words, punctuation, and one token per quote.

struct Tok {
  enum Kind { kWord, kPunct, kQuote } kind;
  std::string text;   // the word as written, or the punctuation character
  std::string lower;  // words: lower-cased, apostrophes unified
  uint32_t start, end;
  int seg = -1;  // kQuote: the segment
  bool cap = false;
  bool sentence_start = false;
  bool after_full_quote = false;  // first word after a quote that ended its sentence
};

const absl::flat_hash_set<std::string>& TitleAbbreviations() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "mr", "mrs", "ms", "dr", "prof", "rep", "reps", "sen", "sens", "gov", "gen", "col", "lt",
      "capt", "sgt", "adm", "jr", "sr", "st", "rev", "hon", "pres", "sec", "atty", "supt"};
  return *v;
}

// The last part of a web domain: "com", "net", "org", "co", "uk".
bool IsDomainEnding(absl::string_view w) {
  return w == "com" || w == "net" || w == "org" || w == "co" || w == "uk";
}

bool EndsSentence(const std::vector<Tok>& toks, size_t i) {
  const Tok& t = toks[i];
  if (t.kind != Tok::kPunct) return false;
  if (t.text == "!" || t.text == "?" || t.text == ";") return true;
  if (t.text != ".") return false;
  // "fivethirtyeight.com": a dot inside a word ends nothing.
  if (i + 1 < toks.size() && toks[i + 1].start == t.end && toks[i + 1].kind == Tok::kWord) return false;
  if (i == 0 || toks[i - 1].kind != Tok::kWord) return true;
  if (absl::EndsWith(toks[i - 1].text, ".")) return false;
  const std::string& w = toks[i - 1].lower;
  // "U.S.", "Mr.", "M." are abbreviations, not sentence ends; a short
  // lower-case word ("… was building up.") is a word.
  // "Dale.com." ends its sentence.
  const bool domain = IsDomainEnding(absl::string_view(w).substr(w.rfind('.') + 1));
  if ((w.size() <= 2 && toks[i - 1].cap) || w.size() == 1 || (w.find('.') != std::string::npos && !domain)) {
    return false;
  }
  static const auto* abbrev = new absl::flat_hash_set<std::string>{
      "mr", "mrs", "ms", "dr", "prof", "rep", "sen", "gov", "gen", "col", "lt", "capt", "jr",
      "sr", "st", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
      "dec", "inc", "corp", "ltd", "co", "rev", "calif", "nev", "fla", "mass", "wash", "ariz"};
  return !abbrev->contains(w);
}

// "D-N.Y", "R-Wis": a party's initial, a hyphen, a state.
bool IsPartyState(absl::string_view w) {
  return w.size() >= 3 && w[1] == '-' && absl::ascii_isupper(static_cast<unsigned char>(w[0])) &&
         absl::ascii_isupper(static_cast<unsigned char>(w[2]));
}

// A party and state right after a name says nothing about who
// speaks and splits the name from its verb: "Sen. Chuck Schumer (D-N.Y.)
// said", "Sen. Ron Johnson, R-Wis., said".
void DropAsidesAfterNames(std::vector<Tok>& toks) {
  std::vector<Tok> kept;
  kept.reserve(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    const bool after_name = !kept.empty() && kept.back().kind == Tok::kWord && kept.back().cap;
    // "(D-N.Y.)", "(R-Fla.)"; not "(Apacs)", which names the organisation.
    if (after_name && toks[i].text == "(" && i + 1 < toks.size() && IsPartyState(toks[i + 1].text)) {
      size_t close = i + 1;
      while (close < toks.size() && close <= i + 8 && toks[close].text != ")" &&
             toks[close].kind != Tok::kQuote) {
        ++close;
      }
      if (close < toks.size() && close <= i + 8 && toks[close].text == ")") {
        i = close;
        continue;
      }
    }
    // ", R-Wis.,": one capital, a hyphen, a state.
    if (after_name && toks[i].text == "," && i + 2 < toks.size() && toks[i + 1].kind == Tok::kWord &&
        IsPartyState(toks[i + 1].text)) {
      size_t k = i + 2;
      while (k < toks.size() && k <= i + 5 && toks[k].text != ",") ++k;
      if (k < toks.size() && toks[k].text == ",") {
        i = k;
        continue;
      }
    }
    kept.push_back(std::move(toks[i]));
  }
  toks = std::move(kept);
}

// "Harlow & Penn", "QT&Z": capitalised words joined by an ampersand are one
// name, so no part of them speaks alone; a forename after it starts a second
// person ("Cole & Ann Reyes"). An initial's dot after the join ("QT&Z. The")
// is the sentence's end, not part of the name.
void JoinAmpersandNames(std::vector<Tok>& toks) {
  std::vector<Tok> out;
  out.reserve(toks.size());
  for (size_t i = 0; i < toks.size(); ++i) {
    const bool joins = toks[i].kind == Tok::kPunct && toks[i].text == "&" && !out.empty() &&
                       out.back().kind == Tok::kWord && out.back().cap && i + 1 < toks.size() &&
                       toks[i + 1].kind == Tok::kWord && toks[i + 1].cap &&
                       !MaleForenames().contains(toks[i + 1].lower) &&
                       !FemaleForenames().contains(toks[i + 1].lower);
    if (!joins) {
      out.push_back(std::move(toks[i]));
      continue;
    }
    Tok& name = out.back();
    Tok next = std::move(toks[++i]);
    std::optional<Tok> dot;
    if (next.text.size() == 2 && next.text[1] == '.') {
      dot = Tok{Tok::kPunct, ".", "", next.end - 1, next.end};
      next.text.pop_back();
      next.end -= 1;
    }
    const bool spaced = toks[i - 1].start > name.end || next.start > toks[i - 1].end;
    absl::StrAppend(&name.text, spaced ? " & " : "&", next.text);
    name.end = next.end;
    name.lower = NormalizeText(name.text);
    if (dot) out.push_back(std::move(*dot));
  }
  toks = std::move(out);
}

// Whether a web domain's ending ("com" in "Amazon.com", "net", "co.uk")
// starts at cps[k] and ends the word.
bool DomainAt(const std::vector<CodePoint>& cps, size_t k) {
  std::string ending;
  while (k < cps.size() && IsLetter(cps[k].c) && ending.size() < 4) {
    ending += static_cast<char>(u_tolower(cps[k++].c));
  }
  if (k < cps.size() && IsLetter(cps[k].c)) return false;
  return IsDomainEnding(ending);
}

// Words and punctuation of [from, to), with each listed segment (whose marks
// lie inside) replaced by one kQuote token.
std::vector<Tok> Tokens(absl::string_view text, uint32_t from, uint32_t to,
                        const std::vector<Segment>& segs, const std::vector<int>& quote_segs) {
  std::vector<Tok> out;
  size_t q = 0;
  std::vector<CodePoint> cps = Decode(text, from, to);
  for (size_t i = 0; i < cps.size();) {
    if (q < quote_segs.size() && cps[i].start >= segs[quote_segs[q]].open) {
      const Segment& s = segs[quote_segs[q]];
      Tok t{Tok::kQuote, "", "", s.open, s.close, quote_segs[q]};
      out.push_back(t);
      while (i < cps.size() && cps[i].start < s.close) ++i;
      ++q;
      continue;
    }
    UChar32 c = cps[i].c;
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (IsLetter(c)) {
      size_t j = i;
      // Letters, digits, inner apostrophes, hyphens and dots (U.S., M.).
      while (j < cps.size()) {
        UChar32 d = cps[j].c;
        bool inner = j + 1 < cps.size() && IsLetter(cps[j + 1].c);
        // A dot after a lone letter: "J.J.", "D.C.", "U.S."
        bool after_initial = d == '.' && j > i && u_isupper(cps[j - 1].c) &&
                             (j - 1 == i || cps[j - 2].c == '.');
        if (IsLetter(d) || ((d == '\'' || d == 0x2019 || d == '-') && inner) ||
            (d == '.' && j > i && DomainAt(cps, j + 1)) ||
            (d == '.' && j > i && j - i <= 2 && (inner || (j + 1 < cps.size() && !IsLetter(cps[j+1].c) && j - i == 1 && u_isupper(cps[i].c)))) ||
            (after_initial && (inner || j - i >= 3))) {
          ++j;
        } else {
          break;
        }
      }
      // "Rep.", "Gov.", "Mr.": the dot belongs to the abbreviation.
      if (j < cps.size() && cps[j].c == '.' &&
          TitleAbbreviations().contains(NormalizeText(text.substr(cps[i].start, cps[j - 1].end - cps[i].start)))) {
        ++j;
      }
      Tok t{Tok::kWord, std::string(text.substr(cps[i].start, cps[j - 1].end - cps[i].start)),
            "", cps[i].start, cps[j - 1].end};
      t.lower = NormalizeText(t.text);
      if (!t.lower.empty() && t.lower.back() == '.') t.lower.pop_back();
      t.cap = u_isupper(c) || u_istitle(c);
      out.push_back(std::move(t));
      i = j;
      continue;
    }
    Tok t{Tok::kPunct, std::string(text.substr(cps[i].start, cps[i].end - cps[i].start)), "",
          cps[i].start, cps[i].end};
    if (IsDash(c)) t.text = "—";
    out.push_back(std::move(t));
    ++i;
  }
  JoinAmpersandNames(out);
  DropAsidesAfterNames(out);
  for (Tok& t : out) {
    // "I'm", "I've": the pronoun, never a name.
    if (t.kind == Tok::kWord && absl::StartsWith(t.lower, "i")) {
      for (absl::string_view c : {"i'm", "i've", "i'll", "i'd", "i\xE2\x80\x99" "m", "i\xE2\x80\x99" "ve",
                                  "i\xE2\x80\x99" "ll", "i\xE2\x80\x99" "d"}) {
        if (t.lower == c) t.cap = false;
      }
    }
  }
  // "Number 10", "Radio 1", "Channel 4": the number ends the name.
  for (size_t i = 1; i < out.size(); ++i) {
    const std::string& w = out[i - 1].lower;
    if (out[i].kind == Tok::kWord && out[i - 1].kind == Tok::kWord && out[i - 1].cap && !out[i].text.empty() &&
        absl::c_all_of(out[i].text, [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }) &&
        (w == "number" || w == "radio" || w == "channel" || w == "formula")) {
      out[i].cap = true;
    }
  }
  bool start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].sentence_start = start && out[i].kind == Tok::kWord;
    if (i > 0 && out[i - 1].kind == Tok::kQuote && out[i].kind == Tok::kWord && out[i].cap) {
      absl::string_view q = absl::StripTrailingAsciiWhitespace(
          text.substr(segs[out[i - 1].seg].start, segs[out[i - 1].seg].end - segs[out[i - 1].seg].start));
      out[i].after_full_quote = !q.empty() && (q.back() == '.' || q.back() == '!' || q.back() == '?');
    }
    if (out[i].kind == Tok::kWord) start = false;
    if (EndsSentence(out, i)) start = true;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Speaker phrases.

struct SpeakerRef {
  enum Kind { kNone, kName, kPronoun, kDescription } kind = kNone;
  std::string name;     // kName: the name; kDescription: its head noun
  std::string mention;  // the words as written
  std::string titles;   // titles seen before a name
  std::string org;      // kDescription: the organisation it speaks for, if named
  uint32_t pos = 0;
};

// "Some European officials", "many analysts": an unnamed group.
bool IsGroupDeterminer(absl::string_view lower) {
  return lower == "some" || lower == "many" || lower == "several" || lower == "most" ||
         lower == "other" || lower == "others";
}
// "analysts", "police", "economists": people in the plural, unnamed.
bool IsPeopleInPlural(absl::string_view lower) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "analysts", "economists", "experts", "critics", "officials", "police", "lawyers", "prosecutors",
      "investigators", "researchers", "scientists", "residents", "voters", "campaigners", "observers",
      "traders", "dealers", "investors", "officers", "doctors", "teachers", "workers", "diplomats",
      "sources", "activists", "protesters", "commentators", "strategists", "insiders", "aides",
      "advisers", "advisors", "pundits", "historians", "academics", "ecologists", "environmentalists",
      "bookmakers", "consultants", "regulators", "executives", "parents", "farmers", "fans", "locals",
      "judges", "jurors", "organisers", "organizers", "panellists", "panelists", "reviewers", "authors"};
  return v->contains(lower);
}

// A lower-case plural noun: "scouts", "critics"; not "class" or "news".
bool LowerCasePlural(absl::string_view w) {
  return w.size() > 3 && absl::ascii_islower(static_cast<unsigned char>(w[0])) && absl::EndsWith(w, "s") &&
         !absl::EndsWith(w, "ss") && !absl::EndsWith(w, "us") && w != "news";
}

// "some officials", "many analysts", or a bare plural ("economists",
// "scouts" when a passive names them as its agent).
bool IsGroupDescription(absl::string_view mention) {
  const absl::string_view first = mention.substr(0, mention.find(' '));
  return IsGroupDeterminer(NormalizeText(first)) ||
         (first.size() == mention.size() && (IsPeopleInPlural(NormalizeText(mention)) || LowerCasePlural(mention)));
}

bool IsParticle(absl::string_view lower) {
  static const auto* p = new absl::flat_hash_set<std::string>{
      "de", "van", "von", "der", "den", "bin", "al", "da", "di", "le", "la", "du", "del", "dos",
      "ibn", "ter", "bint"};
  return p->contains(lower);
}
bool IsParticle(const Tok& t) { return t.kind == Tok::kWord && IsParticle(t.lower); }

bool IsPossessive(const Tok& t) {
  return absl::EndsWith(t.lower, "'s") || absl::EndsWith(t.lower, "s'");
}

// "Carter’s" → "Carter", "Jones'" → "Jones".
std::string WithoutPossessive(std::string w) {
  w.resize(w.size() - (absl::EndsWith(w, "\xE2\x80\x99s") ? 4 : absl::EndsWith(w, "s'") ? 1 : 2));
  return w;
}

// "Dale Post's" → "Dale Post"; a name without "'s" stays as it is.
std::string WithoutApostropheS(const std::string& w) {
  return absl::EndsWith(w, "'s") || absl::EndsWith(w, "\xE2\x80\x99s") ? WithoutPossessive(w) : w;
}

bool IsInitial(absl::string_view w) { return w.size() == 2 && w[1] == '.'; }

// "Jr", "III": a suffix that tells a son from his father, not a surname.
bool IsGenerationSuffix(absl::string_view w) {
  return w == "Jr" || w == "Jr." || w == "Sr" || w == "Sr." || w == "II" || w == "III" || w == "IV";
}

// A long capitalised run holds a role or an organisation before the person:
// "Security Policy Kaja Kallas" → "Kaja Kallas"; "Harry M. Reid" stays whole.
std::vector<std::string> PersonTail(std::vector<std::string> words) {
  const size_t suffix = !words.empty() && IsGenerationSuffix(words.back()) ? 1 : 0;
  if (words.size() < 3 + suffix) return words;
  size_t n = words.size() - suffix;
  for (size_t k = n - 2; k < n; ++k) {
    if (OrgWords().contains(NormalizeText(words[k]))) return words;
  }
  // "Westvale Relief UK": a body's letters end it, not a surname.
  if (suffix == 0 && words.back().size() >= 2 &&
      absl::c_none_of(words.back(), [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); }) &&
      absl::c_all_of(words.back(), [](char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); })) {
    return words;
  }
  size_t keep = (IsInitial(words[n - 2]) || IsParticle(words[n - 2]) ? 3 : 2) + suffix;
  return std::vector<std::string>(words.end() - keep, words.end());
}

// Whether the capitalised run at toks[k] ends in a word that closes an
// organisation's name: then a title word before it is the name's first word
// ("General Electric", "General Motors"), not a rank.
bool OrganisationRunAt(const std::vector<Tok>& toks, size_t k) {
  size_t last = k;
  while (last + 1 < toks.size() && toks[last + 1].kind == Tok::kWord && toks[last + 1].cap) ++last;
  return toks[last].kind == Tok::kWord && toks[last].cap && OrgWords().contains(toks[last].lower);
}

// The name that starts at toks[i] (titles first, then capitalised words).
// In subject position (just before a speech verb) a sentence's first word
// may be a name on its own ("Pistorius noted …").
SpeakerRef NameForward(const std::vector<Tok>& toks, size_t i,
                       const absl::flat_hash_set<std::string>& known, bool subject = false,
                       bool possessive_end = false) {
  SpeakerRef r;
  std::vector<std::string> titles, words;
  size_t j = i;
  const size_t n = toks.size();
  while (j < n && toks[j].kind == Tok::kWord && Titles().contains(toks[j].lower) &&
         (toks[j].cap || toks[j].lower == "former") && j + 1 < n &&
         (toks[j + 1].cap || (IsParticle(toks[j + 1]) && j + 2 < n && toks[j + 2].cap)) &&
         !OrganisationRunAt(toks, j + 1)) {
    titles.push_back(toks[j].text);
    ++j;
  }
  const size_t name_start = j;
  for (; j < n && toks[j].kind == Tok::kWord; ++j) {
    if (IsPossessive(toks[j])) {
      // "Hicham El Guerrouj's": as a mention the name ends here, as a speaker it is not one.
      if (possessive_end && j > name_start && toks[j].cap) {
        words.push_back(WithoutPossessive(toks[j].text));
      }
      break;
    }
    const Tok& t = toks[j];
    bool ok;
    if (j == name_start) {
      ok = t.cap && !(NotNames().contains(t.lower) && !known.contains(t.lower));
      // "Essentially, he says": an adverb before its comma, not a name.
      if (ok && t.lower.size() > 5 && absl::EndsWith(t.lower, "ly") && j + 1 < n && toks[j + 1].text == "," &&
          !known.contains(t.lower) && !MaleForenames().contains(t.lower) && !FemaleForenames().contains(t.lower)) {
        ok = false;
      }
      // "Will Doyle", "Mark Warner": a forename that is also a common word.
      if (!ok && t.cap && (MaleForenames().contains(t.lower) || FemaleForenames().contains(t.lower) ||
                           t.lower == "will") &&
          j + 1 < n && toks[j + 1].kind == Tok::kWord && toks[j + 1].cap &&
          !NotNames().contains(toks[j + 1].lower)) {
        ok = true;
      }
      // "Mr de Vabres": a particle may lead a name after a title.
      if (!ok && (!titles.empty() || subject) && IsParticle(t) && j + 1 < n && toks[j + 1].cap) {
        ok = true;  // "de Blasio said", "Mr de Vabres"
      }
      if (ok && t.sentence_start && !known.contains(t.lower) && titles.empty() && !subject) {
        // A sentence's first word names someone only if a name continues it.
        // "Theresa May": after a forename even a month or a modal is a surname.
        // "Ana de Vries": a particle may come between.
        const bool forename = MaleForenames().contains(t.lower) || FemaleForenames().contains(t.lower);
        const size_t next = j + 1 < n && IsParticle(toks[j + 1]) ? j + 2 : j + 1;
        ok = next < n && toks[next].kind == Tok::kWord && toks[next].cap &&
             (!NotNames().contains(toks[next].lower) || forename);
      }
    } else {
      ok = t.cap || (IsParticle(t.lower) && j + 1 < n && toks[j + 1].cap);
    }
    if (!ok) break;
    words.push_back(t.text);
  }
  // "Tom Kell MSP", "Ann Berg QC": letters after a name are a role.
  static const auto* postnominals = new absl::flat_hash_set<std::string>{
      "MP", "MSP", "MEP", "AM", "MLA", "TD", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE"};
  std::vector<std::string> after;
  while (words.size() >= 2 && postnominals->contains(words.back()) && !postnominals->contains(words.front())) {
    after.insert(after.begin(), words.back());
    words.pop_back();
  }
  if (words.empty()) return r;
  words = PersonTail(std::move(words));
  r.kind = SpeakerRef::kName;
  r.name = absl::StrJoin(words, " ");
  r.mention = absl::StrJoin(titles, " ") + (titles.empty() ? "" : " ") + r.name;
  for (std::string& a : after) {
    r.mention += " " + a;
    titles.push_back(std::move(a));
  }
  r.titles = absl::StrJoin(titles, " ");
  r.pos = toks[i].start;
  return r;
}

// Whether toks[j] ends a description that started at toks[i]: a joiner or
// an adverb after it ("the chancellor meanwhile said", "a person who …"),
// or a participle or adjective that a preposition follows ("a survey
// conducted by …", "a source close to …"): the head noun came before.
bool EndsNounPhrase(const std::vector<Tok>& toks, size_t j, size_t i) {
  static const auto* joiners = new absl::flat_hash_set<std::string>{
      "and", "but", "or", "who", "whom", "whose", "which", "that", "meanwhile", "however", "too",
      "instead", "though", "therefore", "nonetheless", "nevertheless", "yesterday", "today"};
  const std::string& w = toks[j].lower;
  if (j <= i + 1) return false;
  if (joiners->contains(w)) return true;
  const bool modifier = absl::EndsWith(w, "ed") || w == "close" || w == "familiar";
  return modifier && j + 1 < toks.size() && toks[j + 1].kind == Tok::kWord && IsPreposition(toks[j + 1].lower) &&
         !toks[j - 1].cap;
}

// A word that looks like a verb in the past tense: "-ed" or a common
// irregular past ("left", "quit").
bool PastTenseLike(absl::string_view w) {
  static const auto* irregular = new absl::flat_hash_set<std::string>{
      "left", "quit", "made", "took", "gave", "told", "won", "lost", "sent", "spoke", "went",
      "came", "met", "held", "kept", "put", "set", "cut", "hit", "let", "ran", "saw", "sold",
      "paid", "led", "broke", "wrote", "stood", "became", "began", "brought", "bought", "chose",
      "drew", "fell", "felt", "found", "got", "had", "heard", "knew", "meant", "read", "rose",
      "struck", "swore", "thought", "threw", "was"};
  return absl::EndsWith(w, "ed") || irregular->contains(w);
}

// A word that looks like a finite verb: past tense, "-s" or "is", "has".
bool VerbLike(absl::string_view w) {
  return PastTenseLike(w) || (absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss")) || w == "is" || w == "has";
}

bool IsVerbAt(const std::vector<Tok>& toks, size_t i);

const absl::flat_hash_set<std::string>& DayNames() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return *v;
}

// "Tuesday", "earlier", "this week": when, which no description of a
// speaker or a document ends with ("a report Tuesday from …").
bool IsTimeWord(absl::string_view w) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "earlier", "later", "yesterday", "today", "tonight", "last", "this", "week", "month",
      "year", "weekend"};
  return v->contains(w) || DayNames().contains(w);
}

// Where "by" or "from" stands at toks[j], or after a participle there
// ("conducted by", "released from"); toks.size() if neither does.
size_t IssuerPrepositionAt(const std::vector<Tok>& toks, size_t j) {
  size_t k = j;
  while (k < toks.size() && k < j + 3 && toks[k].kind == Tok::kWord && IsTimeWord(toks[k].lower)) ++k;
  if (k < toks.size() && toks[k].kind == Tok::kWord && !toks[k].cap && absl::EndsWith(toks[k].lower, "ed")) ++k;
  if (k < toks.size() && toks[k].kind == Tok::kWord && (toks[k].lower == "by" || toks[k].lower == "from")) return k;
  return toks.size();
}

// Whether lower-case words from toks[j] (at most three) end in a noun for a
// person ("spokesman", "chief executive", "senior aide") before any verb.
bool PersonNounPhraseAt(const std::vector<Tok>& toks, size_t j) {
  for (size_t k = j; k < toks.size() && k < j + 3; ++k) {
    const Tok& t = toks[k];
    if (t.kind != Tok::kWord || t.cap || SpeechVerbs().contains(t.lower) || Auxiliaries().contains(t.lower) ||
        Prepositions().contains(t.lower)) {
      return false;
    }
    if (PersonNoun(t.lower) || Titles().contains(t.lower) || SpeaksForOthers(t.lower)) return true;
  }
  return false;
}

enum class Gender { kUnknown, kMale, kFemale };

// The gender a word for kin gives ("wife", "son"), if any.
Gender KinGender(absl::string_view w) {
  static const auto* male = new absl::flat_hash_set<std::string>{
      "husband", "father", "son", "brother", "grandfather", "grandson", "uncle", "nephew",
      "widower", "boyfriend", "stepfather", "stepson", "dad"};
  static const auto* female = new absl::flat_hash_set<std::string>{
      "wife", "mother", "daughter", "sister", "grandmother", "granddaughter", "aunt", "niece",
      "widow", "girlfriend", "stepmother", "stepdaughter", "mum", "mom"};
  if (male->contains(w)) return Gender::kMale;
  if (female->contains(w)) return Gender::kFemale;
  return Gender::kUnknown;
}

// "Vale Brother's spokeswoman", "Mr Penn's lawyers": someone who speaks for
// the owner, described by the role (`name`) and the owner (`org`).
std::optional<SpeakerRef> SpokespersonOf(const std::vector<Tok>& toks, size_t i) {
  size_t j = i;
  while (j < toks.size() && toks[j].kind == Tok::kWord && toks[j].cap && !IsPossessive(toks[j])) ++j;
  if (j + 1 >= toks.size() || toks[j].kind != Tok::kWord || !toks[j].cap || !IsPossessive(toks[j]) ||
      toks[j + 1].kind != Tok::kWord || toks[j + 1].cap) {
    return std::nullopt;
  }
  static const auto* counsel = new absl::flat_hash_set<std::string>{"lawyer", "lawyers", "attorney", "attorneys"};
  auto is_role = [](const std::string& w) {
    return SpeaksForOthers(w) || counsel->contains(w) || KinGender(w) != Gender::kUnknown;
  };
  if (!is_role(toks[j + 1].lower)) return std::nullopt;
  size_t last = j + 1;  // "official spokesman": the last of the role words
  while (last + 1 < toks.size() && toks[last + 1].kind == Tok::kWord && is_role(toks[last + 1].lower)) ++last;
  const std::string& role = toks[last].lower;
  std::vector<std::string> owner;
  for (size_t x = i; x <= j; ++x) {
    if (owner.empty() && Titles().contains(toks[x].lower) && x < j) continue;  // "Mr Penn's"
    owner.push_back(toks[x].text);
  }
  owner.back() = WithoutPossessive(owner.back());
  SpeakerRef r;
  r.kind = SpeakerRef::kDescription;
  r.name = role;
  r.org = absl::StrJoin(owner, " ");
  std::vector<std::string> words;
  for (size_t x = i; x <= last; ++x) words.push_back(toks[x].text);
  r.mention = absl::StrJoin(words, " ");
  r.pos = toks[i].start;
  return r;
}

// A pronoun, a description ("the analyst", "the former president") or a
// name starting at toks[i].
SpeakerRef SpeakerForward(const std::vector<Tok>& toks, size_t i,
                          const absl::flat_hash_set<std::string>& known, bool subject = false) {
  SpeakerRef r;
  if (i >= toks.size() || toks[i].kind != Tok::kWord) return r;
  const Tok& t = toks[i];
  r.pos = t.start;
  static const auto* object_forms = new absl::flat_hash_map<std::string, std::string>{
      {"he", "he"}, {"she", "she"}, {"they", "they"}, {"him", "he"}, {"her", "she"},
      {"them", "they"}, {"it", "it"}};
  if (auto it = object_forms->find(t.lower); it != object_forms->end()) {
    // "her" is also a possessive ("her aide said"): only alone is it a pronoun.
    if (t.lower == "her" && i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord &&
        !SpeechVerbs().contains(toks[i + 1].lower)) {
      return r;
    }
    r.kind = SpeakerRef::kPronoun;
    r.name = it->second;
    r.mention = t.text;
    return r;
  }
  // "Another tweeted:": someone new, unnamed.
  if (t.lower == "another" && i + 1 < toks.size() && SpeechVerbs().contains(toks[i + 1].lower)) {
    r.kind = SpeakerRef::kDescription;
    r.mention = t.text + " person";
    r.name = "person";
    return r;
  }
  // "one person tweeted", "one voter said": someone unnamed, as "a voter".
  const bool one = t.lower == "one" && i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord &&
                   !toks[i + 1].cap && OnePerson(toks[i + 1].lower);
  if (t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "this" ||
      t.lower == "another" || IsGroupDeterminer(t.lower) || one) {
    size_t j = i + 1;
    std::vector<std::string> words = {t.text};
    std::string head;
    while (j < toks.size() && j < i + 5 && toks[j].kind == Tok::kWord && !IsPossessive(toks[j]) &&
           !SpeechVerbs().contains(toks[j].lower) && !Auxiliaries().contains(toks[j].lower) &&
           !Prepositions().contains(toks[j].lower) && toks[j].lower != "as" &&
           !(toks[j].lower == "read" || toks[j].lower == "reads") &&  // "a statement read"
           !absl::EndsWith(toks[j].lower, "n't") &&  // "the donor didn't"
           !(j > i + 1 && IsTimeWord(toks[j].lower)) &&  // "a report Tuesday from …"
           !(j > i + 1 && absl::EndsWith(toks[j].lower, "ed") && j + 1 < toks.size() &&
             IsTimeWord(toks[j + 1].lower)) &&  // "a ruling issued Friday"
           // "a council spokesman rejected the plan": a verb after the person.
           !(j > i + 1 && absl::EndsWith(toks[j].lower, "ed") &&
             (PersonNoun(toks[j - 1].lower) || SpeaksForOthers(toks[j - 1].lower))) &&
           !EndsNounPhrase(toks, j, i)) {
      words.push_back(toks[j].text);
      head = toks[j].lower;
      ++j;
    }
    // "the prime minister's spokesman", "the company's chief executive": a
    // possessive inside the description; its head comes after.
    if (!head.empty() && j + 1 < toks.size() && IsPossessive(toks[j]) && !toks[j].cap &&
        toks[j + 1].kind == Tok::kWord && !toks[j + 1].cap && PersonNounPhraseAt(toks, j + 1)) {
      words.push_back(toks[j].text);
      ++j;
      while (j < toks.size() && toks[j].kind == Tok::kWord && !toks[j].cap && PersonNounPhraseAt(toks, j) &&
             words.size() < 8) {
        words.push_back(toks[j].text);
        head = toks[j].lower;
        ++j;
        auto person_word = [](const std::string& w) {
          return PersonNoun(w) || Titles().contains(w) || SpeaksForOthers(w);
        };
        // "chief executive": a noun for a person may qualify the next one.
        if (person_word(head) && !(j < toks.size() && toks[j].kind == Tok::kWord && !toks[j].cap &&
                                   person_word(toks[j].lower))) {
          break;
        }
      }
    }
    if (head.empty()) return r;
    // "a spokeswoman for the Lakeside Trust's Office": the description names
    // whom the person speaks for.
    std::string org;
    size_t org_end = j;
    // "a survey conducted by Harbor Analytics", "a statement from the Hale
    // campaign": a finding or a document names who issued it; "of" after
    // one names what it is about ("a poll of Dale voters").
    const bool issued = FindingNouns().contains(head) || DocumentNouns().contains(head);
    const size_t by = IssuerPrepositionAt(toks, j);
    const bool by_issuer = issued && (t.lower == "a" || t.lower == "an") && by + 1 < toks.size();
    const bool for_body = !issued && j + 1 < toks.size() &&
                          (toks[j].lower == "for" || toks[j].lower == "of" || toks[j].lower == "at") &&
                          !OrgWords().contains(head) && !GenericOrgNouns().contains(head);
    if ((by_issuer || for_body) && !toks[j - 1].cap) {
      size_t k = (by_issuer ? by : j) + 1;
      if (toks[k].lower == "the" && k + 1 < toks.size()) ++k;
      // "a survey by security firm Dalecorp": past what the issuer is.
      for (size_t x = k; by_issuer && x < toks.size() && x < k + 3 && toks[x].kind == Tok::kWord && !toks[x].cap;
           ++x) {
        if (x + 1 < toks.size() && toks[x + 1].kind == Tok::kWord && toks[x + 1].cap) {
          k = x + 1;
          break;
        }
      }
      std::vector<std::string> run;
      auto read_run = [&toks, &run](size_t k, size_t limit) {
        while (k < toks.size() && k < limit && toks[k].kind == Tok::kWord &&
               ((toks[k].cap && !NotNames().contains(toks[k].lower)) ||
                // "the Department for Roads and Bridges"
                (!run.empty() && !IsPossessive(toks[k - 1]) &&
                 (toks[k].lower == "for" || toks[k].lower == "of" || toks[k].lower == "and") &&
                 k + 1 < toks.size() && toks[k + 1].kind == Tok::kWord && toks[k + 1].cap))) {
          run.push_back(toks[k].text);
          ++k;
        }
        return k;
      };
      k = read_run(k, j + 9);
      // "a report by Ruritanian think-tank Civitas": the first run only
      // qualifies the noun after it; the issuer is the name that follows.
      if (by_issuer && !run.empty() && !IsPossessive(toks[k - 1]) && k < toks.size() &&
          toks[k].kind == Tok::kWord && !toks[k].cap) {
        size_t next = k;
        while (next < toks.size() && next < k + 3 && toks[next].kind == Tok::kWord && !toks[next].cap &&
               !Prepositions().contains(toks[next].lower) && !IsVerbAt(toks, next) &&
               !Auxiliaries().contains(toks[next].lower)) {
          ++next;
        }
        if (next > k) {
          run.clear();
          if (next < toks.size() && toks[next].kind == Tok::kWord && toks[next].cap) k = read_run(next, next + 6);
        }
      }
      if (!run.empty()) {
        org = absl::StrJoin(run, " ");
        org_end = k;
      }
    }
    // "An angry Beattie": a known name after adjectives is who it is (not
    // "the album Exodus", which names a thing).
    for (size_t x = i + 2; x < j && t.lower != "the"; ++x) {
      if (toks[x].cap && !toks[x - 1].cap && known.contains(toks[x].lower) &&
          !Titles().contains(toks[x].lower) && !Affiliations().contains(toks[x].lower)) {
        SpeakerRef named = NameForward(toks, x, known);
        if (named.kind == SpeakerRef::kName) return named;
      }
    }
    // "the Dale news agency": the name inside an organisation's description.
    if (OrgWords().contains(head) || GenericOrgNouns().contains(head)) {
      for (size_t x = i + 1; x + 1 < j; ++x) {
        if (toks[x].cap && !Affiliations().contains(toks[x].lower) && !Titles().contains(toks[x].lower) &&
            !toks[x + 1].cap &&
            !(GenericOrgNouns().contains(head) && (x == i + 1 || !toks[x - 1].cap) && IsNationality(toks[x].lower))) {
          size_t first = x;
          while (first > i + 1 && toks[first - 1].cap) --first;
          std::vector<std::string> name_words;
          for (size_t y = first; y <= x; ++y) name_words.push_back(toks[y].text);
          r.kind = SpeakerRef::kName;
          r.name = absl::StrJoin(name_words, " ");
          // "the Hale campaign", "the Ruritanian government": a body led by
          // or of someone, not that person; the name keeps its noun.
          if (x + 2 == j && BodyOfSomeone().contains(head)) r.name += " " + toks[x + 1].text;
          r.mention = absl::StrJoin(words, " ");
          return r;
        }
      }
    }
    // "the Kremlin", "the White House" name someone; "the Tory leader" describes.
    bool named_org = true;
    for (size_t x = i + 1; x < j; ++x) named_org = named_org && toks[x].cap;
    // "the Bank of Dale", "the Department for Roads": the name runs on past
    // "of" or "for"; "the Bank" alone would be any bank of the story.
    if (named_org && j > i + 1 && t.lower == "the" && OrgWords().contains(head) && j + 1 < toks.size() &&
        (toks[j].lower == "of" || toks[j].lower == "for" || toks[j].lower == "against") &&
        toks[j + 1].kind == Tok::kWord && toks[j + 1].cap &&
        !NotNames().contains(toks[j + 1].lower)) {
      words.push_back(toks[j].text);
      ++j;
      while (j < toks.size() && toks[j].kind == Tok::kWord && toks[j].cap && !IsPossessive(toks[j]) &&
             words.size() < 8) {
        words.push_back(toks[j].text);
        ++j;
      }
      if (j < toks.size() && IsPossessive(toks[j]) && toks[j].cap) words.push_back(WithoutPossessive(toks[j].text));
    }
    // "the European Commissioner", "the Prime Minister": a role, not a name;
    // "the Liberal Democrats", a party, is one.
    if (named_org && (Titles().contains(head) || Affiliations().contains(head)) &&
        !(absl::EndsWith(head, "s") && OrgWords().contains(head))) {
      named_org = false;
    }
    r.kind = named_org ? SpeakerRef::kName : SpeakerRef::kDescription;
    r.mention = absl::StrJoin(words, " ");
    if (!named_org && !org.empty()) {
      r.org = org;
      for (size_t x = j; x < org_end; ++x) r.mention += " " + toks[x].text;
    }
    r.name = named_org ? absl::StrJoin(std::vector<std::string>(words.begin() + 1, words.end()), " ")
                       : head;
    return r;
  }
  if (std::optional<SpeakerRef> d = SpokespersonOf(toks, i)) return *d;
  // "analysts say", "police said": an unnamed group.
  if (IsPeopleInPlural(t.lower) && t.cap == t.sentence_start) {  // "Analysts say", "but analysts say"
    r.kind = SpeakerRef::kDescription;
    r.name = t.lower;
    r.mention = t.text;
    return r;
  }
  return NameForward(toks, i, known, subject);
}

// Where a speaker phrase that ends just before toks[end] starts, if one does:
// a pronoun, a description, or a name (with its titles).
std::optional<size_t> SpeakerStartBefore(const std::vector<Tok>& toks, size_t end,
                                         const absl::flat_hash_set<std::string>& known) {
  if (end == 0) return std::nullopt;
  size_t j = end - 1;
  // Skip a parenthetical: "Harry M. Reid (D-Nev.) said".
  if (toks[j].kind == Tok::kPunct && toks[j].text == ")") {
    size_t k = j;
    while (k > 0 && !(toks[k].kind == Tok::kPunct && toks[k].text == "(")) --k;
    if (k == 0) return std::nullopt;
    j = k - 1;
    end = k;
  }
  if (toks[j].kind != Tok::kWord) return std::nullopt;
  if (Pronouns().contains(toks[j].lower) || toks[j].lower == "another") return j;
  // A name: capitalised words back to titles, particles, initials.
  if (toks[j].cap) {
    size_t k = j;
    while (k > 0 && toks[k - 1].kind == Tok::kWord && !IsPossessive(toks[k - 1]) &&
           (toks[k - 1].cap || IsParticle(toks[k - 1])) &&
           !(NotNames().contains(toks[k - 1].lower) && !Titles().contains(toks[k - 1].lower))) {
      --k;
    }
    // "the Kremlin", "the White House"
    if (k > 0 && toks[k - 1].kind == Tok::kWord && toks[k - 1].lower == "the") --k;
    while (k < end && NotNames().contains(toks[k].lower) && toks[k].lower != "the" &&
           !Titles().contains(toks[k].lower) && !known.contains(toks[k].lower)) {
      ++k;  // "Yesterday Smith said": drop the capitalised non-name
    }
    if (k > j) return std::nullopt;
    // "Mark Blumenthal and Jon Cohen:": the first of two names speaks for both.
    // Both must look like people: short runs, no organisation in them.
    if (k >= 2 && j - k < 3 && toks[k - 1].lower == "and" && toks[k - 2].kind == Tok::kWord &&
        toks[k - 2].cap && !IsPossessive(toks[k - 2])) {
      auto first = SpeakerStartBefore(toks, k - 1, known);
      // "Dalecorp owns Portvale and Norway has said": a name after a verb is its
      // object; "and" opens a clause of its own.
      auto opens = [](const std::string& w) {
        return IsSubordinator(w) || w == "both" || w == "but" || w == "and" || w == "then" || w == "so";
      };
      auto noun = [](std::string w) {  // "technology firms Dalecorp and Valeware said"
        if (absl::EndsWith(w, "s")) w.pop_back();
        return PersonNoun(w) || Titles().contains(w) || OrgWords().contains(w) || GenericOrgNouns().contains(w);
      };
      if (first && *first > 0 && toks[*first - 1].kind == Tok::kWord && !toks[*first - 1].cap &&
          !opens(toks[*first - 1].lower) && !Prepositions().contains(toks[*first - 1].lower) &&
          !noun(toks[*first - 1].lower)) {
        return k;
      }
      if (first && toks[*first].cap && k - 1 - *first <= 3) {
        bool people = true;
        for (size_t x = *first; x <= j; ++x) {
          people = people && !OrgWords().contains(toks[x].lower) && !Titles().contains(toks[x].lower);
        }
        if (people) return first;
      }
    }
    return k;
  }
  // "analysts say", "but police said": a bare plural that opens its clause;
  // not "a poll of voters has", "the bank's analysts".
  if (IsPeopleInPlural(toks[j].lower) && !toks[j].cap) {
    static const auto* openers = new absl::flat_hash_set<std::string>{
        "but", "and", "however", "meanwhile", "yet", "while", "though", "although", "so", "now"};
    size_t before = j;  // "Wall Street analysts": past a capitalised run, not "a poll of Dale voters"
    while (before > 0 && toks[before - 1].kind == Tok::kWord && toks[before - 1].cap &&
           !IsPossessive(toks[before - 1])) {
      --before;
    }
    const bool opens = before == 0 || toks[before - 1].kind != Tok::kWord || openers->contains(toks[before - 1].lower);
    if (opens) return j;
  }
  // A description: "the analyst", "the former president", "a spokesman for X".
  for (size_t k = j + 1; k-- > 0 && k + 7 > j;) {
    if (toks[k].kind != Tok::kWord) break;
    if (toks[k].lower == "the" || toks[k].lower == "a" || toks[k].lower == "an" ||
        toks[k].lower == "another" || IsGroupDeterminer(toks[k].lower) ||
        (toks[k].lower == "one" && k < j && !toks[k + 1].cap && OnePerson(toks[k + 1].lower))) {
      // "another source familiar with the talks": "the talks" is an object.
      bool object = k > 0 && toks[k - 1].kind == Tok::kWord && IsPreposition(toks[k - 1].lower);
      if (!object) return k;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// People of the article: names seen, their roles and gender.

struct Person {
  std::string name;  // fullest form
  std::vector<std::string> roles;
  Gender gender = Gender::kUnknown;
  bool org = false;
  bool thing = false;  // a document or finding described ("a new report"), not a person
  bool group = false;  // unnamed people in the plural ("analysts"), never "he", "she" or "it"
  Gender sure = Gender::kUnknown;  // from a title or a known forename, not guessed
  // Mentions outside quotes right after "the" ("the Scottish Executive",
  // "the Daily Source Code") and without it: only the first is a thing.
  int after_the = 0, bare = 0;
  bool OnlyAfterThe() const { return after_the > 0 && bare == 0; }
};

// The surname: "Pate" in "Luther Pate IV" as in "Pate".
std::string LastWord(absl::string_view name) {
  std::vector<absl::string_view> w = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (w.size() >= 2 && IsGenerationSuffix(w.back())) w.pop_back();
  return w.empty() ? "" : NormalizeText(w.back());
}

// `guess`: a forename ending in "a" is a woman's, which often errs.
Gender GenderOf(absl::string_view name, absl::string_view titles, bool guess = true) {
  // Whole words: "Commissioner" holds "miss" and "German" ends in "man".
  // A woman's title anywhere outranks a man's ("spokeswoman" ends in "man").
  const std::string t = NormalizeText(titles);
  bool male = false;
  for (absl::string_view w : absl::StrSplit(t, absl::ByAnyChar(" .,"), absl::SkipEmpty())) {
    if (w == "mrs" || w == "ms" || w == "miss" || w == "lady" || w == "dame" || w == "baroness" ||
        absl::EndsWith(w, "woman")) {
      return Gender::kFemale;
    }
    male = male || w == "mr" || w == "sir" || w == "lord" ||
           (absl::EndsWith(w, "man") && w.size() > 4 && !IsNationality(w) && w != "human");
  }
  if (male) return Gender::kMale;
  std::vector<absl::string_view> w = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (w.size() < 2) return Gender::kUnknown;
  std::string first = NormalizeText(w.front());
  if (FemaleForenames().contains(first)) return Gender::kFemale;
  if (MaleForenames().contains(first)) return Gender::kMale;
  if (guess && first.size() > 2 && first.back() == 'a') return Gender::kFemale;
  // "Matteo", "Fernando"; not "Yoko" or "Keiko".
  if (guess && first.size() > 3 && first.back() == 'o' && !absl::EndsWith(first, "ko")) return Gender::kMale;
  return Gender::kUnknown;
}

bool IsOrgName(absl::string_view name) {
  for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (OrgWords().contains(NormalizeText(w))) return true;
  }
  return false;
}

// The forename of a name of two or more words when it is a known one
// ("Tom Varga"), else "": "Absent Vell" or "Beau Marek" do not tell two
// people apart.
std::string Forename(absl::string_view name) {
  std::vector<absl::string_view> w = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (w.size() < 2) return "";
  std::string first = NormalizeText(w.front());
  return MaleForenames().contains(first) || FemaleForenames().contains(first) ? first : "";
}

// Prepositions that put a name as a place ("in Dover", "outside Dale");
// "to" and "from" introduce people as often ("lost to Jo Pratt").
bool IsPlacePreposition(absl::string_view w) {
  return w == "in" || w == "at" || w == "near" || w == "across" || w == "around" || w == "outside";
}

class People {
 public:
  // Registers a name mention; returns the person's index, or -1 for a
  // "name" with no word `speaker:` could find (only over-long "words" or
  // characters that fold to nothing): a speaker must have a key.
  int Add(const std::string& name, const std::string& titles, const std::string& role) {
    std::string key = LastWord(name);
    if (key.empty()) return -1;
    int idx = Find(name, titles);
    if (idx < 0) {
      if (SpeakerKey(name).empty()) return -1;
      idx = static_cast<int>(people_.size());
      people_.push_back(Person{name, {}, GenderOf(name, titles), IsOrgName(name)});
      people_.back().sure = GenderOf(name, titles, /*guess=*/false);
      by_key_[key].push_back(idx);
    } else {
      Person& p = people_[idx];
      if (Words(name) > Words(p.name)) p.name = name;
      if (p.sure == Gender::kUnknown) p.sure = GenderOf(name, titles, /*guess=*/false);
      // "Mr Ostrava" corrects a gender guessed from "Luca".
      if (p.gender == Gender::kUnknown || p.sure != Gender::kUnknown) {
        p.gender = p.sure != Gender::kUnknown ? p.sure : GenderOf(name, titles);
      }
    }
    for (const std::string& r : {titles, role}) {
      if (!r.empty()) people_[idx].roles.push_back(NormalizeText(r));
    }
    return idx;
  }
  // `after_verb`: the sentence's first name, but after its finite verb
  // ("Nobody could picture Jo Pratt …", "Dale have signed Jo Pratt"): what
  // the sentence is about, which a description ("the 34-year-old") may
  // mean but "he" or "she" seldom does.
  void Mention(int person, uint32_t pos, bool subject, bool after_verb) {
    mentions_.push_back({pos, person});
    if (subject) subjects_.push_back({pos, person, after_verb});
  }
  // The person last named as a sentence's subject in (`from`, `pos`) that `fits`.
  template <typename Fits>
  int LastSubjectBetween(uint32_t from, uint32_t pos, Fits fits, bool after_verb_too = true) const {
    const Subject* s = LastSubject(from, pos, fits, after_verb_too);
    return s ? s->person : -1;
  }
  // Where the subject LastSubjectBetween finds was named, or 0.
  template <typename Fits>
  uint32_t LastSubjectPosBetween(uint32_t from, uint32_t pos, Fits fits, bool after_verb_too = true) const {
    const Subject* s = LastSubject(from, pos, fits, after_verb_too);
    return s ? s->pos : 0;
  }
  // The person last mentioned in [`from`, `pos`) that `fits`.
  template <typename Fits>
  int LastMentionBetween(uint32_t from, uint32_t pos, Fits fits) const {
    for (size_t k = mentions_.size(); k-- > 0;) {
      if (mentions_[k].first >= pos) continue;
      if (mentions_[k].first < from) break;
      if (fits(people_[mentions_[k].second])) return mentions_[k].second;
    }
    return -1;
  }
  // Everyone mentioned in [`from`, `pos`).
  std::vector<int> MentionedBetween(uint32_t from, uint32_t pos) const {
    std::vector<int> out;
    for (const auto& [at, person] : mentions_) {
      if (at >= from && at < pos) out.push_back(person);
    }
    return out;
  }
  // Where `person` was first mentioned; UINT32_MAX if never.
  uint32_t FirstMentionPos(int person) const {
    for (const auto& [at, who] : mentions_) {
      if (who == person) return at;
    }
    return UINT32_MAX;
  }
  // The person last mentioned before `pos` that `fits`.
  template <typename Fits>
  int LastMentionBefore(uint32_t pos, Fits fits) const {
    for (size_t k = mentions_.size(); k-- > 0;) {
      if (mentions_[k].first < pos && fits(people_[mentions_[k].second])) return mentions_[k].second;
    }
    return -1;
  }
  // The person a name means. People who share a surname are told apart by
  // their forenames ("Tom Varga", "Rita Varga") or a gendered title ("Mrs
  // Hart" is not "Bill Hart"); a bare surname means the first so named.
  int Find(absl::string_view name, absl::string_view titles = "") const {
    auto it = by_key_.find(LastWord(name));
    if (it == by_key_.end()) return -1;
    const std::vector<int>& same = it->second;
    const std::string forename = Forename(name);
    const Gender gender = GenderOf(name, titles, /*guess=*/false);
    int fallback = -1, fallback_fit = -1;
    for (int i : same) {
      const Person& p = people_[i];
      const std::string other = Forename(p.name);
      if (!forename.empty() && forename == other) return i;
      const bool gender_clash = gender != Gender::kUnknown && p.sure != Gender::kUnknown && gender != p.sure;
      // "Rita Varga" and "Tom Varga": two full names whose forenames differ in gender.
      const Gender guessed = GenderOf(name, "");
      const bool full_names_clash = Words(name) >= 2 && Words(p.name) >= 2 &&
                                    NormalizeText(name.substr(0, name.find(' '))) !=
                                        NormalizeText(p.name.substr(0, p.name.find(' '))) &&
                                    guessed != Gender::kUnknown && p.gender != Gender::kUnknown &&
                                    guessed != p.gender;
      const bool forename_clash = (!forename.empty() && !other.empty()) || GivenNamesDiffer(name, p.name);
      // "the Hale campaign" and "the Berg campaign" are two bodies; "the
      // Daily News" is "the New York Daily News".
      const std::string a = NormalizeText(name), b = NormalizeText(p.name);
      const bool orgs_clash = p.org && Words(name) >= 2 && Words(p.name) >= 2 && IsOrgName(std::string(name)) &&
                              a != b && !absl::EndsWith(a, " " + b) && !absl::EndsWith(b, " " + a);
      // "Bank of Dale" is no one called "Dale".
      const bool org_and_one_word = IsOrgName(std::string(name)) && Words(name) >= 2 && !p.org && Words(p.name) == 1;
      // "the Hale campaign spokesman" and "the State Department spokesman"
      // speak for two bodies; "a Dale Democrat" and "a Vale Democrat" are two.
      const bool spokespeople_clash = Words(name) >= 2 && Words(p.name) >= 2 && a != b &&
                                      (SpeaksForOthers(LastWordLower(name)) ||
                                       Affiliations().contains(LastWordLower(name)) ||
                                       KinGender(LastWordLower(name)) != Gender::kUnknown) &&
                                      !absl::EndsWith(a, " " + b) &&
                                      !absl::EndsWith(b, " " + a);
      if (gender_clash || forename_clash || full_names_clash || orgs_clash || org_and_one_word ||
          spokespeople_clash) {
        continue;
      }
      // "Ms Vell" after "Jomo Vell" and "Adela Vell": the one whose
      // forename looks female, before one nothing genders.
      const int fit = gender == Gender::kUnknown ? 1 : p.gender == gender ? 2 : p.gender == Gender::kUnknown ? 1 : 0;
      if (fit > fallback_fit) {
        fallback = i;
        fallback_fit = fit;
      }
    }
    return fallback;
  }
  // "Jo Pratt" and "Ned Pratt": two full names whose first words are
  // both given names and differ name two people, even when no list knows
  // the forenames; a first word the text also writes in lower case or
  // never capitalises mid-sentence ("Among Pratt", "Absent Pratt") may
  // open a sentence and is no given name, and one the other name holds
  // ("Ann Lee Pratt", "Lee Pratt") is a middle name.
  bool GivenNamesDiffer(absl::string_view a, absl::string_view b) const {
    std::vector<absl::string_view> wa = absl::StrSplit(a, ' ', absl::SkipEmpty());
    std::vector<absl::string_view> wb = absl::StrSplit(b, ' ', absl::SkipEmpty());
    if (wa.size() < 2 || wb.size() < 2) return false;
    const std::string fa = NormalizeText(wa.front()), fb = NormalizeText(wb.front());
    // A name's first word opening a sentence ("Jo Pratt said") is seen
    // capitalised only there: one of the two must be seen mid-sentence.
    if (fa == fb || !GivenNameLike(wa.front(), /*strict=*/false) || !GivenNameLike(wb.front(), false) ||
        !(GivenNameLike(wa.front(), true) || GivenNameLike(wb.front(), true))) {
      return false;
    }
    auto holds = [](const std::vector<absl::string_view>& words, const std::string& w) {
      return absl::c_any_of(words, [&w](absl::string_view x) { return NormalizeText(x) == w; });
    };
    return !holds(wb, fa) && !holds(wa, fb);
  }
  void SetLowerCaseWords(const absl::flat_hash_set<std::string>* words) { lowercase_ = words; }
  Person& at(int i) { return people_[i]; }
  int size() const { return static_cast<int>(people_.size()); }
  const absl::flat_hash_set<std::string>& known_words() const { return known_; }
  void AddKnownWords(absl::string_view name) {
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      known_.insert(NormalizeText(w));
    }
  }

 private:
  // A capitalised word of letters, no initial, title, party or word the
  // text writes in lower case; `strict`: also seen capitalised mid-sentence,
  // or a known forename.
  bool GivenNameLike(absl::string_view word, bool strict) const {
    const std::string w = NormalizeText(word);
    if (w.size() < 2 || !absl::c_all_of(w, [](char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || (c & 0x80); })) {
      return false;
    }
    if (MaleForenames().contains(w) || FemaleForenames().contains(w)) return true;
    if (absl::c_all_of(word, [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); })) return false;
    if (Titles().contains(w) || NotNames().contains(w) || Affiliations().contains(w) || OrgWords().contains(w)) {
      return false;
    }
    if (lowercase_ != nullptr && lowercase_->contains(w)) return false;
    // "Following Pratt on …", "Regarding Pratt's remarks": a participle or
    // an adverb that opens the sentence.
    if (!strict && (absl::EndsWith(w, "ing") || absl::EndsWith(w, "ly"))) return false;
    return !strict || known_.contains(w);
  }
  static size_t Words(absl::string_view s) {
    return std::vector<absl::string_view>(absl::StrSplit(s, ' ', absl::SkipEmpty())).size();
  }
  std::vector<Person> people_;
  std::vector<std::pair<uint32_t, int>> mentions_;  // (position, person), in text order
  struct Subject {
    uint32_t pos;
    int person;
    bool after_verb;
  };
  template <typename Fits>
  const Subject* LastSubject(uint32_t from, uint32_t pos, Fits fits, bool after_verb_too) const {
    for (size_t k = subjects_.size(); k-- > 0;) {
      const Subject& s = subjects_[k];
      if (s.pos >= pos) continue;
      if (s.pos <= from && from > 0) break;  // the text's first word may be one
      if ((after_verb_too || !s.after_verb) && fits(people_[s.person])) return &s;
    }
    return nullptr;
  }
  std::vector<Subject> subjects_;  // mentions that start a sentence
  absl::flat_hash_map<std::string, std::vector<int>> by_key_;  // surname → people, first named first
  absl::flat_hash_set<std::string> known_;
  const absl::flat_hash_set<std::string>* lowercase_ = nullptr;  // the text's lower-case words
};

// ---------------------------------------------------------------------------
// Attribution.

struct Cue {
  SpeakerRef who;
  size_t verb = 0;  // token index of the speech verb, or of the dash
};

// Whether toks[k] opens a clause of its own: a short subject and then a
// finite verb ("Ruritania would cut …", "40 jobs were lost", "exports had
// fallen"). "claimed the title in 2004" or "said goodbye to fans who were
// …" has an object instead: no finite verb follows it before a preposition,
// a relative word or punctuation.
bool OpensFiniteClause(const std::vector<Tok>& toks, size_t k, size_t e) {
  constexpr size_t kMaxSubject = 5;  // words before the verb
  // "explains why the ferry …" asks, "… States and is" joins: neither opens a statement.
  static const auto* not_subjects = new absl::flat_hash_set<std::string>{
      "why", "how", "what", "whether", "when", "where", "who", "which", "and", "or", "but", "to",
      "not", "that"};
  if (k >= e || toks[k].kind != Tok::kWord || IsPreposition(toks[k].lower) || not_subjects->contains(toks[k].lower)) {
    return false;
  }
  // A subject that opens like a noun phrase ("Labour's plans for the
  // economy would fail", "the cost of bread in shops had doubled") may be
  // longer and hold prepositions; "goodbye to fans who were" may not.
  const Tok& first = toks[k];
  const bool nominal = first.cap || absl::ascii_isdigit(static_cast<unsigned char>(first.text[0])) ||
                       ClauseStarts().contains(first.lower) || IsPossessive(first);
  const size_t max_subject = nominal ? kMaxSubject + 3 : kMaxSubject;
  static const auto* inner = new absl::flat_hash_set<std::string>{"of", "for", "in", "on", "at", "from", "with", "by"};
  for (size_t j = k + 1; j < e && j <= k + max_subject; ++j) {
    if (toks[j].kind != Tok::kWord) return false;
    const std::string& w = toks[j].lower;
    if (FiniteAuxiliaries().contains(w)) return true;
    // "said Dalecorp still considered the deal valid": a name and then a
    // verb in the past tense; not a participle before a preposition ("told
    // Ada Vos based in Leeds").
    if (first.cap && !toks[j].cap && PastTenseLike(w) && j + 1 < e && toks[j + 1].kind == Tok::kWord &&
        !IsPreposition(toks[j + 1].lower)) {
      return true;
    }
    if (w == "who" || w == "which" || w == "that" || w == "and" || w == "or" || SpeechVerbs().contains(w) ||
        (IsPreposition(w) && w != "of" && !(nominal && inner->contains(w)))) {
      return false;
    }
  }
  return false;
}

// Where a name or pronoun that ends before the auxiliaries of the verb at
// toks[v] starts ("Tom Hale has said", "she had claimed"), if one does.
std::optional<size_t> SpeakerStartBeforeAuxiliaries(const std::vector<Tok>& toks, size_t s, size_t v,
                                                    const absl::flat_hash_set<std::string>& known) {
  // "…, he was asked?" is a passive and "…, he might say" a guess: only
  // perfect and future forms report what was said.
  static const auto* reporting = new absl::flat_hash_set<std::string>{
      "has", "have", "had", "will", "would", "did", "hasn't", "hadn't", "didn't"};
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord && FiniteAuxiliaries().contains(toks[j - 1].lower)) {
    if (!reporting->contains(toks[j - 1].lower)) return std::nullopt;
    --j;
  }
  if (j == v || j == s) return std::nullopt;
  std::optional<size_t> st = SpeakerStartBefore(toks, j, known);
  if (!st || !(toks[*st].cap || toks[*st].lower == "he" || toks[*st].lower == "she")) return std::nullopt;
  return st;
}

// Whether toks[v] is a verb in the active voice, not a name ("the Western
// Isles") nor a passive ("It was settled the fee …").
bool ActiveLowerCaseVerb(const std::vector<Tok>& toks, size_t s, size_t v) {
  if (toks[v].cap && v != s) return false;
  static const auto* be = new absl::flat_hash_set<std::string>{"is", "was", "were", "are", "been", "being", "be"};
  for (size_t j = v; j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower); --j) {
    if (be->contains(toks[j - 1].lower)) return false;
  }
  return true;
}

// ", saying the vote was lost", ", telling members that it was": the
// participle and where its clause starts, if one follows a comma.
std::optional<std::pair<size_t, size_t>> ParticipleReport(const std::vector<Tok>& toks, size_t s, size_t e) {
  static const auto* participles = new absl::flat_hash_set<std::string>{
      "saying", "adding", "arguing", "insisting", "warning", "noting", "claiming", "suggesting",
      "stressing", "explaining", "telling", "predicting", "complaining", "acknowledging",
      "admitting", "conceding", "declaring", "maintaining", "asserting", "contending"};
  for (size_t v = s + 2; v + 2 < e; ++v) {
    if (toks[v - 1].text != "," || toks[v].kind != Tok::kWord || !participles->contains(toks[v].lower)) continue;
    size_t k = v + 1;
    if (ObjectIsListener(toks[v].lower)) {  // "telling members that"
      while (k < e && k < v + 5 && toks[k].kind == Tok::kWord && toks[k].lower != "that") ++k;
      if (k >= e || toks[k].lower != "that") return std::nullopt;
    }
    if (toks[k].lower == "that") return std::make_pair(v, k + 1);
    // "warning the public of …" has an object: a pronoun or a finite verb shows a clause.
    if (Pronouns().contains(toks[k].lower) || toks[k].lower == "we" ||
        toks[k].lower == "i" || toks[k].lower == "there" || OpensFiniteClause(toks, k, e)) {
      return std::make_pair(v, k);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// Whether the sentence goes on after the comma at toks[k] with a clause's
// verb of its own ("…, Hale says, will fail within a year"), not only an
// adverbial ("…, he said, in a speech").
bool SentenceGoesOn(const std::vector<Tok>& toks, size_t k, size_t e) {
  constexpr size_t kReach = 6;  // words to the verb
  // "At one point, he said, the ferry almost sank": a new subject.
  if (k + 2 < e && toks[k + 1].kind == Tok::kWord &&
      (ClauseStarts().contains(toks[k + 1].lower) || OpensFiniteClause(toks, k + 1, e))) {
    return true;
  }
  for (size_t j = k + 1; j < e && j <= k + kReach; ++j) {
    if (toks[j].kind != Tok::kWord) return false;
    if (FiniteAuxiliaries().contains(toks[j].lower) || absl::EndsWith(toks[j].lower, "ed")) return true;
  }
  return false;
}

bool NameInsideAPhrase(const std::vector<Tok>& toks, size_t s, uint32_t pos);
bool PronounOfSubordinateClause(const std::vector<Tok>& toks, size_t s, size_t v);
bool NamedOrPronounRightBefore(const std::vector<Tok>& toks, size_t s, size_t v);

// Whether a name just before the verb at toks[v] (auxiliaries skipped) is
// `r` itself: in "…, but six members of the council told" a name earlier
// in the sentence is not the subject.
bool NameEndsBeforeVerb(const std::vector<Tok>& toks, size_t s, size_t v, const SpeakerRef& r) {
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
  if (j == s || toks[j - 1].kind != Tok::kWord || !toks[j - 1].cap) return true;
  return toks[j - 1].start >= r.pos && toks[j - 1].start < r.pos + r.mention.size();
}

// Whether a lower-case noun outside `r` ends the subject of the verb at
// toks[v] (auxiliaries skipped): "A woman who accused Hale of fraud said", "Hale's
// office announced" have a subject other than the name in them.
bool CommonNounRightBefore(const std::vector<Tok>& toks, size_t s, size_t v, const SpeakerRef& r) {
  static const auto* joiners = new absl::flat_hash_set<std::string>{"who", "and", "but", "yet", "so", "or"};
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord &&
         (Auxiliaries().contains(toks[j - 1].lower) || absl::EndsWith(toks[j - 1].lower, "ly"))) {
    --j;  // "Hale defiantly told"
  }
  if (j == s || toks[j - 1].kind != Tok::kWord || toks[j - 1].cap) return false;
  // "The Hale campaign announced": the noun ends the name itself.
  if (toks[j - 1].start >= r.pos && toks[j - 1].start < r.pos + r.mention.size()) return false;
  const std::string& w = toks[j - 1].lower;
  return !Pronouns().contains(w) && w != "we" && w != "i" && !joiners->contains(w);
}

// "he" or "she", which the resolver finds surely; "it" and "they" it often
// gives to the wrong body.
bool PersonalPronoun(const SpeakerRef& r) {
  return r.kind == SpeakerRef::kPronoun && (r.name == "he" || r.name == "she");
}

// Whether `r`, found for the verb at toks[v], is surely its subject: a name
// not inside a phrase, or a pronoun not of a subordinate clause, right
// before an active verb.
bool SureSubject(const std::vector<Tok>& toks, size_t s, size_t v, const SpeakerRef& r) {
  const bool who = (r.kind == SpeakerRef::kName && !NameInsideAPhrase(toks, s, r.pos)) ||
                   (PersonalPronoun(r) && !PronounOfSubordinateClause(toks, s, v));
  return who && NamedOrPronounRightBefore(toks, s, v) && ActiveLowerCaseVerb(toks, s, v) &&
         NameEndsBeforeVerb(toks, s, v, r);
}

// Whether the name at byte `pos` sits inside a prepositional phrase of its
// sentence ("The former clerk at the Dale Ferry Company has admitted"): then
// the phrase's head, not the name, is the subject.
bool NameInsideAPhrase(const std::vector<Tok>& toks, size_t s, uint32_t pos) {
  bool in_phrase = false;
  for (size_t j = s; j < toks.size() && toks[j].start < pos; ++j) {
    if (toks[j].kind == Tok::kPunct && toks[j].text == ",") in_phrase = false;
    if (toks[j].kind == Tok::kWord && IsPreposition(toks[j].lower)) in_phrase = true;
  }
  return in_phrase;
}

// Whether the verb at toks[v] has a pronoun subject right after a
// subordinator: in "…, when he told Harbour Radio that …" the pronoun means
// the main clause's subject, whom the resolver does not know of.
bool PronounOfSubordinateClause(const std::vector<Tok>& toks, size_t s, size_t v) {
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
  if (j < s + 2 || !Pronouns().contains(toks[j - 1].lower)) return false;
  const std::string& w = toks[j - 2].lower;
  return IsSubordinator(w) || w == "where" || w == "why" || w == "how";
}

// Whether the words just before the verb at toks[v] (auxiliaries skipped)
// can end a name, a pronoun, an appositive, "who" or a first verb's clause
// ("… and said"): in "– most of the members said" a name further back is
// not the subject.
bool NamedOrPronounRightBefore(const std::vector<Tok>& toks, size_t s, size_t v) {
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
  if (j == s) return false;
  const Tok& t = toks[j - 1];
  if (t.kind == Tok::kPunct) return t.text == "," || t.text == ")";
  // "I told you he …": the first person speaks inside a quote.
  if (t.lower == "i" || t.lower == "we") return false;
  // "Hale reported a loss and said …": the verbs share the sentence's subject.
  // Not after a group ("Other former officers … and said").
  if (t.lower == "and" && j >= s + 2 && toks[j - 2].kind == Tok::kWord && !toks[j - 2].cap) {
    return toks[s].kind == Tok::kWord && !IsGroupDeterminer(toks[s].lower) && toks[s].lower != "another";
  }
  // "Hale, who …" or "Hale who …", not "voters who say …".
  const bool who_of_a_name = t.lower == "who" && j >= s + 2 && (toks[j - 2].cap || toks[j - 2].text == ",");
  return t.kind == Tok::kWord && (t.cap || Pronouns().contains(t.lower) || who_of_a_name);
}

bool IsVerbAt(const std::vector<Tok>& toks, size_t i) {
  if (i >= toks.size() || toks[i].kind != Tok::kWord) return false;
  const std::string& w = toks[i].lower;
  // "a BBC statement read", "the sign reads": what a text says.
  if (w == "read" || w == "reads") {
    static const auto* texts = new absl::flat_hash_set<std::string>{
        "sign", "signs", "headline", "banner", "placard", "caption", "inscription", "card"};
    return i > 0 && toks[i - 1].kind == Tok::kWord &&
           (DocumentNouns().contains(toks[i - 1].lower) || texts->contains(toks[i - 1].lower));
  }
  if (!SpeechVerbs().contains(w)) return false;
  // Headlines in capitals ("RED STATES OUTNUMBER …") hold no cue.
  if (absl::c_none_of(toks[i].text, [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); })) {
    return false;
  }
  // Capitalised after a capitalised word it is part of a name: "the United
  // States", "Simon Says"; not "Murphy, the head of Rise USA, Tweeted".
  if (toks[i].cap && !toks[i].sentence_start && i > 0 && toks[i - 1].kind == Tok::kWord && toks[i - 1].cap) {
    return false;
  }
  // After a determiner or "of" the word is a noun: "a backlog of claims",
  // "his remarks", "the reports".
  if (i > 0 && toks[i - 1].kind == Tok::kWord) {
    static const auto* determiners = new absl::flat_hash_set<std::string>{
        "the", "a", "an", "of", "his", "her", "their", "its", "our", "my", "your", "these", "this",
        "those", "such", "whose", "any", "no"};
    if (determiners->contains(toks[i - 1].lower) && w != "put" && w != "went") return false;
    // "the latest claims", "his earlier remarks": after a determiner and an
    // adjective too.
    static const auto* adjectives = new absl::flat_hash_set<std::string>{
        "new", "recent", "earlier", "previous", "false", "similar", "other", "further", "repeated",
        "public", "same", "fresh", "initial", "original", "separate", "many", "several", "wild"};
    if (i > 1 && toks[i - 2].kind == Tok::kWord && determiners->contains(toks[i - 2].lower) &&
        (adjectives->contains(toks[i - 1].lower) || absl::EndsWith(toks[i - 1].lower, "est"))) {
      return false;
    }
  }
  // Passive ("has been described as", "was called “…” by the judge") reports
  // no speaker.
  if (i > 0 && (toks[i - 1].lower == "been" || toks[i - 1].lower == "being")) return false;
  if (i > 0 && (toks[i - 1].lower == "was" || toks[i - 1].lower == "were" || toks[i - 1].lower == "is" ||
                toks[i - 1].lower == "are") &&
      IsJudgingVerb(w)) {
    return false;
  }
  // "it was said that", "he was thought to": a passive names no speaker.
  if (i > 0 && (toks[i - 1].lower == "was" || toks[i - 1].lower == "were" || toks[i - 1].lower == "is" ||
                toks[i - 1].lower == "are") &&
      (w == "said" || w == "reported" || w == "believed" || w == "thought" || w == "claimed" || w == "alleged" ||
       w == "predicted" || w == "estimated" || w == "expected" || w == "feared" || w == "understood")) {
    return false;
  }
  if (NeedsParticle(w)) {
    if (w == "called" && i + 1 < toks.size() && toks[i + 1].kind == Tok::kQuote) return true;
    if (i + 1 >= toks.size() || toks[i + 1].kind != Tok::kWord) return false;
    const std::string& p = toks[i + 1].lower;
    if (w == "put") return p == "it";
    if (w == "went") return p == "on";
    if (w == "pointed" || w == "points" || w == "pointing") return p == "out";
    if (w == "called") {  // "called for", "called on", "called Braynard “a real smart guy”"
      if (p == "for" || p == "on") return true;
      for (size_t k = i + 1; k < toks.size() && k <= i + 4; ++k) {
        if (toks[k].kind == Tok::kQuote) return true;
        if (toks[k].kind != Tok::kWord) break;
      }
      return false;
    }
    if (w == "shot" || w == "fired" || w == "hit") return p == "back";
    if (w == "chimed") return p == "in";
    if (w == "issued" || w == "released") {  // "issued the following statement"
      for (size_t k = i + 1; k < toks.size() && k <= i + 4 && toks[k].kind == Tok::kWord; ++k) {
        if (toks[k].lower == "statement") return true;
      }
      return false;
    }
  }
  return true;
}

// Nouns of a time: "last week", "on Monday".
bool IsTimeNoun(absl::string_view w) {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring",
      "summer", "autumn", "fall", "winter", "time"};
  return v->contains(w) || DayNames().contains(w);
}

bool IsDayName(const Tok& t) {
  return t.kind == Tok::kWord && t.cap && DayNames().contains(t.lower);
}

// Where a time adverbial at toks[j] ends ("on Tuesday", "yesterday", "last
// week", "in a statement"), or j if none starts there.
size_t AfterTimeAdverbial(const std::vector<Tok>& toks, size_t j, size_t e) {
  static const auto* time_words = new absl::flat_hash_set<std::string>{
      "yesterday", "today", "tonight", "earlier", "later", "recently", "now", "also", "again",
      "previously"};
  static const auto* occasions = new absl::flat_hash_set<std::string>{
      "statement", "interview", "speech", "letter", "email", "briefing", "broadcast"};
  static const auto* determiners = new absl::flat_hash_set<std::string>{"a", "an", "his", "her", "their", "its"};
  size_t k = j;
  for (int part = 0; part < 2 && k < e && toks[k].kind == Tok::kWord; ++part) {  // "earlier on Monday"
    const std::string& w = toks[k].lower;
    if (time_words->contains(w) || IsDayName(toks[k])) {  // "said Tuesday he …"
      k += 1;
    } else if (k + 1 < e && (w == "on" || w == "last" || w == "this" || w == "next") &&
               IsTimeNoun(toks[k + 1].lower)) {
      k += 2;
    } else if (k + 2 < e && w == "in" && determiners->contains(toks[k + 1].lower) &&
               occasions->contains(toks[k + 2].lower)) {
      k += 3;
    } else {
      break;
    }
  }
  return k;
}

// "Hale's campaign", "Ruritania's government" as the whole subject of the
// verb at toks[v], opening its sentence or clause: the body, named as "the
// Hale campaign" would be.
std::optional<SpeakerRef> PossessiveBodySubject(const std::vector<Tok>& toks, size_t s, size_t v) {
  size_t j = v;
  while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
  // "the Dale Post's reporting showed that": the text's owner says it.
  const bool text = j >= s + 2 && (toks[j - 1].lower == "reporting" || DocumentNouns().contains(toks[j - 1].lower));
  if (j < s + 2 || toks[j - 1].kind != Tok::kWord || !(BodyOfSomeone().contains(toks[j - 1].lower) || text)) {
    return std::nullopt;
  }
  const Tok& owner = toks[j - 2];
  if (owner.kind != Tok::kWord || !owner.cap || !IsPossessive(owner)) return std::nullopt;
  size_t first = j - 2;
  while (first > s && toks[first - 1].kind == Tok::kWord && toks[first - 1].cap) --first;
  // "…, after Dale TV's reporting indicated that": a clause of its own.
  const std::string& before = first > s ? toks[first - 1].lower : "";
  if (first > s && toks[first - 1].text != "," && !IsSubordinator(before) && before != "but" && before != "and") {
    return std::nullopt;
  }
  std::vector<std::string> words;
  for (size_t x = first; x + 2 < j; ++x) words.push_back(toks[x].text);
  words.push_back(WithoutPossessive(owner.text));
  words = PersonTail(std::move(words));  // "Rival Ada Lusk's" → "Ada Lusk"
  // "Mrs. Hale's campaign": the Hale campaign.
  while (words.size() >= 2 && TitleAbbreviations().contains(NormalizeText(absl::StripSuffix(words[0], ".")))) {
    words.erase(words.begin());
  }
  SpeakerRef r;
  r.kind = SpeakerRef::kName;
  r.name = absl::StrJoin(words, " ") + (text ? "" : " " + toks[j - 1].text);
  r.mention = r.name;
  r.pos = toks[first].start;
  return r;
}

// Where a name after lower-case role words at toks[k] starts ("port
// authority chief Anna Berg", "former minister Tom Hale"), or k.
size_t AfterLowerCaseRole(const std::vector<Tok>& toks, size_t k, size_t e) {
  constexpr size_t kMaxRoleWords = 3;
  size_t j = k;
  while (j < e && j < k + kMaxRoleWords && toks[j].kind == Tok::kWord && !toks[j].cap &&
         !Prepositions().contains(toks[j].lower) && !Pronouns().contains(toks[j].lower) &&
         !ClauseStarts().contains(toks[j].lower) && !Auxiliaries().contains(toks[j].lower) &&
         !FiniteAuxiliaries().contains(toks[j].lower) && toks[j].lower != "that" && toks[j].lower != "and" &&
         !IsParticipleVerb(toks[j].lower)) {
    ++j;
  }
  return j > k && j < e && toks[j].kind == Tok::kWord && toks[j].cap ? j : k;
}

// Whether toks[from..to) holds a finite verb: an auxiliary or a past tense.
bool HasFiniteVerb(const std::vector<Tok>& toks, size_t from, size_t to) {
  for (size_t j = from; j < to; ++j) {
    if (toks[j].kind == Tok::kWord && !toks[j].cap &&
        (FiniteAuxiliaries().contains(toks[j].lower) || absl::EndsWith(toks[j].lower, "ed"))) {
      return true;
    }
  }
  return false;
}

// Whether toks[k..e) is only an adverbial that ends the sentence: "…, Berg
// argued on Tuesday.", "…, Hale said in a speech to farmers."
bool OnlyAdverbialToTheEnd(const std::vector<Tok>& toks, size_t k, size_t e) {
  constexpr size_t kMaxWords = 8;
  if (k >= e || e - k > kMaxWords || toks[k].kind != Tok::kWord) return false;
  if (AfterTimeAdverbial(toks, k, e) == e) return true;
  if (!IsPreposition(toks[k].lower) || toks[k].lower == "of" || toks[k].lower == "to") return false;
  for (size_t j = k + 1; j < e; ++j) {
    if (toks[j].kind != Tok::kWord) return false;
    const std::string& w = toks[j].lower;
    if (w == "that" || w == "who" || w == "which" || FiniteAuxiliaries().contains(w) || SpeechVerbs().contains(w)) {
      return false;
    }
  }
  return true;
}

// Where the listener after "told" at toks[j] ends: "reporters", "him", "the
// Courier", "Harbour Radio's morning show"; j if there is none.
size_t AfterListener(const std::vector<Tok>& toks, size_t j, size_t e) {
  static const auto* determiners =
      new absl::flat_hash_set<std::string>{"the", "a", "an", "his", "her", "their", "its", "our"};
  auto word = [&](size_t i) { return i < e && toks[i].kind == Tok::kWord; };
  auto subject_pronoun = [&](size_t i) {
    return word(i) && (Pronouns().contains(toks[i].lower) || toks[i].lower == "we" || toks[i].lower == "i");
  };
  size_t k = j;
  // "told her she …": "her" is the listener, not a determiner.
  if (word(k) && determiners->contains(toks[k].lower) && !subject_pronoun(k + 1)) ++k;
  if (!word(k)) return j;
  if (!toks[k].cap) {
    // "reporters", "him"; not "his party's spring conference", whose end is unsure.
    if (FiniteAuxiliaries().contains(toks[k].lower) || IsPossessive(toks[k])) return j;
    return k + 1;
  }
  while (word(k) && toks[k].cap) {
    const bool possessive = IsPossessive(toks[k]);
    ++k;
    if (possessive) {  // "… 4's Today programme"
      while (word(k) && toks[k].cap) ++k;
      if (word(k) && !subject_pronoun(k)) ++k;
      return k;
    }
    // "the Dale newspaper Courier", "Harbour Radio founder Ivo Hale": a
    // role word between capitalised runs.
    if (word(k) && !toks[k].cap && !subject_pronoun(k) && !ClauseStarts().contains(toks[k].lower) &&
        !FiniteAuxiliaries().contains(toks[k].lower) && word(k + 1) && toks[k + 1].cap) {
      ++k;
    }
  }
  // "the Courier newspaper", "Harbour Radio's morning show"
  static const auto* media = new absl::flat_hash_set<std::string>{
      "newspaper", "paper", "programme", "program", "magazine", "website", "show", "radio",
      "channel", "network", "agency", "daily", "weekly"};
  if (word(k) && media->contains(toks[k].lower)) ++k;
  return k;
}

// Where a reported clause without "that" starts after the verb at toks[v]
// and a time adverbial or, after "told", the listener ("said on Tuesday
// he would resign", "told reporters the port would close"), if one does.
std::optional<size_t> ClauseAfterAdverbialOrListener(const std::vector<Tok>& toks, size_t v, size_t e) {
  const std::string& verb = toks[v].lower;
  const bool told = verb == "told" || verb == "tells";
  if (!told && !ClauseVerbs().contains(verb)) return std::nullopt;
  size_t j = told ? AfterListener(toks, v + 1, e) : v + 1;
  if (j == v + 1 && told) return std::nullopt;
  const size_t after = AfterTimeAdverbial(toks, j, e);
  if (after == j && !told) return std::nullopt;  // "said he …" has a path of its own
  j = after;
  if (j >= e || toks[j].kind != Tok::kWord) return std::nullopt;
  const std::string& w = toks[j].lower;
  const bool subject_pronoun = w == "he" || w == "she" || w == "it" || w == "they" || w == "we" ||
                               w == "i" || w == "there";
  if (subject_pronoun || OpensFiniteClause(toks, j, e)) return j;
  return std::nullopt;
}

// Nouns that a "that" clause may follow as their content: "the claim that".
const absl::flat_hash_set<std::string>& ClaimNouns() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "claim", "claims", "suggestion", "suggestions", "assertion", "assertions", "allegation",
      "allegations", "notion", "idea", "fact", "belief", "view", "views", "argument", "arguments",
      "charge", "charges", "accusation", "accusations", "rumour", "rumours", "rumor", "rumors",
      "reports", "fears", "hope", "hopes", "warning", "warnings", "news", "evidence", "decision",
      "promise", "pledge", "condition", "assurance", "assurances", "rules", "law", "impression"};
  return *v;
}

// Words in -ing that are nouns where a speech is given: "told a meeting".
const absl::flat_hash_set<std::string>& NounsInIng() {
  static const auto* v = new absl::flat_hash_set<std::string>{
      "meeting", "briefing", "hearing", "evening", "morning", "gathering", "building", "opening",
      "sitting", "wedding", "spring", "ring", "setting"};
  return *v;
}

// "warned last week that", "said in a speech on Monday that", "told a
// news conference that": the "that" after a short adverbial or, for a verb
// whose object is the listener, after that object. Not a relative "that"
// ("said in a statement that was …"), which a finite verb follows.
std::optional<size_t> ThatAfterAdverbial(const std::vector<Tok>& toks, size_t v, size_t k, size_t e) {
  constexpr size_t kMaxWords = 8;
  if (k >= e || toks[k].kind != Tok::kWord) return std::nullopt;
  static const auto* time_words = new absl::flat_hash_set<std::string>{
      "earlier", "later", "yesterday", "today", "tonight", "again", "also", "repeatedly",
      "recently", "once", "previously", "however", "privately", "publicly"};
  // "last week", "this month": not "described this in the past".
  const std::string& first = toks[k].lower;
  const bool time_phrase = (first == "last" || first == "this" || first == "next") && k + 1 < e &&
                           IsTimeNoun(toks[k + 1].lower);
  // "to tell supporters that", "claims by the trade that": no subject of its
  // own, or a noun and not a verb.
  if ((v > 0 && (toks[v - 1].lower == "to" || IsPreposition(toks[v - 1].lower))) || first == "by") {
    return std::nullopt;  // "quit after reports in a paper that": a noun
  }
  // "agreed to a lease that ends in May": after "to" an object, unless
  // the verb is one of saying ("said to reporters that").
  if (first == "to" && !ClauseVerbs().contains(toks[v].lower)) return std::nullopt;
  if (!IsPreposition(first) && !time_words->contains(first) && !time_phrase && !absl::EndsWith(first, "ly") &&
      !IsDayName(toks[k]) &&
      !ObjectIsListener(toks[v].lower)) {
    return std::nullopt;
  }
  // "agreed to stay on the understanding that": an infinitive, not an adverbial.
  if (first == "to" && k + 1 < e && toks[k + 1].kind == Tok::kWord && !toks[k + 1].cap &&
      !Prepositions().contains(toks[k + 1].lower)) {
    return std::nullopt;
  }
  for (size_t j = k + 1; j < e && j <= k + kMaxWords; ++j) {
    if (toks[j].kind == Tok::kPunct && toks[j].text == ",") continue;
    if (toks[j].kind != Tok::kWord) return std::nullopt;
    const std::string& w = toks[j].lower;
    if (w == "that") {
      const bool relative = j + 1 < e && toks[j + 1].kind == Tok::kWord &&
                            (FiniteAuxiliaries().contains(toks[j + 1].lower) || IsVerbAt(toks, j + 1) ||
                             absl::EndsWith(toks[j + 1].lower, "ed"));
      if (relative || j + 1 >= e) return std::nullopt;
      return j;
    }
    // "hit back at Mr Hale's claim that", "urged the council to restore
    // fees that": the clause belongs to a noun or an infinitive.
    if (IsPossessive(toks[j]) || ClaimNouns().contains(w) ||
        (w == "to" && j + 1 < e && toks[j + 1].kind == Tok::kWord && !toks[j + 1].cap &&
         !Prepositions().contains(toks[j + 1].lower))) {
      return std::nullopt;
    }
    if (w == "who" || w == "which" || w == "and" || w == "but" || w == "if" || w == "whether" ||
        FiniteAuxiliaries().contains(w) || SpeechVerbs().contains(w) ||
        (IsParticipleVerb(w) && !NounsInIng().contains(w))) {  // "graphics showing that"
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Where the person's name starts in "Bank of Dalmatia deputy governor Ann
// Berg" (a capitalised run, which "of", "for" or "the" may join when it
// opens with a body's word, then lower-case role words, then the name),
// else toks.size().
size_t PersonAfterRoleAt(const std::vector<Tok>& toks, size_t k) {
  size_t j = k;
  // Only a body's name: "Ann Berg of IT firm Dalecorp" is a person first.
  const bool body = k < toks.size() && OrgWords().contains(toks[k].lower);
  auto joins = [&toks, body](size_t x) {
    const std::string& w = toks[x].lower;
    return body && (w == "of" || w == "for" || w == "the") && x + 1 < toks.size() &&
           toks[x + 1].kind == Tok::kWord && (toks[x + 1].cap || toks[x + 1].lower == "the");
  };
  while (j < toks.size() && toks[j].kind == Tok::kWord && (toks[j].cap || IsParticle(toks[j]) || (j > k && joins(j)))) {
    ++j;
  }
  size_t role = j;
  // Role nouns, not verbs: "Clooney accused O'Reilly", "McIntyre runs Podcast Alley".
  auto verb_like = [](const std::string& w) {
    return absl::EndsWith(w, "ed") || (absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss"));
  };
  // "contributor and monetary historian": two roles joined.
  auto joined_role = [&toks, role](size_t x) {
    return toks[x].lower == "and" && x > role && x + 1 < toks.size() && toks[x + 1].kind == Tok::kWord &&
           !toks[x + 1].cap;
  };
  size_t limit = role + 3;
  while (j < toks.size() && j < limit && toks[j].kind == Tok::kWord && !toks[j].cap &&
         !Prepositions().contains(toks[j].lower) && !SpeechVerbs().contains(toks[j].lower) &&
         (toks[j].lower != "and" || joined_role(j)) && toks[j].lower != "who" && !verb_like(toks[j].lower)) {
    if (toks[j].lower == "and") limit = j + 4;
    ++j;
  }
  return j > role && j < toks.size() && toks[j].kind == Tok::kWord && toks[j].cap ? j : toks.size();
}

// The capitalised words between a description's determiner and its head
// ("BBC" in "a BBC statement"), or "" when any of them is lower-case.
std::string CapitalisedQualifier(absl::string_view mention) {
  std::vector<absl::string_view> words = absl::StrSplit(mention, ' ', absl::SkipEmpty());
  if (words.size() < 3) return "";
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(words[k][0]))) return "";
  }
  return absl::StrJoin(words.begin() + 1, words.end() - 1, " ");
}

// Whether the capitalised run at toks[k] is followed by lower-case role words
// and then another capitalised run: an organisation, a role, a person.
bool PersonAfterRole(const std::vector<Tok>& toks, size_t k) {
  return PersonAfterRoleAt(toks, k) < toks.size();
}

// Whether the capitalised run at toks[k] is followed by lower-case words
// ending in a noun for a person, then another capitalised run: "Harbor
// Kites singer Ula Vetch", not "Mr Dahl felt that Ines Moro".
bool RoleNounThenName(const std::vector<Tok>& toks, size_t k) {
  size_t j = k;
  while (j < toks.size() && toks[j].kind == Tok::kWord && (toks[j].cap || IsParticle(toks[j]))) ++j;
  const size_t role = j;
  while (j < toks.size() && j < role + 3 && toks[j].kind == Tok::kWord && !toks[j].cap &&
         !IsVerbAt(toks, j) && !Auxiliaries().contains(toks[j].lower) && !Prepositions().contains(toks[j].lower) &&
         !SpeechVerbs().contains(toks[j].lower) && toks[j].lower != "that" && toks[j].lower != "and" &&
         !absl::EndsWith(toks[j].lower, "ed")) {  // "Ada Lusk mocked the poet Ned Vole"
    ++j;
  }
  if (j == role || j >= toks.size() || toks[j].kind != Tok::kWord || !toks[j].cap) return false;
  const std::string& noun = toks[j - 1].lower;
  return PersonNoun(noun) || Titles().contains(noun) || SpeaksForOthers(noun);
}

// The first token after a sentence's opening connective and its comma
// ("However,", "Meanwhile", "But"), or `from` when there is none.
size_t AfterConnective(const std::vector<Tok>& toks, size_t from, size_t limit) {
  static const auto* connectives = new absl::flat_hash_set<std::string>{
      "however", "meanwhile", "but", "and", "yet", "still", "now", "also", "instead", "separately",
      "elsewhere", "similarly", "likewise", "moreover", "nevertheless", "indeed"};
  if (from + 2 >= limit || toks[from].kind != Tok::kWord) return from;
  // "On Monday, Mr Penn's spokesman said": a short phrase of time before
  // its comma.
  static const auto* time_openers = new absl::flat_hash_set<std::string>{"on", "last", "earlier", "later", "in"};
  if (time_openers->contains(toks[from].lower)) {
    size_t comma = from + 1;
    while (comma < limit && comma < from + 4 && toks[comma].kind == Tok::kWord &&
           (IsTimeWord(toks[comma].lower) || toks[comma].lower == "the")) {
      ++comma;
    }
    if (comma > from + 1 && comma + 1 < limit && toks[comma].text == "," && toks[comma + 1].kind == Tok::kWord) {
      return comma + 1;
    }
    return from;
  }
  // "Appearing on Dale Radio, Mr Penn …": a participle's phrase before its comma.
  if (absl::EndsWith(toks[from].lower, "ing") && toks[from + 1].kind == Tok::kWord &&
      Prepositions().contains(toks[from + 1].lower)) {
    for (size_t comma = from + 2; comma + 1 < limit && comma < from + 12; ++comma) {
      if (toks[comma].text == ",") return toks[comma + 1].kind == Tok::kWord ? comma + 1 : from;
      if (toks[comma].kind != Tok::kWord) break;
    }
    return from;
  }
  if (!connectives->contains(toks[from].lower)) return from;
  size_t next = from + 1;
  if (toks[next].text == ",") ++next;
  return next < limit && toks[next].kind == Tok::kWord ? next : from;
}

// A description without its opening "the": "the panel" → "panel".
std::string WithoutThe(const std::string& mention) {
  return absl::StartsWithIgnoreCase(mention, "the ") ? mention.substr(4) : mention;
}

// Whether a description opens with a determiner ("the …", "a …", "one …").
bool IsDeterminerPhrase(absl::string_view mention) {
  const absl::string_view first = mention.substr(0, mention.find(' '));
  return absl::EqualsIgnoreCase(first, "the") || absl::EqualsIgnoreCase(first, "a") ||
         absl::EqualsIgnoreCase(first, "an") || absl::EqualsIgnoreCase(first, "one") ||
         absl::EqualsIgnoreCase(first, "another") || IsGroupDeterminer(absl::AsciiStrToLower(first));
}

// "the museum's head curator Ida Moss", "the firm's boss Al Penn": a
// described role and then, ending the phrase, the full name of who holds it.
// As a subject (`subject`), a verb may follow the name ("the firm's boss Al
// Penn quit, saying …").
std::optional<SpeakerRef> NameAfterDescribedRole(const std::vector<Tok>& toks, size_t k,
                                                 const absl::flat_hash_set<std::string>& known,
                                                 bool subject = false) {
  static const auto* determiners =
      new absl::flat_hash_set<std::string>{"the", "a", "an", "his", "her", "their", "its", "our"};
  size_t run = k;
  // Role words only: no preposition, and no verb that would make the name an
  // object ("the party chose Al Penn").
  while (run < toks.size() && run < k + 7 && toks[run].kind == Tok::kWord &&
         (!toks[run].cap || IsPossessive(toks[run]) || (run == k && determiners->contains(toks[run].lower))) &&
         !IsPreposition(toks[run].lower) && !IsVerbAt(toks, run) && !Auxiliaries().contains(toks[run].lower) &&
         !(absl::EndsWith(toks[run].lower, "ed") && !IsPossessive(toks[run])) && toks[run].lower != "and" &&
         toks[run].lower != "who") {
    ++run;
  }
  if (run == k || run >= toks.size() || !toks[run].cap) return std::nullopt;
  if (const std::string& head = toks[run - 1].lower;
      !PersonNoun(head) && !Titles().contains(head) && !SpeaksForOthers(head)) {
    return std::nullopt;
  }
  SpeakerRef named = NameForward(toks, run, known);
  if (named.kind != SpeakerRef::kName || WordCount(named.name) < 2 || IsOrgName(named.name)) return std::nullopt;
  const size_t after = run + WordCount(named.mention);
  if (after < toks.size() && toks[after].kind == Tok::kWord && !(subject && !toks[after].cap)) return std::nullopt;
  std::vector<std::string> role;
  for (size_t x = k; x < run; ++x) role.push_back(toks[x].text);
  named.titles = absl::StrJoin(role, " ") + (named.titles.empty() ? "" : " " + named.titles);
  named.mention = absl::StrJoin(role, " ") + " " + named.mention;
  return named;
}

// `named` with the words toks[from, to) before it as its role.
SpeakerRef WithRoleBefore(SpeakerRef named, const std::vector<Tok>& toks, size_t from, size_t to) {
  if (to <= from) return named;
  std::vector<std::string> role;
  for (size_t x = from; x < to; ++x) role.push_back(toks[x].text);
  named.titles = absl::StrJoin(role, " ") + (named.titles.empty() ? "" : " " + named.titles);
  named.mention = absl::StrJoin(role, " ") + " " + named.mention;
  named.pos = toks[from].start;
  return named;
}

// The person in "Finance Minister, Tom Kell MSP, said" (toks[from, v)), if
// the clause is just a capitalised role and its holder between commas.
std::optional<SpeakerRef> HolderAfterCapitalisedRole(const std::vector<Tok>& toks, size_t from, size_t v,
                                                     const absl::flat_hash_set<std::string>& known) {
  size_t c = from;
  size_t title = from;  // "Director of Public Prosecutions": the title may come first
  while (c < v && c < from + 6 && toks[c].kind == Tok::kWord &&
         (toks[c].cap ||
          (c > from && (toks[c].lower == "of" || toks[c].lower == "for") && c + 1 < v && toks[c + 1].cap))) {
    if (Titles().contains(toks[c].lower)) title = c;
    ++c;
  }
  if (c == from || c + 3 > v || toks[c].text != "," || !Titles().contains(toks[title].lower)) return std::nullopt;
  SpeakerRef named = NameForward(toks, c + 1, known);
  if (named.kind != SpeakerRef::kName || WordCount(named.name) < 2) return std::nullopt;
  size_t e = c + 1 + WordCount(named.mention);
  while (e < v && toks[e].kind == Tok::kWord && toks[e].cap) ++e;  // "MSP"
  if (e < v && toks[e].text == ",") ++e;
  // "…, who sits on the board, said"
  if (e < v && toks[e].lower == "who") {
    while (e < v && toks[e].text != ",") ++e;
    if (e < v) ++e;
  }
  if (e != v) return std::nullopt;
  return WithRoleBefore(named, toks, from, c);
}

// The subject of the speech verb at toks[v], searched back to `from`.
SpeakerRef SubjectOf(const std::vector<Tok>& toks, size_t from, size_t v, People& people) {
  const auto& known = people.known_words();
  // "However, one dealer, who …, told Reuters": a connective before the
  // subject is not part of it.
  from = AfterConnective(toks, from, v);
  // "Dale Town's statement added:", "Hale's campaign said": the owner speaks.
  if (std::optional<SpeakerRef> body = PossessiveBodySubject(toks, from, v); body && body->pos == toks[from].start) {
    return *body;
  }
  // "Scottish Finance Minister, Tom Kell MSP, said": a capitalised role,
  // then its holder between commas.
  if (auto holder = HolderAfterCapitalisedRole(toks, from, v, known)) return *holder;
  // "Ann Kell, a Dalewings spokeswoman told": a name, then a description of
  // her whose closing comma is missing.
  if (SpeakerRef named = NameForward(toks, from, known, /*subject=*/true);
      named.kind == SpeakerRef::kName && WordCount(named.name) >= 2) {
    const size_t comma = from + WordCount(named.mention);
    if (comma + 2 < v && toks[comma].text == "," &&
        (toks[comma + 1].lower == "a" || toks[comma + 1].lower == "an" || toks[comma + 1].lower == "the")) {
      SpeakerRef described = SpeakerForward(toks, comma + 1, known);
      if (described.kind == SpeakerRef::kDescription && comma + 1 + WordCount(described.mention) == v) return named;
    }
    // "Jo Sull, spokesman for software firm Dalemail said": a role without
    // its article, to the verb, no comma closing it.
    if (comma + 2 < v && toks[comma].text == "," && toks[comma + 1].kind == Tok::kWord && !toks[comma + 1].cap &&
        (SpeaksForOthers(toks[comma + 1].lower) || Titles().contains(toks[comma + 1].lower)) &&
        std::none_of(toks.begin() + comma + 1, toks.begin() + v, [](const Tok& t) { return t.kind != Tok::kWord; })) {
      return named;
    }
  }
  // "the paper quoted Mr Chernin as saying": the one quoted speaks.
  if (toks[v].lower == "saying" && v >= from + 2 && toks[v - 1].lower == "as") {
    if (auto st = SpeakerStartBefore(toks, v - 1, known); st && *st >= from) {
      SpeakerRef r = SpeakerForward(toks, *st, known);
      if (r.kind != SpeakerRef::kNone) return r;
    }
  }
  size_t j = v;
  while (j > from && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower) &&
         !(j - 1 == v - 1 && toks[j - 1].lower == "told")) {
    --j;
  }
  // "… his neighbour, the builder Ned Vole, who called him a “…”": the
  // relative pronoun speaks for the name just before its comma; so too with
  // no comma ("won support from Arts Secretary Ana Vell who said"). Only
  // someone a title or a forename marks as a person: "who" also follows
  // places and bodies ("the governor of Dale, who …").
  auto person_ending_at = [&](size_t s, size_t end) -> std::optional<SpeakerRef> {
    SpeakerRef named = SpeakerForward(toks, s, known);
    const int who = named.kind == SpeakerRef::kName ? people.Find(named.name, named.titles) : -1;
    if (who < 0 || people.at(who).gender == Gender::kUnknown || people.at(who).org ||
        s + WordCount(named.mention) != end) {
      return std::nullopt;
    }
    return named;
  };
  if (j >= from + 3 && toks[j - 1].lower == "who" && toks[j - 2].text == ",") {
    if (auto s = SpeakerStartBefore(toks, j - 2, known); s && *s >= from) {
      if (auto named = person_ending_at(*s, j - 2)) return *named;
    }
  } else if (j >= from + 3 && toks[j - 1].lower == "who") {
    // Without the comma the name's start is unsure: the nearest start, of
    // up to three capitalised words, that gives a full name.
    for (size_t s = j - 2; s >= from && s + 4 > j && toks[s].kind == Tok::kWord && toks[s].cap; --s) {
      if (auto named = person_ending_at(s, j - 1); named && WordCount(named->name) >= 2) return *named;
      if (s == 0) break;
    }
  }
  // "the Dale Post report, which notes, “…”": the text before ", which" says it.
  if (j >= from + 4 && toks[j - 1].lower == "which" && toks[j - 2].text == "," &&
      (DocumentNouns().contains(toks[j - 3].lower) || FindingNouns().contains(toks[j - 3].lower))) {
    for (size_t d = j - 3; d-- > from && d + 7 > j;) {
      if (toks[d].lower != "the" && toks[d].lower != "a" && toks[d].lower != "an") continue;
      SpeakerRef text = SpeakerForward(toks, d, known);
      if (text.kind == SpeakerRef::kDescription && d + WordCount(text.mention) == j - 2) return text;
      break;
    }
  }
  // "Rita Vance, who chairs the Lakeside Fund said": the name before ", who".
  // "One dealer, who asked not to be named, told Reuters": so a description.
  for (size_t c = from + 1; c + 1 < j; ++c) {
    if (toks[c].text != "," || toks[c + 1].lower != "who") continue;
    SpeakerRef first = SpeakerForward(toks, from, known, /*subject=*/true);
    if ((first.kind == SpeakerRef::kName ||
         (first.kind == SpeakerRef::kDescription && PersonNoun(first.name))) &&
        from + WordCount(first.mention) == c) {
      return first;
    }
    break;
  }
  // "De Blasio said the move was made by Bratton and said, “…”": a second
  // verb shares the subject of the first.
  if (j > from + 1 && toks[j - 1].lower == "and") {
    for (size_t u = from; u + 1 < j; ++u) {
      if (!IsVerbAt(toks, u) || IsParticipleVerb(toks[u].lower)) continue;
      SpeakerRef first = SubjectOf(toks, from, u, people);
      if (first.kind != SpeakerRef::kNone) return first;
      break;
    }
  }
  // "A spokeswoman for the Lakeside Trust said": the description, not the
  // organisation inside it, speaks.
  if (SpeakerRef described = SpeakerForward(toks, from, known);
      described.kind == SpeakerRef::kDescription && !described.org.empty() &&
      from + WordCount(described.mention) == j) {
    return described;
  }
  // "Ms Hale quit the party, saying …", "A council spokesman rejected the
  // claims, saying …": the clause's subject, not a name in its object.
  if (IsParticipleVerb(toks[v].lower)) {
    // A lone capitalised word may be an adverb or a place ("Similarly, …");
    // a description must be of someone or some body.
    if (SpeakerRef first = SpeakerForward(toks, from, known, /*subject=*/true);
        (first.kind == SpeakerRef::kName && WordCount(first.mention) >= 2) ||
        (first.kind == SpeakerRef::kDescription &&
         (PersonNoun(first.name) || SpeaksForOthers(first.name) || Titles().contains(first.name) ||
          OrgWords().contains(first.name) || GenericOrgNouns().contains(first.name)))) {
      size_t next = from + WordCount(first.mention);
      while (next < j && toks[next].kind == Tok::kWord &&
             (toks[next].lower == "also" || toks[next].lower == "then" || toks[next].lower == "later" ||
              absl::EndsWith(toks[next].lower, "ly"))) {
        ++next;
      }
      const std::string& after = next < j ? toks[next].lower : "";
      // "Dale Party peer Lord Vane called …": a noun for a role, then a name.
      const bool role_then_name = next + 1 < j && toks[next + 1].kind == Tok::kWord && toks[next + 1].cap &&
                                  !VerbLike(after);
      if (next + 1 < j && toks[next].kind == Tok::kWord && !toks[next].cap &&
          !Prepositions().contains(after) && after != "and" && !PersonNoun(after) &&
          !Titles().contains(after) && !SpeaksForOthers(after) && !RoleNounThenName(toks, from) && !role_then_name &&
          !(first.kind == SpeakerRef::kName && IsOrgName(first.name) && !first.org.empty())) {
        return first;
      }
    }
  }
  // "Marc Ostwald, a strategist at Monument Securities told": a name that
  // ends an appositive ("at …") is not the subject.
  bool in_appositive = false;
  if (j > from) {
    if (auto s = SpeakerStartBefore(toks, j, known); s && *s >= from) {
      static const auto* possessives =
          new absl::flat_hash_set<std::string>{"our", "their", "his", "her", "its", "my", "your"};
      in_appositive = *s > from && toks[*s - 1].kind == Tok::kWord &&
                      (IsPreposition(toks[*s - 1].lower) || possessives->contains(toks[*s - 1].lower));
      SpeakerRef r = SpeakerForward(toks, *s, known, /*subject=*/true);
      // "Ana Ruiz issued a statement saying", "made a pitch for the vote
      // urging": the description is an object; its clause's subject speaks.
      const bool document = r.kind == SpeakerRef::kDescription && IsParticipleVerb(toks[v].lower) &&
                            (DocumentNouns().contains(r.name) ||
                             (*s > from && toks[*s - 1].kind == Tok::kWord && !toks[*s - 1].cap));
      if (r.kind != SpeakerRef::kNone && !in_appositive && !document) return r;
    }
  }
  // "X, a professor at Y, said" and participles ("…, saying"): the nearest
  // name in the clause that is not the object of a preposition.
  SpeakerRef best;
  const bool appositive = in_appositive || (j > from && toks[j - 1].text == ",");
  for (size_t k = from; k < j; ++k) {
    if (toks[k].kind != Tok::kWord) continue;
    static const auto* joiners =
        new absl::flat_hash_set<std::string>{"and", "but", "then", "so", "yet", "now", "also"};
    // "And then Hale went …": a joiner that opens a clause leaves a subject;
    // "the MP for Sittingbourne and Sheppey" does not.
    bool opens_clause = k >= from + 1 && joiners->contains(toks[k - 1].lower) &&
                        (k - 1 == from || toks[k - 2].kind == Tok::kPunct ||
                         joiners->contains(toks[k - 2].lower));
    bool after_prep = k > from && toks[k - 1].kind == Tok::kWord &&
                      (Prepositions().contains(toks[k - 1].lower) ||
                       (!toks[k - 1].cap && !Titles().contains(toks[k - 1].lower) && !opens_clause));
    if (Pronouns().contains(toks[k].lower) && toks[k].lower != "it" && !after_prep) {
      best = SpeakerForward(toks, k, known);
      continue;
    }
    if (!toks[k].cap || after_prep) continue;
    if (k > from && toks[k - 1].kind == Tok::kWord && toks[k - 1].cap &&
        !NotNames().contains(toks[k - 1].lower)) {
      continue;  // mid-name
    }
    // "Dalish media reported": a nationality before a noun names no one.
    // "Greek sprinter Ana Vos" still leads to the person after the role.
    if (IsNationality(toks[k].lower) && k + 1 < j && toks[k + 1].kind == Tok::kWord && !toks[k + 1].cap &&
        !PersonAfterRole(toks, k) && !RoleNounThenName(toks, k)) {
      continue;
    }
    SpeakerRef r = SpeakerForward(toks, k, known);
    // "Party co-ordinator Dan Cole": a run that opens the sentence and names
    // no one alone may still lead to the person after its role.
    const bool opening_run = r.kind == SpeakerRef::kNone && k == from && !NotNames().contains(toks[k].lower);
    if ((r.kind == SpeakerRef::kName || opening_run) && (PersonAfterRole(toks, k) || RoleNounThenName(toks, k))) {
      // "Washington Post columnist Margaret Sullivan", "Dale Party foreign
      // affairs spokesman Ann Lee": the person after the role.
      size_t person = k;
      while (person < j && toks[person].kind == Tok::kWord && toks[person].cap) ++person;
      while (person < j && toks[person].kind == Tok::kWord && !toks[person].cap) ++person;
      SpeakerRef named = NameForward(toks, person, known);
      if (named.kind == SpeakerRef::kName && (!opening_run || WordCount(named.name) >= 2)) r = named;
    }
    if (r.kind == SpeakerRef::kName && !IsOrgName(r.name)) {
      // "X, a director at Y Banking, said": the clause's first person speaks.
      if (appositive) return r;
      best = r;
    }
    if (r.kind == SpeakerRef::kName && best.kind == SpeakerRef::kNone) best = r;
  }
  if (best.kind == SpeakerRef::kNone) {
    if (auto named = NameAfterDescribedRole(toks, from, known, /*subject=*/true);
        named && from + WordCount(named->mention) <= j) {
      return *named;
    }
  }
  // "A spokeswoman for the Department for International Development said":
  // no name is the subject, the description is.
  if (best.kind == SpeakerRef::kNone) {
    SpeakerRef described = SpeakerForward(toks, from, known);
    if (described.kind == SpeakerRef::kDescription) return described;
  }
  return best;
}

// "But back home, he returned to his old lines:": the first pronoun or name
// in [s, end) that is followed by its verb, not one after a preposition.
SpeakerRef ClauseSubject(const std::vector<Tok>& toks, size_t s, size_t end,
                         const absl::flat_hash_set<std::string>& known) {
  for (size_t k = s; k < end; ++k) {
    if (toks[k].kind != Tok::kWord) continue;
    if (k > s && toks[k - 1].kind == Tok::kWord && Prepositions().contains(toks[k - 1].lower)) continue;
    const bool pronoun = toks[k].lower == "he" || toks[k].lower == "she" || toks[k].lower == "they";
    if (!pronoun && !toks[k].cap) continue;
    SpeakerRef r = SpeakerForward(toks, k, known, /*subject=*/true);
    if (r.kind != SpeakerRef::kName && r.kind != SpeakerRef::kPronoun) continue;
    const size_t next = k + WordCount(r.mention);
    if (next < end && toks[next].kind == Tok::kWord && !toks[next].cap &&
        (absl::EndsWith(toks[next].lower, "ed") || IsVerbAt(toks, next) || Auxiliaries().contains(toks[next].lower))) {
      return r;
    }
  }
  return SpeakerRef{};
}

// A quote that ends with its own full stop ends the sentence too: in
// "…: “It is poor.” Ann Lee, of the trust, said" Ann Lee's sentence starts at her name.
size_t SentenceStart(const std::vector<Tok>& toks, size_t i) {
  while (i > 0 && !toks[i].sentence_start && !toks[i].after_full_quote) {
    if (EndsSentence(toks, i - 1)) break;
    --i;
  }
  return i;
}

size_t SentenceEnd(const std::vector<Tok>& toks, size_t i) {
  while (i < toks.size() && !EndsSentence(toks, i)) ++i;
  return i;
}

// The speaker after an inverted cue ("said X"): a pronoun, a description,
// or the last name before the phrase ends, after any role ("said Republican
// strategist Ryan Williams", "said pollster Frank Luntz").
std::optional<SpeakerRef> InvertedSpeaker(const std::vector<Tok>& toks, size_t k,
                                          const absl::flat_hash_set<std::string>& known) {
  // "said his wife, Ana": the one the word for kin names.
  if (k + 2 < toks.size() && (toks[k].lower == "his" || toks[k].lower == "her" || toks[k].lower == "their") &&
      KinGender(toks[k + 1].lower) != Gender::kUnknown) {
    size_t n = k + 2;
    if (toks[n].text == "," && n + 1 < toks.size()) ++n;
    if (SpeakerRef named = NameForward(toks, n, known, /*subject=*/true); named.kind == SpeakerRef::kName) {
      named.mention = absl::StrCat(toks[k].text, " ", toks[k + 1].text, " ", named.mention);
      named.titles = toks[k + 1].lower;
      named.pos = toks[k].start;
      return named;
    }
  }
  // "said Florida's Rick Wilson", "opined Cleveland's Plain Dealer", "said
  // the Dale Herald's Ned Vole": the one named after the owner.
  {
    constexpr size_t kOwnerWords = 4;
    const size_t from = k < toks.size() && toks[k].lower == "the" ? k + 1 : k;
    size_t j = from;
    while (j < toks.size() && j < from + kOwnerWords && toks[j].kind == Tok::kWord && toks[j].cap &&
           !IsPossessive(toks[j])) {
      ++j;
    }
    if (j + 1 < toks.size() && toks[j].kind == Tok::kWord && toks[j].cap && IsPossessive(toks[j]) &&
        toks[j + 1].kind == Tok::kWord && toks[j + 1].cap) {
      k = j + 1;
    }
  }
  // "said Jeremy Dear, NUJ General Secretary": the name comes first, unless
  // a role follows it and then the person ("said Monmouth University
  // political scientist Patrick Murray").
  if (SpeakerRef first = SpeakerForward(toks, k, known);
      first.kind == SpeakerRef::kName && WordCount(first.name) >= 2 && !IsRoleOnly(first.name) &&
      !PersonAfterRole(toks, k)) {
    return first;
  }
  // "said EEF chief economist, Steve Radley", "said the chairman of the
  // committee, Labour MP Barry Sheerman": a role, a comma, then the name.
  if (k < toks.size() && toks[k].kind == Tok::kWord && !Pronouns().contains(toks[k].lower)) {
    for (size_t c = k + 1; c < toks.size() && c < k + 12 && toks[c].kind == Tok::kWord; ++c) {
      if (c + 2 >= toks.size() || toks[c + 1].text != ",") continue;
      size_t e = c + 2;
      while (e < toks.size() && toks[e].kind == Tok::kWord && toks[e].cap) ++e;
      bool ends = e >= toks.size() || toks[e].kind != Tok::kWord;
      if (e > c + 3 && ends) {
        size_t run = c + 2;
        SpeakerRef named = NameForward(toks, run, known);
        if (named.kind == SpeakerRef::kName && WordCount(named.name) >= 2) {
          std::vector<std::string> role;
          for (size_t x = k; x <= c; ++x) role.push_back(toks[x].text);
          named.titles = absl::StrJoin(role, " ");
          named.mention = named.titles + ", " + named.mention;
          return named;
        }
      }
      break;
    }
  }
  // "according to Bank of Dalmatia deputy governor Ann Berg"
  if (size_t at = k < toks.size() && toks[k].cap ? PersonAfterRoleAt(toks, k) : toks.size();
      at < toks.size() && at < k + 10) {
    SpeakerRef named = NameForward(toks, at, known);
    if (named.kind == SpeakerRef::kName && WordCount(named.name) >= 2) return WithRoleBefore(named, toks, k, at);
  }
  SpeakerRef r = SpeakerForward(toks, k, known);
  if (r.kind == SpeakerRef::kDescription || r.kind == SpeakerRef::kNone) {
    if (auto named = NameAfterDescribedRole(toks, k, known)) return named;
  }
  if (r.kind == SpeakerRef::kPronoun || r.kind == SpeakerRef::kDescription) return r;
  size_t end = k;
  while (end < toks.size() && end < k + 8 && toks[end].kind == Tok::kWord &&
         !Prepositions().contains(toks[end].lower) && !SpeechVerbs().contains(toks[end].lower) &&
         toks[end].lower != "and") {
    ++end;
  }
  size_t run = end;  // start of the last capitalised run
  for (size_t m = end; m-- > k;) {
    if (toks[m].cap || (IsParticle(toks[m]) && m + 1 < end && toks[m + 1].cap)) {
      run = m;
    } else if (run != end) {
      break;
    }
  }
  if (run == end) return r.kind == SpeakerRef::kName ? std::optional<SpeakerRef>(r) : std::nullopt;
  // Titles ("Sen.", "President") lead the run; NameForward keeps them as a role.
  while (run > k && toks[run - 1].cap) --run;
  SpeakerRef named = NameForward(toks, run, known);
  if (named.kind != SpeakerRef::kName) return std::nullopt;
  return WithRoleBefore(named, toks, k, run);
}

// A cue after a quote: "…,” said X", "…,” X said", "…” — X".
std::optional<Cue> CueAfter(const std::vector<Tok>& toks, size_t q, People& people) {
  const auto& known = people.known_words();
  // "…” [Dale Post.]": a digest's bracketed source after the quote.
  if (q + 3 < toks.size() && toks[q + 1].text == "[") {
    SpeakerRef r = NameForward(toks, q + 2, known, /*subject=*/true);
    const size_t after = q + 2 + WordCount(r.mention);
    if (r.kind == SpeakerRef::kName && after < toks.size() && (toks[after].text == "." || toks[after].text == "]")) {
      return Cue{r, q + 1};
    }
  }
  size_t i = q + 1;
  while (i < toks.size() && toks[i].kind == Tok::kPunct && (toks[i].text == "," || toks[i].text == "—")) {
    if (toks[i].text == "—" && i + 1 < toks.size()) {
      SpeakerRef r = NameForward(toks, i + 1, known);
      if (r.kind == SpeakerRef::kName) return Cue{r, i};
    }
    ++i;
  }
  if (i >= toks.size() || toks[i].kind != Tok::kWord) return std::nullopt;
  // "said X"; right after a quote even "asked X" and "warned X" name the speaker.
  if (IsVerbAt(toks, i) && (i == q + 1 || i == q + 2 || !ObjectIsListener(toks[i].lower))) {
    size_t k = i + 1;
    if (NeedsParticle(toks[i].lower)) ++k;
    if (std::optional<SpeakerRef> r = InvertedSpeaker(toks, k, known)) return Cue{*r, i};
  }
  if (toks[i].lower == "according" && i + 2 < toks.size() && toks[i + 1].lower == "to") {
    if (auto r = InvertedSpeaker(toks, i + 2, known)) return Cue{*r, i};
  }
  // "X said", "the analyst explained", "Harry M. Reid (D-Nev.) said".
  size_t end = SentenceEnd(toks, i);
  for (size_t v = i; v < end && v < i + 12; ++v) {
    if (toks[v].kind == Tok::kQuote) break;
    if (!IsVerbAt(toks, v)) continue;
    SpeakerRef r = SubjectOf(toks, i, v, people);
    // "X writes back, “…”" introduces the next quote, not this one.
    size_t after = v + 1;
    while (after < end && toks[after].kind == Tok::kWord) ++after;
    if (after + 1 < toks.size() && (toks[after].text == "," || toks[after].text == ":") &&
        toks[after + 1].kind == Tok::kQuote) {
      break;
    }
    if (r.kind != SpeakerRef::kNone && r.pos == toks[i].start) return Cue{r, v};
    // "Cruz spokesman Rick Tyler said"
    if (r.kind == SpeakerRef::kName && r.pos > toks[i].start && PersonAfterRole(toks, i)) return Cue{r, v};
    // "Nate Silver, the polling guru who founded X, tweeted": the name before
    // the appositive.
    SpeakerRef first = SpeakerForward(toks, i, known, /*subject=*/true);
    size_t name_end = i + WordCount(first.mention);
    if (first.kind == SpeakerRef::kName && name_end < v && toks[name_end].text == ",") return Cue{first, v};
    break;
  }
  return std::nullopt;
}

// The person whose remark, named by a possessive and a noun for words
// ("Vole's description of him as", "Hale's warning that"), a quote at
// toks[q] gives the words of, close before it in [s, q).
std::optional<SpeakerRef> OwnerOfRemark(const std::vector<Tok>& toks, size_t s, size_t q) {
  // Nouns whose content follows them ("warning that", "promise to",
  // "description of him as"), unlike "remarks", which others judge ("Vole's
  // remarks were “…”").
  static const auto* remarks = new absl::flat_hash_set<std::string>{
      "description", "characterization", "characterisation", "warning", "accusation", "claim",
      "assertion", "promise", "pledge", "call", "charge", "insistence", "prediction", "vow",
      "descriptions", "characterizations", "characterisations", "warnings", "accusations", "claims",
      "assertions", "promises", "pledges", "calls", "charges", "predictions", "vows"};
  constexpr size_t kReach = 8;  // tokens from the noun to the quote
  for (size_t n = q; n-- > s + 1 && q - n <= kReach;) {
    if (toks[n].kind != Tok::kWord) return std::nullopt;
    if (!remarks->contains(toks[n].lower) || n + 1 >= q) continue;
    const std::string& next = toks[n + 1].lower;
    const bool as_next = (q - 1 > n && toks[q - 1].lower == "as") || (q - 2 > n && toks[q - 2].lower == "as");
    const bool content = next == "that" || next == "to" || (next == "of" && as_next);
    if (!content) return std::nullopt;
    for (size_t x = n + 1; x < q; ++x) {
      if (IsVerbAt(toks, x) || Auxiliaries().contains(toks[x].lower)) return std::nullopt;
    }
    size_t o = n - 1;
    if (!IsPossessive(toks[o]) && o > s && IsPossessive(toks[o - 1]) && !toks[o].cap) --o;  // "Vole's earlier warning"
    if (!IsPossessive(toks[o]) || !toks[o].cap) return std::nullopt;
    size_t start = o;
    while (start > s && toks[start - 1].kind == Tok::kWord && toks[start - 1].cap && !IsPossessive(toks[start - 1])) {
      --start;
    }
    std::vector<std::string> words;
    for (size_t x = start; x <= o; ++x) words.push_back(toks[x].text);
    words.back() = WithoutPossessive(words.back());
    if (Titles().contains(absl::AsciiStrToLower(words.front())) && words.size() > 1) words.erase(words.begin());
    SpeakerRef r;
    r.kind = SpeakerRef::kName;
    r.name = r.mention = absl::StrJoin(words, " ");
    r.pos = toks[start].start;
    return r;
  }
  return std::nullopt;
}

// A cue before a quote in its sentence: "X said: “…”", "He stated, “…”",
// "According to X, “…”", "X: “…”", or any speech verb of the sentence for a
// partial quote.
std::optional<Cue> CueBefore(const std::vector<Tok>& toks, size_t q, People& people) {
  const auto& known = people.known_words();
  size_t s = SentenceStart(toks, q);
  for (size_t k = s; k + 2 < q; ++k) {
    if (toks[k].lower == "according" && toks[k + 1].lower == "to") {
      std::optional<SpeakerRef> r = InvertedSpeaker(toks, k + 2, known);
      if (!r) continue;
      // "According to the Dale Times, Tom Odo said that …“…”": the one
      // the paper quotes said it.
      size_t comma = k + 2;
      while (comma < q && toks[comma].text != ",") ++comma;
      for (size_t v = comma + 2; k == s && v < q; ++v) {
        if (!IsVerbAt(toks, v) || IsParticipleVerb(toks[v].lower)) continue;
        if (SpeakerRef said = SubjectOf(toks, comma + 1, v, people); said.kind == SpeakerRef::kName) {
          return Cue{said, v};
        }
        break;
      }
      return Cue{*r, k};
    }
  }
  for (size_t v = q; v-- > s;) {
    if (toks[v].kind == Tok::kQuote) continue;
    if (!IsVerbAt(toks, v)) continue;
    // "Spicer said, adding, “…”": the participle's subject is the verb's before it.
    if (IsParticipleVerb(toks[v].lower) && v > s + 1 && toks[v - 1].text == "," &&
        IsVerbAt(toks, v - 2)) {
      continue;
    }
    // "was asked by host Bill Maher, “…”": the agent speaks.
    if (v + 2 < q && toks[v + 1].lower == "by") {
      auto agent = InvertedSpeaker(toks, v + 2, known);
      if (agent && agent->kind == SpeakerRef::kName) return Cue{*agent, v};
    }
    SpeakerRef r = SubjectOf(toks, s, v, people);
    if (r.kind == SpeakerRef::kNone && !ObjectIsListener(toks[v].lower)) {
      // "said Smith: “…”": an inverted cue right before the quote.
      size_t k = v + 1;
      if (NeedsParticle(toks[v].lower)) ++k;
      SpeakerRef inverted = SpeakerForward(toks, k, known);
      size_t after = k + (inverted.kind == SpeakerRef::kNone ? 0 : WordCount(inverted.mention));
      // "Said Dorothy Poynter, who grew up with Ali, “…”": an appositive may follow.
      bool appositive = after < q && toks[after].text == "," && q - after <= 16 &&
                        (toks[q - 1].text == "," || toks[q - 1].text == ":");
      if (inverted.kind != SpeakerRef::kNone &&
          (after == q || appositive ||
           (after + 1 == q && (toks[after].text == ":" || toks[after].text == ",")))) {
        r = inverted;
      }
    }
    if (r.kind != SpeakerRef::kNone) return Cue{r, v};
  }
  // "Hale's “no new fees” promise", "in Lusk's words, “…”"
  size_t owner = q;
  // Not "Labour's “faltering campaign” would not be helped …": a quote that
  // a verb follows is what the sentence is about, not the owner's words.
  const bool verb_next = q + 1 < toks.size() && toks[q + 1].kind == Tok::kWord &&
                         (FiniteAuxiliaries().contains(toks[q + 1].lower) || IsVerbAt(toks, q + 1));
  if (q >= 1 && IsPossessive(toks[q - 1]) && !verb_next) owner = q - 1;
  if (q >= 3 && toks[q - 1].text == "," && toks[q - 2].lower == "words" && IsPossessive(toks[q - 3])) {
    owner = q - 3;
  }
  if (owner < q && toks[owner].cap) {
    size_t start = owner;
    while (start > s && toks[start - 1].kind == Tok::kWord && toks[start - 1].cap &&
           !IsPossessive(toks[start - 1])) {
      --start;
    }
    // "Mr Bradshaw felt that Mike Leigh's “masterpiece” …": the sentence's
    // own subject is judging someone else's work.
    for (size_t x = s; x < start && owner < q; ++x) {
      if (toks[x].kind == Tok::kWord && toks[x].cap && !toks[x].sentence_start) owner = q;
      if (toks[x].kind == Tok::kWord && toks[x].cap && toks[x].sentence_start &&
          known.contains(toks[x].lower)) {
        owner = q;
      }
    }
  }
  if (owner < q && toks[owner].cap) {
    size_t start = owner;
    while (start > s && toks[start - 1].kind == Tok::kWord && toks[start - 1].cap &&
           !IsPossessive(toks[start - 1])) {
      --start;
    }
    std::vector<std::string> words;
    for (size_t x = start; x <= owner; ++x) words.push_back(toks[x].text);
    words.back() = WithoutPossessive(words.back());
    const std::string first = absl::AsciiStrToLower(words.front());
    if (!(NotNames().contains(first) && !known.contains(first)) && !Titles().contains(first)) {
      SpeakerRef r;
      r.kind = SpeakerRef::kName;
      r.name = r.mention = absl::StrJoin(words, " ");
      r.pos = toks[start].start;
      return Cue{r, owner};
    }
  }
  // "a rebuff to Ann Vole's description of him as a “…”": the words someone's
  // remark is made of are theirs.
  if (auto owner = OwnerOfRemark(toks, s, q)) return Cue{*owner, q};
  // "Michael P. McDonald: “…”"
  if (q >= 2 && toks[q - 1].kind == Tok::kPunct && toks[q - 1].text == ":") {
    if (auto st = SpeakerStartBefore(toks, q - 1, known); st && *st >= s) {
      SpeakerRef r = SpeakerForward(toks, *st, known);
      if (r.kind == SpeakerRef::kName) return Cue{r, q - 1};
    }
    // "Kasich resisted: “…”": a short clause ending in a colon, whose subject speaks.
    if (q - 1 - s <= 8 && q - 1 > s + 1) {
      SpeakerRef r = SpeakerForward(toks, s, known, /*subject=*/true);
      if (r.kind == SpeakerRef::kName || r.kind == SpeakerRef::kPronoun) return Cue{r, q - 1};
    }
    if (SpeakerRef r = ClauseSubject(toks, s, q - 1, known); r.kind != SpeakerRef::kNone) return Cue{r, q - 1};
  }
  return std::nullopt;
}

// A cue after the quote in the rest of its sentence, for partial quotes
// ("… "core issue" in negotiations, the Kremlin said").
std::optional<Cue> CueLaterInSentence(const std::vector<Tok>& toks, size_t q, People& people) {
  const auto& known = people.known_words();
  size_t end = SentenceEnd(toks, q);
  size_t s = SentenceStart(toks, q);
  for (size_t v = q + 1; v < end; ++v) {
    if (toks[v].kind == Tok::kQuote) break;
    if (!IsVerbAt(toks, v)) continue;
    // "…, said David Wasserman, an analyst." closes the sentence inverted.
    if (toks[v - 1].text == "," && !ObjectIsListener(toks[v].lower)) {
      size_t k = v + 1 + (NeedsParticle(toks[v].lower) ? 1 : 0);
      bool speaker_next = k < toks.size() && toks[k].kind == Tok::kWord &&
                          (toks[k].cap || toks[k].lower == "the" || Pronouns().contains(toks[k].lower) ||
                           NameAfterDescribedRole(toks, k, known));  // "said professor Ann Berg"
      if (auto r = speaker_next ? InvertedSpeaker(toks, k, known) : std::nullopt) return Cue{*r, v};
    }
    SpeakerRef r = SubjectOf(toks, s, v, people);
    if (r.kind != SpeakerRef::kNone) return Cue{r, v};
  }
  return std::nullopt;
}

// 'The plan was branded "a disgrace" by Ann Hale', 'described as "dull" and
// "odd" by scouts': the agent of a passive verb of judging says the words.
std::optional<Cue> PassiveAgentAfter(const std::vector<Tok>& toks, size_t q,
                                     const absl::flat_hash_set<std::string>& known) {
  const size_t s = SentenceStart(toks, q);
  size_t v = q;
  while (v > s && q - v < 4 && toks[v - 1].kind == Tok::kWord && toks[v - 1].lower == "as") --v;
  if (v == s || toks[v - 1].kind != Tok::kWord || !IsJudgingVerb(toks[v - 1].lower)) return std::nullopt;
  // past further quotes of the same list: 'as "dull" and "odd" by'
  size_t k = q + 1;
  while (k + 1 < toks.size() && (toks[k].kind == Tok::kQuote || toks[k].text == "," || toks[k].lower == "and" ||
                                 toks[k].lower == "or")) {
    ++k;
  }
  if (k + 1 >= toks.size() || toks[k].lower != "by") return std::nullopt;
  std::optional<SpeakerRef> agent = InvertedSpeaker(toks, k + 1, known);  // "by Labour leader Ann Hale"
  if (agent && (agent->kind == SpeakerRef::kName || agent->kind == SpeakerRef::kDescription)) return Cue{*agent, k};
  // "by scouts who saw them": people in the plural, unnamed.
  if (toks[k + 1].kind == Tok::kWord && LowerCasePlural(toks[k + 1].text)) {
    SpeakerRef group;
    group.kind = SpeakerRef::kDescription;
    group.name = group.mention = toks[k + 1].text;
    group.pos = toks[k + 1].start;
    return Cue{group, k};
  }
  return std::nullopt;
}

// 'They did "all they could" to win, according to X.': the source a
// sentence names after a partial quote outranks any verb in between.
std::optional<Cue> AccordingToLater(const std::vector<Tok>& toks, size_t q,
                                    const absl::flat_hash_set<std::string>& known) {
  const size_t end = SentenceEnd(toks, q);
  for (size_t k = q + 1; k + 2 < end; ++k) {
    if (toks[k].kind == Tok::kQuote) break;
    if (toks[k].lower == "according" && toks[k + 1].lower == "to" && toks[k - 1].text == ",") {
      // Only a person: "according to CNN" or "to a pool report" relays
      // someone else's words.
      auto r = InvertedSpeaker(toks, k + 2, known);
      if (r && r->kind == SpeakerRef::kName && GenderOf(r->name, r->titles) != Gender::kUnknown) return Cue{*r, k};
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------

// A short run of capitalised words: the name of a thing, not speech.
bool IsTitleCase(absl::string_view quote) {
  std::vector<absl::string_view> words = absl::StrSplit(quote, ' ', absl::SkipWhitespace());
  if (words.empty() || words.size() > 5) return false;
  for (absl::string_view w : words) {
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (c < 0x80 && !absl::ascii_isupper(c) && !absl::ascii_isdigit(c)) {
      if (w != "of" && w != "the" && w != "and" && w != "for" && w != "a" && w != "in") return false;
    }
  }
  return true;
}

struct Statement {
  QuoteKind kind = QuoteKind::kDirect;
  std::vector<int> segs;            // direct/partial: segments in order
  uint32_t start = 0, end = 0;      // indirect: the clause
  uint32_t order = 0;               // position in text, for resolution order
  std::optional<Cue> cue = std::nullopt;
  bool continuation = false;  // a quote paragraph without a cue
  int para = 0;
};


class Extractor {
 public:
  explicit Extractor(absl::string_view text) : text_(text) {}

  std::vector<Quote> Run() {
    paras_ = Paragraphs(text_);
    segs_ = SegmentScanner(text_).Scan(paras_);
    for (size_t p = 0; p < paras_.size(); ++p) {
      std::vector<int> top;
      for (size_t i = 0; i < segs_.size(); ++i) {
        if (segs_[i].para == static_cast<int>(p) && segs_[i].depth == 0) top.push_back(static_cast<int>(i));
      }
      para_toks_.push_back(Tokens(text_, paras_[p].start, paras_[p].end, segs_, top));
    }
    CollectPeople();
    FindStatements();
    return Resolve();
  }

 private:
  // Names outside quotes, with titles and appositive roles.
  void CollectPeople() {
    // Words capitalised mid-sentence are name words anywhere.
    for (const auto& toks : para_toks_) {
      for (const Tok& t : toks) {
        if (t.kind == Tok::kWord && t.cap && !t.sentence_start && !NotNames().contains(t.lower) &&
            !Titles().contains(t.lower)) {
          // "Ann Vole's book": "Vole" names someone too.
          capitalised_midsentence_.insert(IsPossessive(t) ? WithoutPossessive(t.lower) : t.lower);
        }
        if (t.kind == Tok::kWord && !t.cap) lowercase_words_.insert(t.lower);
      }
      // "an organizer", "a friend of the family": someone brought in unnamed.
      for (size_t i = 0; i + 1 < toks.size(); ++i) {
        if (toks[i].lower != "a" && toks[i].lower != "an") continue;
        size_t k = i + 1;
        while (k + 1 < toks.size() && k < i + 3 && toks[k + 1].kind == Tok::kWord && !toks[k + 1].cap &&
               !Prepositions().contains(toks[k + 1].lower) && !IsVerbAt(toks, k + 1) &&
               !Auxiliaries().contains(toks[k + 1].lower) && toks[k + 1].lower != "and" &&
               toks[k + 1].lower != "who" && !absl::EndsWith(toks[k + 1].lower, "ed")) {
          ++k;
        }
        if (toks[k].kind == Tok::kWord && !toks[k].cap && PersonNoun(toks[k].lower)) {
          introduced_.push_back({toks[i].start, toks[k].lower});
        }
      }
    }
    for (const std::string& w : capitalised_midsentence_) people_.AddKnownWords(w);
    people_.SetLowerCaseWords(&lowercase_words_);
    for (int para = 0; para < static_cast<int>(para_toks_.size()); ++para) {
      const std::vector<Tok>& toks = para_toks_[para];
      bool sentence_has_subject = false;
      // "Since launching his bid, Hale has taken …": a sentence opened by a
      // clause or phrase has its subject after the comma that ends it.
      bool fronted = false;
      size_t after_fronted = toks.size();
      // "Nobody could picture Jo Pratt …": a name after the sentence's
      // finite verb, in the same clause, is not its subject.
      bool past_verb = false;
      // "Although Hale's case was closed, Ann Lusk took …": a name in an
      // opening subordinate clause leaves the main clause its own subject.
      size_t subordinate_end = 0;
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind == Tok::kPunct && toks[i].text != "'") past_verb = false;
        // "Speaking in Dover, New Ruritania, Hale said": the subject follows one of
        // the clause's commas, and is the first name there that a verb follows.
        if (fronted && toks[i].kind == Tok::kPunct && toks[i].text == ",") after_fronted = i + 1;
        if (toks[i].sentence_start || toks[i].after_full_quote) {
          sentence_has_subject = false;
          past_verb = false;
          static const auto* openers = new absl::flat_hash_set<std::string>{
              "since", "while", "although", "though", "when", "after", "before", "because", "if", "once"};
          static const auto* not_participles = new absl::flat_hash_set<std::string>{
              "king", "nothing", "something", "everything", "anything", "beijing", "sterling", "ted", "fred",
              "ned", "red", "need"};
          const bool participle = (absl::EndsWith(toks[i].lower, "ing") || absl::EndsWith(toks[i].lower, "ed")) &&
                                  !not_participles->contains(toks[i].lower) && i + 1 < toks.size() &&
                                  toks[i + 1].kind == Tok::kWord && !toks[i + 1].cap;
          fronted = toks[i].kind == Tok::kWord &&
                    (IsPreposition(toks[i].lower) ||
                     openers->contains(toks[i].lower) || participle);
          after_fronted = toks.size();
          subordinate_end = 0;
          if (toks[i].kind == Tok::kWord && openers->contains(toks[i].lower)) {
            for (size_t c = i + 1; c < toks.size() && !toks[c].sentence_start && !toks[c].after_full_quote; ++c) {
              if (toks[c].text == ",") {
                subordinate_end = c;
                break;
              }
            }
          }
          // "The home secretary has admitted …", "But the spokesman
          // questioned …": a description as the subject, which a pronoun
          // after it may mean.
          size_t d = i;
          if (d + 1 < toks.size() && (toks[d].lower == "but" || toks[d].lower == "and")) ++d;
          // "The previous day, the champion went down …", "Despite liking
          // Vole's plot, the bishop said …": the description after a fronted
          // phrase of time, or one a preposition or participle opens.
          const bool of_time = toks[d].lower == "the" || toks[d].lower == "on" || toks[d].lower == "last" ||
                               toks[d].lower == "earlier";
          if (of_time || toks[d].lower == "despite" || (fronted && toks[d].lower != "according")) {
            const size_t reach = fronted ? 12 : 5;  // words before the comma
            for (size_t c = d + 1; c < toks.size() && c <= d + reach; ++c) {
              if (toks[c].kind == Tok::kWord) continue;
              if (toks[c].text == "," && c + 1 < toks.size() &&
                  (toks[c + 1].lower == "the" || toks[c + 1].lower == "a") &&
                  (!of_time || IsTimeNoun(toks[c - 1].lower) || toks[c - 1].lower == "day" ||
                   toks[c - 1].lower == "season")) {
                d = c + 1;
              }
              break;
            }
          }
          // "While the donor kept quiet on money, he did say …": after a
          // subordinating word the description is still the subject.
          static const auto* subordinators = new absl::flat_hash_set<std::string>{
              "while", "although", "though", "when", "since", "because", "if", "after", "before"};
          if (d + 1 < toks.size() && subordinators->contains(toks[d].lower) && toks[d + 1].lower == "the") ++d;
          // "A spokeswoman for the Trust said it …. “…,” she said": someone
          // new, when they speak.
          const bool definite = d < toks.size() && toks[d].lower == "the";
          if (d < toks.size() && (definite || toks[d].lower == "a" || toks[d].lower == "an")) {
            SpeakerRef r = SpeakerForward(toks, d, people_.known_words());
            size_t after = d + WordCount(r.mention);
            while (!definite && after < toks.size() && Auxiliaries().contains(toks[after].lower) &&
                   !IsVerbAt(toks, after)) {  // "told" is both
              ++after;
            }
            if (r.kind == SpeakerRef::kDescription && after < toks.size() &&
                toks[after].kind == Tok::kWord && !toks[after].cap &&
                (IsVerbAt(toks, after) ||
                 (PastTenseLike(toks[after].lower) && (SpeaksForOthers(r.name) || PersonNoun(r.name))) ||
                 (definite && (Auxiliaries().contains(toks[after].lower) ||
                               PastTenseLike(toks[after].lower) ||
                               absl::EndsWith(toks[after].lower, "s") || absl::EndsWith(toks[after].lower, "n't"))))) {
              described_subjects_.push_back(r);
              // A name after a person so described is an object.
              const std::string& h = r.name;
              if (Titles().contains(h) || absl::EndsWith(h, "man") || absl::EndsWith(h, "woman") ||
                  absl::EndsWith(h, "person") || absl::EndsWith(h, "er") || absl::EndsWith(h, "ist") ||
                  absl::EndsWith(h, "-old") || PersonNoun(h)) {
                sentence_has_subject = true;
              }
            }
          }
          // "She thanked the woman she played, Kate Lowe": the pronoun is the subject.
          if (d < toks.size() && (Pronouns().contains(toks[d].lower) || toks[d].lower == "i" ||
                                  toks[d].lower == "we")) {
            sentence_has_subject = true;
          }
        }
        if (toks[i].kind == Tok::kWord && !toks[i].cap && !toks[i].sentence_start &&
            FiniteAuxiliaries().contains(toks[i].lower) && !BeForms().contains(toks[i].lower)) {
          past_verb = true;
        }
        // "was welcomed by Jo Pratt": the agent of a passive is whom the
        // sentence is about.
        if (toks[i].lower == "by") past_verb = false;
        if (toks[i].kind != Tok::kWord || !toks[i].cap) continue;
        SpeakerRef r = NameForward(toks, i, people_.known_words(), false, /*possessive_end=*/true);
        if (r.kind != SpeakerRef::kName) {
          if (!sentence_has_subject && OpensSentence(toks, i)) {
            if (IsPossessive(toks[i])) {
              // "Carter’s support came with caveats. He may …": a possessive
              // of someone named opens the sentence about them, and leaves
              // room for a subject after it ("Carter’s aide, Jo Pratt, said").
              if (int person = people_.Find(WithoutPossessive(toks[i].text)); person >= 0) {
                people_.Mention(person, toks[i].start, /*subject=*/true, /*after_verb=*/false);
              }
            } else if (LoneSubject(toks, i)) {
              lone_subjects_.push_back({toks[i].start, para, toks[i].text});
            }
          }
          continue;
        }
        size_t start = i;
        while (i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord &&
               (toks[i + 1].cap || IsParticle(toks[i + 1]))) {
          ++i;  // past the whole capitalised run
        }
        if (start == 0 && IsDateline(toks, i + 1)) continue;
        // "Liberal Democrat shadow chancellor Vince Cable": a run before a
        // lower-case role is an affiliation, not a person.
        // So is one before "director of sport Ana Ruiz".
        if (i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord && !toks[i + 1].cap &&
            Titles().contains(toks[i + 1].lower)) {
          size_t k = i + 2;
          while (k < toks.size() && k < i + 5 && toks[k].kind == Tok::kWord && !toks[k].cap &&
                 (toks[k].lower == "of" || toks[k].lower == "for" || Titles().contains(toks[k].lower) ||
                  !IsVerbAt(toks, k))) {
            if (Auxiliaries().contains(toks[k].lower) || absl::EndsWith(toks[k].lower, "ed")) break;
            ++k;
          }
          if (k < toks.size() && toks[k].kind == Tok::kWord && toks[k].cap) continue;
        }
        // Person names have two or more words, or a title; a lone surname
        // mentions someone already named.
        size_t words = WordCount(r.mention);
        if (IsRoleOnly(r.name)) continue;
        // "summer holidays at Lake Vell", "born in Upper Dale": after a
        // preposition of place, a run with no title, no known forename and
        // no verb of its own is a place, not someone new ("lost to Jo Pratt"
        // and "a call from Jo Pratt" name people).
        // "the Sky Harbour movie", "the premiere of Sky Harbour": a work's
        // title, which "he" or "she" never means, wherever it comes again.
        if (r.titles.empty() && GenderOf(r.name, "") == Gender::kUnknown &&
            ((i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord && !toks[i + 1].cap &&
              IsWorkNoun(toks[i + 1].lower)) ||
             (start >= 2 && toks[start - 1].lower == "of" && toks[start - 2].lower == "premiere") ||
             (start >= 1 && toks[start - 1].kind == Tok::kWord && IsWorkNoun(toks[start - 1].lower) &&
              !IsPossessive(toks[i])))) {
          works_.insert(NormalizeText(r.name));
        }
        if (AfterPlacePreposition(toks, start) && r.titles.empty() && !IsPossessive(toks[i]) &&
            GenderOf(r.name, "") == Gender::kUnknown && !(i + 1 < toks.size() && IsVerbAt(toks, i + 1))) {
          // Once a place, always one: "New Dale voters", "won New Dale" later
          // name no one a pronoun could mean.
          places_.insert(NormalizeText(r.name));
          if (people_.Find(r.name) < 0) continue;
        }
        // "in Dover, New Ruritania, …": the second part of a place.
        if (start >= 3 && toks[start - 1].text == "," && toks[start - 2].kind == Tok::kWord && toks[start - 2].cap &&
            // "from" alone may introduce a person ("lost to Jo Pratt", "heard
            // from Jo Pratt"), but not with a place's second part after it.
            (IsPlacePreposition(toks[start - 3].lower) || toks[start - 3].lower == "from") &&
            (i + 1 >= toks.size() || toks[i + 1].kind == Tok::kPunct) && r.titles.empty() &&
            people_.Find(r.name) < 0 && GenderOf(r.name, "") == Gender::kUnknown) {
          continue;
        }
        int person = people_.Find(r.name, r.titles);
        if (WordCount(r.name) >= 2 || !r.titles.empty()) {
          person = people_.Add(r.name, r.titles, AppositiveAfter(toks, start, words));
          if (std::string before = RoleBefore(toks, start); !before.empty() && person >= 0) {
            people_.at(person).roles.push_back(NormalizeText(before));
          }
          if (Gender kin = KinGenderAround(toks, start, start + words); person >= 0 && kin != Gender::kUnknown &&
                                                                        people_.at(person).sure == Gender::kUnknown) {
            people_.at(person).sure = people_.at(person).gender = kin;
          }
        } else if (person < 0 && start == i && start > 0 && toks[start - 1].kind == Tok::kWord &&
                   !toks[start - 1].cap && Titles().contains(toks[start - 1].lower) &&
                   toks[start - 1].lower != "former" && !IsPossessive(toks[i]) && !IsRoleOnly(r.name) &&
                   !NotNames().contains(NormalizeText(r.name)) && !OrgWords().contains(NormalizeText(r.name)) &&
                   !places_.contains(NormalizeText(r.name)) &&
                   // not an adjective before a noun ("chief Democratic rival")
                   !(i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord && !toks[i + 1].cap &&
                     !IsVerbAt(toks, i + 1) && !Auxiliaries().contains(toks[i + 1].lower))) {
          // "Harbour manager Orrin is a hard man to please": a surname
          // after a lower-case role is someone, as after a title.
          person = people_.Add(r.name, "", toks[start - 1].lower);
        } else if (person < 0 && start == i && start > 0 && toks[start - 1].kind == Tok::kWord &&
                   KinGender(toks[start - 1].lower) != Gender::kUnknown && !IsPossessive(toks[i]) &&
                   !NotNames().contains(NormalizeText(r.name))) {
          // "His wife Ana": someone, whom the word for kin genders.
          person = people_.Add(r.name, "", toks[start - 1].lower);
          if (person >= 0 && people_.at(person).sure == Gender::kUnknown) {
            people_.at(person).sure = people_.at(person).gender = KinGender(toks[start - 1].lower);
          }
        }
        // The first person a sentence names is, most often, its subject;
        // not one named after a verb ("he told Harbour Radio").
        if (person >= 0) {
          // "Chief Secretary to the Treasury Paul Boat": the words before the
          // name are the run's, not a preposition's.
          const size_t first_word = i + 1 - WordCount(r.name);
          const bool trimmed = r.titles.empty() && first_word > start && i + 1 >= WordCount(r.name) &&
                               absl::EndsWith(r.name, toks[i].text) &&
                               GenderOf(r.name, "") != Gender::kUnknown;
          const std::string before = trimmed ? toks[first_word - 1].lower
                                     : start > 0 ? toks[start - 1].lower : "";
          // "the Rt Rev Tom Wright": a name trimmed of a role is a person's.
          bool whole_run = true;
          for (size_t x = start; x + WordCount(r.name) <= i; ++x) {
            whole_run = whole_run && !Titles().contains(toks[x].lower) &&
                        !TitleAbbreviations().contains(toks[x].lower);
          }
          const std::string first = NormalizeText(r.name.substr(0, r.name.find(' ')));
          const bool forename = MaleForenames().contains(first) || FemaleForenames().contains(first);
          // "the Daily Source Code", "a Different Story": a title, a thing.
          if ((before == "the" || before == "a" || before == "an") && r.titles.empty() && whole_run && !forename) {
            ++people_.at(person).after_the;
          } else {
            ++people_.at(person).bare;
          }
          // "aides say Ivana Holt also advises …": after a reporting verb, a
          // name followed by its own verb is the reported clause's subject.
          const bool clause_subject =
              (ClauseVerbs().contains(before) || before == "say") && i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord &&
              !toks[i + 1].cap &&
              (Auxiliaries().contains(toks[i + 1].lower) || absl::EndsWith(toks[i + 1].lower, "ed") ||
               (absl::EndsWith(toks[i + 1].lower, "s") && !absl::EndsWith(toks[i + 1].lower, "ss")));
          // "one Smith would be glad to see": a name its own verb follows
          // opens a clause of its own.
          const bool own_verb = i + 1 < toks.size() && toks[i + 1].kind == Tok::kWord && !toks[i + 1].cap &&
                                (IsVerbAt(toks, i + 1) || Auxiliaries().contains(toks[i + 1].lower));
          bool object = !trimmed && start > 0 && toks[start - 1].kind == Tok::kWord && !toks[start - 1].cap &&
                        !clause_subject &&
                        (SpeechVerbs().contains(before) || absl::EndsWith(before, "ed") ||
                         Prepositions().contains(before) || AfterPrepositionAndModifiers(toks, start));
          // "…, Mr Hale admitted.": whoever a speech verb follows is its subject.
          // Not one in a phrase: "partner of Tods Ltd said", "Lord Lee and
          // Lord Ray agreed", "as Mr Renner believed".
          const std::string& lead = start > 0 ? toks[start - 1].lower : "";
          const bool in_phrase = start > 0 && toks[start - 1].kind == Tok::kWord &&
                                 (Prepositions().contains(lead) ||
                                  ((lead == "and" || lead == "or") && start > 1 && toks[start - 2].text != ",") ||
                                  lead == "as" || lead == "than");
          const bool compared = lead == "as" || lead == "than";  // "as Mr Renner believed."
          const bool speaks = i + 2 < toks.size() && IsVerbAt(toks, i + 1) &&
                              !ObjectIsListener(toks[i + 1].lower) && !compared &&
                              (!in_phrase || (toks[i + 2].kind == Tok::kPunct &&
                                              (toks[i + 2].text == "." || toks[i + 2].text == ",")));
          size_t next = i + 1;
          while (next < toks.size() && (toks[next].lower == "also" || toks[next].lower == "then" ||
                                        toks[next].lower == "later" || toks[next].lower == "again")) {
            ++next;
          }
          const bool main_subject =
              start == after_fronted && next < toks.size() && toks[next].kind == Tok::kWord && !toks[next].cap &&
              (IsVerbAt(toks, next) || Auxiliaries().contains(toks[next].lower) ||
               absl::EndsWith(toks[next].lower, "ed") ||
               (absl::EndsWith(toks[next].lower, "s") && !absl::EndsWith(toks[next].lower, "ss")));
          if (main_subject) fronted = false;
          // "Hale said …, but Dale Tennis's Jo Pratt dismissed the attack":
          // the subject of the clause "but" opens.
          size_t owner = start;
          if (owner > 0 && toks[owner - 1].cap && IsPossessive(toks[owner - 1])) {
            --owner;
            while (owner > 0 && toks[owner - 1].kind == Tok::kWord && toks[owner - 1].cap &&
                   !IsPossessive(toks[owner - 1])) {
              --owner;
            }
          }
          const bool after_but = (forename || !r.titles.empty()) && owner > 0 && toks[owner - 1].lower == "but" &&
                                 next < toks.size() &&
                                 toks[next].kind == Tok::kWord && !toks[next].cap &&
                                 (IsVerbAt(toks, next) || Auxiliaries().contains(toks[next].lower) ||
                                  PastTenseLike(toks[next].lower));
          // "Harbor Kites singer Ula Vetch collected …": a name that only
          // qualifies a role before another name is not the subject; the
          // person after the role is.
          const bool qualifies = !speaks && RoleNounThenName(toks, start);
          const bool subordinate = start < subordinate_end;
          people_.Mention(person, toks[start].start,
                          !qualifies && ((!sentence_has_subject && !object) || speaks || main_subject || after_but),
                          past_verb && !own_verb && !clause_subject && !speaks && !main_subject);
          if (!qualifies && !subordinate) sentence_has_subject = true;
        }
      }
    }
  }

  // "Tory leader Michael Howard", "retired colonel Oleh Starikov": the words
  // before a name, when they hold a role.
  static std::string RoleBefore(const std::vector<Tok>& toks, size_t start) {
    std::vector<std::string> words;
    bool has_role = false;
    for (size_t k = start; k-- > 0 && words.size() < 4;) {
      // Not past a verb or a conjunction: "… also praised Scottish Water",
      // "pictured the prime minister and Mr Brown".
      const std::string& w = toks[k].lower;
      if (toks[k].kind != Tok::kWord || IsPossessive(toks[k]) || Prepositions().contains(w) ||
          w == "and" || w == "or" || w == "but" || w == "who" || w == "that" || w == "which" ||
          (!toks[k].cap && (Auxiliaries().contains(w) || IsVerbAt(toks, k) ||
                            (absl::EndsWith(w, "ed") && !Titles().contains(w))))) {
        break;
      }
      has_role = has_role || Titles().contains(toks[k].lower);
      words.insert(words.begin(), toks[k].text);
      if (toks[k].sentence_start) break;
    }
    return has_role ? absl::StrJoin(words, " ") : "";
  }

  // "her husband, Jo Pratt", "his late son Jo Pratt", "Jo Pratt, his
  // wife,": a word of kinship next to a name genders someone no forename
  // list knows, so that "she" later does not mean him.
  static Gender KinGenderAround(const std::vector<Tok>& toks, size_t start, size_t end) {
    size_t k = start;
    if (k > 0 && toks[k - 1].text == ",") --k;
    if (k > 0 && toks[k - 1].kind == Tok::kWord) {
      if (Gender g = KinGender(toks[k - 1].lower); g != Gender::kUnknown) return g;
    }
    if (end + 2 < toks.size() && toks[end].text == "," &&
        (toks[end + 1].lower == "his" || toks[end + 1].lower == "her" || toks[end + 1].lower == "their")) {
      return KinGender(toks[end + 2].lower);
    }
    return Gender::kUnknown;
  }

  // ", president of the X," after a name.
  static std::string AppositiveAfter(const std::vector<Tok>& toks, size_t i, size_t len) {
    size_t k = i + len;
    if (k >= toks.size() || toks[k].text != ",") return "";
    std::vector<std::string> words;
    for (++k; k < toks.size() && words.size() < 14; ++k) {
      if (toks[k].kind != Tok::kWord) break;
      words.push_back(toks[k].text);
    }
    if (words.empty() || (!words.empty() && absl::ascii_isupper(words[0][0]) &&
                          !Titles().contains(NormalizeText(words[0])))) {
      return "";
    }
    return absl::StrJoin(words, " ");
  }

  // "BUENA PARK, Calif. —", "DALLAS (AP) —", "Lakeside, Minn. —": a place
  // opening a paragraph, whose capitalised run ends before toks[k], is a
  // dateline and no one the sentence is about.
  static bool IsDateline(const std::vector<Tok>& toks, size_t k) {
    if (k >= toks.size() || toks[k].kind != Tok::kPunct) return false;
    bool capitals = true;
    for (size_t x = 0; x < k; ++x) {
      capitals = capitals && absl::c_none_of(toks[x].text, [](char c) {
                   return absl::ascii_islower(static_cast<unsigned char>(c));
                 });
    }
    const bool then_capital = k + 1 < toks.size() && toks[k + 1].cap;  // not "NATO, the alliance"
    if (capitals && (toks[k].text == "—" || toks[k].text == "(" || (toks[k].text == "," && then_capital))) {
      return true;
    }
    // ", Calif. —": a region's abbreviation, then a dash.
    return toks[k].text == "," && k + 3 < toks.size() && toks[k + 1].cap && toks[k + 2].text == "." &&
           toks[k + 3].text == "—";
  }

  // Whether toks[i] opens its sentence, after titles or a joiner at most
  // ("Mr. Hale’s …", "But Carter …").
  static bool OpensSentence(const std::vector<Tok>& toks, size_t i) {
    size_t k = i;
    while (k > 0 && !toks[k].sentence_start && toks[k - 1].kind == Tok::kWord &&
           (TitleAbbreviations().contains(toks[k - 1].lower) ||
            (toks[k - 1].cap && Titles().contains(toks[k - 1].lower)) || toks[k - 1].lower == "but" ||
            toks[k - 1].lower == "and")) {
      --k;
    }
    return toks[k].sentence_start;
  }

  // "beaten by fellow American Jo Pratt", "talks with party leader Jo
  // Pratt": a preposition, then a few lower-case words of role before the
  // name, which is the preposition's object.
  static bool AfterPrepositionAndModifiers(const std::vector<Tok>& toks, size_t start) {
    for (size_t k = start; k-- > 0 && start - k <= 4;) {
      const Tok& t = toks[k];
      if (t.kind != Tok::kWord || t.sentence_start) return false;
      // "minister of sport Jo Pratt": "of" and "for" belong to the role.
      if (IsPreposition(t.lower)) return k + 1 < start && t.lower != "of" && t.lower != "for";
      const bool determiner = t.lower == "the" || t.lower == "a" || t.lower == "an" || t.lower == "his" ||
                              t.lower == "her" || t.lower == "their" || t.lower == "its";
      // Not past a verb or a word that opens a clause ("with what Jo Pratt told").
      if (t.cap || IsVerbAt(toks, k) || Auxiliaries().contains(t.lower) || IsPossessive(t) ||
          (NotNames().contains(t.lower) && !determiner)) {
        return false;
      }
    }
    return false;
  }

  // "in Upper Dale", "at Lake Vell", "in downtown Port Ely": a run after a
  // preposition of place, maybe with a word for a part of it between.
  static bool AfterPlacePreposition(const std::vector<Tok>& toks, size_t start) {
    static const auto* parts = new absl::flat_hash_set<std::string>{
        "downtown", "northern", "southern", "eastern", "western", "central", "rural", "suburban",
        "coastal", "upstate", "neighboring", "neighbouring", "nearby"};
    if (start < 1 || toks[start].sentence_start) return false;
    size_t k = start - 1;
    if (k >= 1 && toks[k].kind == Tok::kWord && parts->contains(toks[k].lower)) --k;
    // "shares in Dale Doughnuts", "a stake in Vale Oil": a company, not a place.
    static const auto* holdings = new absl::flat_hash_set<std::string>{
        "shares", "stake", "stakes", "holding", "holdings", "investment", "investments", "interest",
        "confidence", "investors"};
    const std::string& w = toks[k].lower;
    return toks[k].kind == Tok::kWord &&
           IsPlacePreposition(w) &&
           !(k >= 1 && (toks[k - 1].lower == "according" || (w == "in" && holdings->contains(toks[k - 1].lower))));
  }

  // "Carter dodged the question.": one capitalised word opening a sentence
  // and followed by a verb is a surname nobody gave in full, when the text
  // never writes it in lower case (not "Voters said") and it is no word of
  // roles, allegiances or organisations.
  bool LoneSubject(const std::vector<Tok>& toks, size_t i) const {
    static const auto* indefinite = new absl::flat_hash_set<std::string>{
        "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "none",
        "few", "nothing", "something", "everything", "neither", "either", "critics", "supporters"};
    const Tok& t = toks[i];
    if (t.kind != Tok::kWord || !t.cap || i + 1 >= toks.size() || IsPossessive(t)) return false;
    const std::string& w = t.lower;
    if (w.size() < 3 || NotNames().contains(w) || Titles().contains(w) || Affiliations().contains(w) ||
        OrgWords().contains(w) || GenericOrgNouns().contains(w) || indefinite->contains(w) ||
        lowercase_words_.contains(w) || people_.Find(t.text) >= 0) {
      return false;
    }
    if (absl::c_none_of(t.text, [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); })) {
      return false;  // "NATO", "CNN": an acronym
    }
    // "Without further …", "Having worked …": no noun at all.
    if (Prepositions().contains(w) || absl::EndsWith(w, "ing")) return false;
    const bool known = people_.known_words().contains(w);  // capitalised mid-sentence too
    if (absl::EndsWith(w, "s") && !known) return false;  // a plural
    const Tok& next = toks[i + 1];
    if (next.kind != Tok::kWord || next.cap) return false;
    // A past or speech verb after it ("Carter dodged"); after "has", "is" or
    // "also" only a word the text capitalises elsewhere ("Interest has" is
    // no one).
    if (IsVerbAt(toks, i + 1) || absl::EndsWith(next.lower, "ed")) return true;
    return known && (Auxiliaries().contains(next.lower) || absl::EndsWith(next.lower, "n't"));
  }

  void FindStatements() {
    for (size_t p = 0; p < paras_.size(); ++p) {
      const std::vector<Tok>& toks = para_toks_[p];
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind != Tok::kQuote) continue;
        AddQuote(static_cast<int>(p), i);
      }
      FindIndirect(static_cast<int>(p));
    }
    // Nested quotes with their own cue inside the outer quote.
    for (size_t i = 0; i < segs_.size(); ++i) {
      if (segs_[i].depth != 1) continue;
      const Segment& s = segs_[i];
      if (s.parent < 0) continue;
      const Segment& outer = segs_[s.parent];
      std::vector<Tok> toks = Tokens(text_, outer.start, outer.end, segs_, {static_cast<int>(i)});
      for (size_t k = 0; k < toks.size(); ++k) {
        if (toks[k].kind != Tok::kQuote) continue;
        std::optional<Cue> cue = CueAfter(toks, k, people_);
        if (!cue) cue = CueBefore(toks, k, people_);
        if (!cue || cue->who.kind != SpeakerRef::kName) continue;
        Statement st{QuoteKind::kDirect, {static_cast<int>(i)}, s.start, s.end, s.start, cue};
        st.para = s.para;
        nested_.push_back(st);
      }
    }
  }

  void AddQuote(int p, size_t q) {
    const std::vector<Tok>& toks = para_toks_[p];
    const Segment& seg = segs_[toks[q].seg];
    // Segments of one multi-paragraph quote form one statement.
    if (!statements_.empty()) {
      Statement& last = statements_.back();
      if (last.kind != QuoteKind::kIndirect && segs_[last.segs.back()].group == seg.group &&
          seg.group >= 0) {
        last.segs.push_back(toks[q].seg);
        accepted_.insert(toks[q].seg);
        if (!last.cue) {
          last.cue = CueAfterSentence(toks, q);
          if (last.cue) last.continuation = false;
        }
        return;
      }
    }
    Statement st{QuoteKind::kDirect, {toks[q].seg}, seg.start, seg.end, seg.start};
    st.para = p;
    // Partial: the quote sits inside a sentence ("described the shift as “…”").
    bool mid_sentence = q > 0 && toks[q - 1].kind == Tok::kWord && !toks[q].sentence_start &&
                        !IsVerbAt(toks, q - 1);
    bool continues_sentence = q + 1 < toks.size() && toks[q + 1].kind == Tok::kWord &&
                              !toks[q + 1].cap && !IsVerbAt(toks, q + 1) &&
                              !Pronouns().contains(toks[q + 1].lower) && toks[q + 1].lower != "the" &&
                              toks[q + 1].lower != "according";
    // A quote that opens its sentence with a capital and runs a clause is
    // direct even when the sentence goes on ('"Many would …" if she lost, said X').
    absl::string_view quoted = text_.substr(seg.start, seg.end - seg.start);
    bool opens_sentence = (q == 0 || toks[q].sentence_start || EndsSentence(toks, q - 1)) &&
                          !quoted.empty() && absl::ascii_isupper(static_cast<unsigned char>(quoted[0])) &&
                          WordCount(quoted) >= 4;
    if ((mid_sentence || continues_sentence) && !opens_sentence) st.kind = QuoteKind::kPartial;
    // A quote that ends its own sentence was more likely introduced before
    // it ("Said Mr Bysshe: “….” Painkiller has been …") than after.
    absl::string_view words = absl::StripTrailingAsciiWhitespace(text_.substr(seg.start, seg.end - seg.start));
    bool ends_sentence = !words.empty() && (words.back() == '.' || words.back() == '!' || words.back() == '?');
    if (ends_sentence) {
      // "“…?” asked Dunn" outranks any verb before the quote.
      if (q + 1 < toks.size() && IsVerbAt(toks, q + 1)) st.cue = CueAfter(toks, q, people_);
      if (!st.cue) st.cue = CueBefore(toks, q, people_);
      // A further quote of the speaker just cued in this paragraph goes on
      // with them, whatever the next sentence says.
      bool follows_speaker = !statements_.empty() && statements_.back().para == p &&
                             statements_.back().cue && q > 0;
      // '“…?” he asked': a lower-case pronoun and its verb after the quote
      // carry on its sentence, so they are its cue.
      const bool pronoun_cue_after = q + 2 < toks.size() && toks[q + 1].kind == Tok::kWord &&
                                     !toks[q + 1].cap && Pronouns().contains(toks[q + 1].lower) &&
                                     IsVerbAt(toks, q + 2);
      if (!st.cue && (!follows_speaker || pronoun_cue_after || (q + 1 < toks.size() && IsVerbAt(toks, q + 1)))) {
        st.cue = CueAfterSentence(toks, q);
      }
    } else {
      // "Vole's description of him as a “…”, claiming …": the remark's owner
      // outranks a cue later in the sentence.
      if (auto owner = OwnerOfRemark(toks, SentenceStart(toks, q), q)) st.cue = Cue{*owner, q};
      if (!st.cue) st.cue = AccordingToLater(toks, q, people_.known_words());
      if (!st.cue) st.cue = PassiveAgentAfter(toks, q, people_.known_words());
      if (!st.cue) st.cue = CueAfter(toks, q, people_);
      if (!st.cue) st.cue = CueBefore(toks, q, people_);
    }
    // '"…" if she lost, said X.': the cue later in the sentence, unless the
    // quote ended its own sentence ('"… rise." Prices rose, Nationwide said').
    if (!st.cue && !ends_sentence) st.cue = CueLaterInSentence(toks, q, people_);
    // "X said in a statement. “…”": a lead-in sentence in the same paragraph.
    if (!st.cue && q > 1 && (EndsSentence(toks, q - 1) || toks[q - 1].text == ":")) {
      st.cue = LeadIn(std::vector<Tok>(toks.begin(), toks.begin() + q), /*same_paragraph=*/true, ends_sentence);
    }
    if (!st.cue && q > 0 && toks[q - 1].kind == Tok::kQuote && !statements_.empty()) {
      st.cue = statements_.back().cue;  // between two segments of one sentence
    }
    if (!st.cue && q == 0 && p > 0) {
      // A lead-in that ends the previous paragraph: "He said:", "Cruz called
      // them on it:", "Sam Lau said in a statement."
      st.cue = LeadIn(para_toks_[p - 1]);
      if (!st.cue) st.continuation = true;
    }
    if (!st.cue && q == 0) {
      // A signature line after the quote: "- Anna Hale."
      if (auto c = SignatureAfter(p)) st.cue = c, st.continuation = false;
    }
    // A further quote in a paragraph whose speaker is known is theirs.
    if (!st.cue && q > 0 && !statements_.empty() && statements_.back().para == p &&
        statements_.back().kind != QuoteKind::kIndirect) {
      st.continuation = true;
    }
    // A quote that goes on in a later segment is judged with all of it.
    if (GroupContinues(toks[q].seg)) {
      statements_.push_back(st);
      accepted_.insert(toks[q].seg);
      return;
    }
    // Names of things in quotes ("Strategy XXI", "Saturday Night Live").
    if (IsTitleCase(text_.substr(seg.start, seg.end - seg.start))) return;
    // Scare quotes and titles of things: short, and no one said them.
    if (!st.cue && !st.continuation && WordCount(text_.substr(seg.start, seg.end - seg.start)) < 5) return;
    if (!st.cue && st.continuation && WordCount(text_.substr(seg.start, seg.end - seg.start)) < 3) return;
    statements_.push_back(st);
    accepted_.insert(toks[q].seg);
  }

  // The cue the sentence before a quote gives it (LeadInCue). In the
  // quote's own paragraph it may also be that of speech the sentence
  // reports ("Demand is rising, Mr Odo points out. “…”"), which goes on in
  // the quote, or, for a whole quote, the sentence's named subject.
  std::optional<Cue> LeadIn(const std::vector<Tok>& prev, bool same_paragraph = false,
                            bool quote_ends_sentence = false) {
    std::optional<Cue> cue = LeadInCue(prev, same_paragraph);
    if (cue || !same_paragraph || prev.size() < 2) return cue;
    const size_t end = prev.size() - 1;
    const size_t s = SentenceStart(prev, end);
    if (prev[end].text != "." ||
        std::any_of(prev.begin() + s, prev.end(), [](const Tok& t) { return t.kind == Tok::kQuote; })) {
      return std::nullopt;
    }
    if (std::optional<Reported> r = ReportedIn(prev, s, end)) return r->cue;
    // "…, Ola Brandt still feels the loss. “That was hard.”":
    // a whole quote with no cue after a sentence about someone named is
    // theirs, unless one quoted earlier in the paragraph goes on.
    if (!quote_ends_sentence ||
        std::any_of(prev.begin(), prev.end(), [](const Tok& t) { return t.kind == Tok::kQuote; })) {
      return std::nullopt;
    }
    const size_t from = AfterConnective(prev, s, end);
    size_t k = from;
    // Past an opening phrase ("Despite the rain, …"), not a clause that opens
    // the sentence ("After the match ended, …").
    if (const bool opens_clause = prev[from].cap && IsSubordinator(prev[from].lower); !opens_clause) {
      for (size_t c = from; c < end && c < from + 15; ++c) {
        if (prev[c].text == "," && c + 1 < end) {
          if (c > from && (Prepositions().contains(prev[from].lower) || prev[from].lower == "despite" ||
                           absl::EndsWith(prev[from].lower, "ing"))) {
            k = c + 1;
          }
          break;
        }
      }
    }
    SpeakerRef who = SpeakerForward(prev, k, people_.known_words(), /*subject=*/true);
    if (who.kind != SpeakerRef::kName || people_.Find(who.name, who.titles) < 0) return std::nullopt;
    size_t v = k + WordCount(who.mention);
    while (v < end && prev[v].kind == Tok::kWord && !prev[v].cap &&
           (absl::EndsWith(prev[v].lower, "ly") || prev[v].lower == "still" || prev[v].lower == "also")) {
      ++v;
    }
    if (v >= end || prev[v].kind != Tok::kWord || prev[v].cap ||
        !(VerbLike(prev[v].lower) || Auxiliaries().contains(prev[v].lower))) {
      return std::nullopt;
    }
    return Cue{who, v};
  }

  // The cue a paragraph's last sentence gives to a quote that follows it:
  // a colon lead-in, or a speech verb with nothing reported after it. In
  // the quote's own paragraph (`same_paragraph`) it may report a clause:
  // "Ann Berg said the plan had failed. “…”" goes on with her words.
  std::optional<Cue> LeadInCue(const std::vector<Tok>& prev, bool same_paragraph) {
    if (prev.size() < 2) return std::nullopt;
    size_t end = prev.size() - 1;  // the final ':' or '.'
    if (prev[end].text != ":" && prev[end].text != ".") return std::nullopt;
    size_t s = SentenceStart(prev, end);
    // A clause it reports may hold verbs of its own: then the first verb is
    // the sentence's.
    size_t first = end;
    for (size_t v = s; v < end && same_paragraph; ++v) {
      if (IsVerbAt(prev, v)) {
        first = v + 1;
        break;
      }
    }
    for (size_t v = first; v-- > s;) {
      if (!IsVerbAt(prev, v)) continue;
      // "said in a statement." reports nothing itself; "said that …" does.
      for (size_t k = v + 1; k < end; ++k) {
        if ((prev[k].lower == "that" && !same_paragraph) || prev[k].kind == Tok::kQuote) return std::nullopt;
      }
      if (end - v > 8 && !same_paragraph) return std::nullopt;
      // "Hale “did well” there, said analyst Ann Berg. “…”": inverted, the
      // speaker follows the verb.
      // Not a second verb: "“…,” said Ann Berg, reports the Dale Post."
      bool first_verb = true;
      for (size_t u = s; u < v; ++u) first_verb = first_verb && !IsVerbAt(prev, u);
      if (v > s && first_verb && (prev[v - 1].text == "," || prev[v - 1].kind == Tok::kQuote) &&
          !ObjectIsListener(prev[v].lower)) {
        const size_t at = v + 1 + (NeedsParticle(prev[v].lower) ? 1 : 0);
        // Not "…, said that Google should …": the name must end the sentence.
        if (auto inv = InvertedSpeaker(prev, at, people_.known_words());
            inv && (!same_paragraph || at + WordCount(inv->mention) == end ||
                    prev[at + WordCount(inv->mention)].text == ",")) {
          return Cue{*inv, v};
        }
      }
      SpeakerRef r = SubjectOf(prev, s, v, people_);
      // A clause's speaker opens the sentence, past a connective.
      if (same_paragraph && r.kind != SpeakerRef::kNone && r.pos != prev[AfterConnective(prev, s, v)].start) {
        return std::nullopt;
      }
      if (r.kind != SpeakerRef::kNone) return Cue{r, v};
      if (v == s) {  // "Stated Stone:"
        if (auto inv = InvertedSpeaker(prev, v + 1, people_.known_words())) return Cue{*inv, v};
      }
      return std::nullopt;
    }
    if (prev[end].text == ":" && end - s <= 8 && end > s + 1) {
      for (size_t k = s; k < end; ++k) {  // "Then Rita Cole turned to the crowd:"
        SpeakerRef r = SpeakerForward(prev, k, people_.known_words(), /*subject=*/true);
        if (r.kind == SpeakerRef::kName || r.kind == SpeakerRef::kPronoun) return Cue{r, end};
      }
    }
    if (prev[end].text == ":") {
      if (SpeakerRef r = ClauseSubject(prev, s, end, people_.known_words()); r.kind != SpeakerRef::kNone) {
        return Cue{r, end};
      }
    }
    return std::nullopt;
  }

  // A cue after a quote that ended its sentence. The next sentence may report
  // a statement of its own ("“…” Tory leader Michael Howard said he would be
  // remembered"); then it is no cue.
  std::optional<Cue> CueAfterSentence(const std::vector<Tok>& toks, size_t q) {
    std::optional<Cue> after = CueAfter(toks, q, people_);
    if (!after) return after;
    size_t v = after->verb;
    // "X said:" introduces what follows, not this; "X said drink-driving
    // remained …" reports something else. "X said on Tuesday." is a cue.
    if (v + 1 < toks.size() && toks[v + 1].text == ":") return std::nullopt;
    if (v <= q + 2 || v + 1 >= toks.size()) return after;  // "“…” said X, …"
    const Tok& next = toks[v + 1];
    static const auto* adjuncts = new absl::flat_hash_set<std::string>{
        "today", "yesterday", "tonight", "earlier", "later", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "recently", "afterwards", "as", "while",
        "when", "during", "amid", "upon", "outside", "last", "this", "on"};
    bool adjunct = next.kind != Tok::kWord || absl::EndsWith(next.lower, "ly") ||
                   adjuncts->contains(next.lower) || IsPreposition(next.lower);
    return adjunct ? after : std::nullopt;
  }

  // "- Anna Hale." alone on the paragraph after a quote.
  std::optional<Cue> SignatureAfter(int p) {
    if (p + 1 >= static_cast<int>(para_toks_.size())) return std::nullopt;
    const std::vector<Tok>& next = para_toks_[p + 1];
    if (next.size() < 2 || next.size() > 12 || next[0].text != "—") return std::nullopt;
    SpeakerRef r = NameForward(next, 1, people_.known_words(), /*subject=*/true);
    if (r.kind != SpeakerRef::kName) return std::nullopt;
    // "- Mayor Ada Lusk, tweeting after the speech." may say where; nothing more.
    size_t after = 1 + WordCount(r.mention);
    if (next.size() > 8 && (after >= next.size() || next[after].text != ",")) return std::nullopt;
    return Cue{r, 0};
  }

  bool GroupContinues(int seg) const {
    for (size_t i = static_cast<size_t>(seg) + 1; i < segs_.size(); ++i) {
      if (segs_[i].depth != 0) continue;
      return segs_[i].group == segs_[seg].group;
    }
    return false;
  }

  // "X said that …", "According to X, …", "…, X said."
  void FindIndirect(int p) {
    const std::vector<Tok>& toks = para_toks_[p];
    size_t s = 0;
    while (s < toks.size()) {
      size_t e = SentenceEnd(toks, s);
      size_t next = e + 1;
      // '… said: “We won.” Tom Hale said the plan …': a quote that ends with
      // its own full stop ends the sentence.
      for (size_t k = s + 1; k < e && k < toks.size(); ++k) {
        if (toks[k].after_full_quote) {
          e = next = k;
          break;
        }
      }
      bool has_quote = false;
      for (size_t k = s; k < e && k < toks.size(); ++k) {
        has_quote |= toks[k].kind == Tok::kQuote && accepted_.contains(toks[k].seg);
      }
      if (!has_quote && e > s + 3) {
        // "The lock believes …, but Vale insisted …": two reports.
        const size_t end = std::min(e, toks.size());
        const size_t but = SecondSpeakerAfterBut(toks, s, end);
        if (but < end) {
          if (but - 1 > s + 3) IndirectInSentence(p, toks, s, but - 1);
          if (end > but + 4) IndirectInSentence(p, toks, but + 1, end);
        } else {
          IndirectInSentence(p, toks, s, end);
        }
      }
      s = next;
    }
  }

  // Reported speech is kept from someone a reader can name, or from an
  // unnamed group that speaks as one ("analysts said", "some officials
  // warn"); not from a lone capitalised word never seen inside a sentence,
  // which is as likely no one ("Lately warned that").
  bool IdentifiableSpeaker(const SpeakerRef& who) const {
    return !(who.kind == SpeakerRef::kName && WordCount(who.name) == 1 && who.titles.empty() &&
             !people_.known_words().contains(NormalizeText(who.name)) && !IsCountryName(who.name));
  }

  // "The commission said fees would rise": a definite description of an
  // organisation, the whole subject of its sentence, after the article has
  // named an organisation of that kind, which it then means.
  bool NamedOrganisationDescribed(const std::vector<Tok>& toks, size_t s, size_t v, const SpeakerRef& r) const {
    if (r.kind != SpeakerRef::kDescription || !r.org.empty() || !absl::StartsWithIgnoreCase(r.mention, "the ")) {
      return false;
    }
    size_t j = v;
    while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
    if (s + WordCount(r.mention) != j || toks[s].start != r.pos) return false;
    // "the company", "the firm" fit any business, and the last one named is
    // often not the one meant; "the commission" fits only a commission.
    const std::string& noun = r.name;
    if (GenericOrgNouns().contains(noun) || !OrgWords().contains(noun)) return false;
    return people_.LastMentionBefore(r.pos, [&noun](const Person& p) {
             return p.org && absl::StrContains(absl::AsciiStrToLower(p.name), noun);
           }) >= 0;
  }

  // Reported speech found in a sentence: the words reported and their cue.
  struct Reported {
    size_t from, to;
    Cue cue;
  };

  // The speech toks[s, e) reports, its punctuation trimmed, if a reader can
  // name whose it is.
  std::optional<Reported> ReportedIn(const std::vector<Tok>& toks, size_t s, size_t e) {
    std::optional<Reported> r;
    bool according = false;
    r = AccordingTo(toks, s, e, according);
    // "According to the Dale Times, Tom Odo said that …": the one the paper
    // quotes said it.
    if (r && r->from > s && r->from + 3 < e) {
      if (std::optional<Reported> inner = ReportedIn(toks, r->from, e);
          inner && inner->cue.who.kind == SpeakerRef::kName) {
        return inner;
      }
    }
    if (!according && !r) r = InvertedNamedCue(toks, s, e);
    for (size_t v = s; !according && !r && v < e; ++v) {
      if (!IsVerbAt(toks, v) || IsParticipleVerb(toks[v].lower)) continue;
      size_t k = v + 1;
      if (NeedsParticle(toks[v].lower)) ++k;
      if (toks[v].lower == "told" && k < e && toks[k].kind == Tok::kWord) ++k;  // told reporters
      r = ClauseAfterVerb(toks, s, e, v, k);
      if (!r) r = ClauseBeforeCue(toks, s, e, v, k);
    }
    if (!according && !r) r = ParticipleReported(toks, s, e);
    if (!r) return std::nullopt;
    while (r->from < r->to && toks[r->from].kind == Tok::kPunct) ++r->from;
    while (r->to > r->from && toks[r->to - 1].kind == Tok::kPunct) --r->to;
    if (r->to <= r->from + 2 || !IdentifiableSpeaker(r->cue.who)) return std::nullopt;
    return r;
  }

  // Where ", but" opens a clause whose own subject (a name or pronoun)
  // reports with a speech verb soon after ("…, but Vale insisted …"): the
  // index of "but", else e.
  static size_t SecondSpeakerAfterBut(const std::vector<Tok>& toks, size_t s, size_t e) {
    constexpr size_t kSubjectWords = 5;
    for (size_t c = s + 3; c + 3 < e; ++c) {
      if (toks[c].text != "," || toks[c + 1].lower != "but") continue;
      const Tok& subject = toks[c + 2];
      const bool pronoun = Pronouns().contains(subject.lower);
      if (subject.kind != Tok::kWord || (!pronoun && (!subject.cap || NotNames().contains(subject.lower)))) continue;
      for (size_t v = c + 3; v < e && v <= c + 2 + kSubjectWords; ++v) {
        if (IsVerbAt(toks, v) && !IsParticipleVerb(toks[v].lower)) return c + 1;
        if (toks[v].kind != Tok::kWord) break;
      }
    }
    return e;
  }

  void IndirectInSentence(int p, const std::vector<Tok>& toks, size_t s, size_t e) {
    std::optional<Reported> r = ReportedIn(toks, s, e);
    if (!r) return;
    const size_t from = r->from, to = r->to;
    Statement st{QuoteKind::kIndirect, {}, toks[from].start, toks[to - 1].end, toks[from].start,
                 r->cue};
    st.para = p;
    statements_.push_back(st);
  }

  // "According to X, clause." `according` says whether the sentence has the
  // phrase at all: then no other cue in it counts, found or not.
  std::optional<Reported> AccordingTo(const std::vector<Tok>& toks, size_t s, size_t e,
                                      bool& according) const {
    const auto& known = people_.known_words();
    for (size_t k = s; k + 3 < e; ++k) {
      if (toks[k].lower == "according" && toks[k + 1].lower == "to") {
        according = true;
        std::optional<SpeakerRef> found = InvertedSpeaker(toks, k + 2, known);
        if (!found) return std::nullopt;
        SpeakerRef r = *found;
        size_t comma = k + 2;
        while (comma < e && toks[comma].text != ",") ++comma;
        if (k == s && comma < e) return Reported{comma + 1, e, Cue{r, k}};
        if (k > s && toks[k - 1].text == ",") return Reported{s, k - 1, Cue{r, k}};
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // "Losses have been suffered, observed Jack Boorman, an adviser."
  std::optional<Reported> InvertedNamedCue(const std::vector<Tok>& toks, size_t s, size_t e) const {
    const auto& known = people_.known_words();
    for (size_t v = s + 3; v + 1 < e; ++v) {
      if (toks[v - 1].text != "," || !IsVerbAt(toks, v) || ObjectIsListener(toks[v].lower) ||
          IsParticipleVerb(toks[v].lower)) {
        continue;
      }
      size_t k = v + 1 + (NeedsParticle(toks[v].lower) ? 1 : 0);
      k = AfterLowerCaseRole(toks, k, e);  // "said port authority chief Anna Berg"
      if (k >= e || toks[k].kind != Tok::kWord || !toks[k].cap) continue;
      std::optional<SpeakerRef> r = InvertedSpeaker(toks, k, known);
      if (!r || r->kind != SpeakerRef::kName) continue;
      size_t after = k + WordCount(r->mention);
      // "The answer, says Prof Vale, is radio.": the cue inside the
      // sentence reports all of it.
      if (after + 2 < e && toks[after].text == "," && v - 1 <= s + 3) return Reported{s, e, Cue{*r, v}};
      if (after >= e || toks[after].text == "," || DescribesToTheEnd(toks, after, e)) {
        return Reported{s, v - 1, Cue{*r, v}};
      }
    }
    return std::nullopt;
  }

  // "…, thinks Ivo Kern data specialist for analysts Dalemark.": words
  // that say what the speaker is, with no verb, run to the sentence's end.
  static bool DescribesToTheEnd(const std::vector<Tok>& toks, size_t a, size_t e) {
    constexpr size_t kMaxWords = 10;
    if (a >= e || e - a > kMaxWords || toks[a].kind != Tok::kWord || toks[a].cap) return false;
    // "of Dalemark", "in Dale", or a noun for what someone is.
    bool what = Prepositions().contains(toks[a].lower);
    for (size_t x = a; x < e; ++x) {
      if (toks[x].kind == Tok::kWord && !toks[x].cap && (PersonNoun(toks[x].lower) || SpeaksForOthers(toks[x].lower))) {
        what = true;
      }
    }
    if (!what) return false;
    for (size_t x = a; x < e; ++x) {
      if (toks[x].kind != Tok::kWord) return false;
      const std::string& w = toks[x].lower;
      if (!toks[x].cap && (Auxiliaries().contains(w) || PastTenseLike(w) || SpeechVerbs().contains(w) ||
                           ClauseStarts().contains(w) || Pronouns().contains(w))) {
        return false;
      }
    }
    return true;
  }

  // X [aux] VERB [that] clause: the verb at toks[v], the clause from toks[k].
  std::optional<Reported> ClauseAfterVerb(const std::vector<Tok>& toks, size_t s, size_t e, size_t v,
                                          size_t k) {
    // "Hale's campaign said the poll was wrong": the body speaks.
    if (std::optional<SpeakerRef> body = PossessiveBodySubject(toks, s, v)) {
      if (k < e && toks[k].lower == "that") return Reported{k + 1, e, Cue{*body, v}};
      if (k < e && (ClauseVerbs().contains(toks[v].lower) || FiniteClauseVerbs().contains(toks[v].lower)) &&
          (Pronouns().contains(toks[k].lower) || OpensFiniteClause(toks, k, e))) {
        return Reported{k, e, Cue{*body, v}};
      }
    }
    if (k < e && toks[k].lower == "that") {
      SpeakerRef r = SubjectOf(toks, s, v, people_);
      if (r.kind != SpeakerRef::kNone) return Reported{k + 1, e, Cue{r, v}};
    }
    // "said in a speech that": only a name or a pronoun, whose reference
    // is surer than a description's, gets a clause this far from its verb.
    if (std::optional<size_t> that = ThatAfterAdverbial(toks, v, k, e)) {
      SpeakerRef r = SubjectOf(toks, s, v, people_);
      if (((r.kind == SpeakerRef::kName && !NameInsideAPhrase(toks, s, r.pos)) ||
           (PersonalPronoun(r) && !PronounOfSubordinateClause(toks, s, v))) &&
          !CommonNounRightBefore(toks, s, v, r)) {
        return Reported{*that + 1, e, Cue{r, v}};
      }
    }
    // "X said the move was …": a reporting verb straight before a clause.
    const bool object_only =  // "He said this during talks": an object, not a clause
        k + 1 < e && (toks[k].lower == "this" || toks[k].lower == "that" || toks[k].lower == "it" ||
                      toks[k].lower == "so") &&
        (toks[k + 1].kind != Tok::kWord || Prepositions().contains(toks[k + 1].lower) ||
         absl::c_linear_search(std::initializer_list<absl::string_view>{"during", "while", "when",
                                                                       "as", "since", "amid",
                                                                       "because", "despite"},
                               toks[k + 1].lower));
    // "said on Tuesday he would resign", "told reporters the port would close".
    if (std::optional<size_t> c = ClauseAfterAdverbialOrListener(toks, v, e)) {
      SpeakerRef r = SubjectOf(toks, s, v, people_);
      if (SureSubject(toks, s, v, r)) return Reported{*c, e, Cue{r, v}};
    }
    const bool finite_clause = k < e && OpensFiniteClause(toks, k, e);
    if (k < e &&
        ((ClauseVerbs().contains(toks[v].lower) && (ClauseStarts().contains(toks[k].lower) || finite_clause)) ||
         (FiniteClauseVerbs().contains(toks[v].lower) && finite_clause && ActiveLowerCaseVerb(toks, s, v))) &&
        v > s && !object_only) {
      SpeakerRef r = SubjectOf(toks, s, v, people_);
      // A verb less sure to report speech needs a subject sure to be its own.
      const bool sure_verb = ClauseVerbs().contains(toks[v].lower);
      const bool clause_start = sure_verb && ClauseStarts().contains(toks[k].lower);
      if (((r.kind == SpeakerRef::kName && (clause_start || !NameInsideAPhrase(toks, s, r.pos))) ||
           (r.kind == SpeakerRef::kPronoun && (sure_verb || !PronounOfSubordinateClause(toks, s, v)) &&
            (clause_start || PersonalPronoun(r)))) &&
          (clause_start || NamedOrPronounRightBefore(toks, s, v))) {
        return Reported{k, e, Cue{r, v}};
      }
      if (NamedOrganisationDescribed(toks, s, v, r)) return Reported{k, e, Cue{r, v}};
      // "The mayor's spokesman said the plan …": a description of
      // someone who speaks right before a sure reporting verb.
      // Not an office ("the home secretary"), whose holder a pronoun after
      // it finds surer as a described subject.
      if (r.kind == SpeakerRef::kDescription && sure_verb &&
          (SpeaksForOthers(r.name) || (PersonNoun(r.name) && !Titles().contains(r.name)))) {
        size_t j = v;  // past auxiliaries: "has said"
        while (j > s && toks[j - 1].kind == Tok::kWord && Auxiliaries().contains(toks[j - 1].lower)) --j;
        if (auto at = SpeakerStartBefore(toks, j, people_.known_words());
            at && toks[*at].start == r.pos && *at + WordCount(r.mention) == j) {
          return Reported{k, e, Cue{r, v}};
        }
      }
      // "analysts say the figures …", "some experts believe …": an unnamed
      // group right before its verb.
      if (r.kind == SpeakerRef::kDescription && IsGroupDescription(r.mention)) {
        if (auto at = SpeakerStartBefore(toks, v, people_.known_words()); at && toks[*at].start == r.pos) {
          return Reported{k, e, Cue{r, v}};
        }
      }
    }
    return std::nullopt;
  }

  // "…, Tom Hale, the firm's strategist(,) told" and "…, her lawyer, Ann
  // Hale, said": the name set off by commas speaks, not the description,
  // and the reported words end before both. Moves `st` to the name and
  // `cut` to the first of them.
  void AppositiveSpeaker(const std::vector<Tok>& toks, size_t s, size_t v, size_t& st, size_t& cut) const {
    const auto& known = people_.known_words();
    auto comma_before = [&](size_t i) { return i > s + 2 && toks[i - 1].text == ","; };
    auto person = [&](size_t i, size_t end) {  // a person's full name at toks[i], ending at `end`
      const SpeakerRef n = SpeakerForward(toks, i, known);
      return n.kind == SpeakerRef::kName && i + WordCount(n.mention) == end && WordCount(n.name) >= 2 &&
             !IsOrgName(n.name) && !NamesAPlace(n.name);
    };
    // Of someone, not a document, at toks[i]; words SpeakerForward cannot
    // read ("the firm's strategist") count too, as the name before decides.
    auto description = [&](size_t i, size_t end) {
      const SpeakerRef d = SpeakerForward(toks, i, known);
      if (d.kind == SpeakerRef::kNone) return true;
      return d.kind == SpeakerRef::kDescription && i + WordCount(d.mention) == end &&
             !DocumentNouns().contains(d.name) && !FindingNouns().contains(d.name);
    };
    const size_t at = st == v && toks[v - 1].text == "," ? SpeakerStartBefore(toks, v - 1, known).value_or(v) : st;
    if (at >= v || !comma_before(at)) return;
    const size_t at_end = toks[v - 1].text == "," ? v - 1 : v;
    if (person(at, at_end)) {
      st = cut = at;
      // "her lawyer", "the firm's chief": a word for what the person is.
      size_t d = at - 1;
      while (d > s + 2 && toks[d - 1].kind == Tok::kWord && !toks[d - 1].cap && at - d < 5) --d;
      if (comma_before(d) && d < at - 1 &&
          (PersonNounPhraseAt(toks, d) || (d + 2 < at && PersonNounPhraseAt(toks, d + 1)))) {
        cut = d;
      }
    } else if (description(at, at_end)) {
      if (std::optional<size_t> named = SpeakerStartBefore(toks, at - 1, known);
          named && comma_before(*named) && person(*named, at - 1)) {
        st = cut = *named;
      }
    }
  }

  // "clause, X said." / "clause, he went on to say, since …": the cue at the
  // verb toks[v] closes the sentence or its clause.
  std::optional<Reported> ClauseBeforeCue(const std::vector<Tok>& toks, size_t s, size_t e, size_t v,
                                          size_t k) const {
    const auto& known = people_.known_words();
    while (k < e && toks[k].kind == Tok::kWord && (toks[k].lower == "to" || toks[k].lower == "say")) ++k;
    if (toks[v].lower == "told") k = AfterListener(toks, k, e);  // "…, Hale told the Dale Post."
    const bool trailing_adverbial = k < e && toks[k].text != "," && OnlyAdverbialToTheEnd(toks, k, e);
    bool closes = k >= e || toks[k].text == "," || trailing_adverbial;
    if (closes && v >= s + 2) {
      // "…, Tom Hale has said.": the speaker ends before the auxiliaries.
      size_t st = SpeakerStartBefore(toks, v, known).value_or(v);
      if (st == v) st = SpeakerStartBeforeAuxiliaries(toks, s, v, known).value_or(v);
      while (st < v && toks[st].kind == Tok::kWord && Auxiliaries().contains(toks[st].lower)) ++st;
      size_t cut = st;  // where the reported words end
      AppositiveSpeaker(toks, s, v, st, cut);
      if (cut > s + 2 && toks[cut - 1].text == ",") {
        SpeakerRef r = SpeakerForward(toks, st, known);
        // "The plan, Hale says, will fail": a cue inside its sentence
        // reports all of it, not only the words before it.
        // Words too few to report alone ("He thought, he said, …") are left
        // so unless a name, surer than a pronoun or description, speaks.
        // So too where the words before are no clause of their own ("In the
        // end, Hale said, voters …", "If talks fail, Hale said, …") or a
        // "that" clause follows ("It is clear, Hale said, that …").
        const bool goes_on = k + 1 < e && toks[k].text == "," &&
                             (SentenceGoesOn(toks, k, e) || toks[k + 1].lower == "that" ||
                              !HasFiniteVerb(toks, s, cut - 1) || IsSubordinator(toks[s].lower));
        const bool parenthetical = goes_on && (cut >= s + 4 || r.kind == SpeakerRef::kName);
        // "…, Berg argued on Tuesday.": only a name, and after a clause
        // with a verb, not "A fact he mentions on the trail".
        if (trailing_adverbial && (r.kind != SpeakerRef::kName || !HasFiniteVerb(toks, s, cut - 1) ||
                                   !NameEndsBeforeVerb(toks, s, v, r) || !toks[v - 1].cap)) {
          return std::nullopt;  // nor "the mayor's office announced Friday"
        }
        if (r.kind != SpeakerRef::kNone) return Reported{s, parenthetical ? e : cut - 1, Cue{r, v}};
      }
    }
    return std::nullopt;
  }

  // "Hale hit back, saying the claims were false": a participle after a
  // comma reports for the sentence's subject.
  std::optional<Reported> ParticipleReported(const std::vector<Tok>& toks, size_t s, size_t e) const {
    const auto& known = people_.known_words();
    if (std::optional<std::pair<size_t, size_t>> at = ParticipleReport(toks, s, e)) {
      SpeakerRef r = ClauseSubject(toks, s, at->first, known);
      if ((r.kind == SpeakerRef::kName || PersonalPronoun(r)) && toks[s].start == r.pos) {
        return Reported{at->second, e, Cue{r, at->first}};
      }
    }
    return std::nullopt;
  }

  // Resolves cues to people, in text order, and builds the quotes.
  std::vector<Quote> Resolve() {
    const int narrator = LeadNarrator();
    std::vector<Statement*> order;
    for (Statement& s : statements_) order.push_back(&s);
    std::sort(order.begin(), order.end(),
              [](const Statement* a, const Statement* b) { return a->order < b->order; });
    std::vector<Quote> out;
    uint32_t last_end = 0;  // where the statement before ends
    int prev_para = -1;     // the paragraph of the quote before, if any
    for (Statement* st : order) {
      int who = -1;
      std::string mention;
      if (st->cue) {
        not_meant_ = NamedInReportedClause(*st);
        for (int i : NamedInTheQuestion(*st)) not_meant_.push_back(i);
        for (int i : NamedInTheQuote(*st)) not_meant_.push_back(i);
        const SpeakerRef& ref = st->cue->who;
        mention = ref.mention;
        if (st->kind != QuoteKind::kDirect && ref.kind == SpeakerRef::kDescription && ref.org.empty() &&
            NamesNoOne(ref.name)) {
          // "The proposal would help, says the party", "This sentiment
          // drew …": a description of no one is not whoever spoke last,
          // only a speaker named in its own sentence ("Hale says the
          // result offered …").
          who = SpeakerNamedInSentence(ref.pos, st->para);
          if (who >= 0) mention = people_.at(who).name;
        } else {
          who = ResolveRef(ref, st->order, st->para);
          // "A Hale government, she pledged, would …": with no one else she
          // could mean, the one named in what she said.
          if (who < 0 && ref.kind == SpeakerRef::kPronoun && !not_meant_.empty()) {
            not_meant_.clear();
            who = ResolveRef(ref, st->order, st->para);
          }
        }
        not_meant_.clear();
      } else if (st->continuation && last_speaker_ >= 0 && st->para - last_para_ <= 2) {
        who = last_speaker_;
        mention = last_mention_;
      } else if (OpensItsSentence(*st) && !(prev_para == st->para && st->para >= 0)) {
        // "Valdo praised the mayor's record. “We need someone like him.”":
        // with no cue at all, a whole-sentence quote right after a sentence
        // about someone is theirs.
        constexpr uint32_t kReach = 300;  // bytes: the sentence before
        const uint32_t from = std::max(last_end, st->order > kReach ? st->order - kReach : 0);
        auto named_in_full = [](const Person& p) { return !p.org && !p.OnlyAfterThe() && WordCount(p.name) >= 2; };
        who = people_.LastSubjectBetween(from, st->order, named_in_full);
        // "A Dale party spokesman played down the row. “…”": a description
        // of someone as the subject after that.
        const uint32_t named_at =
            people_.LastSubjectPosBetween(from, st->order, named_in_full, /*after_verb_too=*/false);
        for (size_t k = described_subjects_.size(); k-- > 0;) {
          const SpeakerRef& d = described_subjects_[k];
          if (d.pos >= st->order) continue;
          if (d.pos > std::max(from, named_at) && (SpeaksForOthers(d.name) || PersonNoun(d.name)) &&
              !absl::StartsWithIgnoreCase(d.mention, "the ")) {
            if (int described = ResolveRef(d, d.pos, st->para); described >= 0) {
              who = described;
              mention = d.mention;
            }
          }
          break;
        }
      }
      // "Ann Hale looks back on the conductor she served. … “I arrived in 1983
      // …”": in a piece its lead hands to one narrator, a quote in
      // the first person with no cue is theirs while no one else has spoken.
      if (who < 0 && !st->cue && narrator >= 0 && st->kind == QuoteKind::kDirect && InFirstPerson(*st) &&
          absl::c_all_of(speakers_, [narrator](const Spoke& k) { return k.person == narrator; })) {
        who = narrator;
        mention = people_.at(narrator).name;
      }
      last_end = std::max(last_end, StatementEnd(*st));
      prev_para = st->kind == QuoteKind::kIndirect ? -1 : LastPara(*st);
      if (who < 0 && st->kind == QuoteKind::kIndirect) continue;
      if (who >= 0) {
        last_speaker_ = who;
        last_mention_ = mention;
        last_para_ = LastPara(*st);
        speakers_.push_back({who, LastPara(*st), StatementEnd(*st)});
      }
      out.push_back(MakeQuote(*st, who, mention));
    }
    for (Statement& st : nested_) {
      int who = ResolveRef(st.cue->who, st.order, st.para);
      out.push_back(MakeQuote(st, who, st.cue->who.mention));
    }
    std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.start < b.start; });
    return out;
  }

  // The person, named in full, whom one of the first paragraphs makes the
  // subject of a speech verb or of "remembers", "recalls", "talks": the
  // narrator of an interview or a memoir. -1 if none.
  int LeadNarrator() {
    constexpr int kLeadParagraphs = 3;
    static const auto* narrating = new absl::flat_hash_set<std::string>{
        "remembers", "recalls", "reflects", "talks", "speaks", "looks", "describes", "explains", "tells"};
    for (int p = 0; p < std::min<int>(kLeadParagraphs, para_toks_.size()); ++p) {
      const std::vector<Tok>& toks = para_toks_[p];
      for (size_t v = 1; v < toks.size(); ++v) {
        if (toks[v].kind != Tok::kWord || !narrating->contains(toks[v].lower)) continue;
        SpeakerRef r = SubjectOf(toks, SentenceStart(toks, v), v, people_);
        if (r.kind == SpeakerRef::kName && WordCount(r.name) >= 2 && !IsOrgName(r.name)) {
          return ResolveRef(r, toks[v].start, p);
        }
      }
    }
    return -1;
  }

  // Whether a quote speaks in the first person singular ("I", "my", "me").
  bool InFirstPerson(const Statement& st) const {
    for (absl::string_view w : WordsOf(st, " ,.;:!?\n")) {
      const std::string lw = NormalizeText(w);
      if (lw == "i" || lw == "my" || lw == "me" || lw == "i'm" || lw == "i've" || lw == "myself") return true;
    }
    return false;
  }

  // The words of a quote's segments, split at any of `separators`.
  std::vector<absl::string_view> WordsOf(const Statement& st, const char* separators) const {
    std::vector<absl::string_view> words;
    for (int seg : st.segs) {
      const Segment& g = segs_[seg];
      for (absl::string_view w :
           absl::StrSplit(text_.substr(g.start, g.end - g.start), absl::ByAnyChar(separators), absl::SkipEmpty())) {
        words.push_back(w);
      }
    }
    return words;
  }

  // A recent speaker named in the sentence around `pos`, else -1.
  int SpeakerNamedInSentence(uint32_t pos, int para) const {
    constexpr int kSpeakerReach = 3;  // paragraphs
    if (para < 0 || para >= static_cast<int>(para_toks_.size())) return -1;
    const std::vector<Tok>& toks = para_toks_[para];
    size_t k = 0;
    while (k < toks.size() && toks[k].start < pos) ++k;
    if (k >= toks.size()) return -1;
    const size_t e = SentenceEnd(toks, k);
    const uint32_t from = toks[SentenceStart(toks, k)].start;
    const uint32_t to = e < toks.size() ? toks[e].start : toks.back().end;
    const std::vector<int> named = people_.MentionedBetween(from, to);
    for (size_t x = speakers_.size(); x-- > 0;) {
      if (para - speakers_[x].para > kSpeakerReach) break;
      if (absl::c_linear_search(named, speakers_[x].person)) return speakers_[x].person;
    }
    return -1;
  }

  // "Mr Hale has “the same passion” as ever, he said": a pronoun cue after
  // what it reports never means someone named in it; the reporter would
  // have written "he has …, Hale said". Not so after a clause of its own
  // ("Though Ms Berg has lived there for years, …, she said").
  std::vector<int> NamedInReportedClause(const Statement& st) const {
    const SpeakerRef& ref = st.cue->who;
    // A direct quote reports only its own words, where no mention is.
    if (st.kind == QuoteKind::kDirect) return {};
    if (ref.kind != SpeakerRef::kPronoun || (ref.name != "he" && ref.name != "she")) return {};
    const uint32_t content = st.segs.empty() ? st.start : segs_[st.segs.front()].open;
    // "Before leaving, he stressed he had faith in Mr Penn": before what it reports,
    // the pronoun means no one named in it either.
    // Only up to a clause of its own: "…, but ultimately Hale thinks …".
    if (ref.pos <= content) {
      uint32_t end = StatementEnd(st);
      const absl::string_view reported = text_.substr(content, end - content);
      for (absl::string_view cut : {", but ", "; ", " \xE2\x80\x94 ", " - "}) {
        if (size_t at = reported.find(cut); at != absl::string_view::npos) end = std::min<uint32_t>(end, content + at);
      }
      return people_.MentionedBetween(content, end);
    }
    for (int p : {LastPara(st), st.para}) {
      if (p < 0 || p >= static_cast<int>(para_toks_.size())) continue;
      const std::vector<Tok>& toks = para_toks_[p];
      size_t k = 0;
      while (k < toks.size() && toks[k].start < ref.pos) ++k;
      if (k >= toks.size() || toks[k].start != ref.pos) continue;
      // Only the cue that closes its sentence after a comma, ", he said.":
      // "… when, he said, protesters …" reports only what follows it, and in
      // "Hale said he …" the pronoun is no cue at all.
      int32_t before = static_cast<int32_t>(ref.pos);
      while (before > 0) {
        int32_t i = before;
        UChar32 c;
        U8_PREV(text_.data(), 0, i, c);
        if (c != ' ' && MarkOf(c) == Mark::kNone) break;
        before = i;
      }
      if (before == 0 || text_[before - 1] != ',') return {};
      // "The Penn “puppet” attack, he says, is …": a parenthetical cue
      // between the reported clause's subject and its verb reports both.
      const bool between_subject_and_verb =
          k + 3 < toks.size() && toks[k + 2].text == "," && toks[k + 3].kind == Tok::kWord &&
          !toks[k + 3].cap && (Auxiliaries().contains(toks[k + 3].lower) || VerbLike(toks[k + 3].lower));
      for (size_t x = k + 1; !between_subject_and_verb && x < toks.size() && !EndsSentence(toks, x); ++x) {
        if (toks[x].kind != Tok::kWord) return {};
      }
      const size_t s = SentenceStart(toks, k);
      if (toks[s].start > content || IsSubordinator(toks[s].lower)) return {};
      // "Hale said: “…” Its “partial” words, he said": one sentence run
      // over another speaker's quote is two. "Hale said that … “…,” he
      // said" names its speaker twice.
      for (size_t x = s; x < k; ++x) {
        if (toks[x].kind == Tok::kQuote && absl::c_find(st.segs, toks[x].seg) == st.segs.end()) return {};
        if (toks[x].kind == Tok::kWord && SpeechVerbs().contains(toks[x].lower)) return {};
      }
      return people_.MentionedBetween(toks[s].start, ref.pos);
    }
    return {};
  }

  // "Asked whether Berg would win, she said": whoever the question named
  // is not who answers it; the reporter would have written "Asked whether
  // she …".
  std::vector<int> NamedInTheQuestion(const Statement& st) const {
    const SpeakerRef& ref = st.cue->who;
    if (ref.kind != SpeakerRef::kPronoun || (ref.name != "he" && ref.name != "she")) return {};
    for (int p : {st.para, LastPara(st)}) {
      if (p < 0 || p >= static_cast<int>(para_toks_.size())) continue;
      const std::vector<Tok>& toks = para_toks_[p];
      size_t k = 0;
      while (k < toks.size() && toks[k].start < ref.pos) ++k;
      if (k == 0 || k >= toks.size() || toks[k].start != ref.pos) continue;
      const size_t s = SentenceStart(toks, k);
      if (toks[k - 1].text != "," || !(toks[s].lower == "asked" || toks[s].lower == "pressed")) return {};
      return people_.MentionedBetween(toks[s].start, ref.pos);
    }
    return {};
  }

  // "“I had a word with Olof about it,” he said": no one names himself in
  // his own words, so the pronoun means no one whose surname the quote
  // holds, nor whose forename when only one person has it.
  std::vector<int> NamedInTheQuote(const Statement& st) {
    const SpeakerRef& ref = st.cue->who;
    if (st.kind != QuoteKind::kDirect || ref.kind != SpeakerRef::kPronoun || (ref.name != "he" && ref.name != "she")) {
      return {};
    }
    absl::flat_hash_set<std::string> words;  // the capitalised ones, possessives split off
    for (absl::string_view w : WordsOf(st, " ,.;:!?\n\"'()-")) {
      if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) words.insert(NormalizeText(w));
    }
    absl::flat_hash_map<std::string, int> forenames;  // how many people have each
    for (int k = 0; k < people_.size(); ++k) {
      const std::string& name = people_.at(k).name;
      if (WordCount(name) >= 2) ++forenames[NormalizeText(name.substr(0, name.find(' ')))];
    }
    // "Hale is keeping up the pressure. “They say Jo Hale should quit,” he
    // said": the subject just before may name himself; no one calls himself
    // by his forename alone.
    const uint32_t open = segs_[st.segs.front()].open;
    const uint32_t anchor = ref.pos > 0 ? std::min(ref.pos, open) : open;
    constexpr uint32_t kReach = 300;  // bytes: the sentence before
    const int subject = people_.LastSubjectBetween(
        anchor > kReach ? anchor - kReach : 0, anchor, [](const Person&) { return true; }, /*after_verb_too=*/false);
    std::vector<int> named;
    for (int k = 0; k < people_.size(); ++k) {
      const Person& p = people_.at(k);
      if (p.org || p.group || p.thing) continue;
      const std::string forename = WordCount(p.name) >= 2 ? NormalizeText(p.name.substr(0, p.name.find(' '))) : "";
      const bool by_surname = words.contains(LastWord(p.name));
      const bool by_forename = !forename.empty() && forenames[forename] == 1 && words.contains(forename);
      if (by_surname ? k != subject : by_forename) named.push_back(k);
    }
    return named;
  }

  // A direct quote of five words or more that opens with a capital after a
  // sentence's end, a colon or a paragraph's start.
  bool OpensItsSentence(const Statement& st) const {
    if (st.kind != QuoteKind::kDirect || st.segs.empty()) return false;
    const Segment& seg = segs_[st.segs.front()];
    const absl::string_view words = text_.substr(seg.start, seg.end - seg.start);
    if (words.empty() || !absl::ascii_isupper(static_cast<unsigned char>(words[0])) || WordCount(words) < 5) {
      return false;
    }
    uint32_t k = seg.open;
    while (k > 0 && text_[k - 1] == ' ') --k;
    if (!(k == 0 || text_[k - 1] == '\n' || text_[k - 1] == '.' || text_[k - 1] == '!' || text_[k - 1] == '?')) {
      return false;
    }
    // "“…,” said The Libertine's producer": a cue after it that named no one
    // is still its cue.
    const Segment& last = segs_[st.segs.back()];
    const absl::string_view after = text_.substr(last.close, std::min<size_t>(80, text_.size() - last.close));
    for (absl::string_view w : absl::StrSplit(after.substr(0, after.find_first_of(".!?\n")), ' ', absl::SkipEmpty())) {
      if (SpeechVerbs().contains(NormalizeText(absl::StripAsciiWhitespace(w)))) return false;
    }
    return true;
  }

  uint32_t StatementEnd(const Statement& st) const {
    return st.segs.empty() ? st.end : segs_[st.segs.back()].end;
  }

  int LastPara(const Statement& st) const {
    return st.segs.empty() ? st.para : segs_[st.segs.back()].para;
  }

  // Someone who speaks for an organisation ("Lakeside Trust spokeswoman"):
  // a person, not the organisation, whatever words the name holds.
  int AddSpokesperson(const std::string& described, const std::string& head) {
    int who = people_.Add(described, described, head);
    if (who >= 0) people_.at(who).org = false;
    return who;
  }

  // A pronoun or description refers to the most recent fitting speaker of
  // the last few paragraphs, else to the last fitting person mentioned.
  int ResolveRef(const SpeakerRef& ref, uint32_t pos, int para) {
    int who = ResolveRefOnce(ref, pos, para);
    // "wrote the judges", "the critics said": no one named, a group of
    // people known by the description.
    if (who < 0 && ref.kind == SpeakerRef::kDescription && absl::StartsWithIgnoreCase(ref.mention, "the ") &&
        ref.org.empty() && WordCount(ref.mention) == 2 && IsPeopleInPlural(ref.name)) {
      who = people_.Add(WithoutThe(ref.mention), "", ref.name);
      if (who >= 0) people_.at(who).group = true;
    }
    // "Tama Rewi … He told reporters": a gender guessed from a name's
    // ending yields to a pronoun that no one else could mean.
    if (who < 0 && ref.kind == SpeakerRef::kPronoun && (ref.name == "he" || ref.name == "she") &&
        !ignore_guessed_gender_) {
      ignore_guessed_gender_ = true;
      who = ResolveRefOnce(ref, pos, para);
      ignore_guessed_gender_ = false;
    }
    return who;
  }

  int ResolveRefOnce(const SpeakerRef& ref, uint32_t pos, int para) {
    constexpr int kSpeakerReach = 3;  // paragraphs
    if (ref.kind == SpeakerRef::kNone) return -1;
    // "The Spaniard told …": a description of someone named before, not a name.
    if (ref.kind == SpeakerRef::kName && ref.titles.empty() && WordCount(ref.name) == 1 &&
        IsDemonym(NormalizeText(ref.name)) && people_.Find(ref.name) < 0) {  // not a surname
      SpeakerRef described = ref;
      described.kind = SpeakerRef::kDescription;
      described.name = "person";
      return ResolveRefOnce(described, pos, para);
    }
    if (ref.kind == SpeakerRef::kName) {
      // "the League Against Noise said …. The League claimed": the body named
      // in full before whose name's first word this is.
      if (WordCount(ref.name) == 1 && absl::StartsWithIgnoreCase(ref.mention, "the ") &&
          people_.Find(ref.name, ref.titles) < 0) {
        const std::string first = ref.name + " ";
        if (int body = people_.LastMentionBefore(pos, [&first](const Person& p) {
              return p.org && absl::StartsWith(p.name, first);
            });
            body >= 0) {
          return body;
        }
      }
      int i = people_.Find(ref.name, ref.titles);
      if ((i < 0 || WordCount(people_.at(i).name) == 1) && WordCount(ref.name) == 1 && ref.titles.empty()) {
        if (int named = OnlyPersonNamedFirst(ref.name); named >= 0) i = named;
      }
      if (i < 0) i = people_.Add(ref.name, ref.titles, "");
      // "the Center for Open Politics": a body's full name, where only the
      // capitalised run after "for" was seen as a name ("Open Politics").
      if (i >= 0 && IsOrgName(ref.name) && WordCount(ref.name) > WordCount(people_.at(i).name) &&
          (absl::StrContains(ref.name, " of ") || absl::StrContains(ref.name, " for ") ||
           absl::StrContains(ref.name, " Against "))) {
        people_.at(i).name = ref.name;
        people_.at(i).org = true;
      }
      return i;
    }
    // "a BBC statement read", "the Dale Post report, which notes", "a
    // statement from Jo Pratt": whose text it is. "The newsletter says"
    // after "a Vale Party newsletter": the one named with it before.
    if (ref.kind == SpeakerRef::kDescription && DocumentNouns().contains(ref.name)) {
      SpeakerRef owner = ref;
      if (owner.org.empty()) owner.org = CapitalisedQualifier(ref.mention);
      if (owner.org.empty() && absl::StartsWithIgnoreCase(ref.mention, "the ")) {
        owner.org = IssuerNamedEarlier(ref.name, pos, /*qualifier_too=*/true);
      }
      if (!owner.org.empty()) return IssuerOf(owner);
    }
    // "The report says" after "the Dale Audit Office published a report":
    // the "Dale Audit Office report". A finding's qualifier ("a Dale poll")
    // may name only where it was taken, so only an issuer counts.
    if (ref.kind == SpeakerRef::kDescription && FindingNouns().contains(ref.name) && ref.org.empty() &&
        WordCount(ref.mention) == 2 && absl::StartsWithIgnoreCase(ref.mention, "the ")) {
      SpeakerRef owner = ref;
      owner.org = IssuerNamedEarlier(ref.name, pos, /*qualifier_too=*/false);
      if (!owner.org.empty()) return IssuerOf(owner);
    }
    // "Vale Brother's spokeswoman said": whoever speaks for the owner, a
    // person, not the owner.
    if (ref.kind == SpeakerRef::kDescription && !ref.org.empty() && !IsDeterminerPhrase(ref.mention)) {
      // "Ned Vole's mother said": she, not he.
      if (const Gender kin = KinGender(ref.name); kin != Gender::kUnknown) {
        const int who = AddSpokesperson(absl::StrCat(ref.org, "'s ", ref.name), ref.name);
        if (who >= 0) people_.at(who).gender = people_.at(who).sure = kin;
        return who;
      }
      return AddSpokesperson(ref.org + " " + ref.name, ref.name);
    }
    // "an IMF official said", "a Conservative spokeswoman said": someone new,
    // known by the description; "the official" later means them.
    if (ref.kind == SpeakerRef::kDescription &&
        (absl::StartsWithIgnoreCase(ref.mention, "a ") || absl::StartsWithIgnoreCase(ref.mention, "an ") ||
         absl::StartsWithIgnoreCase(ref.mention, "one "))) {
      if (!ref.org.empty() && FindingNouns().contains(ref.name)) return IssuerOf(ref);
      if (!ref.org.empty()) {
        // "a spokeswoman for the Lakeside Trust" → "Lakeside Trust spokeswoman"
        std::string base = ref.mention.substr(0, ref.mention.rfind(" " + ref.org));
        for (absl::string_view tail : {" the", " for", " of", " at"}) {
          if (absl::EndsWith(base, tail)) base.resize(base.size() - tail.size());
        }
        base = base.substr(base.find(' ') + 1);  // without "a"
        return AddSpokesperson(WithoutApostropheS(ref.org) + " " + base, ref.name);
      }
      const std::string described = ref.mention.substr(ref.mention.find(' ') + 1);
      const std::string& head = ref.name;
      // "a Labour Party spokesman": a person, whatever words the party's name holds.
      if (SpeaksForOthers(head) || (PersonNoun(head) && !OrgWords().contains(head))) {
        return AddSpokesperson(described, head);
      }
      int who = people_.Add(described, described, head);
      // "a survey by …", "a new report": a thing, never "he" or "she".
      if (who >= 0 && (DocumentNouns().contains(head) || FindingNouns().contains(head) ||
                       OrgWords().contains(head) || GenericOrgNouns().contains(head))) {
        people_.at(who).thing = true;
      }
      return who;
    }
    // "another source said", "some officials said": not the source before.
    if (ref.kind == SpeakerRef::kDescription &&
        (absl::StartsWithIgnoreCase(ref.mention, "another ") || IsGroupDescription(ref.mention))) {
      std::string described = absl::AsciiStrToLower(ref.mention);
      int who = people_.Add(described, described.substr(described.find(' ') + 1), ref.name);
      if (who >= 0 && IsGroupDescription(ref.mention)) people_.at(who).group = true;
      return who;
    }
    // "Workers objected to the move. They also said …": a plural noun that
    // a verb follows, just before, is whom "they" means.
    if (ref.kind == SpeakerRef::kPronoun && ref.name == "they") {
      if (std::string group = PluralSubjectBefore(ref.pos > 0 ? ref.pos : pos, para); !group.empty()) {
        if (int who = people_.Add(group, group, group.substr(group.rfind(' ') + 1)); who >= 0) {
          people_.at(who).group = true;
          return who;
        }
      }
    }
    std::function<bool(const Person&)> fits;
    if (ref.kind == SpeakerRef::kPronoun) {
      Gender want = ref.name == "he" ? Gender::kMale : ref.name == "she" ? Gender::kFemale
                                                                         : Gender::kUnknown;
      if (ref.name == "it") {
        // "it said": an organisation, or a one-word name nobody titled.
        fits = [](const Person& p) {
          if (p.group) return false;
          return p.org || p.OnlyAfterThe() ||
                 (WordCount(p.name) == 1 && p.gender == Gender::kUnknown && p.roles.empty());
        };
      } else {
        // "He thought that … to help Ms Ray, and the result, as he later
        // explained, …": a pronoun repeating the one its sentence opened
        // with means the same person, not someone named in between.
        if ((ref.name == "he" || ref.name == "she") && para >= 0 && para < static_cast<int>(para_toks_.size())) {
          const std::vector<Tok>& toks = para_toks_[para];
          size_t at = 0;
          while (at < toks.size() && toks[at].start < ref.pos) ++at;
          if (at < toks.size() && toks[at].start == ref.pos && !toks[at].sentence_start) {
            size_t first = at;
            for (size_t k = at; k-- > 0;) {
              if (toks[k].kind == Tok::kWord && toks[k].lower == ref.name) first = k;
              if (toks[k].sentence_start || toks[k].after_full_quote) break;
            }
            if (first < at) pos = std::min(pos, toks[first].start);
          }
        }
        fits = [this, want, they = ref.name == "they"](const Person& p) {
          if (IsPlace(p) || IsWork(p) || (!they && p.sure == Gender::kUnknown && NamesAPlace(p.name))) return false;
          if (they) return true;
          // "EA", "IDC", "BBC Radio": letters for a body, never "he" or "she";
          // not "JAKE TAPPER" in a transcript.
          const std::string first = p.name.substr(0, p.name.find(' '));
          if (p.sure == Gender::kUnknown && absl::c_none_of(first, [](char c) { return absl::ascii_islower(c); }) &&
              (WordCount(p.name) == 1 ||
               (first.size() >= 3 && absl::c_any_of(p.name, [](char c) { return absl::ascii_islower(c); })))) {
            return false;
          }
          const Gender gender = ignore_guessed_gender_ ? p.sure : p.gender;
          return !p.org && !p.thing && !p.group && !p.OnlyAfterThe() &&
                 (gender == want || (gender == Gender::kUnknown && MayBeSomeone(p)));
        };
        if (!not_meant_.empty()) {
          fits = [this, inner = std::move(fits)](const Person& p) {
            for (int i : not_meant_) {
              if (&people_.at(i) == &p) return false;
            }
            return inner(p);
          };
        }
      }
    } else if (OrgWords().contains(ref.name) && !GenericOrgNouns().contains(ref.name)) {
      // "the government said", "the Cruz campaign said": the latest
      // organisation of that kind, else the description names a new one.
      const std::string noun = ref.name;
      int org = people_.LastMentionBefore(pos, [&noun](const Person& p) {
        return p.org && absl::StrContains(absl::AsciiStrToLower(p.name), noun);
      });
      if (org >= 0) return org;
      // "the Hale campaign said …. “…,” the campaign said": one that has spoken.
      for (int k = people_.size(); k-- > 0;) {
        const Person& p = people_.at(k);
        if (p.org && absl::EndsWith(absl::AsciiStrToLower(p.name), " " + noun)) return k;
      }
      // "United Widget Makers said …. “…,” the organization wrote": the
      // word for any organisation means the one last named.
      if (noun == "organization" || noun == "organisation") {
        org = people_.LastMentionBefore(pos, [](const Person& p) { return p.org; });
        if (org >= 0) return org;
      }
      return people_.Add(WithoutThe(ref.mention), "", "");
    } else {
      const std::string noun = ref.name;
      // "the firm said": the body that spoke last, if near ("Umbro said …
      // The firm …"), else the organisation last named, if any; an event
      // or a work ("the World Cup", "the Golden Globe awards") is no firm.
      if (GenericOrgNouns().contains(noun)) {
        // "the company" is never a court, a party or a ministry.
        const bool business = noun != "agency" && noun != "regulator" && noun != "network";
        auto body = [business](const Person& p) {
          return !p.group && !IsEventOrWork(p.name) &&
                 !(business && (IsPublicBody(p.name) || EndsLikeAPlace(p.name))) &&
                 (p.org || (WordCount(p.name) == 1 && p.gender == Gender::kUnknown && p.roles.empty()));
        };
        for (size_t k = speakers_.size(); k-- > 0;) {
          if (para - speakers_[k].para > 1) break;
          const Person& p = people_.at(speakers_[k].person);
          if (!body(p)) continue;
          // "the Dalebank survey found …. The bank said": Dalebank, not its survey.
          if (const std::string& name = p.name;
              WordCount(name) >= 2 && FindingNouns().contains(LastWordLower(name))) {
            if (int issuer = people_.Add(name.substr(0, name.rfind(' ')), "", ""); issuer >= 0) {
              people_.at(issuer).org = true;
              return issuer;
            }
          }
          return speakers_[k].person;
        }
        int org = people_.LastMentionBefore(pos, [business](const Person& p) {
          return p.org && !IsEventOrWork(p.name) && !(business && (IsPublicBody(p.name) || EndsLikeAPlace(p.name)));
        });
        if (org >= 0) return org;
      }
      // "according to the same poll": the poll last named, never a person.
      if (FindingNouns().contains(noun)) return NamedFinding(noun, pos, para, ref.mention);
      fits = [noun](const Person& p) {
        for (const std::string& role : p.roles) {
          if (absl::StrContains(role, noun)) return true;
        }
        return false;
      };
      // "greeted by an organizer. “…,” the organizer said": someone new,
      // brought in since the last speaker spoke, and known only so.
      if (!absl::c_any_of(speakers_, [&](const Spoke& k) { return fits(people_.at(k.person)); })) {
        const uint32_t last_spoke = speakers_.empty() ? 0 : speakers_.back().end;
        for (auto it = introduced_.rbegin(); it != introduced_.rend(); ++it) {
          if (it->first >= pos) continue;
          if (it->first < last_spoke) break;
          if (it->second == noun) return people_.Add(noun, noun, noun);
        }
      }
      // "the letter said", "the lawsuit says": whoever spoke in this
      // paragraph or the one before, else whoever the sentence that last
      // named the document named before it ("Hale released a statement"),
      // else the document itself — not whoever spoke paragraphs before.
      if (DocumentNouns().contains(noun) && !absl::c_any_of(speakers_, [&](const Spoke& k) {
            return fits(people_.at(k.person));
          })) {
        if (!speakers_.empty() && para - speakers_.back().para <= 1) return speakers_.back().person;
        const uint32_t before = std::min(pos, ref.pos > 0 ? ref.pos : pos);
        for (int p = std::min(para, static_cast<int>(para_toks_.size()) - 1); p >= 0 && para - p <= kSpeakerReach; --p) {
          const std::vector<Tok>& toks = para_toks_[p];
          size_t k = toks.size();
          while (k-- > 0 && !(toks[k].start < before && toks[k].kind == Tok::kWord && toks[k].lower == noun)) {
          }
          if (k >= toks.size()) continue;
          size_t s = k;
          while (s > 0 && !toks[s].sentence_start && !toks[s].after_full_quote) --s;
          int issuer = people_.LastMentionBetween(toks[s].start, toks[k].start, [this](const Person& p) {
            return p.org || p.gender != Gender::kUnknown || HasSpoken(p);
          });
          if (issuer >= 0) return issuer;
          break;
        }
        const std::string name = WithoutThe(ref.mention);
        return people_.Add(name, name, "");
      }
      // A description whose noun no role names: the speaker being followed.
      for (size_t k = speakers_.size(); k-- > 0;) {
        if (fits(people_.at(speakers_[k].person))) return speakers_[k].person;
      }
      // "Lund, ranked 158th, was forced out …. “…,” said the 20-year-old":
      // a description of a person means one made a sentence's subject
      // since the last speaker spoke, if near.
      if (DescribesAPerson(noun)) {
        constexpr uint32_t kReach = 500;  // bytes
        // Before the description itself: in "the writer said Big Brother
        // had …" the subject after it is what she spoke of.
        const uint32_t upto = ref.pos > 0 ? std::min(pos, ref.pos) : pos;
        uint32_t since = speakers_.empty() ? 0 : speakers_.back().end;
        since = std::max(since, upto > kReach ? upto - kReach : 0);
        int subject = people_.LastSubjectBetween(since, upto, [this](const Person& p) {
          return !p.org && !p.thing && !p.OnlyAfterThe() && !IsPlace(p) && WordCount(p.name) >= 2 &&
                 PlainName(p.name);
        });
        if (subject >= 0) return subject;
      }
      // "“…,” said the senior Hale adviser", "the second official said": one
      // who speaks for others and whom no role names is someone unnamed,
      // not whoever spoke last.
      if (SpeaksForOthers(noun)) {
        if (int holder = people_.LastMentionBefore(pos, fits); holder >= 0) return holder;
        return AddSpokesperson(ref.mention.substr(ref.mention.find(' ') + 1), noun);
      }
      // "the panel said", "the paper reported": a body, not the man or woman
      // who spoke last.
      if (IsPanelOrPaper(noun) &&
          (speakers_.empty() || (!people_.at(speakers_.back().person).org &&
                                 people_.at(speakers_.back().person).gender != Gender::kUnknown))) {
        int who = people_.Add(WithoutThe(ref.mention), "", "");
        if (who >= 0) people_.at(who).org = true;
        return who;
      }
      // "Tory leader Ned Howe …. The Tory leader went on": one named with
      // all the description's words as a role, before whoever spoke last.
      if (absl::StartsWithIgnoreCase(ref.mention, "the ") && WordCount(ref.mention) >= 3) {
        if (int holder = RoleHolder(ref, pos, /*ending=*/true); holder >= 0) return holder;
      }
      // The last speaker near, passing over unnamed groups.
      for (size_t k = speakers_.size(); k-- > 0 && para - speakers_[k].para <= kSpeakerReach;) {
        if (!people_.at(speakers_[k].person).group) return speakers_[k].person;
      }
      return people_.LastMentionBefore(pos, fits);
    }
    if (ref.name == "he" || ref.name == "she") {
      if (int introduced = IntroducedJustBefore(ref, para, fits); introduced >= 0) return introduced;
    }
    // A fitting person made the subject of a sentence since the last
    // fitting speaker spoke ("Mr Gref was keen to … It was badly handled, he
    // said") is whom the pronoun means, if near.
    constexpr uint32_t kSubjectReach = 400;  // bytes
    uint32_t since = pos > kSubjectReach ? pos - kSubjectReach : 0;
    for (size_t k = speakers_.size(); k-- > 0;) {
      if (fits(people_.at(speakers_[k].person))) {
        since = std::max(since, speakers_[k].end);
        break;
      }
    }
    // A description made the subject after that ("The home secretary has
    // admitted …. He has apologised") means the person holding that role.
    const uint32_t named_at = people_.LastSubjectPosBetween(since, pos, fits, /*after_verb_too=*/false);
    // A surname nobody gave in full, opening a sentence of this paragraph
    // after that ("Carter dodged the question. “…,” he said").
    if (ref.name == "he" || ref.name == "she") {
      uint32_t floor = std::max(since, named_at);
      for (const SpeakerRef& d : described_subjects_) {
        if (d.pos < pos) floor = std::max(floor, d.pos);
      }
      for (size_t k = lone_subjects_.size(); k-- > 0;) {
        const LoneName& l = lone_subjects_[k];
        if (l.pos >= pos) continue;
        if (l.pos > floor && l.para == para) {
          if (int who = people_.Add(l.name, "", ""); who >= 0 && fits(people_.at(who))) return who;
        }
        break;
      }
    }
    for (size_t k = described_subjects_.size(); k-- > 0;) {
      const SpeakerRef& d = described_subjects_[k];
      if (d.pos >= pos) continue;
      if (d.pos <= std::max(since, named_at)) break;
      const bool definite = absl::StartsWithIgnoreCase(d.mention, "the ");
      if (int holder = definite ? RoleHolder(d, pos) : ResolveRef(d, d.pos, para); holder >= 0) {
        if (fits(people_.at(holder))) return holder;
        break;
      }
      // "But the rules did allow …" names no one: look further back.
    }
    if (int subject = people_.LastSubjectBetween(since, pos, fits, /*after_verb_too=*/false); subject >= 0) {
      return subject;
    }
    for (size_t k = speakers_.size(); k-- > 0;) {
      if (para - speakers_[k].para > kSpeakerReach) break;
      if (fits(people_.at(speakers_[k].person))) return speakers_[k].person;
    }
    // "Dale Doughnuts said …. It also warned": before a body only mentioned,
    // one that spoke lately, though nothing in its name marks it as a body.
    if (ref.name == "it") {
      for (size_t k = speakers_.size(); k-- > 0 && para - speakers_[k].para <= kSpeakerReach;) {
        const Person& p = people_.at(speakers_[k].person);
        if (p.gender == Gender::kUnknown && p.roles.empty() && !p.group && !p.thing && !IsPlace(p)) {
          return speakers_[k].person;
        }
      }
    }
    return people_.LastMentionBefore(pos, fits);
  }

  // "One dissenting view came from Ben Kale, head of research at Dalemark.
  // He said: …": someone first named in full, with what they are, in the
  // sentence just before the pronoun's is whom it means, unless the last
  // speaker is named there too or the pronoun's sentence names someone it
  // could mean first. -1 if none or more than one.
  int IntroducedJustBefore(const SpeakerRef& ref, int para, const std::function<bool(const Person&)>& fits) {
    if (para < 0 || para >= static_cast<int>(para_toks_.size())) return -1;
    const std::vector<Tok>& toks = para_toks_[para];
    size_t at = 0;
    while (at < toks.size() && toks[at].start < ref.pos) ++at;
    if (at == 0 || at >= toks.size() || toks[at].start != ref.pos) return -1;
    // "But while he tipped Vale, he said …": the sentence names no one
    // before the pronoun.
    const size_t opens = SentenceStart(toks, at);
    if (opens == 0) return -1;
    for (size_t x = opens + 1; x < at; ++x) {
      if (toks[x].kind == Tok::kQuote) return -1;
      if (toks[x].kind == Tok::kWord && Pronouns().contains(toks[x].lower) && toks[x].lower != ref.name) return -1;
    }
    for (int k : people_.MentionedBetween(toks[opens].start, ref.pos)) {
      if (fits(people_.at(k))) return -1;
    }
    at = opens;
    const size_t from = SentenceStart(toks, at - 1);
    const std::vector<int> named = people_.MentionedBetween(toks[from].start, toks[at].start);
    if (!speakers_.empty() && absl::c_linear_search(named, speakers_.back().person)) return -1;
    // Not after "Hale brought in Ben Kale, …" or "She hired …": the
    // sentence is about its subject, whom the pronoun may go on with.
    if (toks[from].lower == ref.name) return -1;
    const int subject =
        people_.LastSubjectBetween(toks[from].start > 0 ? toks[from].start - 1 : 0, toks[at].start, fits,
                                   /*after_verb_too=*/false);
    if (subject >= 0 && absl::c_any_of(named, [subject](int k) { return k != subject; })) return -1;
    int found = -1;
    for (int k : named) {  // one entry per mention: a person may come twice
      const Person& p = people_.at(k);
      if (k == found || WordCount(p.name) < 2 || !fits(p) || people_.FirstMentionPos(k) < toks[from].start) continue;
      const std::string surname = LastWord(p.name);
      for (size_t x = from; x + 2 < at; ++x) {
        if (toks[x].kind == Tok::kWord && NormalizeText(toks[x].text) == surname && toks[x + 1].text == "," &&
            toks[x + 2].kind == Tok::kWord && !toks[x + 2].cap && toks[x + 2].lower != "and" &&
            toks[x + 2].lower != "but" && toks[x + 2].lower != "or") {
          if (found >= 0) return -1;
          found = k;
          break;
        }
      }
    }
    return found;
  }

  // "Glenn Campbell said …. Glenn said": a word no one's surname, alone,
  // means the one man or woman named in full with it first; -1 if none or
  // more than one is.
  int OnlyPersonNamedFirst(const std::string& word) {
    const std::string lower = NormalizeText(word);
    const bool forename = MaleForenames().contains(lower) || FemaleForenames().contains(lower);
    const std::string first = word + " ";
    int only = -1;
    for (int k = 0; k < people_.size(); ++k) {
      const Person& p = people_.at(k);
      if (!p.org && !p.group && (p.sure != Gender::kUnknown || forename) && absl::StartsWith(p.name, first) &&
          !SpeaksForOthers(LastWordLower(p.name))) {
        if (only >= 0) return -1;
        only = k;
      }
    }
    return only;
  }

  bool HasSpoken(const Person& p) {
    return absl::c_any_of(speakers_, [&](const Spoke& k) { return &people_.at(k.person) == &p; });
  }

  // Who issued the `noun` ("report", "letter") last mentioned before `pos`
  // with its issuer: "a report by the Dale Audit Office", "the Dale Audit
  // Office published a report", and with `qualifier_too` "a Vale Party
  // members' newsletter"; "" if none.
  std::string IssuerNamedEarlier(const std::string& noun, uint32_t pos, bool qualifier_too) const {
    constexpr int kReach = 3;  // paragraphs
    int reached = 0;
    for (size_t p = para_toks_.size(); p-- > 0 && reached < kReach;) {
      const std::vector<Tok>& toks = para_toks_[p];
      if (toks.empty() || toks.front().start >= pos) continue;
      ++reached;
      for (size_t i = toks.size(); i-- > 0;) {
        // Not "An Open Letter from …", a title.
        if (toks[i].start >= pos || toks[i].kind != Tok::kWord || toks[i].lower != noun || toks[i].cap) continue;
        if (std::string issuer = IssuerAround(toks, i, qualifier_too); !issuer.empty()) return issuer;
      }
    }
    return "";
  }

  // The issuer named with the document noun at toks[i], or "".
  static std::string IssuerAround(const std::vector<Tok>& toks, size_t i, bool qualifier_too) {
    auto cap_run_ending_at = [&toks](size_t end) {  // [start, end)
      size_t b = end;
      while (b > 0 && toks[b - 1].kind == Tok::kWord && toks[b - 1].cap &&
             !NotNames().contains(toks[b - 1].lower) && end - b < 6) {
        --b;
      }
      std::vector<std::string> run;
      for (size_t k = b; k < end; ++k) run.push_back(toks[k].text);
      return absl::StrJoin(run, " ");
    };
    // Before the noun: at most three lower-case modifiers ("members'", "new").
    size_t j = i;
    while (j > 0 && i - j < 3) {
      const Tok& t = toks[j - 1];
      // "members'": a plural's apostrophe.
      const bool apostrophe = t.kind != Tok::kWord && (t.text == "'" || t.text == "\xE2\x80\x99") && j > 1 &&
                              toks[j - 2].kind == Tok::kWord && absl::EndsWith(toks[j - 2].lower, "s");
      if (!apostrophe && (t.kind != Tok::kWord || t.cap || Prepositions().contains(t.lower) ||
                          Auxiliaries().contains(t.lower) || IsVerbAt(toks, j - 1))) {
        break;
      }
      --j;
    }
    if (qualifier_too && j > 0 && toks[j - 1].kind == Tok::kWord && toks[j - 1].cap) {
      std::string run = cap_run_ending_at(j);
      // "a Hale campaign memo": the campaign's, not Hale's.
      if (!run.empty() && j < i && toks[j].kind == Tok::kWord &&
          (BodyOfSomeone().contains(toks[j].lower) || OrgWords().contains(toks[j].lower))) {
        run = WithoutApostropheS(run) + " " + toks[j].text;
      }
      if (!run.empty()) return WithoutApostropheS(run);
    }
    // After it: "by the Dale Audit Office", "from the Home Office".
    size_t k = i + 1;
    if (k < toks.size() && toks[k].text == ",") ++k;
    size_t by = IssuerPrepositionAt(toks, k);
    // "postmarked from Dover", "sent from Dale": a place it came from.
    if (by < toks.size() && toks[by].lower == "from" && by > k) by = toks.size();
    if (by + 1 < toks.size()) {
      size_t c = by + 1;
      if (toks[c].lower == "the") ++c;
      // "by phone giant Daletel", "by think-tank Valeview": past the
      // words that say what the issuer is.
      for (size_t x = c; x < toks.size() && x < c + 3 && toks[x].kind == Tok::kWord && !toks[x].cap; ++x) {
        if (x + 1 < toks.size() && toks[x + 1].kind == Tok::kWord && toks[x + 1].cap) {
          c = x + 1;
          break;
        }
      }
      // "by Dale Post journalist Ana Reis": the person, not the paper.
      if (RoleNounThenName(toks, c)) {
        while (toks[c].cap) ++c;
        while (!toks[c].cap) ++c;
      }
      size_t e = c;
      while (e < toks.size() && toks[e].kind == Tok::kWord && toks[e].cap && e < c + 6) ++e;
      if (e > c) return cap_run_ending_at(e);
    }
    // "The Dale Audit Office published a report": the subject of an issuing verb.
    static const auto* issuing = new absl::flat_hash_set<std::string>{
        "published", "released", "issued", "produced", "commissioned", "sent", "wrote", "compiled",
        "publishes", "releases", "issues", "produces", "sends", "writes"};
    size_t d = j;
    if (d > 0 && toks[d - 1].kind == Tok::kWord &&
        (toks[d - 1].lower == "a" || toks[d - 1].lower == "an" || toks[d - 1].lower == "its" ||
         toks[d - 1].lower == "their" || toks[d - 1].lower == "the")) {
      --d;
    }
    if (d > 1 && toks[d - 1].kind == Tok::kWord && issuing->contains(toks[d - 1].lower)) {
      size_t v = d - 1;
      while (v > 0 && toks[v - 1].kind == Tok::kWord && Auxiliaries().contains(toks[v - 1].lower)) --v;
      if (v > 0 && toks[v - 1].kind == Tok::kWord && toks[v - 1].cap) return WithoutApostropheS(cap_run_ending_at(v));
    }
    return "";
  }

  // "a statement from Jo Pratt" speaks for Jo Pratt; "a survey by Harbor
  // Analytics" is the "Harbor Analytics survey", a finding, not a person.
  int IssuerOf(const SpeakerRef& ref) {
    const std::string org = WithoutApostropheS(ref.org);
    if (DocumentNouns().contains(ref.name)) {
      int who = people_.Find(org);
      return who >= 0 ? who : people_.Add(org, "", "");
    }
    const std::string name = org + " " + ref.name;
    int who = people_.Add(name, "", "");
    if (who >= 0) people_.at(who).org = true;
    return who;
  }

  // Whether "he" or "she" may mean `p`, whom nothing genders: not a name
  // of two words or more whose first word the text also writes in lower
  // case ("Night Racing", "Off Message"; a forename seldom is one, while
  // later words may be: "Tin May"), unless a title or role came with it.
  bool MayBeSomeone(const Person& p) const {
    if (WordCount(p.name) < 2 || !p.roles.empty()) return true;
    return PlainName(p.name.substr(0, p.name.find(' ')));
  }

  // A run of words none of which the text also writes in lower case or
  // uses for roles and parties: "Real Dale" or "Big Brother" is no name.
  bool PlainName(absl::string_view name) const {
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      const std::string lw = NormalizeText(w);
      if (lowercase_words_.contains(lw) || NotNames().contains(lw) || Titles().contains(lw) ||
          Affiliations().contains(lw)) {
        return false;
      }
    }
    return true;
  }

  // The plural noun phrase last made a subject before `pos`, in this
  // sentence or the one before ("Other Republican candidates said …",
  // "his advisers say"): its words without the determiner, or "".
  std::string PluralSubjectBefore(uint32_t pos, int para) const {
    if (para < 0 || para >= static_cast<int>(para_toks_.size())) return "";
    const std::vector<Tok>& toks = para_toks_[para];
    size_t k = 0;
    while (k < toks.size() && toks[k].start < pos) ++k;
    int starts = 0;
    for (size_t i = k; i-- > 0;) {
      if (toks[i].sentence_start && ++starts > 2) break;
      if (i + 1 >= toks.size() || !PluralNoun(toks[i])) continue;
      const Tok& next = toks[i + 1];
      const bool verb = next.kind == Tok::kWord && !next.cap &&
                        (IsVerbAt(toks, i + 1) || Auxiliaries().contains(next.lower) ||
                         absl::EndsWith(next.lower, "ed"));
      if (!verb) continue;
      // Not an object: "voted for the candidates said", "some of the groups".
      size_t b = i;
      std::vector<std::string> words = {toks[i].cap && !toks[i].sentence_start ? toks[i].text : toks[i].lower};
      while (b > 0 && toks[b - 1].kind == Tok::kWord && words.size() < 3 && !toks[b - 1].sentence_start &&
             !IsPreposition(toks[b - 1].lower) && !NotNames().contains(toks[b - 1].lower) &&
             !IsVerbAt(toks, b - 1) && !Auxiliaries().contains(toks[b - 1].lower) && !IsPossessive(toks[b - 1])) {
        words.insert(words.begin(), toks[b - 1].text);
        --b;
      }
      // "one of the few co-authors": past determiners, a preposition makes an object.
      size_t d = b;
      while (d > 0 && toks[d - 1].kind == Tok::kWord && Prepositions().contains(toks[d - 1].lower) &&
             !IsPreposition(toks[d - 1].lower)) {
        --d;
      }
      if (d > 0 && toks[d - 1].kind == Tok::kWord && IsPreposition(toks[d - 1].lower)) continue;
      if (b > 0 && toks[b - 1].kind == Tok::kWord &&
          (IsPreposition(toks[b - 1].lower) || IsVerbAt(toks, b - 1) || SpeechVerbs().contains(toks[b - 1].lower))) {
        continue;  // "prosecutors said investigators were …": the clause's subject, not the speaker
      }
      if (b > 0 && toks[b - 1].kind == Tok::kWord && !toks[b - 1].sentence_start &&
          !NotNames().contains(toks[b - 1].lower) && !IsPossessive(toks[b - 1])) {
        continue;  // "… said members criticised": mid-clause, an object
      }
      if (b > 0 && toks[b - 1].kind == Tok::kWord && toks[b - 1].sentence_start &&
          !NotNames().contains(toks[b - 1].lower)) {
        // "Former prosecutors": capitalised only for opening the sentence.
        const std::string& w = toks[b - 1].text;
        const bool proper = capitalised_midsentence_.contains(toks[b - 1].lower) ||
                            (w.size() > 1 && absl::ascii_isupper(static_cast<unsigned char>(w[1])));  // "US"
        words.insert(words.begin(), proper ? toks[b - 1].text : toks[b - 1].lower);
      }
      return absl::StrJoin(words, " ");
    }
    return "";
  }

  // "workers", "officials", "groups": a lower-case plural noun, not a verb
  // ("says") or a word that merely ends in s ("this", "always").
  static bool PluralNoun(const Tok& t) {
    static const auto* not_plurals = new absl::flat_hash_set<std::string>{
        "this", "always", "perhaps", "us", "its", "his", "hers", "yours", "ours", "theirs", "was",
        "has", "does", "is", "as", "less", "unless", "thus", "news", "series", "various", "across",
        "towards", "afterwards", "sometimes", "nevertheless", "besides", "whereas", "years", "times",
        "months", "weeks", "days", "hours", "minutes", "percent", "points", "votes", "results", "polls"};
    const std::string& w = t.lower;
    // "Workers said" opens a sentence; "MPs said": an acronym's plural.
    const bool acronym = t.text.size() >= 3 && t.text.back() == 's' &&
                         absl::c_all_of(t.text.substr(0, t.text.size() - 1),
                                        [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); });
    if (acronym) return true;
    return t.kind == Tok::kWord && (!t.cap || t.sentence_start) && w.size() > 4 && absl::EndsWith(w, "s") &&
           !absl::EndsWith(w, "ss") &&
           !absl::EndsWith(w, "us") && !absl::EndsWith(w, "is") && !absl::EndsWith(w, "'s") &&
           !not_plurals->contains(w) && !SpeechVerbs().contains(w) && !Auxiliaries().contains(w) &&
           !FindingNouns().contains(w) && !DocumentNouns().contains(w) && PeopleNoun(w);
  }

  // A plural of people or of bodies of them: "analysts", "workers",
  // "companies", "unions"; not "cases", "plans" or "delegates".
  static bool PeopleNoun(const std::string& plural) {
    std::string one = absl::EndsWith(plural, "ies") ? plural.substr(0, plural.size() - 3) + "y"
                                                     : plural.substr(0, plural.size() - 1);
    static const auto* bodies = new absl::flat_hash_set<std::string>{"group", "union", "party", "ally", "family"};
    return PersonNoun(one) || Titles().contains(one) || GenericOrgNouns().contains(one) || bodies->contains(one);
  }

  // A name the text puts after "in" or "at" and never genders: a place.
  bool IsPlace(const Person& p) const {
    return p.gender == Gender::kUnknown && p.sure == Gender::kUnknown && places_.contains(NormalizeText(p.name));
  }

  bool IsWork(const Person& p) const {
    return p.sure == Gender::kUnknown && works_.contains(NormalizeText(p.name));
  }

  // The finding (a poll, a survey) `noun` last named with capitalised words
  // before `pos` ("a new Harbor Times poll" → "Harbor Times poll"); else the
  // organisation quoted just before; else the description's own words ("new
  // poll").
  int NamedFinding(const std::string& noun, uint32_t pos, int para, const std::string& mention) {
    std::string name;
    // "the ADB report": the description names it itself.
    std::vector<absl::string_view> own = absl::StrSplit(mention, ' ', absl::SkipEmpty());
    if (own.size() > 2 && std::any_of(own.begin() + 1, own.end() - 1, [](absl::string_view w) {
          return absl::ascii_isupper(static_cast<unsigned char>(w[0]));
        })) {
      name = absl::StrJoin(own.begin() + 1, own.end(), " ");
    }
    const std::string own_name = name;
    for (const auto& toks : para_toks_) {
      for (size_t i = 0; i < toks.size() && toks[i].start < pos && own_name.empty(); ++i) {
        if (toks[i].lower != noun || toks[i].kind != Tok::kWord) continue;
        // "the Harbor Times poll", "the IMF's report"
        std::vector<std::string> words;
        size_t k = i;
        if (k > 0 && toks[k - 1].kind == Tok::kWord && toks[k - 1].cap && IsPossessive(toks[k - 1])) {
          words.push_back(WithoutPossessive(toks[--k].text));
        }
        while (k > 0 && toks[k - 1].kind == Tok::kWord && toks[k - 1].cap && !toks[k - 1].sentence_start &&
               !IsPossessive(toks[k - 1])) {
          words.insert(words.begin(), toks[--k].text);
          // "the Forum for the Vale Coast report", "the Bank of Dale survey": a
          // body's name holds "for the" and "of".
          size_t m = k;
          if (m > 0 && toks[m - 1].lower == "the") --m;
          if (m >= 2 && (toks[m - 1].lower == "for" || toks[m - 1].lower == "of") && toks[m - 2].kind == Tok::kWord &&
              toks[m - 2].cap && !IsPossessive(toks[m - 2])) {
            while (k > m - 1) words.insert(words.begin(), toks[--k].text);
          }
        }
        // "a report by the National Audit Office"
        if (words.empty() && i + 2 < toks.size() && (toks[i + 1].lower == "by" || toks[i + 1].lower == "from")) {
          for (size_t x = i + 2 + (toks[i + 2].lower == "the" ? 1 : 0);
               x < toks.size() && toks[x].kind == Tok::kWord && toks[x].cap && !IsPossessive(toks[x]); ++x) {
            words.push_back(toks[x].text);
          }
        }
        if (words.empty()) continue;
        words.push_back(toks[i].text);
        name = absl::StrJoin(words, " ");
      }
    }
    const bool named = !name.empty();
    // "The IMF also said … “…,” said the report": an unnamed finding of the
    // organisation just quoted.
    if (!named && !speakers_.empty() && para - speakers_.back().para <= 1) {
      const Person& last = people_.at(speakers_.back().person);
      if (last.org || (WordCount(last.name) == 1 && last.gender == Gender::kUnknown && last.roles.empty())) {
        return speakers_.back().person;
      }
    }
    if (!named) {
      name = mention.substr(mention.find(' ') + 1);  // without "the"
      if (absl::StartsWith(name, "same ")) name = name.substr(5);
    }
    int who = people_.Add(name, "", "");
    if (who < 0) return who;
    Person& p = people_.at(who);
    p.org = true;
    // "a new poll" first, "the PPIC poll" later: the name is the capitalised one.
    if (named && absl::c_none_of(p.name, [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); })) {
      p.name = name;
    }
    return who;
  }

  // The person a description's words name as a role ("the home secretary"
  // → whoever was called "Home Secretary"), most recently mentioned; -1 when
  // no role holds all its words, or a modifier ("shadow", "former") the
  // description lacks.
  // `ending`: only a role that ends with the description's head noun
  // ("Tory leader", not "met the prime minister on Monday").
  int RoleHolder(const SpeakerRef& d, uint32_t pos, bool ending = false) {
    std::vector<std::string> want;
    for (absl::string_view w : absl::StrSplit(NormalizeText(d.mention), ' ', absl::SkipEmpty())) {
      if (w != "the" && w != "a" && w != "an") want.emplace_back(w);
    }
    if (want.empty()) return -1;
    auto fits = [&want, ending](const Person& p) {
      static const auto* modifiers = new absl::flat_hash_set<std::string>{
          "shadow", "former", "deputy", "vice", "assistant", "junior", "acting", "ex", "would-be", "future",
          "next", "then"};
      for (const std::string& role : p.roles) {
        std::vector<std::string> words = absl::StrSplit(role, ' ', absl::SkipEmpty());
        if (ending && (words.empty() || words.back() != want.back() || words.size() > want.size() + 2)) continue;
        bool all = absl::c_all_of(want, [&](const std::string& w) { return absl::c_linear_search(words, w); });
        bool extra = absl::c_any_of(words, [&](const std::string& w) {
          return modifiers->contains(w) && !absl::c_linear_search(want, w);
        });
        if (all && !extra) return true;
      }
      return false;
    };
    for (size_t k = speakers_.size(); k-- > 0;) {
      if (fits(people_.at(speakers_[k].person))) return speakers_[k].person;
    }
    if (int holder = people_.LastMentionBefore(pos, fits); holder >= 0 || want.size() < 2) return holder;
    // "the mega donor" for "top party donor": the head noun alone, when it
    // is no title or allegiance many share ("the Wisconsin Republican").
    if (Titles().contains(want.back()) || Affiliations().contains(want.back())) return -1;
    want = {want.back()};
    return people_.LastMentionBefore(pos, fits);
  }

  Quote MakeQuote(const Statement& st, int who, const std::string& mention) {
    Quote q;
    q.kind = st.kind;
    if (st.segs.empty()) {
      q.start = st.start;
      q.end = st.end;
      q.text = std::string(text_.substr(st.start, st.end - st.start));
    } else {
      q.start = segs_[st.segs.front()].start;
      q.end = segs_[st.segs.back()].end;
      std::vector<std::string> parts;
      for (int s : st.segs) {
        parts.emplace_back(absl::StripAsciiWhitespace(text_.substr(segs_[s].start, segs_[s].end - segs_[s].start)));
      }
      q.text = absl::StrJoin(parts, "\n\n");
    }
    if (who >= 0) {
      Person& p = people_.at(who);
      q.speaker = p.name;
      q.speaker_mention = mention;
      q.organisation = p.org;
      if (!p.roles.empty()) q.role = p.roles.front();
    }
    return q;
  }

  absl::string_view text_;
  std::vector<Paragraph> paras_;
  std::vector<Segment> segs_;
  std::vector<std::vector<Tok>> para_toks_;
  absl::flat_hash_set<std::string> capitalised_midsentence_;
  absl::flat_hash_set<std::string> lowercase_words_;  // words the text writes in lower case
  struct LoneName {
    uint32_t pos;
    int para;
    std::string name;
  };
  std::vector<LoneName> lone_subjects_;  // LoneSubject words, in text order
  absl::flat_hash_set<std::string> places_;  // names written after "in", "at": places, normalised
  absl::flat_hash_set<std::string> works_;   // names written with "film", "album": titles, normalised
  std::vector<std::pair<uint32_t, std::string>> introduced_;  // "an organizer": (position, head noun)
  People people_;
  std::vector<Statement> statements_;
  absl::flat_hash_set<int> accepted_;  // segments that became quotes
  std::vector<Statement> nested_;
  struct Spoke {
    int person;
    int para;      // the statement's last paragraph
    uint32_t end;  // where the statement ends
  };
  std::vector<Spoke> speakers_;  // in text order
  std::vector<SpeakerRef> described_subjects_;  // in text order
  std::vector<int> not_meant_;  // people a pronoun cue being resolved cannot mean
  bool ignore_guessed_gender_ = false;  // a second try for a pronoun
  int last_speaker_ = -1;
  std::string last_mention_;
  int last_para_ = -100;
};

// The extractor holds every token of its text (some 50 bytes per byte), so
// long texts are read in blocks of whole lines: memory stays bounded whatever
// a file holds, and only context across a block's edge (a pronoun, a quote
// running on) is lost, which no news article is long enough to meet.
constexpr size_t kBlockBytes = 256 * 1024;

// Where the block starting at `from` ends: after its last newline, else its
// last space, else at a character boundary.
size_t BlockEnd(absl::string_view text, size_t from) {
  if (text.size() - from <= kBlockBytes) return text.size();
  const absl::string_view block = text.substr(from, kBlockBytes);
  for (char cut : {'\n', ' '}) {
    size_t at = block.rfind(cut);
    if (at != absl::string_view::npos && at > 0) return from + at + 1;
  }
  size_t end = from + kBlockBytes;
  while (end > from + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}


}  // namespace

absl::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

std::vector<Quote> ExtractQuotes(absl::string_view text) {
  if (text.size() <= kBlockBytes) return Extractor(text).Run();
  std::vector<Quote> out;
  for (size_t from = 0; from < text.size();) {
    const size_t end = BlockEnd(text, from);
    for (Quote& q : Extractor(text.substr(from, end - from)).Run()) {
      q.start += static_cast<uint32_t>(from);
      q.end += static_cast<uint32_t>(from);
      out.push_back(std::move(q));
    }
    from = end;
  }
  return out;
}

}  // namespace newsidx
