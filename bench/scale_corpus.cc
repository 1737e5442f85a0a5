// A deterministic scale corpus: N plain-text articles built from a real one,
// for benchmarks at 100k and 1M articles.
//
//   build/bench/scale_corpus --from ../shared/corpora/bbc-fulltext --count N --out DIR [--seed S]
//
// Writes DIR/00000/00000000.txt … DIR/00099/00099999.txt (1,000 files a
// folder). Same arguments, same bytes: nothing depends on the clock, the
// directory order (files are sorted) or the standard library (SplitMix64
// and the few distributions needed are written out here). Each article
// depends only on (seed, its number), so the output is streamed one file
// at a time and nothing but the source corpus is held in memory.
//
// Each file is what newsidx reads from a .txt: the headline on line 1, a
// dateline on line 2 ("17 December 2005 16:13"), paragraphs separated by
// blank lines, and a credit line last ("© 2005 Northern Herald. All rights
// reserved.") from which the outlet is taken.
//
// Choices, and why:
// - Text. Article i takes one source article (uniformly, so topics keep the
//   source's proportions) as its primary: its headline, its length in
//   units, its lead unit, and each further unit with probability 0.55; the
//   other units come from random articles of the same topic folder (0.35)
//   or of any folder (0.10), in the primary's order. A unit is one or more
//   whole paragraphs: a quote left open at a paragraph's end is kept with the
//   paragraphs that continue it, and a quote paragraph with no attribution,
//   or only a pronoun one ("he said"), stays with the paragraph before it.
//   So quotes keep their speakers, and word frequencies, paragraph lengths
//   and quote density stay those of real news.
// - Vocabulary. Copying paragraphs alone saturates at the source's
//   vocabulary (28k words for BBC); real collections keep finding new names
//   and rare words (Heaps' law, V = K·n^β with β about 0.5). So each article
//   rewrites a fraction of its proper names (words capitalised mid-sentence
//   and almost never lower-case: people, places, organisations) — 60% of
//   the rarest (in ≤3 source articles), 35% of those in ≤30, 15% of the
//   rest — and 30% of its rare lower-case words (≥6 letters, in ≤2 source
//   articles) into a variant: the word's head and tail with syllables
//   recombined between ("Verroken" → "Vehamen", "Blair" → "Bladair").
//   Variant k is drawn with P(≥k) = (k+1)^(-2/3), a Zipf tail, so the pool
//   of variants in use grows with N by itself: a word rewritten m times has
//   shown about m^0.6 distinct variants, the common ones recur with
//   realistic frequencies, and the vocabulary keeps growing (measured, in
//   distinct lower-cased words: 70k at 10k articles, 226k at 100k, 810k at
//   1M; the RCV1 fit K=44, β=0.49 of Manning et al. predicts 75k, 231k,
//   717k for articles of this length).
//   A variant depends only on (word, k) and the choice only on (article,
//   word), so within an article a word always gets the same rewrite (title
//   and body, "Michelle Verroken … Verroken said"): attributions stay
//   coherent and distinct speakers multiply with N.
// - Prefix-stable: article i does not depend on N, so the first 100,000
//   articles of a 1M corpus (folders 00000–00099) are the 100k corpus.
// - Dates: 120 articles a day from 2000-01-01 (1M articles reach 2022-10),
//   at a random time of day. Sources: eight invented outlets, uniformly.
// - Ids: the file's path, so they are unique by construction.
#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- randomness

uint64_t Mix(uint64_t z) {  // SplitMix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t HashBytes(std::string_view s, uint64_t h = 0xCBF29CE484222325ULL) {  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return Mix(h);
}

class Rng {  // SplitMix64
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n), n < 2^32: the high 32 bits scaled (bias below 2^-32·n).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

// ---------------------------------------------------------------- source text

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

// BBC's few non-UTF-8 files are Latin-1 (a £ as 0xA3).
std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct Source {
  std::string title;
  std::vector<uint32_t> units;  // indexes into Corpus::units
  uint32_t topic = 0;
};

