#pragma once
// Usage:
//   graph::change_options o{.window = graph::time_window::month, .threshold = 3.0, .min_count = 2};
//   for (const graph::relation_change& c : graph::find_changes(events, o))
//     use(c.source, c.target, c.before, c.after, c.kind, c.evidence);
// Where a relation turned: for each directed dyad (source actor id -> target actor id), its
// windows with events are compared in date order, each with the one before it — windows in
// which the dyad has no events (or fewer than min_count) are skipped, so the two compared
// windows need not be adjacent on the calendar. A pair of windows is a change when the mean
// Goldstein score changes sign (one mean above zero, the other below: cooperation to conflict or
// back) or moves by more than `threshold` in either direction. A pure function on events.

#include <cstddef>
#include <string_view>
#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/graph/windows.hpp"

namespace diplograph::graph {

struct change_options {
  time_window window = time_window::month;
  double threshold = 3.0;      // a jump is |after mean - before mean| > threshold
  std::size_t min_count = 2;   // a window counts for a dyad only with at least this many events
  std::size_t evidence = 3;    // evidence events kept per change, at most
};

enum class change_kind {
  cooperation_to_conflict,  // the mean went from above zero to below zero
  conflict_to_cooperation,  // from below zero to above zero
  toward_conflict,          // no sign change, but a drop by more than the threshold
  toward_cooperation,       // no sign change, but a rise by more than the threshold
};
// "cooperation_to_conflict", "conflict_to_cooperation", "toward_conflict", "toward_cooperation".
std::string_view to_string(change_kind k);

struct relation_change {
  window_row before;  // its `events` index the input of find_changes
  window_row after;
  change_kind kind = change_kind::toward_conflict;
  bool jump = false;  // |delta| > threshold (always true for the toward_* kinds)
  double delta = 0.0; // after.goldstein_mean - before.goldstein_mean
  // The later window's events in the direction of the change, most extreme first: lowest
  // Goldstein first when delta < 0, highest first when delta > 0; ties in date, article and
  // sentence order. At most change_options::evidence of them.
  std::vector<core::event> evidence;
};

// Requires: o.threshold >= 0 (finite).
// Ensures: changes sorted by (after window start, source, target, before window start); windows
// whose events have no finite Goldstein score are skipped like empty ones. Undated events and
// events without both actors are never part of a window (window_rows).
std::vector<relation_change> find_changes(const std::vector<core::event>& events, const change_options& o);

}  // namespace diplograph::graph
