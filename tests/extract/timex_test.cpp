// Time expressions: spans (byte offsets) and TIMEX3 values resolved against the publication
// date, with and without one; every rule of the dating issue's point 2.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/sentences.hpp"
#include "diplograph/extract/timex.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;

namespace {

std::optional<dc::calendar_day> day(const char* iso) { return dc::parse_iso_day(iso); }

std::vector<dx::timex> tag(const std::string& text, std::optional<dc::calendar_day> anchor) {
  const auto segs = dx::segment_text(text);
  const auto tokens = dx::split_sentences(text, segs);
  return dx::tag_timex(text, tokens, anchor);
}

// (text, value) of every expression.
std::vector<std::pair<std::string, std::string>> found(const std::string& text, std::optional<dc::calendar_day> anchor) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& x : tag(text, anchor)) out.emplace_back(x.text, x.value);
  return out;
}

using pairs = std::vector<std::pair<std::string, std::string>>;

// 2017-03-24 is a Friday.
const auto friday = day("2017-03-24");

}  // namespace

TEST(timex_test, spans_are_exact_byte_offsets) {
  const std::string text = "Envoys \xE2\x80\x9Cmet\xE2\x80\x9D on Friday, officials said.";
  const auto x = tag(text, friday);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].where.begin, text.find("Friday"));
  EXPECT_EQ(x[0].where.end, text.find("Friday") + 6);
  EXPECT_EQ(x[0].text, "Friday");
  EXPECT_EQ(x[0].type, dx::timex_type::date);
  EXPECT_EQ(x[0].value, "2017-03-24");
  EXPECT_EQ(x[0].date, (dc::dated{*friday, dc::date_precision::day}));
}

TEST(timex_test, yesterday_today_tomorrow_tonight) {
  EXPECT_EQ(found("He left yesterday and returns tomorrow, not today or tonight.", friday),
            (pairs{{"yesterday", "2017-03-23"}, {"tomorrow", "2017-03-25"}, {"today", "2017-03-24"},
                   {"tonight", "2017-03-24"}}));
  EXPECT_EQ(found("He left yesterday.", std::nullopt), (pairs{{"yesterday", "XXXX-XX-XX"}}));
  const auto x = tag("They meet tomorrow.", friday);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_TRUE(x[0].future);
}

TEST(timex_test, last_this_next_week_month_year) {
  EXPECT_EQ(found("It fell last week, rose this week and may rise next week.", friday),
            (pairs{{"last week", "2017-W11"}, {"this week", "2017-W12"}, {"next week", "2017-W13"}}));
  EXPECT_EQ(found("Sales fell last month and this month, and next month too.", friday),
            (pairs{{"last month", "2017-02"}, {"this month", "2017-03"}, {"next month", "2017-04"}}));
  EXPECT_EQ(found("Last year was bad, this year is better and next year will be best.", friday),
            (pairs{{"Last year", "2016"}, {"this year", "2017"}, {"next year", "2018"}}));
  EXPECT_EQ(found("It fell last week and last year.", std::nullopt),
            (pairs{{"last week", "XXXX-WXX"}, {"last year", "XXXX"}}));
  const auto x = tag("It rose this month.", friday);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].date, (dc::dated{*day("2017-03-01"), dc::date_precision::month}));
}

TEST(timex_test, earlier_and_later_this_month) {
  EXPECT_EQ(found("Talks began earlier this month and end later this month.", friday),
            (pairs{{"earlier this month", "2017-03"}, {"later this month", "2017-03"}}));
  EXPECT_EQ(found("Talks began earlier this year.", std::nullopt), (pairs{{"earlier this year", "XXXX"}}));
}

TEST(timex_test, ago) {
  EXPECT_EQ(found("The war began two years ago, three months ago and 10 days ago.", friday),
            (pairs{{"two years ago", "2015"}, {"three months ago", "2016-12"}, {"10 days ago", "2017-03-14"}}));
  EXPECT_EQ(found("It began a decade ago.", friday), (pairs{{"a decade ago", "2007"}}));
  EXPECT_EQ(found("It began several years ago.", friday), (pairs{{"several years ago", "PAST_REF"}}));
  EXPECT_EQ(found("The war began two years ago.", std::nullopt), (pairs{{"two years ago", "XXXX"}}));
}

