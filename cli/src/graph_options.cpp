#include "graph_options.hpp"

#include <stdexcept>

#include "diplograph/graph/decay.hpp"
#include "diplograph/graph/metrics.hpp"
#include "options.hpp"

namespace diplograph::cli {

bool graph_filter_options::any() const {
  return !event_filter().empty() || min_count > 0 || !ego.empty() || half_life > 0.0 || !at.empty();
}

void add_event_filter_options(CLI::App& cmd, graph_filter_options& o) {
  cmd.add_option("--actor", o.actors,
                 "Only events whose source or target code starts with CODE or whose name contains NAME "
                 "(case-insensitive); repeat for more")
      ->allow_extra_args(false);
  cmd.add_option("--country", o.countries, "Only events with an actor of this ISO-3166 alpha-3 country; repeat for more")
      ->allow_extra_args(false);
  cmd.add_option("--root", o.roots, "Only events of these CAMEO roots (19,20); repeat for more")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Range(1, 20));
  cmd.add_option("--quad", o.quads, "Only events of these QuadClasses 1-4 (1,2: cooperation); repeat for more")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Range(1, 4));
}

void add_graph_filter_options(CLI::App& cmd, graph_filter_options& o) {
  add_event_filter_options(cmd, o);
  cmd.add_option("--min-count", o.min_count,
                 "Drop relations with fewer events (stance edges: fewer stances), then actors left without one");
  auto* ego = cmd.add_option("--ego", o.ego,
                             "Only the actors within --depth hops of ACTOR (its id, else a code prefix or name "
                             "substring), direction ignored, and the relations among them");
  cmd.add_option("--depth", o.depth, "Hops of the --ego network")->needs(ego)->check(CLI::Range(0, 1000))->capture_default_str();
  auto* decay = cmd.add_option("--decay", o.half_life,
                               "Write decayed_weight on every edge: the sum over its events of 0.5^(age / "
                               "HALF_LIFE_DAYS), age counted back from --at")
                    ->check(CLI::PositiveNumber);
  cmd.add_option("--at", o.at, "The day --decay counts ages from, YYYY-MM-DD (default: the last event date)")->needs(decay);
}

void check_graph_filter_options(const graph_filter_options& o) { parse_day_option(o.at, "at"); }

graph::selection select_events(const std::vector<core::event>& events,
                               const std::vector<core::stance>& stances, const graph_filter_options& o) {
  graph::filter_options f;
  f.events = o.event_filter();
  f.min_count = o.min_count;
  f.ego = o.ego;
  f.depth = o.depth;
  graph::selection s = graph::select(events, stances, f);
  if (!o.ego.empty() && s.egos.empty())
    throw std::runtime_error("--ego '" + o.ego + "' names no actor of the graph (after the other filters)");
  return s;
}

graph::snapshot finished_graph(const graph::selection& s, const graph_filter_options& o,
                               const std::vector<core::event>& range_events) {
  graph::snapshot g = s.graph;
  graph::add_metrics(g);
  if (o.half_life > 0.0) {
    const auto at = o.at.empty() ? graph::last_event_day(range_events) : parse_day_option(o.at, "at");
    if (!at) throw std::runtime_error("--decay: no dated event to count ages from; give --at YYYY-MM-DD");
    graph::add_decay(g, s.events, s.stances, {.half_life_days = o.half_life, .at = *at});
  }
  return g;
}

}  // namespace diplograph::cli
