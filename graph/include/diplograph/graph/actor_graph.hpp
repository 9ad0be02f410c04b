#pragma once
// Usage:
//   graph::actor_graph g;
//   for (const auto& e : events) g.add(e);     // events lacking a source or target are counted, not added
//   graph::snapshot s = g.snapshot();            // value types, sorted by id: what export/ reads
// The only module that uses Boost.Graph (an adjacency_list plus our own id -> vertex map;
// labeled_graph is broken in Boost 1.74). Boost types never appear in this header.

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"

namespace diplograph::graph {

// Filled by add_metrics (metrics.hpp); zero until then.
struct node_metrics {
  bool computed = false;
  std::size_t out_degree = 0;   // distinct targets
  std::size_t in_degree = 0;    // distinct sources
  double weighted_out = 0.0;    // sum of out-edge weights (event counts)
  double weighted_in = 0.0;
  double pagerank = 0.0;        // weighted, as networkx computes it
  double betweenness = 0.0;     // normalised, directed, unweighted paths
  std::size_t component = 0;    // weakly connected component
  std::size_t community = 0;    // Louvain community
};

struct node {
  core::actor actor;
  std::string id;               // actor.id().value(): the stable key across runs
  std::size_t out_events = 0;
  std::size_t in_events = 0;
  node_metrics metrics;
};

// All events from `source` to `target`, aggregated.
struct edge {
  std::string source;           // node id
  std::string target;           // node id
  std::size_t count = 0;
  double goldstein_sum = 0.0;
  double goldstein_mean = 0.0;
  std::array<std::size_t, 4> quad_counts{};  // index = quad class - 1
  core::calendar_day first{};            // first and last known event date; unset when no date known
  core::calendar_day last{};
  bool dated = false;
  std::vector<std::string> articles;  // distinct article ids, sorted
  // Stance edges (actor -> issue node): how often the actor supported and opposed the issue.
  std::size_t supports = 0;
  std::size_t opposes = 0;
  bool is_stance() const { return supports + opposes > 0; }
  // Filled by add_decay (decay.hpp) when snapshot::decay is set: the time-decayed weight.
  double decayed_weight = 0.0;
};

// How add_decay weighed the edges (exporters write it beside the decayed weights).
struct decay_settings {
  double half_life_days = 30.0;
  core::calendar_day at{};  // the day ages are counted from
  friend bool operator==(const decay_settings&, const decay_settings&) = default;
};

struct snapshot {
  std::vector<node> nodes;      // sorted by id
  std::vector<edge> edges;      // sorted by (source, target)
  std::size_t events_used = 0;
  std::size_t events_skipped = 0;  // no source or no target
  std::optional<decay_settings> decay;  // set by add_decay: edges carry decayed_weight
};

class actor_graph {
 public:
  actor_graph();
  ~actor_graph();
  actor_graph(actor_graph&&) noexcept;
  actor_graph& operator=(actor_graph&&) noexcept;

  void add(const core::event& e);
  // A stance becomes an edge from its actor to the node (id "issue:<key>", kind issue).
  void add(const core::stance& s);
  std::size_t node_count() const;
  std::size_t edge_count() const;
  graph::snapshot snapshot() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace diplograph::graph
