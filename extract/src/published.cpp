#include "diplograph/extract/published.hpp"

#include <array>

#include "diplograph/extract/clean.hpp"
#include "text_util.hpp"

namespace diplograph::extract {
namespace {

using detail::is_alpha;
using detail::is_digit;

struct month_name {
  std::string_view name;
  unsigned number;
};
constexpr std::array<month_name, 24> months = {{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
}};

// Reads a run of digits at `i` (at most `max` of them); returns the value and moves `i`.
std::optional<unsigned> read_number(std::string_view t, std::size_t& i, std::size_t max) {
  std::size_t j = i;
  unsigned v = 0;
  while (j < t.size() && is_digit(t[j]) && j - i < max) v = v * 10 + static_cast<unsigned>(t[j++] - '0');
  if (j == i || (j < t.size() && is_digit(t[j]))) return std::nullopt;
  i = j;
  return v;
}

// A month word at `i`, with an optional full stop; moves `i` past it.
unsigned read_month(std::string_view t, std::size_t& i) {
  std::size_t j = i;
  while (j < t.size() && is_alpha(t[j])) ++j;
  const unsigned m = month_number(t.substr(i, j - i));
  if (m == 0) return 0;
  if (j < t.size() && t[j] == '.') ++j;
  i = j;
  return m;
}

void skip_spaces(std::string_view t, std::size_t& i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) ++i;
}

std::optional<core::calendar_day> make_day(unsigned y, unsigned m, unsigned d) {
  if (y < 1800 || y > 2200) return std::nullopt;
  date::year_month_day ymd{date::year{static_cast<int>(y)}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return core::calendar_day{ymd};
}

// Tries each date form at `i`.
std::optional<date_match> date_at(std::string_view t, std::size_t i) {
  const std::size_t begin = i;
  if (is_digit(t[i])) {
    std::size_t j = i;
    auto first = read_number(t, j, 4);
    if (!first) return std::nullopt;
    if (*first >= 1000 && j < t.size() && t[j] == '-') {  // 2017-03-24
      std::size_t k = j + 1;
      auto m = read_number(t, k, 2);
      if (m && k < t.size() && t[k] == '-') {
        ++k;
        auto d = read_number(t, k, 2);
        if (d)
          if (auto day = make_day(*first, *m, *d)) return date_match{*day, {begin, k}};
      }
      return std::nullopt;
    }
    if (*first > 31) return std::nullopt;  // 24 March 2017
    skip_spaces(t, j);
    const unsigned m = read_month(t, j);
    if (m == 0) return std::nullopt;
    if (j < t.size() && t[j] == ',') ++j;
    skip_spaces(t, j);
    auto y = read_number(t, j, 4);
    if (!y) return std::nullopt;
    if (auto day = make_day(*y, m, *first)) return date_match{*day, {begin, j}};
    return std::nullopt;
  }
  // March 24, 2017 / Mar. 24 2017
  if (i > 0 && is_alpha(t[i - 1])) return std::nullopt;
  std::size_t j = i;
  const unsigned m = read_month(t, j);
  if (m == 0) return std::nullopt;
  skip_spaces(t, j);
  auto d = read_number(t, j, 2);
  if (!d) return std::nullopt;
  if (j + 1 < t.size() && (t.substr(j, 2) == "st" || t.substr(j, 2) == "nd" ||
                           t.substr(j, 2) == "rd" || t.substr(j, 2) == "th"))
    j += 2;
  if (j < t.size() && t[j] == ',') ++j;
  skip_spaces(t, j);
  auto y = read_number(t, j, 4);
  if (!y) return std::nullopt;
  if (auto day = make_day(*y, m, *d)) return date_match{*day, {begin, j}};
  return std::nullopt;
}

// Month and day without a year at `i` ("March 24"), as month*100+day.
std::optional<std::pair<unsigned, unsigned>> month_day_at(std::string_view t, std::size_t i) {
  std::size_t j = i;
  const unsigned m = read_month(t, j);
  if (m == 0) return std::nullopt;
  skip_spaces(t, j);
  auto d = read_number(t, j, 2);
  if (!d || *d == 0 || *d > 31) return std::nullopt;
  return std::pair{m, *d};
}

}  // namespace

unsigned month_number(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return 0;
  const std::string w = detail::lower(word);
  for (const auto& m : months)
    if (m.name == w) return m.number;
  return 0;
}

std::optional<date_match> find_full_date(std::string_view text, std::size_t from,
                                         std::size_t to) {
  to = std::min(to, text.size());
  for (std::size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (!(is_digit(c) || detail::is_upper(c))) continue;
    if (i > 0 && (is_digit(text[i - 1]) || is_alpha(text[i - 1]))) continue;
    if (auto m = date_at(text.substr(0, to), i)) return m;
  }
  return std::nullopt;
}

std::optional<published_evidence> infer_published(std::string_view text,
                                                  const std::vector<core::segment>& segments) {
  constexpr std::size_t opening_bytes = 600;
  std::optional<published_evidence> caption, opening;
  std::optional<std::pair<unsigned, unsigned>> dateline_md;
  core::span dateline_span{};
  std::size_t body_bytes = 0;
  for (const auto& seg : segments) {
    const std::string_view s = text.substr(seg.where.begin, seg.where.end - seg.where.begin);
    if (seg.kind == core::segment_kind::boilerplate) {
      // A dateline: the boilerplate run just before a body paragraph.
      if (dateline_length(s) == s.size() && s.size() > 0) {
        if (auto full = find_full_date(text, seg.where.begin, seg.where.end))
          return published_evidence{full->day, core::date_source::dateline, full->where};
        for (std::size_t i = seg.where.begin; i < seg.where.end; ++i) {
          if (!detail::is_upper(text[i]) || (i > 0 && is_alpha(text[i - 1]))) continue;
          if (auto md = month_day_at(text.substr(0, seg.where.end), i)) {
            dateline_md = md;
            dateline_span = seg.where;
            break;
          }
        }
      }
      continue;
    }
    if (seg.kind == core::segment_kind::caption && !caption) {
      if (auto full = find_full_date(text, seg.where.begin, seg.where.end))
        caption = published_evidence{full->day, core::date_source::caption, full->where};
      continue;
    }
    if (seg.kind == core::segment_kind::body && body_bytes < opening_bytes && !opening) {
      const std::size_t end = std::min(seg.where.end, seg.where.begin + (opening_bytes - body_bytes));
      if (auto full = find_full_date(text, seg.where.begin, end))
        opening = published_evidence{full->day, core::date_source::opening_text, full->where};
      body_bytes += seg.where.end - seg.where.begin;
    }
  }
  if (caption) return caption;
  if (opening) return opening;
  if (dateline_md) {
    // "GENEVA, March 24 (Reuters) -": the year comes from the latest year the story mentions
    // near its start, which for wire copy is the year of publication.
    unsigned year = 0;
    const std::size_t limit = std::min(text.size(), std::size_t{3000});
    for (std::size_t i = 0; i + 4 <= limit; ++i) {
      if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || is_alpha(text[i - 1])))) continue;
      std::size_t j = i;
      auto y = read_number(text.substr(0, limit), j, 4);
      if (y && j - i == 4 && *y >= 1900 && *y <= 2100 && (j >= limit || !is_alpha(text[j])))
        year = std::max(year, *y);
    }
    if (year > 0)
      if (auto day = make_day(year, dateline_md->first, dateline_md->second))
        return published_evidence{*day, core::date_source::dateline, dateline_span};
  }
  return std::nullopt;
}

}  // namespace diplograph::extract