TEST(timex_test, month_and_day_with_and_without_year) {
  EXPECT_EQ(found("They met on March 24, on 24 March 2016 and on Mar. 20.", friday),
            (pairs{{"March 24", "2017-03-24"}, {"24 March 2016", "2016-03-24"}, {"Mar. 20", "2017-03-20"}}));
  EXPECT_EQ(found("They met on March 24, 2015.", friday), (pairs{{"March 24, 2015", "2015-03-24"}}));
  EXPECT_EQ(found("They met on March 24.", std::nullopt), (pairs{{"March 24", "XXXX-03-24"}}));
  EXPECT_EQ(found("They met on March 24, 2015.", std::nullopt), (pairs{{"March 24, 2015", "2015-03-24"}}));
}

TEST(timex_test, year_crossing_goes_to_the_closest_year) {
  // Dec. 30 in a story from January 5 is in the previous year; Jan. 3 in a December story in the next.
  EXPECT_EQ(found("The attack came on Dec. 30, police said.", day("2017-01-05")),
            (pairs{{"Dec. 30", "2016-12-30"}}));
  EXPECT_EQ(found("The vote is due on Jan. 3.", day("2016-12-28")), (pairs{{"Jan. 3", "2017-01-03"}}));
  EXPECT_EQ(found("It happened in December.", day("2017-01-05")), (pairs{{"December", "2016-12"}}));
}

TEST(timex_test, month_with_year_and_alone) {
  EXPECT_EQ(found("A raid in May 2010 killed him.", day("2013-06-01")), (pairs{{"May 2010", "2010-05"}}));
  EXPECT_EQ(found("A raid in May 2010 killed him.", std::nullopt), (pairs{{"May 2010", "2010-05"}}));
  EXPECT_EQ(found("Talks resumed in April.", friday), (pairs{{"April", "2017-04"}}));
  EXPECT_EQ(found("Talks resumed in April.", std::nullopt), (pairs{{"April", "XXXX-04"}}));
  EXPECT_EQ(found("They met last November.", friday), (pairs{{"last November", "2016-11"}}));
  // "may" and "march" as words are not months.
  EXPECT_TRUE(found("Protesters may march on the capital.", friday).empty());
}

TEST(timex_test, years_decades_and_centuries) {
  EXPECT_EQ(found("In 1989 and in fiscal 1990, unlike the 1990s or the '80s.", friday),
            (pairs{{"1989", "1989"}, {"fiscal 1990", "1990"}, {"the 1990s", "199"}, {"the '80s", "198"}}));
  EXPECT_EQ(found("The 20th century ended.", friday), (pairs{{"The 20th century", "19"}}));
  EXPECT_EQ(found("It was the worst war this century.", friday), (pairs{{"this century", "20"}}));
  EXPECT_EQ(found("He paid $1990 for 2000 shares.", friday), pairs{});
  const auto x = tag("In 1989 it fell.", std::nullopt);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].date, (dc::dated{*day("1989-01-01"), dc::date_precision::year}));
  const auto d = tag("In the 1990s it fell.", friday);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].date.known());
}

TEST(timex_test, present_past_and_future_references) {
  EXPECT_EQ(found("The fighting will restart in the coming days.", friday),
            (pairs{{"the coming days", "FUTURE_REF"}}));
  EXPECT_EQ(found("He recently said it is now over and currently calm.", friday),
            (pairs{{"recently", "PAST_REF"}, {"now", "PRESENT_REF"}, {"currently", "PRESENT_REF"}}));
  EXPECT_EQ(found("In the past it was, in the future it will be.", std::nullopt),
            (pairs{{"the past", "PAST_REF"}, {"the future", "FUTURE_REF"}}));
  const auto x = tag("It resumes in the coming days.", friday);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_TRUE(x[0].future);
}

TEST(timex_test, durations) {
  EXPECT_EQ(found("He served three years, a decade, two hours and the past three months.", friday),
            (pairs{{"three years", "P3Y"}, {"a decade", "P10Y"}, {"two hours", "PT2H"},
                   {"the past three months", "P3M"}}));
  EXPECT_EQ(found("A two-year deal, 2 1/2 years, a few days and a minute and a half.", friday),
            (pairs{{"two-year", "P2Y"}, {"2 1/2 years", "P2Y6M"}, {"a few days", "PXD"},
                   {"a minute and a half", "PT1M30S"}}));
  EXPECT_EQ(found("The 6-year-old boy is 52 years old.", friday), pairs{});
  const auto x = tag("He served three years.", std::nullopt);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].type, dx::timex_type::duration);
  EXPECT_EQ(x[0].value, "P3Y");
}

