#include "analyzers/boilerplate.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "analyzers/analyzer.h"

namespace newsidx {
namespace {

// Labels of menus, share bars, app badges and comment widgets, lower-cased.
const absl::flat_hash_set<absl::string_view>& UiLabels() {
  static const auto* labels = new absl::flat_hash_set<absl::string_view>{
      "twitter", "x", "youtube", "instagram", "facebook", "telegram", "whatsapp", "linkedin",
      "tiktok", "pinterest", "reddit", "vk", "vkontakte", "threads", "bluesky", "mastodon",
      "rss", "email", "e-mail", "mail", "share", "share this", "share this article",
      "share on facebook", "share on twitter", "share on x", "tweet", "print", "print this",
      "print article", "copy link", "copy", "link copied", "copied", "apple store", "app store",
      "google play", "play market", "play store", "download the app", "search", "menu",
      "main menu", "home", "login", "log in", "sign in", "sign up", "register", "subscribe",
      "subscribe now", "newsletter", "comments", "comment", "post a comment", "leave a comment",
      "add a comment", "show comments", "previous post", "next post", "previous post next post",
      "previous article", "next article", "previous", "next", "read more", "read also",
      "see also", "related", "related articles", "related posts", "related stories",
      "advertisement", "advertising", "sponsored", "sponsored content", "skip to content",
      "skip to main content", "back to top", "loading", "tags", "follow us", "more", "close",
      "accept", "accept cookies", "cookie settings", "top stories", "most read", "trending",
      "watch", "listen", "live", "video", "photo", "gallery", "submit a tip",
      // The same widgets in other languages news sites are often built with.
      "поделиться", "ссылка скопирована", "скопировать ссылку", "читать также", "подписаться",
      "teilen", "drucken", "partager", "imprimer", "compartir", "imprimir"};
  return *labels;
}

std::string Lower(absl::string_view s) { return NormalizeText(s); }

absl::string_view TrimPunct(absl::string_view s) {
  auto is_trim = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == ':' || c == '.' || c == '!' ||
           c == '?' || c == '|' || c == '-' || c == '>' || c == '<' || c == '*' || c == '#';
  };
  while (!s.empty() && is_trim(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_trim(s.back())) s.remove_suffix(1);
  return s;
}

size_t WordCount(absl::string_view s) {
  return std::vector<absl::string_view>(absl::StrSplit(s, ' ', absl::SkipWhitespace())).size();
}

bool HasLetter(absl::string_view s) {
  for (unsigned char c : s) {
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

// "WHAT ARE YOU LOOKING FOR ?", "INTERVIEWS": section labels and prompts.
bool IsShortAllCaps(absl::string_view s) {
  bool any_upper = false;
  for (unsigned char c : s) {
    if (std::islower(c)) return false;
    if (std::isupper(c)) any_upper = true;
    if (c >= 0x80) return false;  // leave non-Latin scripts alone
  }
  return any_upper && WordCount(s) <= 8;
}

// "night_theme", "share-lineLiked": template identifiers leaking into text.
bool IsIdentifier(absl::string_view s) {
  if (s.find(' ') != absl::string_view::npos) return false;
  return s.find('_') != absl::string_view::npos;
}

// "Views: 65", "1.2K shares", "12 comments".
bool IsCounter(absl::string_view lower) {
  for (absl::string_view w : {"views", "view", "reads", "comments", "likes", "shares"}) {
    if (absl::StartsWith(lower, w) || absl::EndsWith(lower, w)) {
      absl::string_view rest = absl::StartsWith(lower, w) ? lower.substr(w.size())
                                                          : lower.substr(0, lower.size() - w.size());
      rest = TrimPunct(rest);
      if (!rest.empty() && rest.size() <= 8 &&
          std::all_of(rest.begin(), rest.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' ||
                   c == 'k' || c == 'm' || c == ' ';
          })) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool IsCreditLine(absl::string_view line) {
  std::string lower = Lower(line);
  return absl::StrContains(line, "\xC2\xA9") ||  // ©
         absl::StrContains(lower, "(c) ") || absl::StartsWith(lower, "copyright") ||
         absl::StrContains(lower, "all rights reserved") ||
         absl::StrContains(lower, "any use of materials") ||
         absl::StrContains(lower, "hyperlink to") ||
         absl::StrContains(lower, "reproduction in whole or in part");
}

bool IsBoilerplateLine(absl::string_view raw) {
  absl::string_view line = absl::StripAsciiWhitespace(raw);
  if (line.empty()) return false;
  std::string lower = Lower(line);
  absl::string_view label = TrimPunct(lower);
  if (label.size() <= 3) return true;  // "A+", "ru", "|", "•"
  if (!HasLetter(label)) return true;  // separators, lone numbers
  if (UiLabels().contains(label)) return true;
  if (IsCounter(label) || IsIdentifier(label) || IsShortAllCaps(line)) return true;
  if (IsCreditLine(line)) return true;
  // "Liked the story? Share it on social media!", "Follow us on social media".
  if (lower.size() < 100 && absl::StrContains(lower, "social media") &&
      (absl::StrContains(lower, "share") || absl::StrContains(lower, "follow"))) {
    return true;
  }
  return false;
}

std::optional<std::string> OutletFromCreditLine(absl::string_view line) {
  if (!IsCreditLine(line)) return std::nullopt;
  std::string text(line);
  // "… hyperlink to X": X is the last word. Found in an ASCII-lowered copy,
  // whose offsets are the line's: NFKC changes lengths ("¼" is "1⁄4").
  if (size_t at = absl::AsciiStrToLower(line).rfind("link to "); at != std::string::npos) {
    absl::string_view rest = TrimPunct(absl::string_view(text).substr(at + 8));
    if (!rest.empty() && rest.find(' ') == absl::string_view::npos) return std::string(rest);
  }
  // Drop the markers and years; what is left, if short, is the outlet.
  std::vector<std::string> kept;
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipWhitespace())) {
    std::string lw = Lower(w);
    absl::string_view core = TrimPunct(lw);
    if (core.empty() || core == "\xC2\xA9" || core == "(c)" || core == "c)" ||
        core == "copyright" || core == "all" || core == "rights" || core == "reserved" ||
        core == "by") {
      continue;
    }
    bool year = core.size() >= 4 && std::all_of(core.begin(), core.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == ',';
    });
    if (year) continue;
    absl::string_view word = w;
    absl::ConsumePrefix(&word, "\xC2\xA9");
    word = TrimPunct(word);
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) word.remove_suffix(1);
    if (!word.empty()) kept.emplace_back(word);
  }
  if (kept.empty() || kept.size() > 5) return std::nullopt;
  std::string outlet = absl::StrJoin(kept, " ");
  if (!HasLetter(outlet)) return std::nullopt;
  return outlet;
}

bool IsTrailingFragment(absl::string_view raw) {
  absl::string_view line = absl::StripAsciiWhitespace(raw);
  if (line.empty()) return true;
  char last = line.back();
  bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' ||
                      absl::EndsWith(line, "\xE2\x80\x9D") ||  // ”
                      absl::EndsWith(line, "\xC2\xBB");         // »
  return !sentence_end && WordCount(line) <= 8;
}

}  // namespace newsidx
