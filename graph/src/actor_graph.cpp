#include "diplograph/graph/actor_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "internal.hpp"

// The graph is a Boost adjacency_list (vecS/vecS, so vertex descriptors are stable indices as
// long as no vertex is removed — and none ever is) plus our own actor id -> vertex map;
// boost::labeled_graph is broken in Boost 1.74. Parallel edges never arise: add() looks the
// (source, target) pair up in its own map (boost::edge() scans the out-edge list, which made
// building from millions of events slow) before adding one. Article ids are interned: each edge
// keeps their numbers and the snapshot turns them back into sorted, distinct ids.

namespace diplograph::graph {
namespace {

struct vertex_props {
  core::actor actor;
  std::string id;
  std::size_t out_events = 0;
  std::size_t in_events = 0;
};

struct edge_props {
  std::size_t count = 0;
  double goldstein_sum = 0.0;
  std::array<std::size_t, 4> quad_counts{};
  core::calendar_day first{};
  core::calendar_day last{};
  bool dated = false;
  std::vector<std::uint32_t> articles;  // interned ids, in arrival order, repeats possible
  std::size_t supports = 0;
  std::size_t opposes = 0;
};

using boost_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                          vertex_props, edge_props>;
using vertex = boost::graph_traits<boost_graph>::vertex_descriptor;

}  // namespace

struct actor_graph::impl {
  boost_graph g;
  std::unordered_map<std::string, vertex> vertex_of;
  std::unordered_map<std::uint64_t, boost::graph_traits<boost_graph>::edge_descriptor> edge_of;
  std::unordered_map<std::string, std::uint32_t> article_index;
  std::vector<std::string> article_names;

  edge_props& edge_between(vertex u, vertex v) {
    const std::uint64_t key = (static_cast<std::uint64_t>(u) << 32) | static_cast<std::uint64_t>(v);
    auto it = edge_of.find(key);
    if (it == edge_of.end()) it = edge_of.emplace(key, boost::add_edge(u, v, edge_props{}, g).first).first;
    return g[it->second];
  }

  // What every event or stance adds to its edge: its date to the edge's span, its article.
  void add_provenance(edge_props& p, const core::dated& when, const core::article_id& article) {
    if (when.known()) {
      p.first = p.dated ? std::min(p.first, when.value) : when.value;
      p.last = p.dated ? std::max(p.last, when.value) : when.value;
      p.dated = true;
    }
    if (!article.empty()) add_article(p, article.value());
  }

  void add_article(edge_props& p, const std::string& article) {
    const auto [it, fresh] = article_index.emplace(article, static_cast<std::uint32_t>(article_names.size()));
    if (fresh) article_names.push_back(article);
    if (p.articles.empty() || p.articles.back() != it->second) p.articles.push_back(it->second);
  }
  std::size_t events_used = 0;
  std::size_t events_skipped = 0;

  vertex find_or_add(const core::actor& a) {
    std::string id = a.id().value();
    if (const auto it = vertex_of.find(id); it != vertex_of.end()) {
      detail::merge_actor(g[it->second].actor, a);
      return it->second;
    }
    const vertex v = boost::add_vertex(vertex_props{a, id, 0, 0}, g);
    vertex_of.emplace(std::move(id), v);
    return v;
  }
};

actor_graph::actor_graph() : impl_(std::make_unique<impl>()) {}
actor_graph::~actor_graph() = default;
actor_graph::actor_graph(actor_graph&&) noexcept = default;
actor_graph& actor_graph::operator=(actor_graph&&) noexcept = default;

void actor_graph::add(const core::event& e) {
  if (!e.source || !e.target) {
    ++impl_->events_skipped;
    return;
  }
  auto& g = impl_->g;
  const vertex u = impl_->find_or_add(*e.source);
  const vertex v = impl_->find_or_add(*e.target);

  edge_props& p = impl_->edge_between(u, v);

  ++p.count;
  p.goldstein_sum += e.goldstein;
  const auto quad = static_cast<int>(e.quad);
  if (quad >= 1 && quad <= 4) ++p.quad_counts[static_cast<std::size_t>(quad - 1)];
  impl_->add_provenance(p, e.date, e.article);

  ++g[u].out_events;
  ++g[v].in_events;  // a self-loop counts as both an outgoing and an incoming event
  ++impl_->events_used;
}

std::size_t actor_graph::node_count() const { return boost::num_vertices(impl_->g); }

std::size_t actor_graph::edge_count() const { return boost::num_edges(impl_->g); }

void actor_graph::add(const core::stance& st) {
  const vertex u = impl_->find_or_add(st.holder);
  const vertex v = impl_->find_or_add(detail::issue_actor(st));
  edge_props& p = impl_->edge_between(u, v);
  ++(st.polarity == core::polarity::support ? p.supports : p.opposes);
  impl_->add_provenance(p, st.date, st.article);
}

graph::snapshot actor_graph::snapshot() const {
  const auto& g = impl_->g;
  graph::snapshot s;
  s.events_used = impl_->events_used;
  s.events_skipped = impl_->events_skipped;

  s.nodes.reserve(boost::num_vertices(g));
  for (const vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const vertex_props& p = g[v];
    s.nodes.push_back(node{p.actor, p.id, p.out_events, p.in_events, {}});
  }
  std::sort(s.nodes.begin(), s.nodes.end(),
            [](const node& a, const node& b) { return a.id < b.id; });

  s.edges.reserve(boost::num_edges(g));
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const edge_props& p = g[e];
    edge out;
    out.source = g[boost::source(e, g)].id;
    out.target = g[boost::target(e, g)].id;
    out.count = p.count;
    out.goldstein_sum = p.goldstein_sum;
    out.goldstein_mean = p.count > 0 ? p.goldstein_sum / static_cast<double>(p.count) : 0.0;
    out.quad_counts = p.quad_counts;
    out.supports = p.supports;
    out.opposes = p.opposes;
    out.first = p.first;
    out.last = p.last;
    out.dated = p.dated;
    out.articles.reserve(p.articles.size());
    for (const std::uint32_t a : p.articles) out.articles.push_back(impl_->article_names[a]);
    std::sort(out.articles.begin(), out.articles.end());
    out.articles.erase(std::unique(out.articles.begin(), out.articles.end()), out.articles.end());
    s.edges.push_back(std::move(out));
  }
  std::sort(s.edges.begin(), s.edges.end(), [](const edge& a, const edge& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  return s;
}

}  // namespace diplograph::graph
