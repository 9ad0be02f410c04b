#pragma once
// Usage:
//   const auto at = graph::last_event_day(events).value_or(today_is_never_used);
//   graph::add_decay(snap, events, stances, {.half_life_days = 30.0, .at = at});
//   snap.edges[i].decayed_weight;   // exporters write it when snap.decay is set
// Time-decayed edge weights: recent relations weigh more than old ones. Each event on an edge
// adds 0.5^(age / half_life), age = at - the event's date in days, so an event on `at` adds 1,
// one half-life older adds 0.5, two half-lives older 0.25. Events after `at` and undated events
// add nothing. An event dated to a week, month, quarter or year is taken on the first day of
// that period (as stored). Stance edges decay the same way over their stances.

#include <optional>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::graph {

// 0.5^(age_days / half_life_days) for 0 <= age_days, 0 for a negative age (after `at`).
// Requires: half_life_days > 0.
double decay_factor(double age_days, double half_life_days);

// The latest date among the dated events, nullopt when none is dated.
std::optional<core::calendar_day> last_event_day(const std::vector<core::event>& events);

// Requires: s.half_life_days > 0 (and finite).
// Ensures: s.decay == settings; every edge's decayed_weight is the sum of the decay factors of
// the events (stances) on it — those whose (source id, target id) is the edge; events not on
// an edge of `s` are ignored.
void add_decay(snapshot& s, const std::vector<core::event>& events,
               const std::vector<core::stance>& stances, const decay_settings& settings);

}  // namespace diplograph::graph
