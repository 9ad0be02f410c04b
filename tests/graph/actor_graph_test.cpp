// Pins: per-dyad aggregation (count, Goldstein sum/mean, quad classes, first/last known date,
// distinct sorted articles), skipped events, first-seen actor details, self-loops, and a snapshot
// that is sorted and identical whatever order the events arrive in.

#include "diplograph/graph/actor_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace diplograph;

core::actor actor(std::string code, std::string name = {}, std::string country = {},
                  core::actor_kind kind = core::actor_kind::unknown) {
  return core::actor{std::move(code), std::move(name), std::move(country), kind};
}

core::dated day(const char* iso) {
  return core::dated{*core::parse_iso_day(iso), core::date_precision::day};
}

core::event event(std::optional<core::actor> source, std::optional<core::actor> target,
                  double goldstein = 0.0, core::dated when = {}, std::string article = "a1",
                  core::quad_class quad = core::quad_class::verbal_cooperation) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.source = std::move(source);
  e.target = std::move(target);
  e.goldstein = goldstein;
  e.date = when;
  e.quad = quad;
  e.code = "042";
  return e;
}

const graph::edge* find_edge(const graph::snapshot& s, const std::string& source,
                             const std::string& target) {
  for (const auto& e : s.edges)
    if (e.source == source && e.target == target) return &e;
  return nullptr;
}

const graph::node* find_node(const graph::snapshot& s, const std::string& id) {
  for (const auto& n : s.nodes)
    if (n.id == id) return &n;
  return nullptr;
}

void expect_same(const graph::snapshot& a, const graph::snapshot& b) {
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  ASSERT_EQ(a.edges.size(), b.edges.size());
  EXPECT_EQ(a.events_used, b.events_used);
  EXPECT_EQ(a.events_skipped, b.events_skipped);
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].id, b.nodes[i].id);
    EXPECT_EQ(a.nodes[i].actor, b.nodes[i].actor);
    EXPECT_EQ(a.nodes[i].out_events, b.nodes[i].out_events);
    EXPECT_EQ(a.nodes[i].in_events, b.nodes[i].in_events);
  }
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    const auto& x = a.edges[i];
    const auto& y = b.edges[i];
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.target, y.target);
    EXPECT_EQ(x.count, y.count);
    EXPECT_DOUBLE_EQ(x.goldstein_sum, y.goldstein_sum);
    EXPECT_EQ(x.quad_counts, y.quad_counts);
    EXPECT_EQ(x.dated, y.dated);
    EXPECT_EQ(x.first, y.first);
    EXPECT_EQ(x.last, y.last);
    EXPECT_EQ(x.articles, y.articles);
  }
}

TEST(actor_graph_test, aggregates_events_of_one_dyad) {
  graph::actor_graph g;
  const auto syr = actor("SYRGOV", "Syria government", "SYR", core::actor_kind::government);
  const auto usa = actor("USA", "United States", "USA", core::actor_kind::country);
  g.add(event(syr, usa, -2.0, day("2017-03-24"), "a2", core::quad_class::verbal_conflict));
  g.add(event(syr, usa, -4.0, day("2017-03-20"), "a1", core::quad_class::material_conflict));
  g.add(event(syr, usa, 3.0, {}, "a2", core::quad_class::verbal_conflict));  // undated
  g.add(event(syr, usa, 0.0,
              core::dated{*core::parse_iso_day("2017-01-01"), core::date_precision::month}, "a0",
              core::quad_class::verbal_cooperation));

  const auto s = g.snapshot();
  EXPECT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(s.events_used, 4u);
  EXPECT_EQ(s.events_skipped, 0u);
  const graph::edge* e = find_edge(s, "SYRGOV", "USA");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->count, 4u);
  EXPECT_DOUBLE_EQ(e->goldstein_sum, -3.0);
  EXPECT_DOUBLE_EQ(e->goldstein_mean, -0.75);
  EXPECT_EQ(e->quad_counts, (std::array<std::size_t, 4>{1, 0, 2, 1}));
  ASSERT_TRUE(e->dated);
  EXPECT_EQ(core::to_iso(e->first), "2017-01-01");  // month precision: first day of the month
  EXPECT_EQ(core::to_iso(e->last), "2017-03-24");
  EXPECT_EQ(e->articles, (std::vector<std::string>{"a0", "a1", "a2"}));

  const graph::node* source = find_node(s, "SYRGOV");
  const graph::node* target = find_node(s, "USA");
  ASSERT_NE(source, nullptr);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(source->out_events, 4u);
  EXPECT_EQ(source->in_events, 0u);
  EXPECT_EQ(target->out_events, 0u);
  EXPECT_EQ(target->in_events, 4u);
  EXPECT_EQ(source->actor.name, "Syria government");
}