struct Corpus {
  std::vector<std::string> units;  // whole paragraphs, joined by "\n\n"
  std::vector<Source> articles;
  std::vector<std::vector<uint32_t>> topic_units;  // units of each topic folder
};

bool Contains(std::string_view s, std::string_view what) { return s.find(what) != s.npos; }

// Does a quote stay open at the end of `para`, given whether one was open at
// its start? A paragraph opening with '"' while a quote is open re-opens it
// (the convention for a quote running over several paragraphs).
bool QuoteOpenAfter(std::string_view para, bool open) {
  for (size_t i = 0; i < para.size(); ++i) {
    if (para[i] != '"') continue;
    if (i == 0 && open) continue;
    open = !open;
  }
  return open;
}

// A paragraph opening with a quote that names nobody: it belongs with the
// paragraph before it, whose speaker it continues.
bool ContinuesSpeaker(std::string_view para) {
  if (para.empty() || para.front() != '"') return false;
  static constexpr std::string_view kCues[] = {
      " said", " says", " told", " added", " explained", " insisted", " warned",
      " argued", " claimed", " stressed", " admitted", "according to", " asked",
      " continued", " believes", " reckons", " suggested", " revealed"};
  static constexpr std::string_view kPronounCues[] = {
      " he said", " she said", " he says", " she says", " he added", " she added",
      " he told", " she told", " they said", " he explained", " she explained",
      " he continued", " she continued", " he insisted", " she insisted", " it said",
      " he admitted", " she admitted", " he warned", " she warned"};
  for (std::string_view cue : kPronounCues) {
    if (Contains(para, cue)) return true;
  }
  for (std::string_view cue : kCues) {
    if (Contains(para, cue)) return false;
  }
  return true;
}

// Paragraphs → units of whole paragraphs that keep quotes with their speakers.
std::vector<std::string> Units(const std::vector<std::string_view>& paras) {
  constexpr size_t kMaxParas = 6;
  std::vector<std::string> units;
  size_t in_unit = 0;
  bool open = false;
  for (std::string_view p : paras) {
    bool join = !units.empty() && in_unit < kMaxParas && (open || ContinuesSpeaker(p));
    if (join) {
      units.back() += "\n\n";
      units.back() += p;
      ++in_unit;
    } else {
      units.emplace_back(p);
      in_unit = 1;
      open = false;
    }
    open = QuoteOpenAfter(p, open);
  }
  return units;
}

Corpus LoadCorpus(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Corpus c;
  std::vector<std::string> topics;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (!ValidUtf8(text)) text = Latin1ToUtf8(text);
    std::vector<std::string_view> lines;
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = Trim(rest.substr(0, nl));
      if (!line.empty()) lines.push_back(line);
      rest = nl == rest.npos ? std::string_view() : rest.substr(nl + 1);
    }
    if (lines.size() < 2 || lines[0].size() > 300) continue;  // no headline and body
    std::string topic = f.parent_path().lexically_relative(root).generic_string();
    auto t = std::find(topics.begin(), topics.end(), topic);
    if (t == topics.end()) {
      topics.push_back(topic);
      c.topic_units.emplace_back();
      t = topics.end() - 1;
    }
    Source s;
    s.title = std::string(lines[0]);
    s.topic = static_cast<uint32_t>(t - topics.begin());
    for (std::string& u : Units({lines.begin() + 1, lines.end()})) {
      s.units.push_back(static_cast<uint32_t>(c.units.size()));
      c.topic_units[s.topic].push_back(static_cast<uint32_t>(c.units.size()));
      c.units.push_back(std::move(u));
    }
    c.articles.push_back(std::move(s));
  }
  return c;
}

// ---------------------------------------------------------------- vocabulary

enum class WordClass : uint8_t { kName, kRare };

struct Rewritable {
  WordClass kind;
  uint16_t permille;  // chance an article rewrites it
};

