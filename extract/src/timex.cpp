#include "diplograph/extract/timex.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "timex_words.hpp"

namespace diplograph::extract {
namespace {

using namespace std::string_view_literals;
using detail::time_unit;
using detail::word_info;
using core::calendar_day;
using core::date_precision;
using core::dated;

std::string pad(long value, int width) {
  std::string s = std::to_string(value < 0 ? -value : value);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return value < 0 ? "-" + s : s;
}

int year_of(calendar_day d) { return static_cast<int>(date::year_month_day{d}.year()); }
unsigned month_of(calendar_day d) { return static_cast<unsigned>(date::year_month_day{d}.month()); }
unsigned quarter_of(calendar_day d) { return (month_of(d) - 1) / 3 + 1; }

calendar_day first_of(int y, unsigned m) {
  return calendar_day{date::year{y} / date::month{m} / date::day{1}};
}

calendar_day monday_of(calendar_day d) {
  const date::weekday wd{d};
  return d - (wd - date::Monday);
}

// A candidate expression: tokens [first, end), its type and its value.
struct candidate {
  std::size_t first = 0;
  std::size_t end = 0;
  timex_type type = timex_type::date;
  std::string value;
  dated when;
  bool future = false;
  bool sets_reference = false;  // an explicit calendar period the text later refers back to
};

// Numbers written as digits or words: "14", "1,000", "two", "twenty-four", "a", "a few".
struct count {
  double value = 0;
  bool vague = false;
  std::size_t end = 0;
};

std::string format_number(double v) {
  const double r = std::round(v);
  if (std::fabs(v - r) < 1e-9) return std::to_string(static_cast<long long>(r));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

// TIMEX3 duration for `n` units ("P3Y", "PT2H", "P2Y6M"); vague counts give "PXY".
std::string duration_value(const count& c, time_unit u) {
  const auto letter = [](time_unit unit) -> std::string_view {
    switch (unit) {
      case time_unit::second: return "S";
      case time_unit::minute: return "M";
      case time_unit::hour: return "H";
      case time_unit::day: case time_unit::weekend: return "D";
      case time_unit::week: case time_unit::fortnight: return "W";
      case time_unit::month: case time_unit::half: return "M";
      case time_unit::quarter: return "Q";
      case time_unit::decade: return "E";
      case time_unit::century: return "C";
      case time_unit::millennium: return "L";
      default: return "Y";
    }
  };
  const bool clock = u == time_unit::second || u == time_unit::minute || u == time_unit::hour;
  std::string out = clock ? "PT" : "P";
  if (c.vague) return out + "X" + std::string(letter(u));
  double n = c.value;
  switch (u) {
    case time_unit::weekend: n *= 2; break;
    case time_unit::fortnight: n *= 2; break;
    case time_unit::half: n *= 6; break;
    case time_unit::decade: n *= 10; u = time_unit::year; break;
    case time_unit::century: n *= 100; u = time_unit::year; break;
    case time_unit::millennium: n *= 1000; u = time_unit::year; break;
    default: break;
  }
  const double whole = std::floor(n);
  const double frac = n - whole;
  if (frac < 1e-9) return out + format_number(n) + std::string(letter(u));
  // Fractions go one unit down: 2.5 years = P2Y6M, 1.5 minutes = PT1M30S.
  const auto w = static_cast<long long>(whole);
  const auto part = [&](double per) { return static_cast<long long>(std::round(frac * per)); };
  switch (u) {
    case time_unit::year: return out + (w ? std::to_string(w) + "Y" : "") + std::to_string(part(12)) + "M";
    case time_unit::month: return out + (w ? std::to_string(w) + "M" : "") + std::to_string(part(30)) + "D";
    case time_unit::week: return out + (w ? std::to_string(w) + "W" : "") + std::to_string(part(7)) + "D";
    case time_unit::day: return out + (w ? std::to_string(w) + "D" : "") + "T" + std::to_string(part(24)) + "H";
    case time_unit::hour: return out + (w ? std::to_string(w) + "H" : "") + std::to_string(part(60)) + "M";
    case time_unit::minute: return out + (w ? std::to_string(w) + "M" : "") + std::to_string(part(60)) + "S";
    default: return out + format_number(n) + std::string(letter(u));
  }
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

class tagger {
 public:
  tagger(std::string_view text, const tokenized_text& t, std::optional<calendar_day> anchor)
      : text_(text), t_(t), anchor_(anchor) {
    info_.reserve(t.tokens.size());
    for (const auto& tok : t.tokens)
      info_.push_back(tok.kind == token_kind::word ? detail::lookup_time_word(t.key(tok)) : word_info{});
  }

  std::vector<timex> run() {
    for (std::size_t s = 0; s < t_.sentences.size(); ++s) {
      sb_ = t_.sentences[s].first_token;
      se_ = t_.sentences[s].end_token();
      const std::size_t first_sentence = s;
      // "Mar. 20": the splitter may end a sentence at an abbreviation it does not know.
      while (s + 1 < t_.sentences.size() && se_ >= sb_ + 2 && k(se_ - 1) == "."sv &&
             info_[se_ - 2].is(detail::w_month_abbr) && t_.sentences[s + 1].first_token == se_ &&
             t_.tokens[se_].kind == token_kind::number && t_.key(t_.tokens[se_]).size() <= 2) {
        ++s;
        se_ = t_.sentences[s].end_token();
      }
      std::size_t i = sb_;
      while (i < se_) {
        auto c = best_at(i);
        if (!c || c->end <= i) {
          ++i;
          continue;
        }
        emit(*c, first_sentence);
        i = c->end;
      }
    }
    return std::move(out_);
  }

 private:
  std::string_view text_;
  const tokenized_text& t_;
  std::optional<calendar_day> anchor_;
  std::vector<word_info> info_;
  std::vector<timex> out_;
  std::size_t sb_ = 0, se_ = 0;  // the current sentence's tokens
  std::optional<dated> reference_;             // the last explicit calendar period mentioned
  std::optional<std::pair<int, unsigned>> last_quarter_;  // the last quarter mentioned
  std::size_t quarter_at_ = 0;                         // the token where it was mentioned
  std::optional<std::size_t> long_period_at_;          // the last "nine months", "first half"

  // ------------------------------------------------------------------ token access
  std::string_view k(std::size_t i) const { return i < se_ ? t_.key(t_.tokens[i]) : ""sv; }
  word_info w(std::size_t i) const { return i < se_ ? info_[i] : word_info{}; }
  bool is(std::size_t i, std::string_view key) const { return k(i) == key; }
  bool has(std::size_t i, std::uint32_t flag) const { return w(i).is(flag); }
  bool capitalised(std::size_t i) const { return i < se_ && t_.tokens[i].capitalised; }
  bool number(std::size_t i) const { return i < se_ && t_.tokens[i].kind == token_kind::number; }
  // A hyphen joining two words: "third-quarter", "two-year".
  bool joining_hyphen(std::size_t i) const {
    return i < se_ && i + 1 < se_ && k(i) == "-"sv && !t_.tokens[i].space_before && !t_.tokens[i + 1].space_before;
  }
  std::size_t skip_hyphen(std::size_t i) const { return joining_hyphen(i) ? i + 1 : i; }
  std::string_view raw(std::size_t i) const {
    const auto& tk = t_.tokens[i];
    return text_.substr(tk.where.begin, tk.where.end - tk.where.begin);
  }

  // ------------------------------------------------------------------ values
  candidate make(std::size_t first, std::size_t end, timex_type type, std::string value) const {
    candidate c;
    c.first = first;
    c.end = end;
    c.type = type;
    c.value = std::move(value);
    return c;
  }
  candidate with_date(candidate c, dated when) const {
    c.when = when;
    c.future = anchor_ && when.known() && when.value > *anchor_;
    c.sets_reference = true;
    return c;
  }
  candidate day(std::size_t first, std::size_t end, calendar_day d) const {
    return with_date(make(first, end, timex_type::date, core::to_iso(d)), {d, date_precision::day});
  }
  candidate week(std::size_t first, std::size_t end, calendar_day d) const {
    const calendar_day m = monday_of(d);
    const iso_week::year_weeknum_weekday iw{m};
    return with_date(make(first, end, timex_type::date,
                          pad(static_cast<int>(iw.year()), 4) + "-W" +
                              pad(static_cast<unsigned>(iw.weeknum()), 2)),
                     {m, date_precision::week});
  }
  candidate month(std::size_t first, std::size_t end, int y, unsigned m) const {
    return with_date(make(first, end, timex_type::date, pad(y, 4) + "-" + pad(m, 2)),
                     {first_of(y, m), date_precision::month});
  }
  candidate quarter(std::size_t first, std::size_t end, int y, unsigned q) const {
    auto c = with_date(make(first, end, timex_type::date, pad(y, 4) + "-Q" + std::to_string(q)),
                       {first_of(y, 3 * q - 2), date_precision::quarter});
    return c;
  }
  candidate year(std::size_t first, std::size_t end, int y) const {
    return with_date(make(first, end, timex_type::date, pad(y, 4)), {first_of(y, 1), date_precision::year});
  }
  // Seasons, halves, decades and centuries: calendar values without a core precision.
  candidate vague_period(std::size_t first, std::size_t end, std::string value, bool after_anchor) const {
    auto c = make(first, end, timex_type::date, std::move(value));
    c.future = after_anchor;
    return c;
  }
  candidate ref(std::size_t first, std::size_t end, std::string_view which) const {
    auto c = make(first, end, timex_type::date, std::string(which));
    c.future = which == "FUTURE_REF"sv;
    return c;
  }

  // ------------------------------------------------------------------ tense
  // +1 when the clause around [first, end) speaks of the future, -1 past or present, 0 unknown.
  int tense(std::size_t first, std::size_t end) const { return clause_tense(first, end).sign; }

  // The tense cue of a clause and how much it says about a date: a verb right before the
  // expression ("the year ended Jan. 31", "effective Feb. 1") governs it; a reporting verb
  // ("said", "told") gives the time of the report, not of what is reported.
  struct tense_cue {
    int sign = 0;
    bool adjacent = false;
    bool reporting = false;
  };
  tense_cue clause_tense(std::size_t first, std::size_t end) const {
    tense_cue t;
    // "effective Feb. 1", "(which) ended Jan. 31", "was terminated on Sept. 27"
    std::size_t b = first;
    if (b > sb_ && (is(b - 1, "on") || is(b - 1, ","))) --b;
    if (b > sb_ && is(b - 1, "effective")) return {1, true, false};
    // A deadline: "postponed until Tuesday morning", "has given them until 9 a.m. Tuesday".
    bool deadline = false;
    for (std::size_t i = first, n = 0; i-- > sb_ && n < 5; ++n) {
      if (is(i, "until") || is(i, "till")) {
        deadline = true;
        break;
      }
      if (!number(i) && !is(i, "am") && !is(i, "pm") && !is(i, ".") && !is(i, ",") &&
          !has(i, detail::w_zone))
        break;
    }
    const std::size_t left_stop = first > sb_ + 15 ? first - 15 : sb_;
    for (std::size_t i = first; i-- > left_stop;) {
      if (const int c = cue(i)) {
        if (deadline && deferral_verb(k(i))) return {1, false, false};
        t.sign = c;
        // Only a regular past form is read as governing: "has set Nov. 10 as the deadline" and
        // "announced the plan Aug. 21" are not.
        t.adjacent = i + 1 == b && c < 0 && k(i).ends_with("ed"sv) && !has(i, detail::w_future);
        t.reporting = reporting_verb(k(i));
        return t;
      }
    }
    for (std::size_t i = end; i < se_ && i < end + 10; ++i) {
      if (const int c = cue(i)) {
        t.sign = c;
        t.reporting = reporting_verb(k(i));
        return t;
      }
    }
    if (deadline) t.sign = 1;  // "has given them until Tuesday to sign"
    return t;
  }
  static bool deferral_verb(std::string_view key) {
    return key == "postponed"sv || key == "extended"sv || key == "delayed"sv || key == "deferred"sv ||
           key == "adjourned"sv || key == "suspended"sv || key == "recessed"sv || key == "pushed"sv;
  }
  static bool reporting_verb(std::string_view key) {
    return key == "said"sv || key == "told"sv || key == "announced"sv || key == "reported"sv ||
           key == "added"sv || key == "stated"sv || key == "noted"sv || key == "predicted"sv ||
           key == "estimated"sv || key == "disclosed"sv || key == "confirmed"sv;
  }
  int cue(std::size_t i) const {
    const auto info = w(i);
    const auto key = k(i);
    // "as soon as Tuesday", "as early as next week"
    if (key == "as"sv && i + 2 < se_ && (is(i + 1, "soon") || is(i + 1, "early")) && is(i + 2, "as")) return 1;
    if (info.is(detail::w_future)) {
      // "next to the embassy" is a place, not a time.
      if (key == "next"sv && is(i + 1, "to")) return 0;
      // "signed a cooperation plan Friday": "plan" is a noun unless an infinitive follows.
      if ((key == "plan"sv || key == "plans"sv) && !is(i + 1, "to")) return 0;
      // "had been scheduled", "was due": plans already past.
      const auto b1 = i > sb_ ? k(i - 1) : ""sv;
      // "a service planned for Saturday was canceled", "the government planned to pay": a past
      // plan unless a present or future auxiliary comes first ("is planned", "will be planned").
      if (key == "planned"sv && b1 != "is"sv && b1 != "are"sv && b1 != "be"sv && b1 != "s"sv) return -1;
      // "were planning to drive there on Monday" still looks ahead.
      if (b1 == "been"sv || ((b1 == "was"sv || b1 == "were"sv) && key != "would"sv && key != "planning"sv)) return -1;
      return 1;
    }
    // "plans to", "going to", "is to", "agreed to": an infinitive of intent.
    if (key == "to"sv && i > sb_ && i + 1 < se_ && t_.tokens[i + 1].kind == token_kind::word &&
        !w(i + 1).flags) {
      const auto before = k(i - 1);
      if (before == "plans"sv || before == "plan"sv || before == "planned"sv || before == "going"sv ||
          before == "is"sv || before == "are"sv || before == "set"sv || before == "agreed"sv ||
          before == "hopes"sv || before == "aims"sv || before == "wants"sv || before == "ready"sv ||
          before == "decided"sv || before == "promised"sv || before == "vowed"sv || before == "threatened"sv)
        return 1;
    }
    const bool past = info.is(detail::w_past) ||
                      (key.size() >= 5 && key.ends_with("ed") && t_.tokens[i].kind == token_kind::word &&
                       !capitalised(i) && !not_a_past_form(key));
    if (!past) return 0;
    // "would be held", "will be named": a participle after a modal and "be".
    std::size_t j = i;
    for (int n = 0; n < 2 && j > sb_; ++n) {
      --j;
      const auto a = k(j);
      if (a == "still"sv || a == "also"sv || a == "not"sv || a == "then"sv) continue;
      if (a == "be"sv && j > sb_) {
        const auto m = k(j - 1);
        const auto m2 = j - 1 > sb_ ? k(j - 2) : ""sv;
        const auto is_modal = [](std::string_view x) {
          return x == "will"sv || x == "would"sv || x == "ll"sv || x == "shall"sv || x == "to"sv || x == "wo"sv;
        };
        if (is_modal(m) || ((m == "not"sv || m == "still"sv || m == "also"sv) && is_modal(m2))) return 1;
      }
      break;
    }
    return -1;
  }

  // Words in "-ed" that are no past forms: "succeed", "exceed", "proceed", "indeed", "speed".
  static bool not_a_past_form(std::string_view key) {
    if (!key.ends_with("eed"sv)) return false;
    return !(key.ends_with("agreed"sv) || key == "freed"sv || key == "decreed"sv || key == "guaranteed"sv ||
             key == "refereed"sv);
  }

  // ------------------------------------------------------------------ numbers
  std::optional<count> parse_count(std::size_t i, bool allow_article) const {
    if (i >= se_) return std::nullopt;
    const auto key = k(i);
    count c;
    if (number(i)) {
      std::string digits;
      for (char ch : key) {
        if (ch == ',') continue;
        if ((ch < '0' || ch > '9') && ch != '.') return std::nullopt;
        digits += ch;
      }
      if (digits.empty() || digits.size() > 7) return std::nullopt;
      c.value = std::strtod(digits.c_str(), nullptr);
      c.end = i + 1;
      // "5 1/2"
      if (number(i + 1) && is(i + 1, "1") && is(i + 2, "/") && is(i + 3, "2")) {
        c.value += 0.5;
        c.end = i + 4;
      }
      return c;
    }
    const auto info = w(i);
    if (info.is(detail::w_cardinal) || info.is(detail::w_tens)) {
      c.value = info.value;
      c.end = i + 1;
      if (info.is(detail::w_tens)) {
        const std::size_t j = skip_hyphen(i + 1);
        if (has(j, detail::w_cardinal) && w(j).value < 10) {
          c.value += w(j).value;
          c.end = j + 1;
        }
      }
      if (is(c.end, "hundred")) {
        c.value *= 100;
        ++c.end;
      } else if (is(c.end, "thousand")) {
        c.value *= 1000;
        ++c.end;
      }
      return c;
    }
    if (key == "dozen"sv) return count{12, false, i + 1};
    if (key == "couple"sv) return count{2, false, is(i + 1, "of") ? i + 2 : i + 1};
    if (key == "dozens"sv && is(i + 1, "of")) return count{0, true, i + 2};
    if (key == "several"sv || key == "few"sv || key == "many"sv || key == "numerous"sv) return count{0, true, i + 1};
    if (key == "some"sv && has(i + 1, detail::w_plural)) return count{0, true, i + 1};
    if (allow_article && (key == "a"sv || key == "an"sv)) {
      if (is(i + 1, "few")) return count{0, true, i + 2};
      if (is(i + 1, "couple")) return count{2, false, is(i + 2, "of") ? i + 3 : i + 2};
      if (is(i + 1, "dozen")) return count{12, false, i + 2};
      if (is(i + 1, "hundred")) return count{100, false, i + 2};
      if (is(i + 1, "thousand")) return count{1000, false, i + 2};
      if (is(i + 1, "half")) return count{0.5, false, i + 2};
      return count{1, false, i + 1};
    }
    return std::nullopt;
  }

  // A year written with four digits (1000-2199), "'98" excluded.
  std::optional<int> year_at(std::size_t i) const {
    if (!number(i)) return std::nullopt;
    const auto key = k(i);
    if (key.size() != 4 || !all_digits(key)) return std::nullopt;
    const int y = to_int(key);
    if (y < 1000 || y > 2199) return std::nullopt;
    return y;
  }
  // A year in words: "nineteen ninety-six", "two thousand", "two thousand and one"; the year and
  // the index after it.
  std::optional<std::pair<int, std::size_t>> spelled_year(std::size_t i) const {
    if (is(i, "nineteen") && has(i + 1, detail::w_tens)) {
      int y = 1900 + w(i + 1).value;
      std::size_t e = i + 2;
      const std::size_t h = skip_hyphen(e);
      if (has(h, detail::w_cardinal) && w(h).value < 10) {
        y += w(h).value;
        e = h + 1;
      }
      return std::pair{y, e};
    }
    if (is(i, "two") && is(i + 1, "thousand")) {
      std::size_t e = i + 2;
      const std::size_t c = is(e, "and") ? e + 1 : e;
      if (has(c, detail::w_cardinal) && w(c).value < 20) return std::pair{2000 + w(c).value, c + 1};
      return std::pair{2000, e};
    }
    return std::nullopt;
  }
  // A year in digits or words at i: the year and the index after it.
  std::optional<std::pair<int, std::size_t>> any_year(std::size_t i) const {
    if (auto y = year_at(i)) return std::pair{*y, i + 1};
    return spelled_year(i);
  }
  // A day of the month: "24", "24th", "1st".
  std::optional<unsigned> day_at(std::size_t i) const {
    if (!number(i)) {
      if (has(i, detail::w_ordinal) && w(i).value <= 31) return w(i).value;
      return std::nullopt;
    }
    auto key = k(i);
    if (key.ends_with("st") || key.ends_with("nd") || key.ends_with("rd") || key.ends_with("th"))
      key.remove_suffix(2);
    if (key.empty() || key.size() > 2 || !all_digits(key)) return std::nullopt;
    const int d = to_int(key);
    if (d < 1 || d > 31) return std::nullopt;
    return static_cast<unsigned>(d);
  }
  // A month name at i; returns its number and the index after it (an abbreviation's stop).
  std::optional<std::pair<unsigned, std::size_t>> month_at(std::size_t i, bool need_context) const {
    const auto info = w(i);
    if (!info.is(detail::w_month)) return std::nullopt;
    const auto key = k(i);
    std::size_t end = i + 1;
    if (info.is(detail::w_month_abbr)) {
      if (!capitalised(i)) return std::nullopt;
      if (is(end, ".") && !t_.tokens[end].space_before) ++end;
    }
    if (need_context && (key == "may"sv || key == "march"sv)) {
      if (!capitalised(i)) return std::nullopt;
    }
    return std::pair{static_cast<unsigned>(info.value), end};
  }

  // ------------------------------------------------------------------ resolution helpers
  // The year for a month (and day) written without one: the occurrence closest to the anchor,
  // moved by the clause's tense when it lands on the wrong side of the anchor.
  int year_for(unsigned m, unsigned d, tense_cue t) const {
    const int tense_sign = t.sign;
    const int ay = year_of(*anchor_);
    int best = ay;
    long best_gap = 1L << 30;
    for (int y = ay - 1; y <= ay + 1; ++y) {
      date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
      if (!ymd.ok()) ymd = date::year{y} / date::month{m} / date::last;
      const long gap = std::labs((calendar_day{ymd} - *anchor_).count());
      if (gap < best_gap) {
        best_gap = gap;
        best = y;
      }
    }
    const auto at = [&](int y) {
      date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
      if (!ymd.ok()) ymd = date::year{y} / date::month{m} / date::last;
      return calendar_day{ymd};
    };
    // A reporting verb's tense says little about a date a few weeks off ("said it will pay Dec. 7"
    // vs "said ... on Dec. 7"); only a closest date more than a quarter away moves.
    // A verb governing the date itself ("the year ended Jan. 31", "effective Feb. 1") puts it on
    // its side of the anchor however far off.
    const date::days slack{t.adjacent && !t.reporting ? 0 : 92};
    if (tense_sign > 0 && at(best) < *anchor_ - slack) ++best;
    if (tense_sign < 0 && at(best) > *anchor_ + slack) --best;
    return best;
  }
  // The day of a weekday (1 Monday .. 7 Sunday): on or before the anchor, or after it when the
  // clause speaks of the future.
  calendar_day weekday_day(unsigned wd, int tense_sign, int shift) const {
    const date::weekday target{wd % 7};
    if (shift < 0 || (shift == 0 && tense_sign <= 0)) {
      const calendar_day from = shift < 0 ? *anchor_ - date::days{1} : *anchor_;
      return from - (date::weekday{from} - target);
    }
    // News names the day itself by its weekday ("will meet Friday" in a Friday story is today).
    const calendar_day from = shift > 0 ? *anchor_ + date::days{1} : *anchor_;
    calendar_day d = from + (target - date::weekday{from});
    if (shift > 0 && (d - *anchor_).count() < 2) d += date::days{7};
    return d;
  }
  dated reference() const {
    if (reference_) return *reference_;
    return {*anchor_, date_precision::day};
  }

  // ------------------------------------------------------------------ recognisers
  std::optional<candidate> best_at(std::size_t i) {
    std::optional<candidate> best;
    const auto consider = [&](std::optional<candidate> c) {
      if (c && c->end > i && (!best || c->end > best->end)) best = std::move(c);
    };
    consider(modified(i));
    consider(core_at(i));
    if (best) {
      if (in_a_title(best->first, best->end)) return std::nullopt;
      // "or so" belongs to the expression.
      if (is(best->end, "or") && is(best->end + 1, "so")) best->end += 2;
    }
    return best;
  }

  // A name or title, not a time: a word written in lower case in running text is capitalised
  // inside the sentence (ABC's "This Week", CBS's "60 Minutes", "High Noon", "VOA Today").
  bool in_a_title(std::size_t first, std::size_t end) const {
    std::size_t start = sb_;
    while (start < se_ && t_.tokens[start].kind == token_kind::punct) ++start;
    for (std::size_t n = first; n < end; ++n) {
      if (n == start || !capitalised(n)) continue;
      const auto key = k(n);
      const bool lower_case_word = (has(n, detail::w_unit) && key != "day"sv && key != "days"sv) ||
                                   has(n, detail::w_part_of_day) || key == "today"sv || key == "tonight"sv ||
                                   key == "tomorrow"sv || key == "yesterday"sv || key == "noon"sv ||
                                   key == "midnight"sv;
      if (!lower_case_word) continue;
      const auto r = raw(n);
      bool has_lower = false;
      for (char ch : r) has_lower = has_lower || (ch >= 'a' && ch <= 'z');
      if (has_lower) return true;  // "Week", not a headline's "WEEK"
    }
    return false;
  }

  std::optional<candidate> core_at(std::size_t i) {
    std::optional<candidate> best;
    const auto consider = [&](std::optional<candidate> c) {
      if (c && c->end > i && (!best || c->end > best->end)) best = std::move(c);
    };
    consider(ref_words(i));
    consider(deictic(i));
    consider(clock_time(i));
    consider(weekday_expr(i));
    consider(month_expr(i));
    consider(year_expr(i));
    consider(quarter_expr(i));
    consider(relative(i));
    consider(duration_or_ago(i));
    consider(frequency(i));
    consider(holiday(i));
    consider(year_end(i));
    consider(the_year(i));
    consider(around_day(i));
    return best;
  }

  // Modifiers that keep the value of what they modify: "about", "nearly", "early", "late",
  // "mid-", "the end of", "earlier", "later", "at least", "more than".
  std::optional<candidate> modified(std::size_t i) {
    const auto key = k(i);
    std::size_t j = i;
    bool period_edge = false;
    bool approx = false;
    if (key == "nearly"sv || key == "almost"sv || key == "around"sv || key == "roughly"sv ||
        key == "approximately"sv) {
      j = i + 1;
      approx = true;
    } else if ((key == "more"sv || key == "less"sv || key == "fewer"sv) && is(i + 1, "than")) j = i + 2;
    else if (key == "no"sv && (is(i + 1, "more") || is(i + 1, "less")) && is(i + 2, "than")) j = i + 3;
    else if (key == "at"sv && (is(i + 1, "least") || is(i + 1, "most"))) j = i + 2;
    else if (key == "up"sv && is(i + 1, "to")) j = i + 2;
    else if ((key == "earlier"sv || key == "later"sv) && is(i + 1, "in") && is(i + 2, "the") && is(i + 3, "year")) {
      // "earlier in the year": the anchor's year.
      if (!anchor_) return make(i, i + 4, timex_type::date, "XXXX");
      return year(i, i + 4, year_of(*anchor_));
    } else if (key == "early"sv || key == "late"sv || key == "mid"sv || key == "earlier"sv || key == "later"sv ||
               key == "middle"sv) {
      j = skip_hyphen(i + 1);
      period_edge = true;
    } else if (key == "the"sv && (is(i + 1, "early") || is(i + 1, "late") || is(i + 1, "mid"))) {
      // "the late 1970s", "the mid-1990s", "the early summer"
      j = skip_hyphen(i + 2);
      period_edge = true;
      if (has(j, detail::w_season) && !has(j + 1, detail::w_unit)) {
        const std::string code{detail::season_codes[w(j).value - 1]};
        if (!anchor_) return make(i, j + 1, timex_type::date, "XXXX-" + code);
        return vague_period(i, j + 1, pad(year_of(*anchor_), 4) + "-" + code, false);
      }
    } else if (key == "the"sv && (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start") ||
                                  is(i + 1, "middle")) && is(i + 2, "of") && (is(i + 3, "the") || is(i + 3, "this")) &&
               (is(i + 4, "year") || is(i + 4, "month") || is(i + 4, "week"))) {
      // "the end of the year": the anchor's year (month, week).
      if (!anchor_) return make(i, i + 5, timex_type::date, is(i + 4, "year") ? "XXXX" : is(i + 4, "month") ? "XXXX-XX" : "XXXX-WXX");
      if (is(i + 4, "year")) return year(i, i + 5, year_of(*anchor_));
      if (is(i + 4, "month")) return month(i, i + 5, year_of(*anchor_), month_of(*anchor_));
      return week(i, i + 5, *anchor_);
    } else if (key == "the"sv && (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start") ||
                                  is(i + 1, "middle") || is(i + 1, "turn")) && is(i + 2, "of")) {
      j = i + 3;
      period_edge = true;
    } else {
      return std::nullopt;
    }
    if (j == i || j >= se_) return std::nullopt;
    auto inner = core_at(j);
    if (!inner) return std::nullopt;
    if (period_edge && inner->type == timex_type::duration) return std::nullopt;
    // "the" belongs to "the late 1970s" and "the mid-20th century", not to "the late-November trip".
    if (key == "the"sv && (is(i + 1, "early") || is(i + 1, "late") || is(i + 1, "mid")) && inner->value.size() > 3)
      return std::nullopt;
    if (approx) {
      // "almost daily", "around Wednesday('s ruling)": the modifier stays outside.
      if (inner->type == timex_type::set) return std::nullopt;
      if (key == "around"sv && !number(j) && !has(j, detail::w_month)) return std::nullopt;
    }
    if (key == "earlier"sv || key == "later"sv) {
      // "earlier this month/year" and "later yesterday" keep the modifier; "earlier this week",
      // "earlier Friday" and "later today" do not (TimeBank).
      const bool keep = ((is(j, "this") || is(j, "that") || is(j, "next")) && (is(j + 1, "month") || is(j + 1, "year"))) ||
                        is(j, "yesterday") || (is(j, "that") && is(j + 1, "day"));
      if (!keep) return std::nullopt;
    }
    // "the end of the year" is a date; "earlier in the year" too.
    if (period_edge && inner->value == "P1Y"sv && anchor_) {
      auto c = year(i, inner->end, year_of(*anchor_));
      return c;
    }
    inner->first = i;
    return inner;
  }

  std::optional<candidate> deictic(std::size_t i) {
    const auto key = k(i);
    int offset = 0;
    std::size_t end = i + 1;
    if (key == "today"sv || key == "tonight"sv) offset = 0;
    else if (key == "yesterday"sv) offset = -1;
    else if (key == "tomorrow"sv) offset = 1;
    else if (key == "the"sv && is(i + 1, "day") && (is(i + 2, "before") || is(i + 2, "after")) &&
             (is(i + 3, "yesterday") || is(i + 3, "tomorrow"))) {
      offset = is(i + 3, "yesterday") ? -2 : 2;
      end = i + 4;
    } else if ((key == "last"sv || key == "this"sv) && has(i + 1, detail::w_part_of_day) &&
               !has(i + 1, detail::w_plural)) {
      // "last night", "this morning"
      const unsigned pod = w(i + 1).value;
      offset = key == "last"sv ? -1 : 0;
      if (key == "last"sv && pod != 4) return std::nullopt;
      if (!anchor_) return make(i, i + 2, timex_type::time, "XXXX-XX-XXT" + std::string(detail::part_of_day_codes[pod - 1]));
      const calendar_day d = *anchor_ + date::days{offset};
      auto c = day(i, i + 2, d);
      c.type = timex_type::time;
      c.value += "T" + std::string(detail::part_of_day_codes[pod - 1]);
      return c;
    } else {
      return std::nullopt;
    }
    if (!anchor_) {
      auto c = make(i, end, timex_type::date, "XXXX-XX-XX");
      c.future = offset > 0;
      return c;
    }
    const calendar_day d = *anchor_ + date::days{offset};
    // "today's world", "today's youth", "the people of tomorrow": the present and the future in
    // general, not a day.
    if (key == "today"sv && is(i + 1, "s") && !t_.tokens[i + 1].space_before) {
      const auto n = k(i + 2);
      if (n == "world"sv || n == "society"sv || n == "youth"sv || n == "young"sv || n == "generation"sv ||
          n == "children"sv || n == "kids"sv || n == "standards"sv || n == "dollars"sv)
        return std::nullopt;
    }
    if (key == "tomorrow"sv && i > sb_ && is(i - 1, "of")) return std::nullopt;
    if (has(end, detail::w_part_of_day) && !has(end, detail::w_plural)) {
      auto c = day(i, end + 1, d);
      c.type = timex_type::time;
      c.value += "T" + std::string(detail::part_of_day_codes[w(end).value - 1]);
      return c;
    }
    return day(i, end, d);
  }

  // "10 a.m.", "10:35 a.m. Friday", "noon Thursday", "4 in the morning", "5 p.m. EST, Nov. 6".
  std::optional<candidate> clock_time(std::size_t i) {
    int hour = -1, minute = 0;
    std::size_t j = i;
    const auto key = k(i);
    if (key == "noon"sv || key == "midday"sv) {
      hour = 12;
      j = i + 1;
    } else if (key == "midnight"sv) {
      hour = 24;
      j = i + 1;
    } else if (number(i)) {
      std::string_view num = key;
      std::string_view suffix;
      if (num.ends_with("am") || num.ends_with("pm")) {
        suffix = num.substr(num.size() - 2);
        num.remove_suffix(2);
      }
      const auto colon = num.find(':');
      const auto hpart = num.substr(0, colon);
      if (hpart.empty() || hpart.size() > 2 || !all_digits(hpart)) return std::nullopt;
      hour = to_int(hpart);
      if (colon != std::string_view::npos) {
        const auto mpart = num.substr(colon + 1);
        if (mpart.size() != 2 || !all_digits(mpart)) return std::nullopt;
        minute = to_int(mpart);
      }
      j = i + 1;
      if (suffix.empty()) {
        const auto s = k(j);
        if (s == "am"sv || s == "pm"sv) {
          suffix = s;
          ++j;
        } else if (s == "in"sv && is(j + 1, "the") && has(j + 2, detail::w_part_of_day)) {
          const unsigned pod = w(j + 2).value;
          suffix = pod == 1 ? "am"sv : "pm"sv;
          j += 3;
        } else if (s == "oclock"sv || (s == "o" && is(j + 1, "clock"))) {
          j += s == "oclock"sv ? 1 : 2;
        } else {
          return std::nullopt;
        }
      }
      if (hour > 12 || minute > 59) return std::nullopt;
      if (suffix == "pm"sv && hour < 12) hour += 12;
      if (suffix == "am"sv && hour == 12) hour = 0;
    } else {
      return std::nullopt;
    }
    if (has(j, detail::w_zone)) ++j;
    // An attached day: "Friday", "Nov. 6", "yesterday", "today".
    std::optional<candidate> d;
    std::size_t k2 = is(j, ",") ? j + 1 : j;
    if (has(k2, detail::w_weekday) || has(k2, detail::w_month) || is(k2, "yesterday") || is(k2, "today") ||
        is(k2, "tomorrow")) {
      d = weekday_expr(k2);
      if (!d) d = month_expr(k2);
      if (!d) d = deictic(k2);
      if (d && d->type != timex_type::date) d.reset();
    }
    std::string day_value;
    dated when;
    std::size_t end = j;
    if (d && !d->when.known() && !anchor_) {
      day_value = d->value;
      end = d->end;
    } else if (d && d->when.precision == date_precision::day) {
      day_value = d->value;
      when = d->when;
      end = d->end;
    } else if (anchor_) {
      // A day named a little later in the sentence ("10:35 a.m. (0735 GMT) Friday"), else the day
      // the text last named, else the anchor.
      calendar_day on = reference_ && reference_->precision == date_precision::day ? reference_->value : *anchor_;
      for (std::size_t n = j; n < se_ && n < j + 7; ++n) {
        if (has(n, detail::w_weekday) && !has(n, detail::w_weekday_plural)) {
          if (auto wd = weekday_expr(n); wd && wd->when.precision == date_precision::day) on = wd->when.value;
          break;
        }
        // only brackets, another clock ("0735 GMT") and "on" may come between
        const auto kind = t_.tokens[n].kind;
        if (kind != token_kind::punct && kind != token_kind::number && !has(n, detail::w_zone) && !is(n, "on")) break;
      }
      day_value = core::to_iso(on);
      when = {on, date_precision::day};
    } else {
      day_value = "XXXX-XX-XX";
    }
    auto c = make(i, end, timex_type::time, day_value + "T" + pad(hour, 2) + ":" + pad(minute, 2));
    c.when = when;
    c.future = anchor_ && when.known() && when.value > *anchor_;
    return c;
  }

  // "Friday", "last Friday", "Friday night", "Monday, Oct. 26", "Tuesday nights" (a set).
  std::optional<candidate> weekday_expr(std::size_t i) {
    std::size_t j = i;
    int shift = 0;
    const auto key = k(i);
    if (key == "last"sv || key == "previous"sv) shift = -1, j = i + 1;
    else if (key == "next"sv || key == "coming"sv) shift = 1, j = i + 1;
    else if (key == "this"sv && is(i + 1, "coming")) shift = 1, j = i + 2;
    else if (key == "this"sv || key == "on"sv) j = i + 1;
    else if (key == "the"sv && (is(i + 1, "previous") || is(i + 1, "following"))) {
      j = i + 2;
    }
    if (!has(j, detail::w_weekday)) return std::nullopt;
    if (key == "on"sv) return std::nullopt;  // "on" stays outside; handled at j
    const unsigned wd = w(j).value;
    if (has(j, detail::w_weekday_plural)) {
      std::string v = "XXXX-WXX-" + std::to_string(wd);
      std::size_t end = j + 1;
      return make(i, end, timex_type::set, v);
    }
    std::size_t end = j + 1;
    // "Friday's" keeps the possessive outside.
    std::string pod;
    if (has(end, detail::w_part_of_day)) {
      if (has(end, detail::w_plural)) {
        return make(i, end + 1, timex_type::set,
                    "XXXX-WXX-" + std::to_string(wd) + "T" + std::string(detail::part_of_day_codes[w(end).value - 1]));
      }
      // TimeBank mostly values "Friday night" as the day alone (often tagging only "Friday");
      // the other parts keep their code ("Friday morning" = ...TMO, "Friday evening" = ...TEV).
      const unsigned part = w(end).value;
      if (part != 4) pod = detail::part_of_day_codes[part - 1];
      ++end;
    }
    // "Monday, Oct. 26[, 1998]": the written date decides.
    {
      const std::size_t m = is(end, ",") ? end + 1 : end;
      if (auto explicit_date = month_expr(m); explicit_date && explicit_date->when.precision == date_precision::day) {
        explicit_date->first = i;
        return explicit_date;
      }
    }
    if (key == "the"sv) {
      // "the previous Friday", "the following Monday": around the reference day.
      if (!anchor_) return make(i, end, timex_type::date, "XXXX-WXX-" + std::to_string(wd));
      const calendar_day r = reference().precision == date_precision::day ? reference().value : *anchor_;
      const date::weekday target{wd % 7};
      calendar_day d = is(i + 1, "previous") ? (r - date::days{1}) - (date::weekday{r - date::days{1}} - target)
                                             : (r + date::days{1}) + (target - date::weekday{r + date::days{1}});
      auto c = day(i, end, d);
      if (!pod.empty()) c.value += "T" + pod, c.type = timex_type::time;
      return c;
    }
    if (!anchor_) {
      auto c = make(i, end, timex_type::date, "XXXX-WXX-" + std::to_string(wd) + (pod.empty() ? "" : "T" + pod));
      c.future = shift > 0;
      return c;
    }
    // "Wednesday's ruling" names a day already past.
    const bool possessive = is(end, "s") && !t_.tokens[end].space_before;
    const calendar_day d = weekday_day(wd, shift != 0 || possessive ? 0 : tense(i, end), shift);
    auto c = day(i, end, d);
    if (!pod.empty()) {
      c.value += "T" + pod;
      c.type = timex_type::time;
    }
    return c;
  }

  // "March 24", "Mar. 24, 2017", "24 March 2017", "May 2010", "January this year", "April",
  // "last November", "each July" (elsewhere).
  std::optional<candidate> month_expr(std::size_t i) {
    int shift = 0;
    bool shifted = false;
    std::size_t j = i;
    const auto key = k(i);
    if (key == "last"sv || key == "next"sv || key == "this"sv || key == "past"sv) {
      shift = key == "last"sv ? -1 : key == "next"sv ? 1 : 0;
      shifted = true;
      j = i + 1;
      if (key == "this"sv && is(j, "past")) shift = -1, ++j;
    }
    // "24 March 2017"
    if (!shifted) {
      if (auto d = day_at(i); d && number(i)) {
        std::size_t m = is(i + 1, "of") ? i + 2 : i + 1;
        if (auto mo = month_at(m, false)) {
          std::size_t end = mo->second;
          std::optional<int> y = year_at(end);
          if (!y && is(end, ",")) {
            y = year_at(end + 1);
            if (y) ++end;
          }
          if (y) ++end;
          return month_day(i, end, mo->first, *d, y);
        }
      }
    }
    auto mo = month_at(j, true);
    if (!mo) return std::nullopt;
    const unsigned m = mo->first;
    std::size_t end = mo->second;
    if (shifted && day_at(end) && number(end)) return std::nullopt;  // "last Oct. 23": the date alone
    if (!shifted) {
      // Month day [, year]
      if (auto d = day_at(end); d && (number(end) || true)) {
        if (number(end) || has(end, detail::w_ordinal)) {
          std::size_t e = end + 1;
          std::optional<int> y;
          if (is(e, ",") && year_at(e + 1)) {
            y = year_at(e + 1);
            e += 2;
          } else if (year_at(e)) {
            y = year_at(e);
            e += 1;
          }
          if (!(number(end) && k(end).size() == 4)) return month_day(i, e, m, *d, y);
        }
      }
      // Month [of|,] year: "May 2010", "January nineteen ninety-seven"
      std::size_t e = end;
      if (is(e, "of") || is(e, ",")) ++e;
      if (auto y = any_year(e)) return month(i, y->second, y->first, m);
      // Month this/last/next year
      if ((is(end, "this") || is(end, "last") || is(end, "next")) && is(end + 1, "year")) {
        if (!anchor_) return make(i, end + 2, timex_type::date, "XXXX-" + pad(m, 2));
        const int y = year_of(*anchor_) + (is(end, "last") ? -1 : is(end, "next") ? 1 : 0);
        return month(i, end + 2, y, m);
      }
    }
    // A month alone: "May" and "March" need a capital and a place where a month fits.
    const auto mk = k(j);
    if (mk == "may"sv || mk == "march"sv) {
      if (!capitalised(j)) return std::nullopt;
      if (j == sb_ && !shifted) return std::nullopt;
      const auto prev = j > sb_ ? k(j - 1) : ""sv;
      if (!shifted && prev != "in"sv && prev != "since"sv && prev != "until"sv && prev != "by"sv &&
          prev != "of"sv && prev != "early"sv && prev != "late"sv && prev != "mid"sv && prev != "-"sv &&
          prev != "through"sv && prev != "before"sv && prev != "after"sv && prev != "from"sv &&
          prev != "to"sv && prev != "during"sv && prev != "last"sv && prev != "till"sv && prev != "and"sv)
        return std::nullopt;
      if (mk == "march"sv && (is(end, "on") || is(end, "to") || is(end, "through"))) return std::nullopt;
    }
    if (has(j, detail::w_month_abbr) && !is(j + 1, ".")) {
      // A bare abbreviation needs its stop or a day.
      if (raw(j).back() != '.') return std::nullopt;
    }
    if (!anchor_) {
      auto c = make(i, end, timex_type::date, "XXXX-" + pad(m, 2));
      c.future = shift > 0;
      return c;
    }
    const int ay = year_of(*anchor_);
    const unsigned am = month_of(*anchor_);
    int y = ay;
    if (shifted) {
      // "last February" in March is a year back; "last November" in January is two months back.
      if (shift < 0) y = m + 1 < am ? ay : ay - 1;
      else if (shift > 0) y = m > am ? ay : ay + 1;
    } else {
      // A month alone in a future clause is the next one that has not ended ("will fly a mission
      // in December" in March); past cues are too often another clause's, so otherwise the
      // closest month stands.
      const auto t = clause_tense(i, end);
      if (m == am) y = ay;
      else if (t.sign > 0 && !t.reporting) y = m > am ? ay : ay + 1;
      else y = year_for(m, 15, t);
    }
    return month(i, end, y, m);
  }

  candidate month_day(std::size_t first, std::size_t end, unsigned m, unsigned d, std::optional<int> y) {
    auto c = month_day_value(first, end, m, d, y);
    // "the quarter ended Sept. 30": the closing day of the period the text is about, which stays
    // its reference ("a year ago" is then the same quarter a year before).
    if (first > sb_ + 1 && (is(first - 1, "ended") || is(first - 1, "ending"))) {
      const auto p = k(first - 2);
      if (p == "quarter"sv || p == "period"sv || p == "months"sv || p == "year"sv || p == "half"sv ||
          p == "weeks"sv)
        c.sets_reference = false;
    }
    return c;
  }
  candidate month_day_value(std::size_t first, std::size_t end, unsigned m, unsigned d, std::optional<int> y) {
    if (y) {
      date::year_month_day ymd{date::year{*y}, date::month{m}, date::day{d}};
      if (!ymd.ok()) return month(first, end, *y, m);
      return day(first, end, calendar_day{ymd});
    }
    if (!anchor_) return make(first, end, timex_type::date, "XXXX-" + pad(m, 2) + "-" + pad(d, 2));
    const int yy = year_for(m, d, clause_tense(first, end));
    date::year_month_day ymd{date::year{yy}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return month(first, end, yy, m);
    return day(first, end, calendar_day{ymd});
  }

  // "1990", "fiscal 1989", "the 1990s", "'80s", "the nineties", "the 20th century",
  // "nineteen ninety-six".
  std::optional<candidate> year_expr(std::size_t i) {
    std::size_t j = i;
    const bool the = is(i, "the");
    if (the) ++j;
    if (is(j, "fiscal")) ++j;
    // decades: "1990s", "'80s", "the nineties"
    {
      std::size_t d = j;
      if (is(d, "'") || is(d, "\xE2\x80\x99")) ++d;
      const auto key = k(d);
      if (number(d) && key.size() >= 3 && key.back() == 's' && !age_decade(d)) {
        const auto digits = key.substr(0, key.size() - 1);
        if (all_digits(digits) && (digits.size() == 4 || digits.size() == 2) && digits.back() == '0') {
          const std::string v = digits.size() == 4 ? std::string(digits.substr(0, 3))
                                                   : "19" + std::string(digits.substr(0, 1));
          return vague_period(i, d + 1, v, false);
        }
      }
      if (has(d, detail::w_decade_word) && (the || is(i - 1, "the"))) {
        return vague_period(i, d + 1, "19" + std::to_string(w(d).value), false);
      }
    }
    // centuries: "the 20th century", "the eleventh century", "this century"
    if ((the || is(i, "this") || is(i, "last") || is(i, "next")) && (is(j, "century") || is(j + 1, "century"))) {
      if (is(j, "century")) {
        if (the) return std::nullopt;
        if (!anchor_) return make(i, j + 1, timex_type::date, "XX");
        const int c = year_of(*anchor_) / 100 + (is(i, "last") ? -1 : is(i, "next") ? 1 : 0);
        return vague_period(i, j + 1, pad(c, 2), is(i, "next"));
      }
      std::optional<unsigned> n;
      if (has(j, detail::w_ordinal)) n = w(j).value;
      else if (number(j)) {
        auto key = k(j);
        if (key.size() > 2) key.remove_suffix(2);
        if (all_digits(key)) n = static_cast<unsigned>(to_int(key));
      }
      if (n && *n >= 1 && *n <= 25) return vague_period(i, j + 2, pad(static_cast<long>(*n) - 1, 2), false);
    }
    if (!the && has(i, detail::w_ordinal) && is(i + 1, "century")) {
      return vague_period(i, i + 2, pad(static_cast<long>(w(i).value) - 1, 2), false);
    }
    if (!the && number(i) && is(i + 1, "century")) {
      auto key = k(i);
      if (key.size() > 2) key.remove_suffix(2);
      if (all_digits(key) && to_int(key) >= 1 && to_int(key) <= 25)
        return vague_period(i, i + 2, pad(to_int(key) - 1, 2), false);
    }
    // "nineteen ninety-six", "the year two thousand"
    if (auto sy = spelled_year(j)) return year(i, sy->second, sy->first);
    if (the && is(j, "year")) {
      if (auto sy = spelled_year(j + 1)) return year(i, sy->second, sy->first);
      if (auto y = year_at(j + 1)) return year(i, j + 2, *y);
    }
    const auto y = year_at(j);
    if (!y) return std::nullopt;
    const bool fiscal = j > i && is(j - 1, "fiscal");
    // Not a year: "$1990", "1990 shares", "1,990".
    if (j > sb_ && (is(j - 1, "$") || is(j - 1, "#") || is(j - 1, "no"))) return std::nullopt;
    const auto next = k(j + 1);
    if (next == "%"sv || next == "percent"sv || next == "people"sv || next == "shares"sv || next == "tons"sv ||
        next == "barrels"sv || next == "troops"sv || next == "soldiers"sv || next == "miles"sv ||
        next == "km"sv || next == "kilometers"sv || next == "feet"sv || next == "meters"sv)
      return std::nullopt;
    if (next == "-"sv && number(j + 2)) return std::nullopt;  // ranges and phone numbers
    if (*y < 1900 && !fiscal) {
      const auto prev = j > sb_ ? k(j - 1) : ""sv;
      if (prev != "in"sv && prev != "since"sv && prev != "of"sv && prev != "until"sv && prev != "by"sv &&
          prev != "from"sv && prev != "year"sv && prev != "before"sv && prev != "after"sv && prev != ","sv)
        return std::nullopt;
    }
    if (the && !fiscal) {
      // "the 1988 period", "the 1988 quarter": that year's period; in a report on a quarter, that
      // year's same quarter (the comparison, which does not become the text's reference).
      if (is(j + 1, "period") || is(j + 1, "quarter")) {
        if (last_quarter_) {
          auto c = quarter(i, j + 2, *y, last_quarter_->second);
          c.sets_reference = false;
          return c;
        }
        return year(i, j + 2, *y);
      }
      return std::nullopt;  // "the 1990 budget": the year alone is tagged at j
    }
    return year(i, j + 1, *y);
  }

  // "in his 30s", "their early 20s", "her mid-40s": an age, not a decade.
  bool age_decade(std::size_t d) const {
    std::size_t b = d;
    if (b > sb_ && is(b - 1, "-")) --b;
    if (b > sb_ && (is(b - 1, "early") || is(b - 1, "mid") || is(b - 1, "late"))) --b;
    if (b == sb_) return false;
    const auto p = k(b - 1);
    return p == "his"sv || p == "her"sv || p == "their"sv || p == "my"sv || p == "your"sv || p == "our"sv;
  }

  // Whether the text is reporting on a quarter: one has been named, and no longer period ("the
  // nine months", "the first half") has been named since ("For the nine months, net was ...,
  // against ... a year earlier" compares years).
  bool quarter_report() const {
    return last_quarter_ && reference_ &&
           (reference_->precision == date_precision::quarter || reference_->precision == date_precision::year) &&
           !(long_period_at_ && *long_period_at_ > quarter_at_);
  }

  unsigned default_quarter() const {
    if (last_quarter_) return last_quarter_->second;
    return anchor_ ? (quarter_of(*anchor_) + 2) % 4 + 1 : 0;
  }
  int quarter_year(unsigned q, int tense_sign) const {
    const int ay = year_of(*anchor_);
    if (q > quarter_of(*anchor_) && tense_sign <= 0) return ay - 1;
    return ay;
  }

  // "the third quarter", "third-quarter", "the fiscal first quarter", "the 1988 second quarter",
  // "the third quarter of 1990", "the quarter", "the year-ago quarter", "the first half of 1989".
  std::optional<candidate> quarter_expr(std::size_t i) {
    std::size_t j = i;
    const auto key = k(i);
    std::optional<int> y;
    int year_shift = 0;
    bool year_ago = false;
    bool current = false;
    bool det = false;
    std::size_t first = i;
    if ((key == "this"sv || key == "last"sv || key == "next"sv) && is(i + 1, "year") && is(i + 2, "s")) {
      year_shift = key == "last"sv ? -1 : key == "next"sv ? 1 : 0;
      j = i + 3;
      det = true;
    } else if (key == "the"sv || key == "its"sv || key == "their"sv || key == "that"sv || key == "this"sv ||
               key == "a"sv) {
      det = true;
      current = key == "this"sv;
      ++j;
      // TimeBank keeps "the" and "this" inside, other determiners outside.
      if (key != "the"sv && key != "this"sv) first = j;
    }
    // adjectives in any order
    for (int guard = 0; guard < 4; ++guard) {
      const auto a = k(j);
      if (a == "fiscal"sv || a == "flat"sv || a == "comparable"sv || a == "corresponding"sv || a == "same"sv ||
          a == "latest"sv || a == "recent"sv || a == "most"sv) {
        ++j;
      } else if (a == "current"sv) {
        current = true;
        ++j;
      } else if ((a == "year"sv) && joining_hyphen(j + 1) && (is(j + 2, "ago") || is(j + 2, "earlier"))) {
        year_ago = true;
        j += 3;
      } else if (auto yy = year_at(j); yy && det) {
        y = yy;
        ++j;
      } else {
        break;
      }
    }
    std::optional<unsigned> n;
    time_unit u = time_unit::none;
    std::size_t p = j;
    if (has(j, detail::w_ordinal) && w(j).value <= 4) {
      n = w(j).value;
      p = skip_hyphen(j + 1);
      if (is(p, "fiscal")) ++p;
    } else if (number(j)) {
      const auto nk = k(j);
      if (nk == "1st"sv || nk == "2nd"sv || nk == "3rd"sv || nk == "4th"sv) {
        n = static_cast<unsigned>(nk[0] - '0');
        p = skip_hyphen(j + 1);
      }
    } else if ((k(j) == "last"sv) && is(j + 1, "half")) {
      n = 2;
      p = j + 1;
    }
    // "its quarter-century low", "the quarter-to-quarter comparison": not a quarter of a year.
    if (is(p, "quarter") && joining_hyphen(p + 1) && (is(p + 2, "century") || is(p + 2, "to")))
      return std::nullopt;
    if (is(p, "quarter")) u = time_unit::quarter;
    else if (is(p, "half") && n && *n <= 2) u = time_unit::half;
    else if (is(p, "period") && (det || year_ago) && !n) u = time_unit::quarter;
    else if (year_ago && !n && (key == "year"sv)) {
      // bare "year-ago"/"year-earlier"
      u = time_unit::quarter;
      p = j - 1;
    } else return std::nullopt;
    std::size_t end = p + 1;
    if (!n && !det && !year_ago) return std::nullopt;  // a bare "quarter"
    if (!n && key == "a"sv) return std::nullopt;
    // "of 1990", "1990"
    if (is(end, "of") && year_at(end + 1)) {
      y = year_at(end + 1);
      end += 2;
    } else if (!y && year_at(end)) {
      y = year_at(end);
      ++end;
    }
    // "the quarter a year ago", "the corresponding period last year"
    if ((is(end, "a") && is(end + 1, "year") && (is(end + 2, "ago") || is(end + 2, "earlier")))) {
      year_ago = true;
      end += 3;
    } else if (is(end, "last") && is(end + 1, "year")) {
      year_ago = true;
      end += 2;
    }
    if (key == "last"sv && year_shift == -1) year_ago = true, year_shift = 0;
    if (u == time_unit::quarter && is(p, "period") && !year_ago && !(is(j - 1, "latest") || is(j - 1, "recent")) &&
        !y && !current)
      return std::nullopt;  // "the period" alone is too vague
    if (u == time_unit::half) {
      if (!y && !anchor_) return make(first, end, timex_type::date, "XXXX-H" + std::to_string(*n));
      const int yy = y ? *y : year_of(*anchor_) + year_shift;
      return vague_period(first, end, pad(yy, 4) + "-H" + std::to_string(*n), false);
    }
    unsigned q = n ? *n : 0;
    if (!anchor_ && !y) {
      if (!q && last_quarter_) q = last_quarter_->second;
      return make(first, end, timex_type::date, q ? "XXXX-Q" + std::to_string(q) : "XXXX-QX");
    }
    int yy;
    if (y) {
      yy = *y;
      if (!q) q = last_quarter_ ? last_quarter_->second : 4;
    } else if (!q) {
      std::optional<candidate> closing;
      if (!year_ago && !last_quarter_ && (is(end, "ended") || is(end, "ending"))) closing = month_expr(end + 1);
      if (closing && closing->when.precision == date_precision::day) {
        // "the quarter ended July 31": the three months up to that day, named by the calendar
        // quarter that holds most of them (unless the text has named it: "the fiscal first
        // quarter ... the quarter ended Sept. 30" keeps the company's number).
        const calendar_day mid = closing->when.value - date::days{45};
        q = quarter_of(mid);
        yy = year_of(mid);
      } else if (current && anchor_) {
        q = quarter_of(*anchor_);
        yy = year_of(*anchor_);
      } else if (last_quarter_) {
        q = last_quarter_->second;
        yy = last_quarter_->first;
      } else {
        q = default_quarter();
        yy = quarter_year(q, 0);
      }
      if (year_ago) {
        --yy;
      }
    } else {
      if (last_quarter_ && year_ago) yy = last_quarter_->first - 1;
      else yy = quarter_year(q, tense(i, end)) + year_shift - (year_ago ? 1 : 0);
    }
    auto c = quarter(first, end, yy, q);
    c.sets_reference = !year_ago;
    return c;
  }

  // "last week", "this month", "next year", "the past year", "the following day", "that year",
  // "the weekend", "last summer".
  std::optional<candidate> relative(std::size_t i) {
    const auto key = k(i);
    std::size_t j = i + 1;
    int shift = 0;
    bool from_reference = false;
    bool current_only = false;
    if (key == "last"sv || key == "past"sv) shift = -1;
    else if (key == "next"sv || key == "coming"sv) shift = 1;
    else if (key == "this"sv || key == "current"sv) shift = 0;
    else if (key == "that"sv) {
      shift = 0;
      from_reference = true;
      if (is(j, "same") || is(j, "very")) ++j;  // "that same day"
    } else if (key == "the"sv) {
      const auto a = k(i + 1);
      j = i + 2;
      if (a == "past"sv || a == "last"sv || a == "previous"sv) {
        shift = -1;
        from_reference = a == "previous"sv;
      } else if (a == "next"sv || a == "following"sv) {
        shift = 1;
        from_reference = true;
      } else if (a == "current"sv || a == "present"sv) shift = 0;
      else if (a == "same"sv) shift = 0, from_reference = true;
      else if (a == "coming"sv) shift = 1;
      else if (has(i + 1, detail::w_unit) && (is(i + 1, "weekend"))) {
        j = i + 1;
        shift = 0;
        current_only = true;
      } else if (has(i + 1, detail::w_season)) {
        j = i + 1;
        shift = 0;
      } else return std::nullopt;
      if ((a == "past"sv || a == "last"sv) && has(j, detail::w_unit) && !has(j, detail::w_plural) &&
          (is(j, "day") || is(j, "hour") || is(j, "minute"))) return std::nullopt;
    } else if (key == "this"sv && is(i + 1, "past")) {
      shift = -1;
      j = i + 2;
    } else return std::nullopt;
    if (key == "this"sv && is(j, "past")) shift = -1, ++j;
    if (key == "this"sv && is(j, "coming")) shift = 1, ++j;
    if (is(j, "fiscal") && is(j + 1, "year")) ++j;
    (void)current_only;
    // seasons
    if (has(j, detail::w_season)) {
      const unsigned s = w(j).value;
      if ((is(j, "fall") || is(j, "spring")) && key != "the"sv && key != "last"sv && key != "this"sv && key != "next"sv)
        return std::nullopt;
      const std::string code{detail::season_codes[s - 1]};
      // "the winter of 1994", "the summer of nineteen ninety-four": that year's season.
      if (key == "the"sv && is(j + 1, "of")) {
        if (auto y = any_year(j + 2)) return vague_period(i, y->second, pad(y->first, 4) + "-" + code, false);
      }
      if (!anchor_) return make(i, j + 1, timex_type::date, "XXXX-" + code);
      int y = year_of(*anchor_);
      const unsigned am = month_of(*anchor_);
      const unsigned season_start = s == 1 ? 3 : s == 2 ? 6 : s == 3 ? 9 : 12;
      const bool in_or_after = am >= season_start;
      // "last spring" is the previous year's (TimeBank: "last spring" in October 1989 = 1988-SP);
      // "this past spring" is the latest one that has ended.
      if (shift < 0 && key == "last"sv) y = y - 1;
      else if (shift < 0) y = in_or_after && am >= season_start + 3 ? y : y - 1;
      else if (shift > 0) y = am < season_start ? y : y + 1;
      return vague_period(i, j + 1, pad(y, 4) + "-" + code, shift > 0);
    }
    if (!has(j, detail::w_unit) || has(j, detail::w_plural)) return std::nullopt;
    const time_unit u = w(j).unit;
    const std::size_t end = j + 1;
    if (u == time_unit::quarter || u == time_unit::half) return std::nullopt;  // quarter_expr
    if (!anchor_ && !(from_reference && reference_)) {
      std::string v;
      switch (u) {
        case time_unit::day: v = "XXXX-XX-XX"; break;
        case time_unit::week: v = "XXXX-WXX"; break;
        case time_unit::weekend: v = "XXXX-WXX-WE"; break;
        case time_unit::month: v = "XXXX-XX"; break;
        case time_unit::year: v = "XXXX"; break;
        case time_unit::decade: v = "XXX"; break;
        case time_unit::century: v = "XX"; break;
        default: return std::nullopt;
      }
      auto c = make(i, end, timex_type::date, v);
      c.future = shift > 0;
      return c;
    }
    const dated r = from_reference ? reference() : dated{*anchor_, date_precision::day};
    const calendar_day base = r.value;
    switch (u) {
      case time_unit::day:
        if (!from_reference) return std::nullopt;  // "the next day" needs a reference
        if (r.precision == date_precision::month && (key == "that"sv || is(i + 1, "same"))) {
          // "that same day" after "in October": a day of that month.
          return make(i, end, timex_type::date, pad(year_of(base), 4) + "-" + pad(month_of(base), 2) + "-XX");
        }
        if (r.precision != date_precision::day && r.precision != date_precision::unknown) return std::nullopt;
        if (key == "that"sv || is(i + 1, "same")) return day(i, end, base);
        return day(i, end, base + date::days{shift});
      case time_unit::week:
        return week(i, end, base + date::days{7 * shift});
      case time_unit::weekend: {
        // The weekend on or before the base day (after it for "next").
        calendar_day sat = base - (date::weekday{base} - date::Saturday);
        if (shift > 0 || (shift == 0 && key != "the"sv && tense(i, end) > 0)) {
          sat = base + (date::Saturday - date::weekday{base});
          if (shift > 0 && sat == base) sat += date::days{7};
        } else if (shift < 0) {
          sat -= date::days{7};
        }
        auto c = week(i, end, sat);
        c.value += "-WE";
        c.when = {};
        c.sets_reference = false;
        return c;
      }
      case time_unit::month: {
        const date::year_month ym = date::year_month_day{base}.year() / date::year_month_day{base}.month() +
                                    date::months{shift};
        return month(i, end, static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
      }
      case time_unit::year:
        if (key == "the"sv && !from_reference && shift == 0 && !is(i + 1, "current") && !is(i + 1, "present"))
          return std::nullopt;
        return year(i, end, year_of(base) + shift);
      case time_unit::decade: {
        const int d = year_of(base) / 10 + shift;
        return vague_period(i, end, std::to_string(d), shift > 0);
      }
      case time_unit::century: {
        const int c = year_of(base) / 100 + shift;
        return vague_period(i, end, pad(c, 2), shift > 0);
      }
      default:
        return std::nullopt;
    }
  }

  // "three years", "two-year", "the past three months", "the next few days", "a decade",
  // "two years ago", "a year earlier", "for years".
  std::optional<candidate> duration_or_ago(std::size_t i) {
    std::size_t j = i;
    const auto key = k(i);
    bool the = false;
    int direction = 0;
    if (key == "the"sv) {
      the = true;
      ++j;
    }
    {
      const auto a = k(j);
      if (a == "past"sv || a == "last"sv || a == "previous"sv || a == "first"sv || a == "final"sv ||
          a == "latest"sv || a == "initial"sv || a == "full"sv || a == "entire"sv || a == "whole"sv) {
        ++j;
        direction = -1;
      } else if (a == "next"sv || a == "coming"sv || a == "following"sv || a == "remaining"sv) {
        ++j;
        direction = 1;
      }
    }
    if (key == "each"sv && is(i + 1, "of") && is(i + 2, "the")) {
      j = i + 3;
      if (is(j, "past") || is(j, "last")) ++j;
    }
    // "a day-long meeting", "a year-long inquiry": one unit.
    if (!the && direction == 0 && has(i, detail::w_unit) && !has(i, detail::w_plural) && joining_hyphen(i + 1) &&
        is(i + 2, "long") && w(i).unit != time_unit::quarter && w(i).unit != time_unit::half)
      return make(i, i + 3, timex_type::duration, duration_value({1, false, 0}, w(i).unit));
    auto c = parse_count(j, !the && j == i);
    std::size_t u = j;
    if (c) {
      u = c->end;
    } else if (has(j, detail::w_plural) && has(j, detail::w_unit) && (the || direction != 0)) {
      // "the next few days" covered by count; "the past months" is vague
      c = count{0, true, j};
    } else if (the && has(j, detail::w_unit) && !has(j, detail::w_plural) && direction == 0) {
      // "the year", "the week": a period of one unit when not a date
      return std::nullopt;
    } else if (!the && direction == 0 && has(j, detail::w_unit) && has(j, detail::w_plural) &&
               (is(j, "years") || is(j, "months") || is(j, "weeks") || is(j, "decades") || is(j, "days") ||
                is(j, "centuries") || is(j, "hours") || is(j, "minutes"))) {
      // bare plurals after "for", "in", "over": "for years"
      const auto prev = i > sb_ ? k(i - 1) : ""sv;
      if (is(j + 1, "ago")) {
        auto r = ref(i, j + 2, "PAST_REF");
        return r;
      }
      if (prev == "for"sv || prev == "in"sv || prev == "within"sv || (prev == "over"sv && !the)) {
        if (is(j + 1, "of") || is(j + 1, "and") || is(j + 1, "or")) return std::nullopt;
        auto d = make(i, j + 1, timex_type::duration, duration_value({0, true, j}, w(j).unit));
        return d;
      }
      if (is(j, "decades") && joining_hyphen(j + 1) && is(j + 2, "long"))
        return make(i, j + 3, timex_type::duration, "PXY");
      return std::nullopt;
    } else {
      return std::nullopt;
    }
    // "two more weeks", "eight trading days", "an additional year"
    if (is(u, "more") || is(u, "additional") || is(u, "trading") || is(u, "business") || is(u, "working") ||
        is(u, "straight") || is(u, "consecutive") || is(u, "full") || is(u, "calendar") || is(u, "extra"))
      ++u;
    // "two to three weeks": the first count
    if ((is(u, "to") || is(u, "or")) && parse_count(u + 1, false)) u = parse_count(u + 1, false)->end;
    u = skip_hyphen(u);
    if (!has(u, detail::w_unit)) return std::nullopt;
    const time_unit unit = w(u).unit;
    if (unit == time_unit::half) return std::nullopt;
    // "three-quarters of its food": a fraction.
    if (unit == time_unit::quarter && u > j && joining_hyphen(u - 1) && is(u + 1, "of")) return std::nullopt;
    const bool plural = has(u, detail::w_plural);
    // "a second quarter"/"second" are ordinals; "a year" needs more than the article in some places
    if (c->value == 1 && !c->vague && (key == "a"sv || key == "an"sv) && unit == time_unit::second) return std::nullopt;
    std::size_t end = u + 1;
    // "a minute and a half"
    if (is(end, "and") && is(end + 1, "a") && is(end + 2, "half")) {
      c->value += 0.5;
      end += 3;
    }
    // "a year-earlier loss": the comparison period, resolved from "year" on (quarter_expr).
    if (unit == time_unit::year && !plural && joining_hyphen(end) && (is(end + 1, "earlier") || is(end + 1, "ago")))
      return std::nullopt;
    // Ages are not time expressions: "6-year-old", "52 years old".
    if ((joining_hyphen(end) && is(end + 1, "old")) || is(end, "old")) return std::nullopt;
    if (joining_hyphen(end) && is(end + 1, "long")) end += 2;  // "day-long"
    (void)plural;
    // ago / earlier / later / before
    const bool small = unit == time_unit::hour || unit == time_unit::minute || unit == time_unit::second;
    // "a week or so ago"
    std::size_t a = end;
    if (is(a, "or") && is(a + 1, "so")) a += 2;
    if (k(a) == "ago"sv || (k(a) == "earlier"sv && !the && !small)) {
      if (the || direction != 0) return std::nullopt;
      auto r = ago(i, a + 1, *c, unit, k(a));
      r.sets_reference = false;
      return r;
    }
    // "a year": SET after a rate ("$5 a year", "twice a year")
    if ((key == "a"sv || key == "an"sv || key == "per"sv) && c->value == 1 && !plural && j == i) {
      const auto prev = i > sb_ ? k(i - 1) : ""sv;
      if (prev == "times"sv || prev == "twice"sv || prev == "once"sv)
        return make(i, end, timex_type::set, duration_value({1, false, 0}, unit));
      if (prev == "million"sv || prev == "billion"sv || prev == "percent"sv || prev == "%"sv ||
          prev == "dollars"sv || prev == "cents"sv || prev == "thousand"sv || (i > sb_ && number(i - 1)))
        return std::nullopt;  // a rate, not a time
    }
    // "the first nine months" etc.: a duration. Single units with "the past" are dates ("the past year").
    if (the && direction < 0 && !plural && c->value == 1 && !c->vague && j == u) {
      return std::nullopt;
    }
    if ((the || direction != 0) && c->vague && is(j, "few") == false && c->end == j && direction < 0 &&
        is(i + 1, "last")) {
      // "the last few months" handled as duration below
    }
    std::size_t first = (the && direction == 0 && c->vague && c->end == j) ? j : i;
    // "a year-long inquiry": the article stays outside the compound.
    if ((key == "a"sv || key == "an"sv) && j == i && u == i + 1 && joining_hyphen(u + 1)) first = u;
    return make(first, end, timex_type::duration, duration_value(*c, unit));
  }

  candidate ago(std::size_t first, std::size_t end, const count& c, time_unit u, std::string_view how) {
    if (c.vague) {
      if (how == "later"sv) return ref(first, end, "FUTURE_REF");
      return ref(first, end, "PAST_REF");
    }
    const bool back = how != "later"sv;
    // "a year earlier" compares with the publication year like "a year ago"; smaller units count
    // from the day the text last named.
    const bool anaphoric = how != "ago"sv && u != time_unit::year && u != time_unit::decade &&
                           u != time_unit::century;
    if (!anchor_) {
      std::string v;
      switch (u) {
        case time_unit::day: v = "XXXX-XX-XX"; break;
        case time_unit::week: v = "XXXX-WXX"; break;
        case time_unit::month: v = "XXXX-XX"; break;
        case time_unit::quarter: v = "XXXX-QX"; break;
        default: v = "XXXX"; break;
      }
      auto r = make(first, end, timex_type::date, v);
      r.future = !back;
      return r;
    }
    const double sign = back ? -1 : 1;
    const auto n = static_cast<int>(std::lround(c.value * sign));
    dated base = anaphoric ? reference() : dated{*anchor_, date_precision::day};
    // In a report on quarters, "a year ago" means the same quarter a year earlier.
    if (u == time_unit::year && quarter_report()) {
      auto q = quarter(first, end, last_quarter_->first + n, last_quarter_->second);
      q.sets_reference = false;
      return q;
    }
    if (anaphoric && u == time_unit::year && base.precision == date_precision::day &&
        (base.value == *anchor_)) {
      return year(first, end, year_of(base.value) + n);
    }
    switch (u) {
      case time_unit::day: return day(first, end, base.value + date::days{n});
      case time_unit::week: return week(first, end, base.value + date::days{7 * n});
      case time_unit::fortnight: return week(first, end, base.value + date::days{14 * n});
      case time_unit::month: {
        const date::year_month_day ymd{base.value};
        const date::year_month ym = ymd.year() / ymd.month() + date::months{n};
        return month(first, end, static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
      }
      case time_unit::year: {
        if (anaphoric && base.precision == date_precision::day) {
          const date::year_month_day ymd{base.value};
          auto shifted = ymd + date::years{n};
          if (!shifted.ok()) shifted = shifted.year() / shifted.month() / date::last;
          return day(first, end, calendar_day{shifted});
        }
        if (anaphoric && base.precision == date_precision::month) {
          return month(first, end, year_of(base.value) + n, month_of(base.value));
        }
        return year(first, end, year_of(base.value) + n);
      }
      case time_unit::decade: return year(first, end, year_of(base.value) + 10 * n);
      case time_unit::century: return year(first, end, year_of(base.value) + 100 * n);
      case time_unit::quarter: {
        const int idx = year_of(base.value) * 4 + static_cast<int>(quarter_of(base.value)) - 1 + n;
        return quarter(first, end, idx / 4, static_cast<unsigned>(idx % 4) + 1);
      }
      case time_unit::hour:
      case time_unit::minute:
      case time_unit::second: {
        auto r = make(first, end, timex_type::time, core::to_iso(base.value));
        return r;
      }
      default:
        return year(first, end, year_of(base.value) + n);
    }
  }

  // "every Friday", "each year", "daily", "weekly", "every other week", "each July".
  std::optional<candidate> frequency(std::size_t i) {
    const auto key = k(i);
    if (has(i, detail::w_frequency)) {
      const time_unit u = w(i).unit;
      // "quarterly" and "annually" mostly qualify amounts ("quarterly dividend"), not times.
      if (u == time_unit::quarter || k(i) == "annually"sv) return std::nullopt;
      if (k(i) == "daily"sv && capitalised(i + 1)) return std::nullopt;  // "the party daily Granma"
      return make(i, i + 1, timex_type::set, duration_value({1, false, 0}, u));
    }
    if (key != "every"sv && key != "each"sv) return std::nullopt;
    std::size_t j = i + 1;
    double n = 1;
    if (is(j, "other")) {
      n = 2;
      ++j;
    } else if (auto c = parse_count(j, false); c && !c->vague) {
      n = c->value;
      j = c->end;
    }
    if (has(j, detail::w_weekday)) {
      std::string v = "XXXX-WXX-" + std::to_string(w(j).value);
      std::size_t end = j + 1;
      if (has(end, detail::w_part_of_day)) {
        v += "T" + std::string(detail::part_of_day_codes[w(end).value - 1]);
        ++end;
      }
      return make(i, end, timex_type::set, v);
    }
    if (auto m = month_at(j, false)) return make(i, m->second, timex_type::set, "XXXX-" + pad(m->first, 2));
    if (has(j, detail::w_part_of_day)) {
      return make(i, j + 1, timex_type::set, "XXXX-XX-XXT" + std::string(detail::part_of_day_codes[w(j).value - 1]));
    }
    if (has(j, detail::w_unit)) return make(i, j + 1, timex_type::set, duration_value({n, false, 0}, w(j).unit));
    return std::nullopt;
  }

  // PRESENT_REF, PAST_REF and FUTURE_REF words.
  std::optional<candidate> ref_words(std::size_t i) {
    const auto key = k(i);
    // "now", and "now" of "now that he is in a confrontation" (TimeBank tags it too).
    if (key == "now"sv) return ref(i, i + 1, "PRESENT_REF");
    if (key == "right"sv && is(i + 1, "now")) return ref(i, i + 2, "PRESENT_REF");
    if (key == "currently"sv || key == "nowadays"sv || key == "presently"sv) return ref(i, i + 1, "PRESENT_REF");
    if (key == "these"sv && is(i + 1, "days")) return ref(i, i + 2, "PRESENT_REF");
    if (key == "at"sv && is(i + 1, "present")) return ref(i + 1, i + 2, "PRESENT_REF");
    if (key == "current"sv) {
      if (has(i + 1, detail::w_unit) || is(i + 1, "fiscal") || is(i + 1, "account") || is(i + 1, "accounts"))
        return std::nullopt;
      return ref(i, i + 1, "PRESENT_REF");
    }
    if (key == "recently"sv) return ref(i, i + 1, "PAST_REF");
    // "Islam will one day be ...": some time to come.
    if (key == "one"sv && is(i + 1, "day") && i > sb_) {
      const auto m = k(i - 1);
      if (m == "will"sv || m == "would"sv || m == "could"sv || m == "might"sv || m == "may"sv || m == "can"sv ||
          m == "shall"sv || m == "ll"sv)
        return ref(i, i + 2, "FUTURE_REF");
    }
    if (key == "more"sv && is(i + 1, "recently")) return ref(i, i + 2, "PAST_REF");
    if (key == "recent"sv) {
      if (has(i + 1, detail::w_unit) && has(i + 1, detail::w_plural)) {
        if (is(i + 1, "years")) return ref(i, i + 2, "PAST_REF");
        return make(i, i + 2, timex_type::duration, duration_value({0, true, 0}, w(i + 1).unit));
      }
      return std::nullopt;  // "recent" alone is tagged too rarely to be worth it
    }
    if (key == "the"sv && is(i + 1, "past") && !has(i + 2, detail::w_unit) && !parse_count(i + 2, false))
      return ref(i, i + 2, "PAST_REF");
    if (key == "the"sv && is(i + 1, "future")) return ref(i, i + 2, "FUTURE_REF");
    if (key == "the"sv && (is(i + 1, "near") || is(i + 1, "foreseeable")) && is(i + 2, "future"))
      return ref(i, i + 3, "FUTURE_REF");
    if (key == "as"sv && is(i + 1, "soon") && is(i + 2, "as") && is(i + 3, "possible")) return ref(i, i + 4, "FUTURE_REF");
    if (key == "the"sv && (is(i + 1, "near") || is(i + 1, "short") || is(i + 1, "long")) && is(i + 2, "term"))
      return ref(i, i + 3, "FUTURE_REF");
    if ((key == "the"sv || key == "a"sv) && is(i + 1, "later") && is(i + 2, "date")) return ref(i, i + 3, "FUTURE_REF");
    if ((key == "the"sv && is(i + 1, "coming")) || (key == "coming"sv && i > sb_ && !is(i - 1, "the"))) {
      const std::size_t j = key == "the"sv ? i + 2 : i + 1;
      if (has(j, detail::w_unit) && has(j, detail::w_plural)) return ref(i, j + 1, "FUTURE_REF");
    }
    if (key == "the"sv && (has(i + 1, detail::w_unit) && has(i + 1, detail::w_plural)) && is(i + 2, "ahead"))
      return make(i, i + 3, timex_type::duration, duration_value({0, true, 0}, w(i + 1).unit));
    return std::nullopt;
  }

  // Christmas, New Year's Day, Thanksgiving, Election Day, Independence Day.
  std::optional<candidate> holiday(std::size_t i) {
    const auto key = k(i);
    unsigned m = 0, d = 0;
    std::size_t end = i + 1;
    bool thanksgiving = false, election = false;
    int shift = 0;
    std::size_t first = i;
    if ((key == "last"sv || key == "this"sv || key == "next"sv) && capitalised(i + 1) &&
        (is(i + 1, "christmas") || is(i + 1, "thanksgiving"))) {
      shift = key == "last"sv ? -1 : key == "next"sv ? 1 : 0;
      ++i;
      end = i + 1;
    }
    const auto hk = k(i);
    if (hk == "christmas"sv) {
      m = 12;
      d = is(i + 1, "eve") ? 24 : 25;
      if (is(i + 1, "eve") || is(i + 1, "day")) ++end;
    } else if (hk == "new"sv && is(i + 1, "year") && is(i + 2, "s") && (is(i + 3, "day") || is(i + 3, "eve"))) {
      m = is(i + 3, "eve") ? 12 : 1;
      d = is(i + 3, "eve") ? 31 : 1;
      end = i + 4;
    } else if (hk == "thanksgiving"sv) {
      thanksgiving = true;
      m = 11;
      if (is(i + 1, "day")) ++end;
    } else if (shift == 0 && hk == "election"sv && is(i + 1, "day") && capitalised(i)) {
      election = true;
      m = 11;
      end = i + 2;
    } else {
      return std::nullopt;
    }
    if (!capitalised(i)) return std::nullopt;
    if (!anchor_) return make(first, end, timex_type::date, "XXXX-" + pad(m, 2) + (d ? "-" + pad(d, 2) : "-XX"));
    int y = year_of(*anchor_);
    if (thanksgiving || election) {
      const auto at = [&](int yy) {
        if (thanksgiving) return calendar_day{date::year{yy} / date::November / date::Thursday[4]};
        const calendar_day monday{date::year{yy} / date::November / date::Monday[1]};
        return monday + date::days{1};
      };
      const int t = shift != 0 ? shift : tense(i, end);
      calendar_day best = at(y);
      if (t < 0 && best > *anchor_) best = at(y - 1);
      if (t >= 0 && (*anchor_ - best).count() > 183) best = at(y + 1);
      return day(first, end, best);
    }
    y = year_for(m, d, shift != 0 ? tense_cue{shift, true, false} : clause_tense(i, end));
    return day(first, end, calendar_day{date::year{y} / date::month{m} / date::day{d}});
  }

  // Periods placed by a day: "the day before last Tuesday's hearing", "the day after Oct. 23",
  // "the week of March 6", "mid-afternoon yesterday", "by mid afternoon".
  std::optional<candidate> around_day(std::size_t i) {
    const auto dated_day = [&](std::size_t j) -> std::optional<candidate> {
      std::optional<candidate> d;
      if (has(j, detail::w_weekday) || is(j, "last") || is(j, "next") || is(j, "this")) d = weekday_expr(j);
      if (!d) d = month_expr(j);
      if (!d) d = deictic(j);
      if (d && d->type == timex_type::date && (!anchor_ || d->when.precision == date_precision::day)) return d;
      return std::nullopt;
    };
    const std::size_t j = is(i, "the") ? i + 1 : i;
    if (is(j, "day") && (is(j + 1, "before") || is(j + 1, "after")) && !is(j + 2, "yesterday") &&
        !is(j + 2, "tomorrow")) {
      auto d = dated_day(j + 2);
      if (!d) return std::nullopt;
      if (!anchor_) return make(i, d->end, timex_type::date, "XXXX-XX-XX");
      return day(i, d->end, d->when.value + date::days{is(j + 1, "before") ? -1 : 1});
    }
    if (j > i && is(j, "week") && is(j + 1, "of")) {
      auto d = dated_day(j + 2);
      if (!d) return std::nullopt;
      if (!anchor_ && !d->when.known()) return make(i, d->end, timex_type::date, "XXXX-WXX");
      return week(i, d->end, d->when.value);
    }
    if (j == i && is(i, "mid")) {
      const std::size_t p = skip_hyphen(i + 1);
      if (!has(p, detail::w_part_of_day) || has(p, detail::w_plural) || w(p).value > 3) return std::nullopt;
      const std::string code{detail::part_of_day_codes[w(p).value - 1]};
      std::size_t end = p + 1;
      std::optional<calendar_day> on;
      if (auto d = dated_day(end)) {
        end = d->end;
        if (d->when.known()) on = d->when.value;
      } else if (anchor_) {
        on = reference_ && reference_->precision == date_precision::day ? reference_->value : *anchor_;
      }
      auto c = make(i, end, timex_type::time, (on ? core::to_iso(*on) : "XXXX-XX-XX") + "T" + code);
      if (on) c.when = {*on, date_precision::day};
      return c;
    }
    return std::nullopt;
  }

  // "year-end", "year end", "year's end", "the year's end": the anchor's year.
  std::optional<candidate> year_end(std::size_t i) {
    if (!is(i, "year") && !(is(i, "the") && is(i + 1, "year"))) return std::nullopt;
    std::size_t j = is(i, "the") ? i + 1 : i;
    std::size_t e = j + 1;
    if (joining_hyphen(e) || is(e, "s")) ++e;
    if (!is(e, "end")) return std::nullopt;
    if (!anchor_) return make(i, e + 1, timex_type::date, "XXXX");
    int y = year_of(*anchor_);
    const auto prev = i > sb_ ? k(i - 1) : ""sv;
    // "by year-end", "since year-end": the closing day itself (TimeBank: YYYY-12-31); "since"
    // looks back to the last one.
    if (j == i && joining_hyphen(j + 1) && (prev == "by"sv || prev == "since"sv || prev == "until"sv)) {
      if (prev == "since"sv) --y;
      return day(i, e + 1, calendar_day{date::year{y} / date::December / date::day{31}});
    }
    if (month_of(*anchor_) <= 2 && tense(i, e + 1) < 0) --y;
    return year(i, e + 1, y);
  }

  // "for the year", "the first nine months of the year", "sales for the full year": the anchor's
  // year; "the (fiscal) year ended Sept. 30": a year-long period (P1Y). "the year before", "the
  // year he died" are left alone.
  std::optional<candidate> the_year(std::size_t i) {
    if (!is(i, "the")) return std::nullopt;
    std::size_t j = i + 1;
    if (is(j, "full") || is(j, "fiscal") || is(j, "calendar") || is(j, "entire") || is(j, "whole")) ++j;
    if (!is(j, "year")) return std::nullopt;
    const std::size_t end = j + 1;
    const auto next = k(end);
    if (next == "ended"sv || next == "ending"sv) return make(i, end, timex_type::duration, "P1Y");
    const auto prev = i > sb_ ? k(i - 1) : ""sv;
    if (prev != "for"sv && prev != "of"sv && prev != "in"sv && prev != "during"sv && prev != "throughout"sv &&
        prev != "over"sv)
      return std::nullopt;
    // Only where the sentence moves on: punctuation or a verb, not "the year before", "the year he".
    if (end < se_ && t_.tokens[end].kind != token_kind::punct &&
        !(next == "was"sv || next == "were"sv || next == "is"sv || next == "rose"sv || next == "fell"sv ||
          next == "and"sv || next == "but"sv || next == "to"sv))
      return std::nullopt;
    if (next == "-"sv || next == "'"sv) return std::nullopt;  // "the year-ago quarter", "the year's"
    if (!anchor_) return make(i, end, timex_type::date, "XXXX");
    auto c = year(i, end, year_of(*anchor_));
    c.sets_reference = false;
    return c;
  }

  // ------------------------------------------------------------------ output
  void emit(const candidate& c, std::size_t sentence) {
    timex x;
    x.where = {t_.tokens[c.first].where.begin, t_.tokens[c.end - 1].where.end};
    x.type = c.type;
    x.value = c.value;
    x.text = std::string(text_.substr(x.where.begin, x.where.end - x.where.begin));
    x.date = c.when;
    x.future = c.future;
    x.sentence = sentence;
    if (c.sets_reference && c.when.known()) {
      reference_ = c.when;
      // A quarter not yet over ("losses through the third quarter of 1990", "into the fourth
      // quarter") is not the one a report's "year-ago period" or "the quarter" refers back to.
      // The current calendar quarter in a past clause ("reported a decline in fourth-quarter
      // earnings" in November) is a fiscal quarter that is over.
      const auto over = [&] {
        return !(anchor_ && calendar_day{date::year_month_day{c.when.value} + date::months{3}} > *anchor_) ||
               (anchor_ && c.when.value <= *anchor_ && tense(c.first, c.end) < 0);
      };
      if (c.when.precision == date_precision::quarter && over()) {
        last_quarter_ = std::pair{year_of(c.when.value), quarter_of(c.when.value)};
        quarter_at_ = c.first;
      }
    }
    // "the nine months", "six months", "the first half (of 1989)"
    if ((c.type == timex_type::duration && (c.value == "P6M"sv || c.value == "P9M"sv)) ||
        c.value.ends_with("-H1"sv) || c.value.ends_with("-H2"sv))
      long_period_at_ = c.first;
    out_.push_back(std::move(x));
  }
};

}  // namespace

std::vector<timex> tag_timex(std::string_view text, const tokenized_text& tokens,
                             std::optional<core::calendar_day> anchor) {
  return tagger{text, tokens, anchor}.run();
}

std::string_view to_string(timex_type t) {
  switch (t) {
    case timex_type::date: return "DATE";
    case timex_type::time: return "TIME";
    case timex_type::duration: return "DURATION";
    case timex_type::set: return "SET";
  }
  return "DATE";
}

}  // namespace diplograph::extract