TEST(timex_test, sets) {
  EXPECT_EQ(found("They meet every Friday, each year and every other week, and report daily.", friday),
            (pairs{{"every Friday", "XXXX-WXX-5"}, {"each year", "P1Y"}, {"every other week", "P2W"},
                   {"daily", "P1D"}}));
  const auto x = tag("They meet weekly.", std::nullopt);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].type, dx::timex_type::set);
  EXPECT_EQ(x[0].value, "P1W");
}

TEST(timex_test, quarters_and_halves) {
  const auto nov = day("1989-11-02");
  EXPECT_EQ(found("Its third-quarter loss widened; in the fourth quarter it will improve.", nov),
            (pairs{{"third-quarter", "1989-Q3"}, {"the fourth quarter", "1989-Q4"}}));
  // A quarter after the anchor's, in the past tense, is last year's.
  EXPECT_EQ(found("Profit rose in the fourth quarter.", day("1990-01-20")), (pairs{{"the fourth quarter", "1989-Q4"}}));
  EXPECT_EQ(found("In the third quarter of 1990 and the first half of 1991.", nov),
            (pairs{{"the third quarter of 1990", "1990-Q3"}, {"the first half of 1991", "1991-H1"}}));
  // "the quarter" and "a year ago" refer back to the quarter the report is about.
  EXPECT_EQ(found("Net rose in the third quarter. In the quarter sales fell from a year ago.", nov),
            (pairs{{"the third quarter", "1989-Q3"}, {"the quarter", "1989-Q3"}, {"a year ago", "1988-Q3"}}));
  EXPECT_EQ(found("Net rose in the third quarter.", std::nullopt), (pairs{{"the third quarter", "XXXX-Q3"}}));
  const auto x = tag("Net rose in the third quarter.", nov);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].date, (dc::dated{*day("1989-07-01"), dc::date_precision::quarter}));
}

TEST(timex_test, seasons) {
  EXPECT_EQ(found("It rained last summer and will this winter.", friday),
            (pairs{{"last summer", "2016-SU"}, {"this winter", "2017-WI"}}));
  // "last" names the previous year's season even after this year's has ended (TimeBank: "last
  // spring" in October 1989 is 1988-SP); "this past" names the latest one that has ended.
  EXPECT_EQ(found("It rained last summer.", day("2017-10-01")), (pairs{{"last summer", "2016-SU"}}));
  EXPECT_EQ(found("A strike began last spring.", day("1989-10-26")), (pairs{{"last spring", "1988-SP"}}));
  EXPECT_EQ(found("It rained this past summer.", day("2017-10-01")), (pairs{{"this past summer", "2017-SU"}}));
  // A season with its year.
  EXPECT_EQ(found("Oil fell in the winter of 1994.", friday), (pairs{{"the winter of 1994", "1994-WI"}}));
  EXPECT_EQ(found("Oil fell in the winter of nineteen ninety-four.", friday),
            (pairs{{"the winter of nineteen ninety-four", "1994-WI"}}));
  EXPECT_EQ(found("It rained last summer.", std::nullopt), (pairs{{"last summer", "XXXX-SU"}}));
  // "fall" the verb is not a season.
  EXPECT_TRUE(found("Prices fall in spring water sales.", friday).empty());
}

