#pragma once
// Usage:
//   const auto t = extract::split_sentences(a.text, a.segments);
//   for (const auto& x : extract::tag_timex(a.text, t, a.published)) {
//     x.where;   // byte span in a.text
//     x.value;   // TIMEX3 value: "2017-03-24", "2017-W12", "2017-Q1", "199", "P3Y", "PRESENT_REF"
//     x.date;    // {first day of the period, precision} when the value is a calendar period
//   }
// Time expressions (TIMEX3, TimeBank conventions) tagged on the tokens of split_sentences and
// normalised against the anchor (the publication date). Relative expressions are resolved with
// Howard Hinnant's calendar types: weekdays by the tense of their clause (past and present fall
// on or before the anchor, "will meet on Friday" after it), month-day dates to the year closest
// to the anchor ("Dec. 30" in a January story is in the previous year), anaphoric expressions
// ("a year earlier", "the following day", "the quarter") on the last date the text mentioned.
// Without an anchor, relative expressions get values with X ("XXXX-XX-XX") and an unknown date.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/extract/sentences.hpp"

namespace diplograph::extract {

enum class timex_type : std::uint8_t { date, time, duration, set };

struct timex {
  core::span where;           // bytes in the text, [begin, end)
  timex_type type = timex_type::date;
  std::string value;          // the TIMEX3 value
  std::string text;           // the expression as written
  core::dated date;           // period start and precision for calendar values; unknown otherwise
  bool future = false;        // refers to a time after the anchor (FUTURE_REF, "next week", ...)
  std::size_t sentence = 0;   // index into tokenized_text::sentences
};

// Requires: `tokens` is split_sentences(text, ...) of this very text.
// Ensures: expressions in text order, not overlapping; values are TIMEX3 values, resolved against
//   `anchor` when there is one (else with X for the unknown parts). Never throws on odd text.
std::vector<timex> tag_timex(std::string_view text, const tokenized_text& tokens,
                             std::optional<core::calendar_day> anchor);

// "DATE", "TIME", "DURATION" or "SET".
std::string_view to_string(timex_type t);

}  // namespace diplograph::extract
