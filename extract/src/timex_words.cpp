#include "timex_words.hpp"

#include <string>
#include <unordered_map>

namespace diplograph::extract::detail {
namespace {

using table = std::unordered_map<std::string_view, word_info>;

void add(table& t, std::string_view key, std::uint32_t flags, unsigned value = 0,
         time_unit unit = time_unit::none) {
  auto& w = t[key];
  w.flags |= flags;
  if (value != 0) w.value = static_cast<std::uint8_t>(value);
  if (unit != time_unit::none) w.unit = unit;
}

table build() {
  table t;
  constexpr std::string_view months[] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
  constexpr std::string_view month_abbr[] = {"jan", "feb", "mar", "apr", "", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
  for (unsigned m = 0; m < 12; ++m) {
    add(t, months[m], w_month, m + 1);
    if (!month_abbr[m].empty()) add(t, month_abbr[m], w_month | w_month_abbr, m + 1);
  }
  add(t, "sept", w_month | w_month_abbr, 9);
  add(t, "febr", w_month | w_month_abbr, 2);
  add(t, "jun", w_month | w_month_abbr, 6);
  constexpr std::string_view days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  constexpr std::string_view day_plural[] = {"mondays", "tuesdays", "wednesdays", "thursdays",
                                             "fridays", "saturdays", "sundays"};
  for (unsigned d = 0; d < 7; ++d) {
    add(t, days[d], w_weekday, d + 1);
    add(t, day_plural[d], w_weekday | w_weekday_plural, d + 1);
  }
  constexpr std::string_view cardinals[] = {"zero",    "one",     "two",       "three",    "four",
                                            "five",    "six",     "seven",     "eight",    "nine",
                                            "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (unsigned n = 1; n < 20; ++n) add(t, cardinals[n], w_cardinal, n);
  constexpr std::string_view tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (unsigned n = 0; n < 8; ++n) add(t, tens[n], w_tens, 20 + 10 * n);
  constexpr std::string_view decades[] = {"twenties", "thirties", "forties", "fifties",
                                          "sixties",  "seventies", "eighties", "nineties"};
  for (unsigned n = 0; n < 8; ++n) add(t, decades[n], w_decade_word, n + 2);
  constexpr std::string_view ordinals[] = {"first",   "second",     "third",      "fourth",     "fifth",
                                           "sixth",   "seventh",    "eighth",     "ninth",      "tenth",
                                           "eleventh", "twelfth",   "thirteenth", "fourteenth", "fifteenth",
                                           "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  for (unsigned n = 0; n < 20; ++n) add(t, ordinals[n], w_ordinal, n + 1);
  add(t, "thirtieth", w_ordinal, 30);
  add(t, "twenty-first", w_ordinal, 21);

  struct unit_word {
    std::string_view singular, plural;
    time_unit unit;
  };
  constexpr unit_word units[] = {
      {"second", "seconds", time_unit::second}, {"minute", "minutes", time_unit::minute},
      {"hour", "hours", time_unit::hour},       {"day", "days", time_unit::day},
      {"week", "weeks", time_unit::week},       {"weekend", "weekends", time_unit::weekend},
      {"fortnight", "fortnights", time_unit::fortnight}, {"month", "months", time_unit::month},
      {"quarter", "quarters", time_unit::quarter}, {"half", "halves", time_unit::half},
      {"year", "years", time_unit::year},       {"decade", "decades", time_unit::decade},
      {"century", "centuries", time_unit::century}, {"millennium", "millennia", time_unit::millennium},
  };
  for (const auto& u : units) {
    add(t, u.singular, w_unit, 0, u.unit);
    add(t, u.plural, w_unit | w_plural, 0, u.unit);
  }
  add(t, "hrs", w_unit | w_plural, 0, time_unit::hour);
  add(t, "yrs", w_unit | w_plural, 0, time_unit::year);
  add(t, "mins", w_unit | w_plural, 0, time_unit::minute);

  add(t, "morning", w_part_of_day, 0 + 1);
  add(t, "mornings", w_part_of_day | w_plural, 1);
  add(t, "dawn", w_part_of_day, 1);
  add(t, "afternoon", w_part_of_day, 2);
  add(t, "afternoons", w_part_of_day | w_plural, 2);
  add(t, "evening", w_part_of_day, 3);
  add(t, "evenings", w_part_of_day | w_plural, 3);
  add(t, "night", w_part_of_day, 4);
  add(t, "nights", w_part_of_day | w_plural, 4);
  add(t, "overnight", w_part_of_day, 4);

  add(t, "spring", w_season, 1);
  add(t, "summer", w_season, 2);
  add(t, "fall", w_season, 3);
  add(t, "autumn", w_season, 3);
  add(t, "winter", w_season, 4);

  for (std::string_view w : {"about", "around", "nearly", "almost", "roughly", "approximately", "some",
                             "over", "under", "within", "barely", "only", "just"})
    add(t, w, w_approx);
  for (std::string_view w : {"several", "few", "many", "some", "numerous", "couple"}) add(t, w, w_vague);
  for (std::string_view w : {"est", "edt", "gmt", "utc", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet"})
    add(t, w, w_zone);

  add(t, "daily", w_frequency, 0, time_unit::day);
  add(t, "nightly", w_frequency, 0, time_unit::day);
  add(t, "weekly", w_frequency, 0, time_unit::week);
  add(t, "biweekly", w_frequency, 0, time_unit::fortnight);
  add(t, "monthly", w_frequency, 0, time_unit::month);
  add(t, "quarterly", w_frequency, 0, time_unit::quarter);
  add(t, "annually", w_frequency, 0, time_unit::year);
  add(t, "annual", 0, 0, time_unit::year);
  add(t, "yearly", w_frequency, 0, time_unit::year);
  add(t, "hourly", w_frequency, 0, time_unit::hour);

  for (std::string_view w : {"will", "ll", "shall", "would", "wo", "scheduled", "expected", "expects", "due",
                             "upcoming", "intends", "intend", "slated", "next", "tomorrow", "planned", "planning", "plans",
                             "plan"})
    add(t, w, w_future);
  for (std::string_view w : {"said", "was", "were", "had", "did", "told", "met", "made", "took", "came", "went",
                             "saw", "gave", "left", "held", "began", "fell", "rose", "won", "lost", "hit",
                             "struck", "found", "got", "put", "set", "led", "fled", "shot", "sent", "spoke",
                             "broke", "ran", "sold", "bought", "paid", "brought", "thought", "knew", "became",
                             "overthrew", "flew", "last", "ago", "earlier", "yesterday", "been", "wrote",
                             "chose", "drove", "stood", "fought", "won", "beat", "blew", "caught", "felt",
                             "heard", "kept", "meant", "read", "said", "sought", "spent", "swept", "taught",
                             "threw", "tore", "withdrew", "woke"})
    add(t, w, w_past);
  return t;
}

}  // namespace

word_info lookup_time_word(std::string_view key) {
  static const table words = build();
  if (key.empty() || key.size() > 14) return {};
  const auto it = words.find(key);
  return it == words.end() ? word_info{} : it->second;
}

}  // namespace diplograph::extract::detail
