#include "diplograph/graph/filter.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "internal.hpp"

namespace diplograph::graph {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(char a, char b) { return ascii_lower(a) == ascii_lower(b); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), iequal);
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), iequal);
}

bool icontains(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), iequal) != text.end();
}

bool actor_matches_any(const core::actor& a, const std::vector<std::string>& queries) {
  return std::any_of(queries.begin(), queries.end(),
                     [&a](const std::string& q) { return actor_matches(a, q); });
}

bool country_in(const core::actor& a, const std::vector<std::string>& countries) {
  return !a.country.empty() &&
         std::any_of(countries.begin(), countries.end(),
                     [&a](const std::string& c) { return iequals(a.country, c); });
}

// Whether the optional actor exists and passes `test`.
template <typename Test>
bool either(const core::event& e, Test&& test) {
  return (e.source && test(*e.source)) || (e.target && test(*e.target));
}

template <typename T>
bool contains(const std::vector<T>& values, const T& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// Node indices by id (snapshot nodes are sorted by id, edges refer to them by id).
std::unordered_map<std::string_view, std::size_t> node_index(const snapshot& s) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) index.emplace(s.nodes[i].id, i);
  return index;
}

// The snapshot with the edges `keep` marks, the nodes they touch and the nodes `keep_node`
// marks; node event counts and events_used recomputed from those edges; metrics cleared.
snapshot keep_edges(const snapshot& s, const std::vector<bool>& keep,
                    const std::vector<bool>& keep_node = {}) {
  const auto index = node_index(s);
  std::vector<bool> node_kept = keep_node;
  node_kept.resize(s.nodes.size(), false);
  std::vector<std::size_t> out_events(s.nodes.size(), 0);
  std::vector<std::size_t> in_events(s.nodes.size(), 0);
  snapshot out;
  out.events_skipped = s.events_skipped;
  out.decay = s.decay;
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    if (!keep[i]) continue;
    const edge& e = s.edges[i];
    const auto source = index.find(e.source);
    const auto target = index.find(e.target);
    if (source == index.end() || target == index.end()) continue;  // snapshot() never leaves such edges
    node_kept[source->second] = node_kept[target->second] = true;
    out_events[source->second] += e.count;
    in_events[target->second] += e.count;
    out.events_used += e.count;
    out.edges.push_back(e);
  }
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (!node_kept[i]) continue;
    node n = s.nodes[i];
    n.out_events = out_events[i];
    n.in_events = in_events[i];
    n.metrics = node_metrics{};
    out.nodes.push_back(std::move(n));
  }
  return out;
}

double weight_of(const edge& e) { return static_cast<double>(e.count + e.supports + e.opposes); }

}  // namespace

bool actor_matches(const core::actor& a, std::string_view query) {
  if (query.empty()) return true;
  return (!a.code.empty() && istarts_with(a.code, query)) || (!a.name.empty() && icontains(a.name, query));
}

bool involves_actor(const core::event& e, std::string_view query) {
  if (query.empty()) return true;
  return either(e, [query](const core::actor& a) { return actor_matches(a, query); });
}

int cameo_root(const core::event& e) {
  const std::string& c = e.code;
  const auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  if (c.size() < 2 || !digit(c[0]) || !digit(c[1])) return -1;
  return (c[0] - '0') * 10 + (c[1] - '0');
}

bool matches(const core::event& e, const event_filter& f) {
  if (!f.actors.empty() && !either(e, [&f](const core::actor& a) { return actor_matches_any(a, f.actors); }))
    return false;
  if (!f.countries.empty() && !either(e, [&f](const core::actor& a) { return country_in(a, f.countries); }))
    return false;
  if (!f.roots.empty() && !contains(f.roots, cameo_root(e))) return false;
  if (!f.quads.empty() && !contains(f.quads, static_cast<int>(e.quad))) return false;
  return true;
}

bool matches(const core::stance& s, const event_filter& f) {
  if (!f.roots.empty() || !f.quads.empty()) return false;
  if (!f.actors.empty() && !actor_matches_any(s.holder, f.actors)) return false;
  if (!f.countries.empty() && !country_in(s.holder, f.countries)) return false;
  return true;
}

std::vector<core::event> filter_events(const std::vector<core::event>& events, const event_filter& f) {
  std::vector<core::event> out;
  std::copy_if(events.begin(), events.end(), std::back_inserter(out),
               [&f](const core::event& e) { return matches(e, f); });
  return out;
}

std::vector<core::stance> filter_stances(const std::vector<core::stance>& stances, const event_filter& f) {
  std::vector<core::stance> out;
  std::copy_if(stances.begin(), stances.end(), std::back_inserter(out),
               [&f](const core::stance& s) { return matches(s, f); });
  return out;
}

