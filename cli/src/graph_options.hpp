#pragma once
// Usage (in commands.cpp):
//   graph_filter_options gf;
//   add_graph_filter_options(*export_cmd, gf);                 // --actor ... --decay --at
//   check_graph_filter_options(gf);                            // usage errors, before any I/O
//   const graph::selection sel = select_events(events, stances, gf);
//   const graph::snapshot g = finished_graph(sel, gf, events); // metrics, then decayed weights
// The filter and decay options of `export` and `build` (and the event filters of `changes`),
// turned into graph/filter.hpp and graph/decay.hpp calls.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/filter.hpp"

namespace diplograph::cli {

struct graph_filter_options {
  std::vector<std::string> actors;     // --actor, repeatable
  std::vector<std::string> countries;  // --country, repeatable
  std::vector<int> roots;              // --root, repeatable, comma-separated lists too
  std::vector<int> quads;              // --quad, repeatable
  std::size_t min_count = 0;           // --min-count
  std::string ego;                     // --ego
  std::size_t depth = 1;               // --depth
  double half_life = 0.0;              // --decay HALF_LIFE_DAYS; 0 is off
  std::string at;                      // --at YYYY-MM-DD; "" is the last event date

  graph::event_filter event_filter() const { return {actors, countries, roots, quads}; }
  bool any() const;  // whether any option here is set
};

// --actor, --country, --root, --quad.
void add_event_filter_options(CLI::App& cmd, graph_filter_options& o);
// The event filters, --min-count, --ego, --depth, --decay and --at.
void add_graph_filter_options(CLI::App& cmd, graph_filter_options& o);

// Throws usage_error for a malformed --at or --at without --decay.
void check_graph_filter_options(const graph_filter_options& o);

// graph::select with these options. Throws std::runtime_error when --ego names no actor of
// the graph the other filters leave.
graph::selection select_events(const std::vector<core::event>& events,
                               const std::vector<core::stance>& stances, const graph_filter_options& o);

// The selection's graph with node metrics (computed on the filtered graph) and, with --decay,
// decayed edge weights counted from --at or else from the last dated event of `range_events`
// (the events of the date range, before the other filters). Throws std::runtime_error when
// --decay has no day to count from (no --at and no dated event).
graph::snapshot finished_graph(const graph::selection& s, const graph_filter_options& o,
                               const std::vector<core::event>& range_events);

}  // namespace diplograph::cli
