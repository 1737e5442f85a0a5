// Scores quote extraction and attribution against labelled quotes, in the
// format of ../shared/acceptance/seed-quotes.jsonl:
//   {file, speaker, key, snippet, tier}
// A quote is found when an extracted quote of that file contains `snippet`
// (lower-cased, curly quotes and dashes folded); attributed when its speaker
// contains `key`.
//   build/bench/quote_eval LABELS.jsonl ARTICLES_DIR [--misses]
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
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

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--dump") {
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = newsidx::ParseArticles(ss.str(), newsidx::Format::kText, "x", "x");
    for (const auto& q : newsidx::ExtractQuotes(parsed.articles.at(0).text)) {
      std::cout << newsidx::QuoteKindName(q.kind) << " | " << q.speaker << " | "
                << q.speaker_mention << " | " << q.text.substr(0, 70) << "\n";
    }
    return 0;
  }
  if (argc < 3) {
    std::cerr << "usage: quote_eval LABELS.jsonl ARTICLES_DIR [--misses]\n";
    return 2;
  }
  bool misses = argc > 3 && std::string(argv[3]) == "--misses";
  std::ifstream labels(argv[1]);
  std::map<std::string, std::vector<newsidx::Quote>> cache;
  std::map<std::string, Tally> tiers;
  std::string line;
  while (std::getline(labels, line)) {
    nlohmann::json l = nlohmann::json::parse(line, nullptr, false);
    if (!l.is_object()) continue;
    std::string file = l["file"], key = l["key"], snippet = Fold(l["snippet"]);
    auto it = cache.find(file);
    if (it == cache.end()) {
      std::ifstream in(std::string(argv[2]) + "/" + file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      auto parsed = newsidx::ParseArticles(ss.str(), newsidx::Format::kText, file, file);
      std::vector<newsidx::Quote> qs;
      if (!parsed.articles.empty()) qs = newsidx::ExtractQuotes(parsed.articles[0].text);
      it = cache.emplace(file, std::move(qs)).first;
    }
    Tally& t = tiers[l["tier"]];
    Tally& all = tiers["all"];
    ++t.total, ++all.total;
    const newsidx::Quote* hit = nullptr;
    for (const auto& q : it->second) {
      if (Fold(q.text).find(snippet) != std::string::npos) {
        if (!hit || Fold(q.speaker).find(key) != std::string::npos) hit = &q;
      }
    }
    if (!hit) {
      if (misses) std::cout << "MISS  " << file << " | " << key << " | " << snippet << "\n";
      continue;
    }
    ++t.found, ++all.found;
    if (Fold(hit->speaker).find(key) != std::string::npos) {
      ++t.attributed, ++all.attributed;
    } else if (misses) {
      std::cout << "WRONG " << file << " | " << key << " got '" << hit->speaker << "' via '"
                << hit->speaker_mention << "' | " << snippet << "\n";
    }
  }
  for (const auto& [tier, t] : tiers) {
    std::cout << absl::StrFormat(
        "%-9s %5d labelled  found %5.1f%%  attributed %5.1f%% of all, %5.1f%% of found\n", tier,
        t.total, 100.0 * t.found / t.total, 100.0 * t.attributed / t.total,
        t.found ? 100.0 * t.attributed / t.found : 0.0);
  }
  return 0;
}