TEST(actor_graph_test, edge_without_known_dates_is_undated) {
  graph::actor_graph g;
  g.add(event(actor("RUS"), actor("UKR"), 1.0));
  g.add(event(actor("RUS"), actor("UKR"), 2.0));
  const auto s = g.snapshot();
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_FALSE(s.edges[0].dated);
  EXPECT_DOUBLE_EQ(s.edges[0].goldstein_mean, 1.5);
  EXPECT_EQ(s.edges[0].articles, std::vector<std::string>{"a1"});
}

TEST(actor_graph_test, skips_events_without_source_or_target) {
  graph::actor_graph g;
  g.add(event(std::nullopt, actor("USA")));
  g.add(event(actor("USA"), std::nullopt));
  g.add(event(std::nullopt, std::nullopt));
  EXPECT_EQ(g.node_count(), 0u);
  EXPECT_EQ(g.edge_count(), 0u);
  g.add(event(actor("USA"), actor("CHN")));
  const auto s = g.snapshot();
  EXPECT_EQ(s.events_skipped, 3u);
  EXPECT_EQ(s.events_used, 1u);
  EXPECT_EQ(s.nodes.size(), 2u);
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_EQ(s.edges[0].count, 1u);
}

TEST(actor_graph_test, keeps_first_non_empty_actor_details) {
  graph::actor_graph g;
  g.add(event(actor("SYR"), actor("USA")));
  g.add(event(actor("SYR", "Syria", "", core::actor_kind::country), actor("USA")));
  g.add(event(actor("SYR", "Syrian Arab Republic", "SYR", core::actor_kind::government),
              actor("USA")));
  const auto s = g.snapshot();
  const graph::node* syr = find_node(s, "SYR");
  ASSERT_NE(syr, nullptr);
  EXPECT_EQ(syr->actor.name, "Syria");
  EXPECT_EQ(syr->actor.country, "SYR");
  EXPECT_EQ(syr->actor.kind, core::actor_kind::country);
}

TEST(actor_graph_test, codeless_actors_are_keyed_by_lower_case_name) {
  graph::actor_graph g;
  g.add(event(actor("", "Free Syrian Army"), actor("SYRGOV")));
  g.add(event(actor("", "free syrian army"), actor("SYRGOV")));
  const auto s = g.snapshot();
  ASSERT_EQ(s.nodes.size(), 2u);
  const graph::node* fsa = find_node(s, "~free syrian army");
  ASSERT_NE(fsa, nullptr);
  EXPECT_EQ(fsa->actor.name, "Free Syrian Army");
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_EQ(s.edges[0].count, 2u);
}

TEST(actor_graph_test, counts_self_loops_normally) {
  graph::actor_graph g;
  g.add(event(actor("SYRGOV"), actor("SYRGOV"), -5.0));
  g.add(event(actor("SYRGOV"), actor("SYRGOV"), -1.0));
  EXPECT_EQ(g.node_count(), 1u);
  EXPECT_EQ(g.edge_count(), 1u);
  const auto s = g.snapshot();
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_EQ(s.edges[0].source, "SYRGOV");
  EXPECT_EQ(s.edges[0].target, "SYRGOV");
  EXPECT_EQ(s.edges[0].count, 2u);
  EXPECT_DOUBLE_EQ(s.edges[0].goldstein_mean, -3.0);
  EXPECT_EQ(s.nodes[0].out_events, 2u);
  EXPECT_EQ(s.nodes[0].in_events, 2u);
}