// Capitalised words that are not names, or whose rewriting would break
// dates and attributions.
bool NeverRewritten(std::string_view w) {
  static constexpr std::string_view kKeep[] = {
      "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "Prof", "Professor", "Rev", "Dame",
      "President", "Minister", "Prime", "Chancellor", "Secretary", "Chairman", "Chief",
      "General", "Judge", "Senator", "Coach", "Captain", "Manager", "Director", "Spokesman",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Christmas", "Easter"};
  for (std::string_view k : kKeep) {
    if (w == k) return true;
  }
  return false;
}

// Calls f(word, begin) for each maximal run of ASCII letters in `s`.
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    if (!IsLetter(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsLetter(s[j])) ++j;
    f(s.substr(i, j - i), i);
    i = j;
  }
}

bool Capitalised(std::string_view w) {
  if (w.size() < 2 || !IsUpper(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!IsLower(w[i])) return false;
  }
  return true;
}

bool AllLower(std::string_view w) {
  for (char c : w) {
    if (!IsLower(c)) return false;
  }
  return true;
}

// Not at a sentence's or a quote's start: the capital is the word's own.
bool MidSentence(std::string_view s, size_t at) {
  while (at > 0 && s[at - 1] == ' ') --at;
  if (at == 0) return false;
  char p = s[at - 1];
  return p != '.' && p != '!' && p != '?' && p != '"' && p != ':' && p != '\n' && p != '(';
}

absl::flat_hash_map<std::string, Rewritable> RewritableWords(const Corpus& c) {
  struct Counts {
    uint32_t lower = 0, capital = 0, mid_capital = 0, docs = 0, last_doc = UINT32_MAX;
  };
  absl::flat_hash_map<std::string, Counts> counts;  // by lower-cased word
  std::string key;
  for (uint32_t d = 0; d < c.articles.size(); ++d) {
    auto count = [&](std::string_view text) {
      ForEachWord(text, [&](std::string_view w, size_t at) {
        key.assign(w);
        for (char& ch : key) ch = IsUpper(ch) ? static_cast<char>(ch - 'A' + 'a') : ch;
        Counts& n = counts[key];
        if (n.last_doc != d) n.last_doc = d, ++n.docs;
        if (AllLower(w)) ++n.lower;
        if (Capitalised(w)) {
          ++n.capital;
          if (MidSentence(text, at)) ++n.mid_capital;
        }
      });
    };
    count(c.articles[d].title);
    for (uint32_t u : c.articles[d].units) count(c.units[u]);
  }
  absl::flat_hash_map<std::string, Rewritable> out;
  for (const auto& [word, n] : counts) {
    uint32_t total = n.lower + n.capital;
    if (n.mid_capital > 0 && n.lower * 20 <= total && word.size() >= 3) {
      std::string name = word;
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      if (NeverRewritten(name)) continue;
      uint16_t permille = n.docs <= 3 ? 600 : n.docs <= 30 ? 350 : 150;
      out.emplace(std::move(name), Rewritable{WordClass::kName, permille});
    } else if (n.capital == 0 && n.docs <= 2 && word.size() >= 6) {
      out.emplace(word, Rewritable{WordClass::kRare, 300});
    }
  }
  return out;
}

constexpr std::string_view kSyllables[64] = {
    "ba", "be", "bo", "da", "de", "di", "do", "fa", "ga", "gi", "ka", "ke", "ki", "ko",
    "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa",
    "pe", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "ta", "te", "ti", "to",
    "va", "ve", "vi", "za", "zo", "bar", "del", "fen", "gan", "kel", "lin", "mar", "nor",
    "ran", "sen", "tal", "ver", "wen", "ston", "ley", "ham", "dor"};