snapshot keep_min_count(const snapshot& s, std::size_t min_count) {
  std::vector<bool> keep(s.edges.size());
  for (std::size_t i = 0; i < s.edges.size(); ++i)
    keep[i] = weight_of(s.edges[i]) >= static_cast<double>(min_count);
  return keep_edges(s, keep);
}

std::vector<std::string> find_actors(const snapshot& s, std::string_view query) {
  std::vector<std::string> found;
  for (const node& n : s.nodes)
    if (iequals(n.id, query)) found.push_back(n.id);
  if (!found.empty() || query.empty()) return found;
  for (const node& n : s.nodes)
    if (n.actor.kind != core::actor_kind::issue && actor_matches(n.actor, query)) found.push_back(n.id);
  return found;  // snapshot nodes are sorted by id
}

snapshot ego_network(const snapshot& s, const std::vector<std::string>& egos, std::size_t depth) {
  const auto index = node_index(s);
  // The undirected view: one undirected Boost edge per event edge, over snapshot node indices.
  using undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  undirected g(s.nodes.size());
  std::vector<std::pair<std::size_t, std::size_t>> ends(s.edges.size(), {s.nodes.size(), s.nodes.size()});
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const auto source = index.find(s.edges[i].source);
    const auto target = index.find(s.edges[i].target);
    if (source == index.end() || target == index.end()) continue;
    ends[i] = {source->second, target->second};
    if (!s.edges[i].is_stance()) boost::add_edge(source->second, target->second, g);
  }

  constexpr std::size_t unreached = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> hops(s.nodes.size(), unreached);
  std::vector<undirected::vertex_descriptor> sources;
  for (const std::string& ego : egos)
    if (const auto it = index.find(ego); it != index.end() && hops[it->second] != 0) {
      hops[it->second] = 0;
      sources.push_back(it->second);
    }
  if (!sources.empty()) {
    const auto hop_map = boost::make_iterator_property_map(hops.begin(), boost::get(boost::vertex_index, g));
    std::vector<boost::default_color_type> colour(s.nodes.size());
    boost::queue<undirected::vertex_descriptor> queue;
    boost::breadth_first_search(
        g, sources.begin(), sources.end(), queue,
        boost::make_bfs_visitor(boost::record_distances(hop_map, boost::on_tree_edge())),
        boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g)));
  }

  std::vector<bool> in_reach(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) in_reach[i] = hops[i] <= depth;
  std::vector<bool> keep(s.edges.size(), false);
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const auto [source, target] = ends[i];
    if (source == s.nodes.size()) continue;
    // A stance edge comes with its holder; an event edge needs both ends in reach.
    keep[i] = s.edges[i].is_stance() ? in_reach[source] : in_reach[source] && in_reach[target];
  }
  std::vector<bool> seeds(s.nodes.size(), false);
  for (const auto v : sources) seeds[v] = true;
  return keep_edges(s, keep, seeds);
}

std::vector<core::event> events_on_edges(const std::vector<core::event>& events, const snapshot& s) {
  const detail::edge_lookup edges{s};
  std::vector<core::event> out;
  for (const core::event& e : events)
    if (e.source && e.target &&
        edges.find(e.source->id().value(), e.target->id().value()) != detail::edge_lookup::npos)
      out.push_back(e);
  return out;
}

std::vector<core::stance> stances_on_edges(const std::vector<core::stance>& stances, const snapshot& s) {
  const detail::edge_lookup edges{s};
  std::vector<core::stance> out;
  for (const core::stance& st : stances)
    if (edges.find(st.holder.id().value(), detail::issue_node_id(st)) != detail::edge_lookup::npos)
      out.push_back(st);
  return out;
}

selection select(const std::vector<core::event>& events, const std::vector<core::stance>& stances,
                 const filter_options& f) {
  selection out;
  out.events = f.events.empty() ? events : filter_events(events, f.events);
  out.stances = f.events.empty() ? stances : filter_stances(stances, f.events);
  actor_graph g;
  for (const auto& e : out.events) g.add(e);
  for (const auto& s : out.stances) g.add(s);
  out.graph = g.snapshot();
  if (!f.graph_filters()) return out;
  if (f.min_count > 1) out.graph = keep_min_count(out.graph, f.min_count);
  if (!f.ego.empty()) {
    out.egos = find_actors(out.graph, f.ego);
    out.graph = ego_network(out.graph, out.egos, f.depth);
  }
  out.events = events_on_edges(out.events, out.graph);
  out.stances = stances_on_edges(out.stances, out.graph);
  return out;
}

}  // namespace diplograph::graph