TEST(actor_graph_test, snapshot_is_sorted_by_id) {
  graph::actor_graph g;
  g.add(event(actor("ZWE"), actor("AFG")));
  g.add(event(actor("MEX"), actor("BRA")));
  g.add(event(actor("AFG"), actor("ZWE")));
  g.add(event(actor("AFG"), actor("MEX")));
  g.add(event(actor("", "Zeta group"), actor("AFG")));
  const auto s = g.snapshot();
  std::vector<std::string> ids;
  for (const auto& n : s.nodes) ids.push_back(n.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"AFG", "BRA", "MEX", "ZWE", "~zeta group"}));
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& e : s.edges) pairs.emplace_back(e.source, e.target);
  EXPECT_EQ(
      pairs,
      (std::vector<std::pair<std::string, std::string>>{
          {"AFG", "MEX"}, {"AFG", "ZWE"}, {"MEX", "BRA"}, {"ZWE", "AFG"}, {"~zeta group", "AFG"}}));
  // Asking twice gives the same answer.
  expect_same(s, g.snapshot());
}

TEST(actor_graph_test, snapshot_does_not_depend_on_insertion_order) {
  std::vector<core::event> events;
  const char* codes[] = {"USA", "RUS", "SYRGOV", "IGOUNO", "TUR", "IRN"};
  for (int i = 0; i < 40; ++i) {
    const auto s = static_cast<std::size_t>(i % 6);
    const auto t = static_cast<std::size_t>((i * 7 + 3) % 6);
    events.push_back(event(actor(codes[s], std::string("name of ") + codes[s]), actor(codes[t]),
                           static_cast<double>(i % 11) - 5.0,
                           i % 3 == 0 ? core::dated{} : day(i % 2 ? "2017-03-24" : "2016-12-31"),
                           "article-" + std::to_string(i % 5)));
  }
  events.push_back(event(std::nullopt, actor("USA")));

  graph::actor_graph forward;
  for (const auto& e : events) forward.add(e);
  graph::actor_graph backward;
  for (auto it = events.rbegin(); it != events.rend(); ++it) backward.add(*it);
  graph::actor_graph shuffled;
  std::vector<std::size_t> order(events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = (i * 17) % order.size();
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  ASSERT_EQ(order.size(), events.size());  // 17 is coprime with 41: a permutation
  for (std::size_t i = 0; i < events.size(); ++i) shuffled.add(events[(i * 17) % events.size()]);

  const auto a = forward.snapshot();
  expect_same(a, backward.snapshot());
  expect_same(a, shuffled.snapshot());
  EXPECT_EQ(a.events_used, 40u);
  EXPECT_EQ(a.events_skipped, 1u);
}

TEST(actor_graph_test, survives_a_move) {
  graph::actor_graph g;
  g.add(event(actor("USA"), actor("CHN")));
  graph::actor_graph moved = std::move(g);
  moved.add(event(actor("CHN"), actor("USA")));
  EXPECT_EQ(moved.node_count(), 2u);
  EXPECT_EQ(moved.edge_count(), 2u);
}

}  // namespace

TEST(actor_graph_test, stances_are_signed_edges_to_issue_nodes) {
  diplograph::graph::actor_graph g;
  diplograph::core::stance st;
  st.article = diplograph::core::article_id{"a1"};
  st.holder = diplograph::core::actor{"SYRGOV", "Syria government", "SYR", diplograph::core::actor_kind::government};
  st.issue = "peace_talks";
  st.issue_label = "peace talks";
  st.polarity = diplograph::core::polarity::support;
  g.add(st);
  st.polarity = diplograph::core::polarity::oppose;
  st.article = diplograph::core::article_id{"a2"};
  g.add(st);
  g.add(st);
  const auto s = g.snapshot();
  ASSERT_EQ(s.nodes.size(), 2u);
  EXPECT_EQ(s.nodes[1].id, "issue:peace_talks");
  EXPECT_EQ(s.nodes[1].actor.kind, diplograph::core::actor_kind::issue);
  EXPECT_EQ(s.nodes[1].actor.name, "peace talks");
  ASSERT_EQ(s.edges.size(), 1u);
  EXPECT_EQ(s.edges[0].supports, 1u);
  EXPECT_EQ(s.edges[0].opposes, 2u);
  EXPECT_EQ(s.edges[0].count, 0u);
  EXPECT_TRUE(s.edges[0].is_stance());
  EXPECT_EQ(s.edges[0].articles, (std::vector<std::string>{"a1", "a2"}));
}