bool IsVowel(char c) {
  c = static_cast<char>(c | 0x20);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Variant `k` of `word`: its head (up to and including its first vowel run),
// one syllable per base-64 digit of k plus a per-word offset (so the common
// small k read differently from word to word), and its tail (its last two
// letters).
void AppendVariant(std::string_view word, uint32_t k, std::string& out) {
  size_t head = 1;
  while (head < word.size() && !IsVowel(word[head])) ++head;
  while (head < word.size() && IsVowel(word[head])) ++head;
  head = std::min(head, word.size() > 3 ? word.size() - 2 : word.size());
  size_t tail = word.size() > 4 ? 2 : 0;
  out.append(word.substr(0, head));
  uint64_t v = k + HashBytes(word) % 64;  // the first variants differ word to word
  do {
    out.append(kSyllables[v % 64]);
    v /= 64;
  } while (v > 0);
  out.append(word.substr(word.size() - tail));
}

// ---------------------------------------------------------------- articles

constexpr int kArticlesPerDay = 120;
constexpr int kFilesPerFolder = 1000;
constexpr uint32_t kMaxCount = 100'000'000;
constexpr uint32_t kMaxVariant = 1 << 24;
constexpr std::string_view kOutlets[] = {
    "Northern Herald",  "The Daily Courier", "Metro Ledger",     "Evening Sentinel",
    "Capital Dispatch", "Coastal Tribune",   "The Weekly Monitor", "Riverside Gazette"};
constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December"};

class Generator {
 public:
  Generator(const Corpus& corpus, uint64_t seed)
      : c_(corpus), words_(RewritableWords(corpus)), seed_(Mix(seed ^ 0x5CA1EC0095ULL)) {}

  size_t rewritable() const { return words_.size(); }

  // Article `i` into `out` (cleared first).
  void Article(uint32_t i, std::string& out) {
    Rng rng(Mix(seed_ + i));
    article_key_ = rng.Next();
    const Source& primary = c_.articles[rng.Below(static_cast<uint32_t>(c_.articles.size()))];
    out.clear();
    AppendRewritten(primary.title, out);
    out += '\n';

    absl::CivilDay day = absl::CivilDay(2000, 1, 1) + i / kArticlesPerDay;
    uint32_t hour = rng.Below(24);  // drawn in order, not as arguments
    uint32_t minute = rng.Below(60);
    char dateline[64];
    std::snprintf(dateline, sizeof dateline, "%d %s %04d %02u:%02u\n\n", day.day(),
                  kMonths[day.month() - 1].data(), static_cast<int>(day.year()), hour, minute);
    out += dateline;

    const std::vector<uint32_t>& topic = c_.topic_units[primary.topic];
    for (size_t j = 0; j < primary.units.size(); ++j) {
      double r = rng.Unit();
      uint32_t unit = j == 0 || r < 0.55 ? primary.units[j]
                      : r < 0.90 ? topic[rng.Below(static_cast<uint32_t>(topic.size()))]
                                 : rng.Below(static_cast<uint32_t>(c_.units.size()));
      AppendRewritten(c_.units[unit], out);
      out += "\n\n";
    }
    std::string_view outlet = kOutlets[rng.Below(std::size(kOutlets))];
    out += "\xC2\xA9 ";
    out += std::to_string(day.year());
    out += ' ';
    out += outlet;
    out += ". All rights reserved.\n";
  }

 private:
  // `text` with this article's rewrites of its names and rare words.
  void AppendRewritten(std::string_view text, std::string& out) {
    size_t copied = 0;
    ForEachWord(text, [&](std::string_view w, size_t at) {
      auto it = words_.find(absl::string_view(w.data(), w.size()));
      if (it == words_.end()) return;
      // Decided by (article, word) alone: the same rewrite everywhere in it.
      uint64_t h = Mix(article_key_ ^ HashBytes(w));
      if (h % 1000 >= it->second.permille) return;
      // Variant k ≥ x with probability (x+1)^(-2/3), i.e. k = ⌊u^(-3/2)⌋ - 1
      // (sqrt and division, unlike pow, are exact in IEEE arithmetic: the
      // same k on every machine). After m draws about m^0.6 distinct
      // variants have been seen (see the header).
      double u = static_cast<double>((Mix(h) >> 11) + 1) * 0x1.0p-53;  // (0, 1]
      double k = std::min(std::floor(1 / (u * std::sqrt(u))) - 1, double{kMaxVariant});
      out.append(text.substr(copied, at - copied));
      AppendVariant(w, static_cast<uint32_t>(k), out);
      copied = at + w.size();
    });
    out.append(text.substr(copied));
  }

  const Corpus& c_;
  absl::flat_hash_map<std::string, Rewritable> words_;
  uint64_t seed_;
  uint64_t article_key_ = 0;
};

int Usage(const char* why) {
  std::cerr << "scale_corpus: " << why << "\n"
            << "usage: scale_corpus --from DIR --count N --out DIR [--seed S]\n";
  return 2;
}

bool ParseNumber(const char* s, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || s[0] == '-') return false;
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string from, out_dir;
  uint64_t count = 0, seed = 1;
  bool have_count = false;
  for (int a = 1; a < argc; ++a) {
    std::string_view arg = argv[a];
    if (arg == "-h" || arg == "--help") {
      std::cout << "usage: scale_corpus --from DIR --count N --out DIR [--seed S]\n";
      return 0;
    }
    if (a + 1 >= argc) return Usage(("missing value for " + std::string(arg)).c_str());
    const char* value = argv[++a];
    if (arg == "--from") {
      from = value;
    } else if (arg == "--out") {
      out_dir = value;
    } else if (arg == "--count") {
      if (!ParseNumber(value, count) || count == 0 || count > kMaxCount) {
        return Usage("--count must be a whole number from 1 to 100000000");
      }
      have_count = true;
    } else if (arg == "--seed") {
      if (!ParseNumber(value, seed)) return Usage("--seed must be a whole number");
    } else {
      return Usage(("unknown option " + std::string(arg)).c_str());
    }
  }
  if (from.empty() || out_dir.empty() || !have_count) {
    return Usage("--from, --count and --out are required");
  }
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return Usage(("no folder " + from).c_str());
  if (fs::exists(out_dir, ec) && !fs::is_empty(out_dir, ec)) {
    return Usage(("--out " + out_dir + " is not empty").c_str());
  }

  auto start = std::chrono::steady_clock::now();
  Corpus corpus = LoadCorpus(from);
  if (corpus.articles.empty()) {
    std::cerr << "scale_corpus: no .txt articles with a headline and a body under " << from << "\n";
    return 1;
  }
  Generator gen(corpus, seed);

  std::string text, path;
  uint64_t bytes = 0;
  char name[32];
  for (uint32_t i = 0; i < count; ++i) {
    std::snprintf(name, sizeof name, "%05u", i / kFilesPerFolder);
    std::string folder = (fs::path(out_dir) / name).string();
    if (i % kFilesPerFolder == 0) {
      fs::create_directories(folder, ec);
      if (ec) {
        std::cerr << "scale_corpus: cannot create " << folder << ": " << ec.message() << "\n";
        return 1;
      }
    }
    std::snprintf(name, sizeof name, "/%08u.txt", i);
    path = folder + name;
    gen.Article(i, text);
    FILE* f = std::fopen(path.c_str(), "wb");
    bool ok = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (f != nullptr && std::fclose(f) != 0) ok = false;
    if (!ok) {
      std::cerr << "scale_corpus: cannot write " << path << ": " << std::strerror(errno) << "\n";
      return 1;
    }
    bytes += text.size();
  }
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "wrote %llu articles (%.1f MB) to %s in %.1f s from %zu source articles; "
               "%zu rewritable words\n",
               static_cast<unsigned long long>(count), static_cast<double>(bytes) / 1e6,
               out_dir.c_str(), secs, corpus.articles.size(), gen.rewritable());
  return 0;
}
