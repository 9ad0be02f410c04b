#pragma once
// The word table of the time-expression tagger (private to extract/): each match key that can
// take part in a time expression, with its classes and value. Looked up once per token.

#include <cstdint>
#include <string_view>

namespace diplograph::extract::detail {

enum class time_unit : std::uint8_t {
  none, second, minute, hour, day, week, weekend, fortnight, month, quarter, half, year, decade,
  century, millennium
};

enum word_flag : std::uint32_t {
  w_month = 1u << 0,      // value 1-12
  w_month_abbr = 1u << 1, // an abbreviation ("sept", "jan")
  w_weekday = 1u << 2,    // value 1 (Monday) - 7 (Sunday)
  w_weekday_plural = 1u << 3,
  w_cardinal = 1u << 4,   // value 0-19
  w_tens = 1u << 5,       // value 20-90
  w_ordinal = 1u << 6,    // value 1-31
  w_unit = 1u << 7,       // unit
  w_plural = 1u << 8,     // plural unit ("years")
  w_part_of_day = 1u << 9,  // value: index into part_of_day_codes
  w_season = 1u << 10,    // value: index into season_codes
  w_approx = 1u << 11,    // about, nearly, almost, ...
  w_decade_word = 1u << 12, // "nineties": value 9
  w_zone = 1u << 13,      // EST, GMT
  w_future = 1u << 14,    // a future cue: will, 'll, scheduled
  w_past = 1u << 15,      // a past or present cue: said, was, is
  w_vague = 1u << 16,     // several, few, many, some
  w_frequency = 1u << 17, // daily, weekly: unit
};

inline constexpr std::string_view part_of_day_codes[] = {"MO", "AF", "EV", "NI", "MI", "DT"};
inline constexpr std::string_view season_codes[] = {"SP", "SU", "FA", "WI"};

struct word_info {
  std::uint32_t flags = 0;
  std::uint8_t value = 0;
  time_unit unit = time_unit::none;

  bool is(std::uint32_t f) const { return (flags & f) != 0; }
};

// The entry for a match key, or an empty entry (flags 0).
word_info lookup_time_word(std::string_view key);

}  // namespace diplograph::extract::detail
