// Node metrics against the reference implementations analysts use: networkx's weighted
// PageRank and betweenness, and igraph's Louvain (community_multilevel), on the same graph.
// The comparisons skip when Debian's python3-networkx / python3-igraph are not installed.

#include "diplograph/graph/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;

core::event event(const std::string& source, const std::string& target, const char* code = "042") {
  core::event e;
  e.article = core::article_id{"a"};
  e.source = core::actor{source, source, "", core::actor_kind::country};
  e.target = core::actor{target, target, "", core::actor_kind::country};
  e.code = code;
  return e;
}

// Four planted groups of eight actors, dense inside and sparse across, weights 1-4 (repeated
// events), plus two actors that only receive events (dangling) and one self-loop. Fixed seed.
graph::snapshot planted_graph() {
  std::mt19937 rng(20261125);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::uniform_int_distribution<int> repeat(1, 4);
  graph::actor_graph g;
  const auto name = [](int i) { return "A" + std::to_string(100 + i); };
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 32; ++j) {
      if (i == j) continue;
      const bool same = i / 8 == j / 8;
      if (coin(rng) < (same ? 0.6 : 0.01))
        for (int k = repeat(rng); k > 0; --k) g.add(event(name(i), name(j)));
    }
  g.add(event(name(3), "SINK1"));
  g.add(event(name(17), "SINK2"));
  g.add(event(name(5), name(5)));
  return g.snapshot();
}

std::string edge_list(const graph::snapshot& s) {
  std::ostringstream out;
  for (const auto& e : s.edges) out << e.source << ' ' << e.target << ' ' << e.count << '\n';
  return out.str();
}

std::map<std::string, double> parse_values(const std::string& text) {
  std::map<std::string, double> out;
  std::istringstream in(text);
  std::string id;
  double v = 0;
  while (in >> id >> v) out[id] = v;
  return out;
}

}  // namespace

TEST(metrics_test, degrees_count_neighbours_and_weights) {
  graph::actor_graph g;
  g.add(event("USA", "RUS"));
  g.add(event("USA", "RUS"));
  g.add(event("USA", "CHN"));
  g.add(event("CHN", "USA"));
  auto s = g.snapshot();
  graph::add_metrics(s);
  const auto& usa = s.nodes[2];
  ASSERT_EQ(usa.id, "USA");
  EXPECT_EQ(usa.metrics.out_degree, 2u);
  EXPECT_EQ(usa.metrics.in_degree, 1u);
  EXPECT_DOUBLE_EQ(usa.metrics.weighted_out, 3.0);
  EXPECT_DOUBLE_EQ(usa.metrics.weighted_in, 1.0);
  double total = 0;
  for (const auto& n : s.nodes) total += n.metrics.pagerank;
  EXPECT_NEAR(total, 1.0, 1e-9);  // dangling rank (RUS) is kept, unlike Boost's page_rank
}

TEST(metrics_test, components_and_communities_are_numbered_by_smallest_id) {
  graph::actor_graph g;
  g.add(event("ZAF", "ZWE"));
  g.add(event("AFG", "PAK"));
  auto s = g.snapshot();
  graph::add_metrics(s);
  // AFG, PAK, ZAF, ZWE in id order.
  EXPECT_EQ(s.nodes[0].metrics.component, 0u);
  EXPECT_EQ(s.nodes[1].metrics.component, 0u);
  EXPECT_EQ(s.nodes[2].metrics.component, 1u);
  EXPECT_EQ(s.nodes[3].metrics.component, 1u);
  EXPECT_EQ(s.nodes[0].metrics.community, s.nodes[1].metrics.community);
  EXPECT_NE(s.nodes[0].metrics.community, s.nodes[2].metrics.community);
}

TEST(metrics_test, louvain_finds_planted_groups_and_is_deterministic) {
  auto s = planted_graph();
  graph::add_metrics(s);
  auto again = planted_graph();
  graph::add_metrics(again);
  std::map<std::size_t, std::set<std::size_t>> groups_of_community;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    EXPECT_EQ(s.nodes[i].metrics.community, again.nodes[i].metrics.community);
    const auto& id = s.nodes[i].id;
    if (id.rfind("A", 0) == 0) groups_of_community[s.nodes[i].metrics.community].insert((std::stoul(id.substr(1)) - 100) / 8);
  }
  EXPECT_EQ(groups_of_community.size(), 4u);
  for (const auto& [c, groups] : groups_of_community) EXPECT_EQ(groups.size(), 1u) << "community " << c;
  EXPECT_GT(graph::modularity(s), 0.5);
}

TEST(metrics_test, pagerank_and_betweenness_match_networkx) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3-networkx is not installed";
  auto s = planted_graph();
  graph::add_metrics(s);
  const dt::temp_dir dir;
  dt::write_file(dir / "edges.txt", edge_list(s));
  const auto r = dt::run_python(dir.path(), R"PY(
import sys, networkx as nx
G = nx.DiGraph()
for line in open(sys.argv[1]):
    a, b, w = line.split()
    G.add_edge(a, b, weight=float(w))
pr = nx.pagerank(G, alpha=0.85, weight='weight')
bc = nx.betweenness_centrality(G, normalized=True)
with open(sys.argv[2], 'w') as f:
    for n in G: f.write(f'{n} {pr[n]!r}\n')
with open(sys.argv[3], 'w') as f:
    for n in G: f.write(f'{n} {bc[n]!r}\n')
)PY",
                                {(dir / "edges.txt").string(), (dir / "pr.txt").string(), (dir / "bc.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto pr = parse_values(dt::read_file(dir / "pr.txt"));
  const auto bc = parse_values(dt::read_file(dir / "bc.txt"));
  ASSERT_EQ(pr.size(), s.nodes.size());
  for (const auto& n : s.nodes) {
    EXPECT_NEAR(n.metrics.pagerank, pr.at(n.id), 1e-9) << n.id;
    EXPECT_NEAR(n.metrics.betweenness, bc.at(n.id), 1e-9) << n.id;
  }
}

TEST(metrics_test, louvain_modularity_is_as_good_as_igraphs) {
  if (!dt::have_python("igraph")) GTEST_SKIP() << "python3-igraph is not installed";
  auto s = planted_graph();
  graph::add_metrics(s);
  const dt::temp_dir dir;
  dt::write_file(dir / "edges.txt", edge_list(s));
  const auto r = dt::run_python(dir.path(), R"PY(
import sys, igraph as ig
names, edges, weights = {}, {}, []
for line in open(sys.argv[1]):
    a, b, w = line.split()
    for x in (a, b): names.setdefault(x, len(names))
    key = tuple(sorted((names[a], names[b])))
    edges[key] = edges.get(key, 0.0) + float(w)
g = ig.Graph(n=len(names), edges=list(edges), directed=False)
g.es['weight'] = list(edges.values())
parts = g.community_multilevel(weights='weight')
print(g.modularity(parts.membership, weights='weight'))
)PY",
                                {(dir / "edges.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const double igraph_q = std::stod(r.out);
  EXPECT_GE(graph::modularity(s), igraph_q - 0.01) << "igraph " << igraph_q;
}
