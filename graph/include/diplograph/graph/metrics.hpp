#pragma once
// Usage:
//   graph::snapshot s = g.snapshot();
//   graph::add_metrics(s);        // fills node.metrics; exporters write them as node attributes
// Node metrics on a snapshot, computed with Boost.Graph (this module is the only one that uses
// it). Edge weight is the edge's event count (a stance edge: its supports + opposes).
//   - degree: distinct neighbours out and in; weighted degree: the sum of edge weights.
//   - pagerank: weighted PageRank as networkx.pagerank(G, alpha=0.85, weight="weight") computes it
//     (Boost's page_rank ignores weights and loses the rank of dangling nodes): rows normalised
//     by out-weight, dangling rank spread evenly, stop when the L1 change < n * 1e-6 or after
//     100 iterations.
//   - betweenness: Brandes (Boost), unweighted shortest paths on the directed graph, normalised
//     as networkx does for directed graphs: 1 / ((n - 1)(n - 2)).
//   - component: weakly connected component, numbered 0, 1... by each component's smallest id.
//   - community: Louvain on the undirected graph (weights of both directions summed), nodes
//     visited in id order so the result is the same on every run; numbered like components.

#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::graph {

void add_metrics(snapshot& s);

// Newman modularity of the partition in node.metrics.community, on the undirected weighted
// graph add_metrics uses (for tests and reports).
double modularity(const snapshot& s);

}  // namespace diplograph::graph
