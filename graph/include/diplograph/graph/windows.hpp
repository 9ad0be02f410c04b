#pragma once
// Usage:
//   auto w = graph::parse_time_window("month");              // std::optional<time_window>
//   graph::window_start(day, graph::time_window::week);      // the Monday of day's ISO week
//   for (const graph::window_row& r : graph::window_rows(events, graph::time_window::month))
//     use(r.start, r.source, r.target, r.count, r.goldstein_mean, r.quad_counts);
// Time windows and the events of each directed dyad per window: the table behind
// `diplograph export --format windows`, GEXF's per-window weights and `diplograph changes`.
// Pure functions over value types.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/event.hpp"

namespace diplograph::graph {

enum class time_window { day, week, month, quarter, year };

// "day", "week", "month", "quarter" or "year"; nullopt for anything else.
std::optional<time_window> parse_time_window(std::string_view name);
std::string_view to_string(time_window w);

// The first day of the window holding `d`: `d` itself, the Monday of its ISO week, the first of
// its month, of its quarter (Jan, Apr, Jul, Oct) or of its year.
core::calendar_day window_start(core::calendar_day d, time_window w);
// The last day of the window holding `d` (the day before the next window starts).
core::calendar_day window_last_day(core::calendar_day d, time_window w);

// The events of one directed dyad (source actor id -> target actor id) in one window.
struct window_row {
  core::calendar_day start{};        // the window's first day
  core::calendar_day last{};         // and its last
  std::string source;                // actor ids, as graph nodes are named
  std::string target;
  core::actor source_actor;          // the first mention of each, empty fields filled by later ones
  core::actor target_actor;
  std::size_t count = 0;             // events
  std::size_t scored = 0;            // events with a finite Goldstein score
  double goldstein_sum = 0.0;        // over the scored events
  double goldstein_mean = 0.0;       // goldstein_sum / scored; NaN when none is scored
  std::array<std::size_t, 4> quad_counts{};  // index = quad class - 1
  std::vector<std::size_t> events;   // indices into the input, in input order
};

// One row per (window, source, target) with at least one event, sorted by (start, source,
// target). An event counts in the window holding its date's first day (an event dated to a
// month counts in the window of the 1st). Undated events and events without a source or a
// target are left out.
std::vector<window_row> window_rows(const std::vector<core::event>& events, time_window w);

}  // namespace diplograph::graph
