// Scores `newsidx quotes --json` against labelled quotes in the format of
// ../shared/acceptance/seed-quotes.jsonl ({file, speaker, key, snippet, tier}):
//   newsidx quotes --json | build/bench/quote_eval LABELS.jsonl - [--misses]
// A label is found when a quote from that file (matched by the file name of
// article.path) contains `snippet` after lower-casing and folding curly quotes
// and dashes; attributed when that quote's speaker contains `key`. A stray is
// an extracted quote of 6+ words, from a labelled file, containing no snippet:
// meaningful only where the labels list every quote (the seeds).
//   build/bench/quote_eval --dump ARTICLE.txt   prints one article's quotes
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "analyzers/analyzer.h"
#include "analyzers/article.h"
#include "analyzers/quotes.h"

namespace {

std::string Fold(const std::string& s) {
  return absl::StrReplaceAll(newsidx::NormalizeText(s),
                             {{"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x94", "-"},
                              {"\xE2\x80\x93", "-"}, {"\n\n", " "}});
}

struct Tally {
  int total = 0, found = 0, attributed = 0;
};

struct Extracted {
  std::string text, speaker, mention, kind;  // text and speaker folded
  size_t words = 0;
  bool labelled = false;  // contains some label's snippet
};

int Dump(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = newsidx::ParseArticles(ss.str(), newsidx::Format::kText, "x", "x");
  if (parsed.articles.empty()) return 1;
  for (const auto& q : newsidx::ExtractQuotes(parsed.articles[0].text)) {
    std::cout << newsidx::QuoteKindName(q.kind) << " | " << q.speaker << " | "
              << q.speaker_mention << " | " << q.text.substr(0, 70) << "\n";
  }
  return 0;
}

// Quotes of `newsidx quotes --json`, by the file name of their article.
std::map<std::string, std::vector<Extracted>> ReadQuotes(std::istream& in) {
  std::map<std::string, std::vector<Extracted>> by_file;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json q = nlohmann::json::parse(line, nullptr, false);
    if (!q.is_object() || !q.contains("article")) continue;
    Extracted e;
    e.text = Fold(q.value("text", ""));
    e.speaker = q["speaker"].is_string() ? Fold(q["speaker"].get<std::string>()) : "";
    e.kind = q.value("kind", "");
    e.mention = q["speaker_mention"].is_string() ? q["speaker_mention"].get<std::string>() : "";
    e.words = std::vector<absl::string_view>(
                  absl::StrSplit(e.text, absl::ByAnyChar(" \n"), absl::SkipEmpty()))
                  .size();
    std::string path = q["article"].value("path", "");
    by_file[std::filesystem::path(path).filename().string()].push_back(std::move(e));
  }
  return by_file;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--dump") return Dump(argv[2]);
  if (argc < 3) {
    std::cerr << "usage: newsidx quotes --json | quote_eval LABELS.jsonl - [--misses]\n";
    return 2;
  }
  bool misses = argc > 3 && std::string(argv[3]) == "--misses";
  std::ifstream labels(argv[1]);
  if (!labels) {
    std::cerr << "quote_eval: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::map<std::string, std::vector<Extracted>> quotes;
  if (std::string(argv[2]) == "-") {
    quotes = ReadQuotes(std::cin);
  } else {
    std::ifstream in(argv[2]);
    quotes = ReadQuotes(in);
  }
  std::map<std::string, Tally> tiers;
  std::string line;
  while (std::getline(labels, line)) {
    nlohmann::json l = nlohmann::json::parse(line, nullptr, false);
    if (!l.is_object()) continue;
    std::string file = l["file"], key = l["key"], snippet = Fold(l["snippet"]);
    std::vector<Extracted>& qs = quotes[file];
    Tally& t = tiers[l["tier"]];
    Tally& all = tiers["all"];
    ++t.total, ++all.total;
    Extracted* hit = nullptr;
    for (Extracted& q : qs) {
      if (q.text.find(snippet) == std::string::npos) continue;
      q.labelled = true;
      if (!hit || q.speaker.find(key) != std::string::npos) hit = &q;
    }
    if (!hit) {
      if (misses) std::cout << "MISS  " << file << " | " << key << " | " << snippet << "\n";
      continue;
    }
    ++t.found, ++all.found;
    if (hit->speaker.find(key) != std::string::npos) {
      ++t.attributed, ++all.attributed;
    } else if (misses) {
      std::cout << "WRONG " << file << " | " << key << " got '" << hit->speaker << "' via '"
                << hit->mention << "' | " << snippet << "\n";
    }
  }
  std::map<std::string, int> strays;
  for (const auto& [file, qs] : quotes) {
    bool file_labelled = std::any_of(qs.begin(), qs.end(), [](const auto& q) { return q.labelled; });
    for (const Extracted& q : qs) {
      if (!file_labelled || q.labelled || q.words < 6) continue;
      ++strays[q.kind];
      if (misses) std::cout << "STRAY " << file << " | " << q.kind << " | " << q.text.substr(0, 80) << "\n";
    }
  }
  for (const auto& [tier, t] : tiers) {
    std::cout << absl::StrFormat(
        "%-9s %5d labelled  found %5d (%5.1f%%)  attributed %5d (%5.1f%% of all, %5.1f%% of "
        "found)\n",
        tier, t.total, t.found, 100.0 * t.found / t.total, t.attributed,
        100.0 * t.attributed / t.total, t.found ? 100.0 * t.attributed / t.found : 0.0);
  }
  for (const char* kind : {"direct", "partial", "indirect"}) {
    std::cout << absl::StrFormat("strays    %5d %s quotes of 6+ words in no label\n", strays[kind],
                                 kind);
  }
  return 0;
}