TEST(timex_test, weekdays_by_tense) {
  // Past and present tense: on or before the anchor.
  EXPECT_EQ(found("Envoys met on Thursday and said on Friday that talks failed.", friday),
            (pairs{{"Thursday", "2017-03-23"}, {"Friday", "2017-03-24"}}));
  // "on Monday" in a Sunday story, past tense: six days before.
  EXPECT_EQ(found("The minister resigned on Monday.", day("2017-03-26")), (pairs{{"Monday", "2017-03-20"}}));
  // Future: after the anchor.
  EXPECT_EQ(found("The two leaders will meet on Friday.", day("2017-03-21")), (pairs{{"Friday", "2017-03-24"}}));
  EXPECT_EQ(found("They are scheduled to vote Monday.", friday), (pairs{{"Monday", "2017-03-27"}}));
  EXPECT_EQ(found("The vote would be held on Tuesday, he said.", friday), (pairs{{"Tuesday", "2017-03-28"}}));
  EXPECT_EQ(found("They met last Friday and meet next Friday.", day("2017-03-26")),
            (pairs{{"last Friday", "2017-03-24"}, {"next Friday", "2017-03-31"}}));
  // "next to" is a place, not a future cue.
  EXPECT_EQ(found("Blasts next to the embassies on Friday killed 100.", day("2017-03-25")),
            (pairs{{"Friday", "2017-03-24"}}));
  // A plan in the past tense stays in the past; "were planning" still looks ahead.
  EXPECT_EQ(found("A service planned for Saturday was canceled.", day("2017-03-26")),
            (pairs{{"Saturday", "2017-03-25"}}));
  EXPECT_EQ(found("The service is planned for Saturday.", friday), (pairs{{"Saturday", "2017-03-25"}}));
  EXPECT_EQ(found("Protesters were planning to drive to the airport on Monday.", friday),
            (pairs{{"Monday", "2017-03-27"}}));
  // Without an anchor, the weekday is all that is known.
  EXPECT_EQ(found("Envoys met on Thursday.", std::nullopt), (pairs{{"Thursday", "XXXX-WXX-4"}}));
  // A weekday with its date: the date decides.
  EXPECT_EQ(found("It opens Monday, Oct. 26, 1998.", friday), (pairs{{"Monday, Oct. 26, 1998", "1998-10-26"}}));
}

TEST(timex_test, times_of_day) {
  EXPECT_EQ(found("The blast came at 10 a.m. and the reply at 4:30 p.m. Thursday.", friday),
            (pairs{{"10 a.m.", "2017-03-24T10:00"}, {"4:30 p.m. Thursday", "2017-03-23T16:30"}}));
  // A weekday's night is valued as the day (TimeBank mostly tags "Friday night" so, or only
  // "Friday"); "last night" and a weekday's morning or evening keep the part of the day.
  EXPECT_EQ(found("Fighting resumed Friday night and last night.", friday),
            (pairs{{"Friday night", "2017-03-24"}, {"last night", "2017-03-23TNI"}}));
  EXPECT_EQ(found("Talks began Thursday morning and ended Thursday evening.", friday),
            (pairs{{"Thursday morning", "2017-03-23TMO"}, {"Thursday evening", "2017-03-23TEV"}}));
  EXPECT_EQ(found("He spoke this morning at noon.", friday),
            (pairs{{"this morning", "2017-03-24TMO"}, {"noon", "2017-03-24T12:00"}}));
  EXPECT_EQ(found("The blast came at 10 a.m.", std::nullopt), (pairs{{"10 a.m.", "XXXX-XX-XXT10:00"}}));
  const auto x = tag("The blast came at 10 a.m.", friday);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].type, dx::timex_type::time);
}

TEST(timex_test, anaphoric_expressions_follow_the_last_named_day) {
  EXPECT_EQ(found("The raid was on March 2, 2010. The next day troops left.", friday),
            (pairs{{"March 2, 2010", "2010-03-02"}, {"The next day", "2010-03-03"}}));
  EXPECT_EQ(found("The raid was in 2010. The following year troops left.", friday),
            (pairs{{"2010", "2010"}, {"The following year", "2011"}}));
}

TEST(timex_test, modifiers_keep_their_value) {
  EXPECT_EQ(found("Elections are due early next year, by the end of 1990 or in late November.", day("1989-11-02")),
            (pairs{{"early next year", "1990"}, {"the end of 1990", "1990"}, {"late November", "1989-11"}}));
  EXPECT_EQ(found("It lasted nearly two years, at least 72 hours and more than four hours.", friday),
            (pairs{{"nearly two years", "P2Y"}, {"at least 72 hours", "PT72H"}, {"more than four hours", "PT4H"}}));
}

TEST(timex_test, holidays) {
  EXPECT_EQ(found("Shoppers came out on Thanksgiving and on Christmas Day.", day("1999-11-27")),
            (pairs{{"Thanksgiving", "1999-11-25"}, {"Christmas Day", "1999-12-25"}}));
}

