#pragma once
// Usage:
//   graph::filter_options f;
//   f.events.actors = {"SYR"}; f.events.roots = {19, 20};   // event filters: before the graph is built
//   f.min_count = 2; f.ego = "SYRGOV"; f.depth = 2;          // graph filters: on the built snapshot
//   graph::selection s = graph::select(events, stances, f);
//   graph::add_metrics(s.graph);                              // metrics after filtering, never before
//   exporter::write_graphml(out, s.graph);                    // s.events: the events on s.graph's edges
// Filters over events and snapshots, as pure functions: nothing is ever removed from a Boost
// graph. Event filters pick events (and stances) before the graph is built; graph filters take a
// snapshot and return a smaller one. Each kind of event filter keeps what matches any of its
// values; different kinds must all match (they compose by AND), and so do graph filters.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::graph {

struct event_filter {
  std::vector<std::string> actors;     // code prefix or name substring (actor_matches), either endpoint
  std::vector<std::string> countries;  // ISO-3166 alpha-3 of either endpoint, case-insensitive
  std::vector<int> roots;              // CAMEO roots: the code's first two digits (19 for "190")
  std::vector<int> quads;              // quad classes 1-4
  bool empty() const { return actors.empty() && countries.empty() && roots.empty() && quads.empty(); }
};

// True when `query` names `a`: a case-insensitive (ASCII) prefix of its code ("syr" and "SYRGOV"
// match SYRGOV, "GOV" does not) or a case-insensitive substring of its name. An empty query
// matches every actor.
bool actor_matches(const core::actor& a, std::string_view query);

// True when the event's source or target matches `query` (actor_matches); an empty query
// matches every event, even one without actors.
bool involves_actor(const core::event& e, std::string_view query);

// The event's CAMEO root (4 for "042", 19 for "190"), or -1 when its code does not start with
// two digits.
int cameo_root(const core::event& e);

// Whether `e` passes every non-empty part of `f`. An event without a source (or target) can
// still match through its other actor.
bool matches(const core::event& e, const event_filter& f);
// A stance passes when its holder matches the actor and country filters (the issue is not an
// actor) and no root or quad filter is set: stances have no CAMEO code.
bool matches(const core::stance& s, const event_filter& f);

// The events (stances) that match, in the caller's order.
std::vector<core::event> filter_events(const std::vector<core::event>& events, const event_filter& f);
std::vector<core::stance> filter_stances(const std::vector<core::stance>& stances, const event_filter& f);

// The snapshot without the edges whose weight (events, or for a stance edge its supports plus
// opposes) is below `min_count`, and without the nodes left with no edge. Node event counts and
// events_used are recomputed from the edges kept; events_skipped is kept; metrics are cleared
// (compute them again with add_metrics). min_count 0 or 1 keeps everything.
snapshot keep_min_count(const snapshot& s, std::size_t min_count);

// The ids of the nodes `query` names: the node whose id equals it (ASCII case-insensitive) when
// there is one, else every actor node that actor_matches it (issue nodes never). Sorted.
std::vector<std::string> find_actors(const snapshot& s, std::string_view query);

// The ego network of `egos` (node ids; unknown ones are ignored): the actor nodes within
// `depth` hops of any of them, direction ignored, found by a breadth-first search (Boost) on an
// undirected view of the event edges; the event edges among those nodes; and the stance edges
// of those actors with their issue nodes (issues are not hops: two actors holding a stance on
// the same issue are not neighbours). The egos themselves are always kept, even with depth 0 or
// no edge left. Counts and metrics as keep_min_count.
snapshot ego_network(const snapshot& s, const std::vector<std::string>& egos, std::size_t depth);

// The events (stances) that lie on an edge of `s`, in the caller's order: those whose (source
// id, target id) — (holder id, issue node id) for a stance — is an edge of `s`.
std::vector<core::event> events_on_edges(const std::vector<core::event>& events, const snapshot& s);
std::vector<core::stance> stances_on_edges(const std::vector<core::stance>& stances, const snapshot& s);

struct filter_options {
  event_filter events;
  std::size_t min_count = 0;  // graph filter: keep_min_count; 0 or 1 is off
  std::string ego;            // graph filter: ego_network of find_actors(ego); "" is off
  std::size_t depth = 1;
  bool graph_filters() const { return min_count > 1 || !ego.empty(); }
};

struct selection {
  std::vector<core::event> events;    // the events on the graph's edges (all matching ones when
  std::vector<core::stance> stances;  // no graph filter is set, actorless ones included)
  snapshot graph;                     // metrics not computed
  std::vector<std::string> egos;      // the node ids filter_options::ego named, if it was set
};

// Event filters, then the graph built from what they keep, then keep_min_count, then
// ego_network (so the ego's hops run over the relations min_count kept); with graph filters set,
// the events and stances are narrowed to the edges left (events_on_edges). With an empty
// filter_options the graph is exactly the one built from all `events` and `stances`.
selection select(const std::vector<core::event>& events, const std::vector<core::stance>& stances,
                 const filter_options& f);

}  // namespace diplograph::graph
