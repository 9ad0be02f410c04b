#include "diplograph/graph/metrics.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace diplograph::graph {
namespace {

double weight_of(const edge& e) {
  return e.is_stance() ? static_cast<double>(e.supports + e.opposes) : static_cast<double>(e.count);
}

// Node index by id (snapshot nodes are sorted by id) for each edge's endpoints.
struct indexed_edge {
  std::size_t source;
  std::size_t target;
  double weight;
};

std::vector<indexed_edge> index_edges(const snapshot& s) {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) index.emplace(s.nodes[i].id, i);
  std::vector<indexed_edge> out;
  out.reserve(s.edges.size());
  for (const auto& e : s.edges) {
    const auto a = index.find(e.source);
    const auto b = index.find(e.target);
    if (a == index.end() || b == index.end()) continue;  // snapshot() never leaves such edges
    out.push_back({a->second, b->second, weight_of(e)});
  }
  return out;
}

// networkx.pagerank(G, alpha=0.85, personalization=None, max_iter=100, tol=1e-06,
// weight="weight", dangling=None), step by step.
std::vector<double> pagerank(std::size_t n, const std::vector<indexed_edge>& edges) {
  std::vector<double> x(n, n ? 1.0 / static_cast<double>(n) : 0.0);
  if (n == 0) return x;
  constexpr double alpha = 0.85;
  constexpr double tol = 1e-6;
  std::vector<double> out_weight(n, 0.0);
  for (const auto& e : edges) out_weight[e.source] += e.weight;
  std::vector<std::size_t> dangling;
  for (std::size_t i = 0; i < n; ++i)
    if (out_weight[i] == 0.0) dangling.push_back(i);
  const double p = 1.0 / static_cast<double>(n);
  std::vector<double> last(n);
  for (int iteration = 0; iteration < 100; ++iteration) {
    last.swap(x);
    std::fill(x.begin(), x.end(), 0.0);
    double dangle = 0.0;
    for (const std::size_t d : dangling) dangle += last[d];
    dangle *= alpha;
    for (const auto& e : edges) x[e.target] += alpha * last[e.source] * e.weight / out_weight[e.source];
    for (std::size_t i = 0; i < n; ++i) x[i] += dangle * p + (1.0 - alpha) * p;
    double err = 0.0;
    for (std::size_t i = 0; i < n; ++i) err += std::fabs(x[i] - last[i]);
    if (err < static_cast<double>(n) * tol) return x;
  }
  return x;  // networkx raises PowerIterationFailedConvergence; we keep the last iterate
}

std::vector<double> betweenness(std::size_t n, const std::vector<indexed_edge>& edges) {
  using directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  directed g(n);
  for (const auto& e : edges)
    if (e.source != e.target) boost::add_edge(e.source, e.target, g);
  std::vector<double> centrality(n, 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g))));
  if (n > 2) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (auto& c : centrality) c *= scale;
  }
  return centrality;
}

// Labels numbered 0, 1... in order of each group's smallest node index.
std::vector<std::size_t> renumber(const std::vector<std::size_t>& label) {
  std::unordered_map<std::size_t, std::size_t> number;
  std::vector<std::size_t> out(label.size());
  for (std::size_t i = 0; i < label.size(); ++i) {
    const auto [it, fresh] = number.emplace(label[i], number.size());
    out[i] = it->second;
  }
  return out;
}

std::vector<std::size_t> components(std::size_t n, const std::vector<indexed_edge>& edges) {
  using undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  undirected g(n);
  for (const auto& e : edges) boost::add_edge(e.source, e.target, g);
  std::vector<std::size_t> label(n, 0);
  boost::connected_components(g, boost::make_iterator_property_map(label.begin(), boost::get(boost::vertex_index, g)));
  return renumber(label);
}

// ---------------------------------------------------------------- Louvain

// An undirected weighted graph: neighbours without self-loops, and each node's self-loop weight.
struct weighted_graph {
  std::vector<std::vector<std::pair<std::size_t, double>>> adjacent;
  std::vector<double> self;
  std::vector<double> degree;  // sum of incident weights, a self-loop counted twice
  double total = 0.0;          // m: each edge once, self-loops once

  explicit weighted_graph(std::size_t n) : adjacent(n), self(n, 0.0), degree(n, 0.0) {}

  void finish() {
    for (std::size_t i = 0; i < adjacent.size(); ++i) {
      // Merge parallel entries (both directions of a pair) into one weight per neighbour.
      auto& a = adjacent[i];
      std::sort(a.begin(), a.end());
      std::size_t w = 0;
      for (std::size_t r = 0; r < a.size(); ++r) {
        if (w > 0 && a[w - 1].first == a[r].first) a[w - 1].second += a[r].second;
        else a[w++] = a[r];
      }
      a.resize(w);
      degree[i] = 2.0 * self[i];
      for (const auto& [j, wt] : a) degree[i] += wt;
    }
    total = 0.0;
    for (std::size_t i = 0; i < adjacent.size(); ++i) {
      total += self[i];
      for (const auto& [j, wt] : adjacent[i])
        if (j > i) total += wt;
    }
  }
};

