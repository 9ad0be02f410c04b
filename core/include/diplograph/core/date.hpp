#pragma once
// Usage:
//   auto d = parse_iso_day("2017-03-24");          // std::optional<calendar_day>
//   dated when{*d, date_precision::day};
//   to_iso(when) -> "2017-03-24"; to_iso({*d, date_precision::month}) -> "2017-03"
// Dates are date::sys_days throughout the core; strings appear only at the edges.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace diplograph::core {

using calendar_day = date::sys_days;

enum class date_precision { day, week, month, quarter, year, unknown };

// A point in time as precise as the evidence allows. For week/month/quarter/year precision,
// `value` is the first day of that period.
struct dated {
  calendar_day value{};
  date_precision precision = date_precision::unknown;

  bool known() const { return precision != date_precision::unknown; }
  friend bool operator==(const dated&, const dated&) = default;
};

// Requires: text is "YYYY-MM-DD" (an optional "T..." time part is ignored).
// Ensures: the calendar day, or nullopt when the text is not a valid date.
std::optional<calendar_day> parse_iso_day(std::string_view text);

// "2017-03-24" for day precision, "2017-W12", "2017-03", "2017-Q1", "2017"; "" when unknown.
std::string to_iso(const dated& when);
std::string to_iso(calendar_day d);

std::string_view to_string(date_precision p);

}  // namespace diplograph::core