TEST(timex_test, type_names) {
  EXPECT_EQ(dx::to_string(dx::timex_type::date), "DATE");
  EXPECT_EQ(dx::to_string(dx::timex_type::time), "TIME");
  EXPECT_EQ(dx::to_string(dx::timex_type::duration), "DURATION");
  EXPECT_EQ(dx::to_string(dx::timex_type::set), "SET");
}

TEST(timex_test, the_year_in_reports) {
  const auto oct = day("1989-10-30");
  // "for the year", "months of the year", "the full year": the anchor's year.
  EXPECT_EQ(found("Profit for the year rose, and sales for the full year were $6 billion.", oct),
            (pairs{{"the year", "1989"}, {"the full year", "1989"}}));
  EXPECT_EQ(found("Revenue rose through the first nine months of the year.", oct),
            (pairs{{"the first nine months", "P9M"}, {"the year", "1989"}}));
  // "the (fiscal) year ended March 31": a year-long period.
  EXPECT_EQ(found("Revenue was $76 million in the fiscal year ended March 31.", oct),
            (pairs{{"the fiscal year", "P1Y"}, {"March 31", "1989-03-31"}}));
  // Not a reference to a year of its own.
  EXPECT_TRUE(found("Sales fell from $450 million the year before.", oct).empty());
  EXPECT_TRUE(found("It was the year he died.", oct).empty());
  EXPECT_EQ(found("Profit for the year rose.", std::nullopt), (pairs{{"the year", "XXXX"}}));
}

TEST(timex_test, year_end) {
  const auto nov = day("1989-11-02");
  // "by year-end" is the closing day; "since year-end" the last one.
  EXPECT_EQ(found("The deal should close by year-end.", nov), (pairs{{"year-end", "1989-12-31"}}));
  EXPECT_EQ(found("The index has risen since year-end.", nov), (pairs{{"year-end", "1988-12-31"}}));
  EXPECT_EQ(found("Rules should be in place by year's end.", nov), (pairs{{"year's end", "1989"}}));
}

TEST(timex_test, years_in_words) {
  EXPECT_EQ(found("January nineteen ninety-seven. Atlanta again.", day("1998-02-27")),
            (pairs{{"January nineteen ninety-seven", "1997-01"}}));
  EXPECT_EQ(found("His promise holds until the year two thousand.", day("1998-02-05")),
            (pairs{{"the year two thousand", "2000"}}));
  EXPECT_EQ(found("It opened in nineteen ninety-six.", friday), (pairs{{"nineteen ninety-six", "1996"}}));
}

TEST(timex_test, year_ago_comparisons_in_quarterly_reports) {
  const auto oct = day("1989-10-26");
  // "a year-earlier loss" is the comparison quarter, not a year-long duration.
  EXPECT_EQ(found("Profit rose in the third quarter, compared with a year-earlier loss.", oct),
            (pairs{{"the third quarter", "1989-Q3"}, {"year-earlier", "1988-Q3"}}));
  // A quarter not yet over (a forecast) is not what "the year-ago period" refers back to.
  EXPECT_EQ(found("Losses may last through the third quarter of 1990. In the year-ago period, it earned "
                  "$101 million.",
                  oct),
            (pairs{{"the third quarter of 1990", "1990-Q3"}, {"the year-ago period", "1988-Q3"}}));
}

TEST(timex_test, a_verb_governing_a_date_sets_its_side_of_the_anchor) {
  const auto oct = day("1989-10-31");
  // "ended Jan. 31" is past even three months off; "effective" and "will" look ahead.
  EXPECT_EQ(found("In the fiscal year ended Jan. 31, sales rose.", oct), (pairs{{"the fiscal year", "P1Y"},
                                                                                {"Jan. 31", "1989-01-31"}}));
  EXPECT_EQ(found("The pact is effective June 1.", oct), (pairs{{"June 1", "1990-06-01"}}));
  // "succeed" is no past form.
  EXPECT_EQ(found("Mr. Schwarz will succeed Mr. Davison Feb. 1.", day("1989-10-26")),
            (pairs{{"Feb. 1", "1990-02-01"}}));
  // A reporting verb's tense is the report's, and a plan's is not its date's: a date a few weeks
  // off stays closest.
  EXPECT_EQ(found("The company said Nov. 10 is the deadline.", oct), (pairs{{"Nov. 10", "1989-11-10"}}));
  EXPECT_EQ(found("A rally was planned Nov. 10 in the capital.", oct), (pairs{{"Nov. 10", "1989-11-10"}}));
  EXPECT_EQ(found("In the fiscal year ended Jan. 31, sales rose.", std::nullopt),
            (pairs{{"the fiscal year", "P1Y"}, {"Jan. 31", "XXXX-01-31"}}));
}

