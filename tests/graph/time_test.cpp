// Pins: decayed edge weights (half-life arithmetic, the --at cut-off, undated events left out,
// stance edges, events off the graph ignored, last_event_day), the per-window dyad rows
// (windows, order, means over scored events, quad counts, event indices, coarse dates, undated
// and actorless events left out), and find_changes on constructed events: a sign change, a
// jump over the threshold, a move below it not reported, windows without events (or with too
// few) skipped, evidence ordered by extremity in the direction of the change.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/changes.hpp"
#include "diplograph/graph/decay.hpp"
#include "diplograph/graph/windows.hpp"
#include "event_builder.hpp"

namespace {

using namespace diplograph;
using diplograph::testing::make_event;

const core::actor fra{"FRA", "France", "FRA", core::actor_kind::country};
const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
const core::actor rus{"RUS", "Russia", "RUS", core::actor_kind::country};

core::calendar_day day(const char* iso) { return *core::parse_iso_day(iso); }

graph::snapshot snapshot_of(const std::vector<core::event>& events, const std::vector<core::stance>& stances = {}) {
  graph::actor_graph g;
  for (const auto& e : events) g.add(e);
  for (const auto& s : stances) g.add(s);
  return g.snapshot();
}

const graph::edge& edge_of(const graph::snapshot& s, const std::string& source, const std::string& target) {
  for (const auto& e : s.edges)
    if (e.source == source && e.target == target) return e;
  throw std::runtime_error("no edge " + source + " -> " + target);
}

// ---- decay -------------------------------------------------------------------------------------

TEST(time_test, decay_factor_halves_every_half_life) {
  EXPECT_DOUBLE_EQ(graph::decay_factor(0, 30), 1.0);
  EXPECT_DOUBLE_EQ(graph::decay_factor(30, 30), 0.5);
  EXPECT_DOUBLE_EQ(graph::decay_factor(60, 30), 0.25);
  EXPECT_DOUBLE_EQ(graph::decay_factor(15, 30), std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(graph::decay_factor(7, 7), 0.5);
  EXPECT_DOUBLE_EQ(graph::decay_factor(-1, 30), 0.0);  // after `at`
}

TEST(time_test, decayed_weight_sums_the_events_of_each_edge) {
  const std::vector<core::event> events = {
      make_event(fra, deu, 1, "2017-03-31"),   // age 0: 1
      make_event(fra, deu, 1, "2017-03-01"),   // age 30: 0.5
      make_event(fra, deu, 1, "2017-01-30"),   // age 60: 0.25
      make_event(fra, deu, 1, "2017-04-01"),   // after at: 0
      make_event(fra, deu, 1, nullptr),        // undated: 0
      make_event(deu, fra, 1, "2017-03-16"),   // age 15: sqrt(0.5)
      make_event(rus, fra, 1, nullptr),        // an edge with only an undated event
  };
  graph::snapshot s = snapshot_of(events);
  const graph::decay_settings settings{.half_life_days = 30.0, .at = day("2017-03-31")};
  graph::add_decay(s, events, {}, settings);
  ASSERT_TRUE(s.decay.has_value());
  EXPECT_EQ(*s.decay, settings);
  EXPECT_DOUBLE_EQ(edge_of(s, "FRA", "DEU").decayed_weight, 1.75);
  EXPECT_EQ(edge_of(s, "FRA", "DEU").count, 5u);  // the count is untouched
  EXPECT_DOUBLE_EQ(edge_of(s, "DEU", "FRA").decayed_weight, std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(edge_of(s, "RUS", "FRA").decayed_weight, 0.0);

  // Another `at` and half-life: computed afresh, not added to the last result.
  graph::add_decay(s, events, {}, {.half_life_days = 1.0, .at = day("2017-04-01")});
  EXPECT_DOUBLE_EQ(edge_of(s, "FRA", "DEU").decayed_weight, 1.0 + 0.5 + std::exp2(-31.0) + std::exp2(-61.0));
}

TEST(time_test, coarse_dates_decay_from_their_first_day_and_stances_decay_too) {
  const std::vector<core::event> events = {
      make_event(fra, deu, 1, "2017-03-01", "m", "042", core::date_precision::month)};
  core::stance st;
  st.holder = fra;
  st.issue = "sanctions";
  st.date = core::dated{day("2017-03-21"), core::date_precision::day};
  core::stance undated = st;
  undated.date = {};
  graph::snapshot s = snapshot_of(events, {st, undated});
  graph::add_decay(s, events, {st, undated}, {.half_life_days = 10.0, .at = day("2017-03-31")});
  EXPECT_DOUBLE_EQ(edge_of(s, "FRA", "DEU").decayed_weight, std::exp2(-3.0));
  EXPECT_DOUBLE_EQ(edge_of(s, "FRA", "issue:sanctions").decayed_weight, 0.5);
}

TEST(time_test, events_off_the_graph_add_nothing) {
  const std::vector<core::event> on = {make_event(fra, deu, 1, "2017-03-31")};
  graph::snapshot s = snapshot_of(on);
  graph::add_decay(s, {make_event(fra, deu, 1, "2017-03-31"), make_event(rus, deu, 1, "2017-03-31")}, {},
                   {.half_life_days = 30.0, .at = day("2017-03-31")});
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_DOUBLE_EQ(s.edges[0].decayed_weight, 1.0);
}

TEST(time_test, last_event_day_is_the_latest_dated_event) {
  EXPECT_FALSE(graph::last_event_day({}).has_value());
  EXPECT_FALSE(graph::last_event_day({make_event(fra, deu, 1, nullptr)}).has_value());
  EXPECT_EQ(graph::last_event_day({make_event(fra, deu, 1, "2017-03-02"), make_event(fra, deu, 1, nullptr),
                                   make_event(fra, deu, 1, "2017-05-01"), make_event(fra, deu, 1, "2016-01-01")}),
            day("2017-05-01"));
}

// ---- window rows -------------------------------------------------------------------------------

TEST(time_test, window_rows_per_dyad_and_window) {
  std::vector<core::event> events = {
      make_event(fra, deu, 4, "2017-03-30", "x1"),
      make_event(fra, deu, -2, "2017-03-02", "x2", "112"),
      make_event(deu, fra, 1, "2017-03-15", "x3"),
      make_event(fra, deu, 7, "2017-04-01", "x4"),
      make_event(fra, deu, 3, "2017-03-01", "x5", "042", core::date_precision::month),
      make_event(fra, deu, 9, nullptr, "undated"),
      make_event(fra, deu, std::numeric_limits<double>::quiet_NaN(), "2017-03-10", "unscored"),
  };
  core::event actorless = make_event(fra, deu, 1, "2017-03-10", "actorless");
  actorless.target.reset();
  events.push_back(actorless);

  const auto rows = graph::window_rows(events, graph::time_window::month);
  ASSERT_EQ(rows.size(), 3u);
  // Sorted by (start, source, target): March DEU->FRA, March FRA->DEU, April FRA->DEU.
  EXPECT_EQ(rows[0].start, day("2017-03-01"));
  EXPECT_EQ(rows[0].last, day("2017-03-31"));
  EXPECT_EQ(rows[0].source, "DEU");
  EXPECT_EQ(rows[0].target, "FRA");
  EXPECT_EQ(rows[1].source, "FRA");
  EXPECT_EQ(rows[1].count, 4u);   // x1, x2, x5 (a month, on its first day) and the unscored one
  EXPECT_EQ(rows[1].scored, 3u);
  EXPECT_DOUBLE_EQ(rows[1].goldstein_mean, (4.0 - 2.0 + 3.0) / 3.0);
  EXPECT_EQ(rows[1].quad_counts[0], 3u);  // 042: x1, x5 and the unscored one
  EXPECT_EQ(rows[1].quad_counts[2], 1u);
  EXPECT_EQ(rows[1].events, (std::vector<std::size_t>{0, 1, 4, 6}));
  EXPECT_EQ(rows[1].source_actor, fra);
  EXPECT_EQ(rows[2].start, day("2017-04-01"));
  EXPECT_EQ(rows[2].last, day("2017-04-30"));
  EXPECT_EQ(rows[2].count, 1u);

  const auto weeks = graph::window_rows(events, graph::time_window::week);
  ASSERT_FALSE(weeks.empty());
  EXPECT_EQ(weeks.front().start, day("2017-02-27"));  // the Monday before 2017-03-01
  EXPECT_EQ(weeks.front().last, day("2017-03-05"));
  const auto years = graph::window_rows(events, graph::time_window::year);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[1].count, 5u);
  EXPECT_TRUE(graph::window_rows({}, graph::time_window::day).empty());
}

TEST(time_test, a_window_with_no_scored_event_has_no_mean) {
  const auto rows = graph::window_rows(
      {make_event(fra, deu, std::numeric_limits<double>::quiet_NaN(), "2017-03-10")}, graph::time_window::month);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(std::isnan(rows[0].goldstein_mean));
}

// ---- changes -----------------------------------------------------------------------------------

// FRA -> DEU: January cooperative (+4, +3), February nothing, March conflictual (-2, -10, -5):
// a sign change across the empty month. DEU -> FRA: -1, -1 in January, -6, -5 in March: a jump
// of -4.5 without a sign change. RUS -> DEU: +1, +2 then +3, +2: a move of +1, not reported.
std::vector<core::event> story() {
  return {
      make_event(fra, deu, 4, "2017-01-10", "j1"),  make_event(fra, deu, 3, "2017-01-20", "j2"),
      make_event(fra, deu, -2, "2017-03-02", "m1"), make_event(fra, deu, -10, "2017-03-05", "m2", "190"),
      make_event(fra, deu, -5, "2017-03-09", "m3", "172"),
      make_event(deu, fra, -1, "2017-01-11", "d1"), make_event(deu, fra, -1, "2017-01-12", "d2"),
      make_event(deu, fra, -6, "2017-03-11", "d3"), make_event(deu, fra, -5, "2017-03-12", "d4"),
      make_event(rus, deu, 1, "2017-01-03", "r1"),  make_event(rus, deu, 2, "2017-01-04", "r2"),
      make_event(rus, deu, 3, "2017-03-03", "r3"),  make_event(rus, deu, 2, "2017-03-04", "r4"),
  };
}

TEST(time_test, changes_finds_a_sign_change_and_a_jump_but_not_a_small_move) {
  const auto changes = graph::find_changes(story(), {.window = graph::time_window::month, .threshold = 3.0});
  ASSERT_EQ(changes.size(), 2u);
  // Sorted by the later window, then source and target: DEU -> FRA before FRA -> DEU.
  const graph::relation_change& jump = changes[0];
  EXPECT_EQ(jump.after.source, "DEU");
  EXPECT_EQ(jump.kind, graph::change_kind::toward_conflict);
  EXPECT_TRUE(jump.jump);
  EXPECT_DOUBLE_EQ(jump.delta, -4.5);
  EXPECT_EQ(jump.before.start, day("2017-01-01"));
  EXPECT_EQ(jump.after.start, day("2017-03-01"));

  const graph::relation_change& turn = changes[1];
  EXPECT_EQ(turn.after.source, "FRA");
  EXPECT_EQ(turn.after.target, "DEU");
  EXPECT_EQ(turn.kind, graph::change_kind::cooperation_to_conflict);
  EXPECT_TRUE(turn.jump);
  EXPECT_EQ(turn.before.start, day("2017-01-01"));  // February, without events, is skipped
  EXPECT_EQ(turn.before.count, 2u);
  EXPECT_DOUBLE_EQ(turn.before.goldstein_mean, 3.5);
  EXPECT_EQ(turn.after.count, 3u);
  EXPECT_DOUBLE_EQ(turn.after.goldstein_mean, -17.0 / 3.0);
  // Evidence: the later window's events, most conflictual first.
  ASSERT_EQ(turn.evidence.size(), 3u);
  EXPECT_EQ(turn.evidence[0].article.value(), "m2");
  EXPECT_EQ(turn.evidence[1].article.value(), "m3");
  EXPECT_EQ(turn.evidence[2].article.value(), "m1");
  EXPECT_EQ(graph::to_string(turn.kind), "cooperation_to_conflict");
}

TEST(time_test, threshold_and_min_count) {
  // A higher threshold keeps the sign change (no jump) and drops the jump.
  auto changes = graph::find_changes(story(), {.threshold = 9.5});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, graph::change_kind::cooperation_to_conflict);
  EXPECT_FALSE(changes[0].jump);
  // The move of exactly the threshold is not "more than" it.
  changes = graph::find_changes(story(), {.threshold = 4.5});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].after.source, "FRA");
  // A small threshold reports the RUS -> DEU move too, as a move toward cooperation.
  changes = graph::find_changes(story(), {.threshold = 0.5});
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[2].after.source, "RUS");
  EXPECT_EQ(changes[2].kind, graph::change_kind::toward_cooperation);
  EXPECT_EQ(changes[2].evidence.front().article.value(), "r3");  // most cooperative first
  // min_count 3: only FRA -> DEU's March has three events; nothing is left to compare.
  EXPECT_TRUE(graph::find_changes(story(), {.min_count = 3}).empty());
  // min_count 1 and one evidence event at most.
  changes = graph::find_changes(story(), {.min_count = 1, .evidence = 1});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[1].evidence.size(), 1u);
}