weighted_graph undirected_weights(std::size_t n, const std::vector<indexed_edge>& edges) {
  weighted_graph g(n);
  for (const auto& e : edges) {
    if (e.source == e.target) {
      g.self[e.source] += e.weight;
    } else {
      g.adjacent[e.source].emplace_back(e.target, e.weight);
      g.adjacent[e.target].emplace_back(e.source, e.weight);
    }
  }
  g.finish();
  return g;
}

// One level of local moves; returns each node's community and whether anything moved.
std::pair<std::vector<std::size_t>, bool> local_moves(const weighted_graph& g) {
  const std::size_t n = g.adjacent.size();
  std::vector<std::size_t> community(n);
  std::vector<double> tot(n);
  for (std::size_t i = 0; i < n; ++i) {
    community[i] = i;
    tot[i] = g.degree[i];
  }
  if (g.total <= 0.0) return {community, false};
  const double two_m = 2.0 * g.total;
  bool moved_any = false;
  std::vector<double> link(n, 0.0);  // weight from the current node to each community
  std::vector<std::size_t> touched;
  for (bool moved = true; moved;) {
    moved = false;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t own = community[i];
      touched.clear();
      for (const auto& [j, wt] : g.adjacent[i]) {
        const std::size_t c = community[j];
        if (link[c] == 0.0) touched.push_back(c);
        link[c] += wt;
      }
      tot[own] -= g.degree[i];
      // Gain of joining c (up to constant factors): link(i, c) - tot(c) * k_i / 2m.
      std::size_t best = own;
      double best_gain = link[own] - tot[own] * g.degree[i] / two_m;
      for (const std::size_t c : touched) {
        const double gain = link[c] - tot[c] * g.degree[i] / two_m;
        if (gain > best_gain + 1e-12) {  // ties keep the earlier choice: the result is deterministic
          best = c;
          best_gain = gain;
        }
      }
      tot[best] += g.degree[i];
      if (best != own) {
        community[i] = best;
        moved = true;
        moved_any = true;
      }
      for (const std::size_t c : touched) link[c] = 0.0;
      link[own] = 0.0;
    }
  }
  return {community, moved_any};
}

std::vector<std::size_t> louvain(std::size_t n, const std::vector<indexed_edge>& edges) {
  weighted_graph g = undirected_weights(n, edges);
  std::vector<std::size_t> of_node(n);
  for (std::size_t i = 0; i < n; ++i) of_node[i] = i;
  for (int level = 0; level < 64; ++level) {
    auto [community, moved] = local_moves(g);
    if (!moved) break;
    const std::vector<std::size_t> dense = renumber(community);
    const std::size_t k = *std::max_element(dense.begin(), dense.end()) + 1;
    for (auto& c : of_node) c = dense[c];
    // Aggregate: one node per community, internal weight as a self-loop.
    weighted_graph next(k);
    for (std::size_t i = 0; i < g.adjacent.size(); ++i) {
      next.self[dense[i]] += g.self[i];
      for (const auto& [j, wt] : g.adjacent[i]) {
        if (dense[i] == dense[j]) {
          if (j > i) next.self[dense[i]] += wt;
        } else {
          next.adjacent[dense[i]].emplace_back(dense[j], wt);
        }
      }
    }
    next.finish();
    g = std::move(next);
  }
  return renumber(of_node);
}

}  // namespace

void add_metrics(snapshot& s) {
  const std::size_t n = s.nodes.size();
  const std::vector<indexed_edge> edges = index_edges(s);
  for (auto& node : s.nodes) node.metrics = node_metrics{};
  for (const auto& e : edges) {
    ++s.nodes[e.source].metrics.out_degree;
    ++s.nodes[e.target].metrics.in_degree;
    s.nodes[e.source].metrics.weighted_out += e.weight;
    s.nodes[e.target].metrics.weighted_in += e.weight;
  }
  const auto rank = pagerank(n, edges);
  const auto between = betweenness(n, edges);
  const auto component = components(n, edges);
  const auto community = louvain(n, edges);
  for (std::size_t i = 0; i < n; ++i) {
    node_metrics& m = s.nodes[i].metrics;
    m.computed = true;
    m.pagerank = rank[i];
    m.betweenness = between[i];
    m.component = component[i];
    m.community = community[i];
  }
}

double modularity(const snapshot& s) {
  const std::vector<indexed_edge> edges = index_edges(s);
  const weighted_graph g = undirected_weights(s.nodes.size(), edges);
  if (g.total <= 0.0) return 0.0;
  std::map<std::size_t, double> internal, degree;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const std::size_t c = s.nodes[i].metrics.community;
    internal[c] += g.self[i];
    degree[c] += g.degree[i];
    for (const auto& [j, wt] : g.adjacent[i])
      if (j > i && s.nodes[j].metrics.community == c) internal[c] += wt;
  }
  double q = 0.0;
  for (const auto& [c, d] : degree) {
    const double share = d / (2.0 * g.total);
    q += internal[c] / g.total - share * share;
  }
  return q;
}

}  // namespace diplograph::graph