TEST(timex_test, a_month_alone_in_a_future_clause_is_the_next_one) {
  EXPECT_EQ(found("He will command a shuttle mission in December.", day("1998-03-04")),
            (pairs{{"December", "1998-12"}}));
  EXPECT_EQ(found("He will command a shuttle mission in December.", std::nullopt), (pairs{{"December", "XXXX-12"}}));
}

TEST(timex_test, weekdays_as_deadlines_and_the_same_weekday) {
  const auto monday = day("2000-04-03");
  // "until" a weekday with no past verb, or after a verb of putting off, looks ahead.
  EXPECT_EQ(found("The INS has given the relatives until 9 a.m. Tuesday to sign.", monday),
            (pairs{{"9 a.m. Tuesday", "2000-04-04T09:00"}}));
  EXPECT_EQ(found("Officials postponed until Tuesday any action.", monday), (pairs{{"Tuesday", "2000-04-04"}}));
  EXPECT_EQ(found("Until Tuesday, they had not called him a suspect.", monday), (pairs{{"Tuesday", "2000-03-28"}}));
  // News names the day itself by its weekday, whatever the tense.
  EXPECT_EQ(found("The leaders will meet Friday.", friday), (pairs{{"Friday", "2017-03-24"}}));
  // "plan" the noun is no future cue.
  EXPECT_EQ(found("They signed an economic cooperation plan Thursday.", friday), (pairs{{"Thursday", "2017-03-23"}}));
  EXPECT_EQ(found("Officials postponed until Tuesday any action.", std::nullopt), (pairs{{"Tuesday", "XXXX-WXX-2"}}));
}

TEST(timex_test, references_to_the_present_and_the_future) {
  EXPECT_EQ(found("Aqaba is its only outlet now that the noose has tightened.", friday),
            (pairs{{"now", "PRESENT_REF"}}));
  EXPECT_EQ(found("Islam will one day be the second religion.", friday), (pairs{{"one day", "FUTURE_REF"}}));
  EXPECT_EQ(found("Islam will one day be the second religion.", std::nullopt), (pairs{{"one day", "FUTURE_REF"}}));
  // Today's world and the people of tomorrow are no days.
  EXPECT_TRUE(found("It is for today's youth and the people of tomorrow.", friday).empty());
  EXPECT_EQ(found("It ran in today's editions.", friday), (pairs{{"today", "2017-03-24"}}));
}

TEST(timex_test, edges_of_periods) {
  EXPECT_EQ(found("The goal is to send troops by the end of the month.", friday),
            (pairs{{"the end of the month", "2017-03"}}));
  EXPECT_EQ(found("Herbicide use was delayed earlier in the year.", friday), (pairs{{"earlier in the year", "2017"}}));
  // "the" belongs to "the late 1970s" and "the early summer", not to "the late-November trip".
  EXPECT_EQ(found("They ruled in the late 1970s and rose from the lows of the early summer.", friday),
            (pairs{{"the late 1970s", "197"}, {"the early summer", "2017-SU"}}));
  EXPECT_EQ(found("She made the late-November trip.", day("2000-01-28")), (pairs{{"late-November", "1999-11"}}));
  EXPECT_EQ(found("It rose from the lows of the early summer.", std::nullopt), (pairs{{"the early summer", "XXXX-SU"}}));
  EXPECT_EQ(found("The goal is to send troops by the end of the month.", std::nullopt),
            (pairs{{"the end of the month", "XXXX-XX"}}));
}