TEST(time_test, windows_too_thin_are_skipped_like_empty_ones) {
  // January +5 (two events), February one -8 (below min_count 2), March +4: no change, since
  // February does not count and January to March moves by 1.
  const std::vector<core::event> events = {
      make_event(fra, deu, 5, "2017-01-05"), make_event(fra, deu, 5, "2017-01-06"), make_event(fra, deu, -8, "2017-02-05"),
      make_event(fra, deu, 4, "2017-03-05"), make_event(fra, deu, 4, "2017-03-06")};
  EXPECT_TRUE(graph::find_changes(events, {}).empty());
  // With min_count 1, February counts: two changes (to conflict, then back).
  const auto changes = graph::find_changes(events, {.min_count = 1});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].kind, graph::change_kind::cooperation_to_conflict);
  EXPECT_EQ(changes[1].kind, graph::change_kind::conflict_to_cooperation);
  EXPECT_EQ(changes[1].before.start, day("2017-02-01"));
  // Undated events never make a window.
  EXPECT_TRUE(graph::find_changes({make_event(fra, deu, 5, nullptr), make_event(fra, deu, -5, nullptr)}, {.min_count = 1}).empty());
}

TEST(time_test, a_neutral_mean_is_no_sign_change) {
  const std::vector<core::event> events = {make_event(fra, deu, 2, "2017-01-05"), make_event(fra, deu, 0, "2017-02-05")};
  EXPECT_TRUE(graph::find_changes(events, {.min_count = 1}).empty());
  const auto changes = graph::find_changes(events, {.threshold = 1.0, .min_count = 1});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, graph::change_kind::toward_conflict);
}

}  // namespace
