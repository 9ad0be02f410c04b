#include "diplograph/extract/clean.hpp"

#include <array>
#include <string_view>

#include "text_util.hpp"

namespace diplograph::extract {
namespace {

using namespace std::string_view_literals;

using detail::is_space;

// Phrases that mark a short paragraph as web furniture rather than news.
constexpr std::array boilerplate_phrases = {
    "external content"sv,
    "sourced from external partners"sv,
    "newsletter"sv,
    "subscription form"sv,
    "sign up for"sv,
    "subscribe to"sv,
    "cookie"sv,
    "join us on facebook"sv,
    "follow us on"sv,
    "like us on facebook"sv,
    "click here"sv,
    "all rights reserved"sv,
    "horizontal line"sv,
    "neuer inhalt"sv,
    "share this article"sv,
    "share on facebook"sv,
    "share on twitter"sv,
    "read more:"sv,
    "advertisement"sv,
    "related stories"sv,
    "related articles"sv,
    "privacy policy"sv,
    "terms of use"sv,
    "terms of service"sv,
    "copyright "sv,
    "\xC2\xA9"sv,  // ©
    "download our app"sv,
    "enable javascript"sv,
    "you might also like"sv,
    "recommended for you"sv,
    "skip to main content"sv,
    "skip to content"sv,
    "most read"sv,
};

// Credits that end a photo caption; everything from here to the end of the paragraph is credit.
constexpr std::array photo_credits = {
    "REUTERS/"sv, "AFP PHOTO"sv, "AFP Photo"sv, "AFP/"sv,
    "(AP Photo"sv, "AP Photo/"sv, "Photo: "sv, "Photograph: "sv, "Getty Images"sv, "EPA/"sv, "EPA-EFE/"sv,
    "Xinhua/"sv, "(Photo by"sv, "Photo by "sv, "Picture: "sv,
};

// Reporting credits at the end of wire stories: bylines, not actors.
constexpr std::array credit_openers = {
    "(Reporting by"sv, "(Additional reporting by"sv, "(Writing by"sv, "(Editing by"sv,
    "(Compiled by"sv, "(Reporting and writing by"sv, "Reporting by "sv, "Editing by "sv, "Writing by "sv,
};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

bool ends_sentence(std::string_view s) {
  s = detail::trim(s);
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D");  // ”
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (detail::is_digit(c)) return true;
  return false;
}

// Paragraph boundaries: a blank line, or a line break followed by indentation (wire copy).
std::vector<core::span> paragraphs(std::string_view text) {
  std::vector<core::span> out;
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (b < e) out.push_back({b, e});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    std::size_t j = i + 1;
    bool blank = false;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
      if (text[j] == '\n') blank = true;
      ++j;
    }
    const bool indented = j > i + 1 && (text[i + 1] == ' ' || text[i + 1] == '\t') && j - (i + 1) >= 2;
    if (blank || indented || j >= text.size()) {
      flush(i);
      start = j;
      i = j > 0 ? j - 1 : 0;
    }
  }
  flush(text.size());
  return out;
}

}  // namespace

bool is_boilerplate(std::string_view paragraph) {
  paragraph = detail::trim(paragraph);
  if (paragraph.empty()) return true;
  for (auto opener : credit_openers)
    if (paragraph.substr(0, opener.size()) == opener) return true;
  if (paragraph.size() <= 260) {
    const std::string lowered = detail::lower(paragraph);
    for (auto phrase : boilerplate_phrases)
      if (lowered.find(phrase) != std::string::npos) return true;
  }
  return false;
}

namespace {
std::size_t dash_length(std::string_view p, std::size_t i) {
  if (i < p.size() && p[i] == '-') return i + 1 < p.size() && p[i + 1] == '-' ? 2 : 1;
  if (p.substr(i, 3) == "\xE2\x80\x94" || p.substr(i, 3) == "\xE2\x80\x93") return 3;  // em, en dash
  return 0;
}

}  // namespace

std::size_t dateline_length(std::string_view p) {
  // PLACE [, Region][, Month Day[, Year]] [(Agency)] DASH, within the first 100 bytes.
  p = p.substr(0, 100);
  std::size_t i = 0, caps = 0;
  while (i < p.size() && (detail::is_upper(p[i]) || p[i] == ' ' || p[i] == '.' || p[i] == '\'' ||
                          (p[i] == '-' && i + 1 < p.size() && detail::is_upper(p[i + 1])))) {
    caps += detail::is_upper(p[i]) ? 1 : 0;
    ++i;
  }
  if (caps < 2) return 0;
  while (i > 0 && p[i - 1] == ' ') --i;  // give back the space before a dash or "("
  for (int part = 0; part < 3 && i < p.size() && p[i] == ','; ++part) {
    ++i;
    const std::size_t begin = i;
    while (i < p.size() && (detail::is_alpha(p[i]) || detail::is_digit(p[i]) || p[i] == ' ' ||
                            p[i] == '.') && i - begin < 30)
      ++i;
    while (i > begin && p[i - 1] == ' ') --i;
    if (i == begin) return 0;
  }
  std::size_t j = i;
  while (j < p.size() && p[j] == ' ') ++j;
  if (j < p.size() && p[j] == '(') {
    const std::size_t close = p.find(')', j);
    if (close == std::string_view::npos || close - j > 30) return 0;
    j = close + 1;
    while (j < p.size() && p[j] == ' ') ++j;
  }
  if (j == i && j < p.size() && p[j] != ' ') return 0;  // the dash must stand apart
  const std::size_t dash = dash_length(p, j);
  if (dash == 0) return 0;
  j += dash;
  if (j < p.size() && p[j] != ' ') return 0;
  while (j < p.size() && p[j] == ' ') ++j;
  return j;
}

std::vector<core::segment> segment_text(std::string_view text) {
  std::vector<core::segment> out;
  const auto paras = paragraphs(text);
  for (std::size_t n = 0; n < paras.size(); ++n) {
    const core::span s = paras[n];
    const std::string_view p = text.substr(s.begin, s.end - s.begin);
    if (is_boilerplate(p) ||
        (n > 0 && word_count(p) <= 3 && !ends_sentence(p) && !has_digit(p))) {
      out.push_back({s, core::segment_kind::boilerplate});
      continue;
    }
    // A photo caption: the credit and what follows it are boilerplate.
    std::size_t credit = std::string_view::npos;
    for (auto c : photo_credits) {
      const std::size_t at = p.find(c);
      // A credit closes the caption: it sits in the paragraph's last few words.
      if (at != std::string_view::npos && at > 0 && at < credit && p.size() - at <= 80) credit = at;
    }
    if (credit != std::string_view::npos) {
      out.push_back({{s.begin, s.begin + credit}, core::segment_kind::caption});
      out.push_back({{s.begin + credit, s.end}, core::segment_kind::boilerplate});
      continue;
    }
    if (const std::size_t d = dateline_length(p); d > 0 && d < p.size()) {
      out.push_back({{s.begin, s.begin + d}, core::segment_kind::boilerplate});
      out.push_back({{s.begin + d, s.end}, core::segment_kind::body});
      continue;
    }
    out.push_back({s, core::segment_kind::body});
  }
  return out;
}

}  // namespace diplograph::extract