TEST(timex_test, days_placed_by_other_days) {
  const auto thu = day("2000-02-24");
  EXPECT_EQ(found("The day before last Tuesday's hearing, he flew in.", thu),
            (pairs{{"The day before last Tuesday", "2000-02-21"}}));
  EXPECT_EQ(found("It may be resolved in a hearing the week of March 6.", thu),
            (pairs{{"the week of March 6", "2000-W10"}}));
  EXPECT_EQ(found("In London at mid-afternoon yesterday, shares rose. By mid afternoon they fell.", thu),
            (pairs{{"mid-afternoon yesterday", "2000-02-23TAF"}, {"mid afternoon", "2000-02-24TAF"}}));
  // "that same day" after a month: a day of that month.
  EXPECT_EQ(found("He fled in October 1998. His name was crossed out that same day.", day("1999-02-06")),
            (pairs{{"October 1998", "1998-10"}, {"that same day", "1998-10-XX"}}));
  // Without a day to place them by, they are not times.
  EXPECT_TRUE(found("The week of protests ended the day after he died.", thu).empty());
  EXPECT_EQ(found("It may be resolved in a hearing the week of March 6.", std::nullopt),
            (pairs{{"the week of March 6", "XXXX-WXX"}}));
  EXPECT_EQ(found("The day before last Tuesday's hearing, he flew in.", std::nullopt),
            (pairs{{"The day before last Tuesday", "XXXX-XX-XX"}}));
}

TEST(timex_test, not_times) {
  // Ages, fractions and titles.
  EXPECT_TRUE(found("Kopp was in his 30s.", friday).empty());
  EXPECT_TRUE(found("Iraq imports about three-quarters of its food.", friday).empty());
  EXPECT_TRUE(found("Unemployment is near its quarter-century low. The quarter-to-quarter comparison helped.", friday)
                  .empty());
  EXPECT_TRUE(found("Baker said on ABC's \"This Week\" and CBS's \"60 Minutes\" that it was High Noon.", friday)
                  .empty());
  EXPECT_TRUE(found("Kopp was in his 30s.", std::nullopt).empty());
  // A capitalised first word is no title.
  EXPECT_EQ(found("This week the talks resumed.", friday), (pairs{{"This week", "2017-W12"}}));
}

TEST(timex_test, one_unit_long) {
  EXPECT_EQ(found("They emerged from their third day-long meeting after a year-long inquiry.", friday),
            (pairs{{"day-long", "P1D"}, {"year-long", "P1Y"}}));
  EXPECT_EQ(found("Their day-long meeting ended.", std::nullopt), (pairs{{"day-long", "P1D"}}));
}

TEST(timex_test, quarterly_reports) {
  const auto oct = day("1989-10-26");
  // The closing day of the reported quarter keeps the quarter as the reference.
  EXPECT_EQ(found("It earned $4 million for the fiscal first quarter ended Sept. 30. It lost $2 million a year ago.",
                  oct),
            (pairs{{"the fiscal first quarter", "1989-Q1"}, {"Sept. 30", "1989-09-30"}, {"a year ago", "1988-Q1"}}));
  // "the quarter ended July 31": the calendar quarter holding most of it.
  EXPECT_EQ(found("In the quarter ended July 31, it had sales of $1 million.", day("1989-10-30")),
            (pairs{{"the quarter", "1989-Q2"}, {"July 31", "1989-07-31"}}));
  // After "the nine months", "a year earlier" compares years.
  EXPECT_EQ(found("Net rose in the third quarter. For the nine months, net rose from a loss a year earlier.", oct),
            (pairs{{"the third quarter", "1989-Q3"}, {"the nine months", "P9M"}, {"a year earlier", "1988"}}));
  // "the 1988 period" in a report on a quarter is that quarter of 1988.
  EXPECT_EQ(found("Net rose in the third quarter. In the 1988 period, it earned $2 million.", oct),
            (pairs{{"the third quarter", "1989-Q3"}, {"the 1988 period", "1988-Q3"}}));
  // The current calendar quarter reported in the past tense is a fiscal quarter that is over.
  EXPECT_EQ(found("Ralston reported a decline in fourth-quarter earnings from a year earlier.", day("1989-11-02")),
            (pairs{{"fourth-quarter", "1989-Q4"}, {"a year earlier", "1988-Q4"}}));
  EXPECT_EQ(found("Net rose in the third quarter. In the 1988 period, it earned $2 million.", std::nullopt),
            (pairs{{"the third quarter", "XXXX-Q3"}, {"the 1988 period", "1988"}}));
}
