#include "diplograph/core/date.hpp"

#include <charconv>

#include <date/iso_week.h>

namespace diplograph::core {
namespace {

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string pad(int value, int width) {
  std::string s = std::to_string(value);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

std::optional<calendar_day> parse_iso_day(std::string_view text) {
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) text = text.substr(0, 10);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_int(text.substr(0, 4));
  auto m = parse_int(text.substr(5, 2));
  auto d = parse_int(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                           date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return calendar_day{ymd};
}

std::string to_iso(calendar_day d) {
  date::year_month_day ymd{d};
  return pad(static_cast<int>(ymd.year()), 4) + '-' +
         pad(static_cast<int>(static_cast<unsigned>(ymd.month())), 2) + '-' +
         pad(static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
}

std::string to_iso(const dated& when) {
  date::year_month_day ymd{when.value};
  const std::string year = pad(static_cast<int>(ymd.year()), 4);
  switch (when.precision) {
    case date_precision::day:
      return to_iso(when.value);
    case date_precision::week: {
      iso_week::year_weeknum_weekday w{when.value};
      return pad(static_cast<int>(w.year()), 4) + "-W" +
             pad(static_cast<int>(static_cast<unsigned>(w.weeknum())), 2);
    }
    case date_precision::month:
      return year + '-' + pad(static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
    case date_precision::quarter:
      return year + "-Q" +
             std::to_string((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1);
    case date_precision::year:
      return year;
    case date_precision::unknown:
      return {};
  }
  return {};
}

std::string_view to_string(date_precision p) {
  switch (p) {
    case date_precision::day: return "day";
    case date_precision::week: return "week";
    case date_precision::month: return "month";
    case date_precision::quarter: return "quarter";
    case date_precision::year: return "year";
    case date_precision::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace diplograph::core
