#pragma once
// Usage: auto found = extract::infer_published(a.text, a.segments);
//   if (found) { found->day; found->from == core::date_source::caption; found->where }
// Looks, in order, for a dated dateline ("GENEVA, March 24, 2017 (Reuters) -"), a photo caption
// date ("Geneva, Switzerland March 24, 2017"), a full date in the opening lines, and a dateline
// with month and day whose year another date in the opening text gives. Never guesses today.

#include <optional>
#include <string_view>
#include <vector>

#include "diplograph/core/article.hpp"

namespace diplograph::extract {

struct published_evidence {
  core::calendar_day day;
  core::date_source from = core::date_source::none;
  core::span where;
};

std::optional<published_evidence> infer_published(std::string_view text,
                                                  const std::vector<core::segment>& segments);

// A full calendar date written out at `pos` ("March 24, 2017", "24 March 2017", "Mar. 24,
// 2017", "2017-03-24"); returns the day and its byte span, or nullopt.
struct date_match {
  core::calendar_day day;
  core::span where;
};
std::optional<date_match> find_full_date(std::string_view text, std::size_t from,
                                         std::size_t to);

// The month number (1-12) for an English month name or abbreviation, 0 if none.
unsigned month_number(std::string_view word);

}  // namespace diplograph::extract
