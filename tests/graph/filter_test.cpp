// Pins: every filter of graph/filter.hpp — actor (code prefix, name substring, repeatable),
// country (either endpoint), CAMEO root, QuadClass, min-count (edges, then nodes left bare),
// ego networks of depth 0, 1 and 2 with direction ignored and issues not counted as hops — that
// they compose (AND across kinds, OR within one), that graph filters recompute node counts
// and clear metrics, that select() with no filter is the plain graph, and that the events kept
// are those on the edges kept.

#include "diplograph/graph/filter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/graph/metrics.hpp"
#include "event_builder.hpp"

namespace {

using namespace diplograph;

core::actor actor(const std::string& code, const std::string& name, const std::string& country) {
  return core::actor{code, name, country, core::actor_kind::country};
}

const core::actor syr_gov = actor("SYRGOV", "Syria government", "SYR");
const core::actor syr_reb = actor("SYRREB", "Syrian rebels", "SYR");
const core::actor usa = actor("USA", "United States", "USA");
const core::actor tur = actor("TUR", "Turkey", "TUR");
const core::actor rus = actor("RUS", "Russia", "RUS");
const core::actor fra = actor("FRA", "France", "FRA");
const core::actor deu = actor("DEU", "Germany", "DEU");

// The quad class follows the code's root (make_event): 04, 05 -> 1, 11 -> 3, 19 -> 4.
core::event event(const core::actor& source, const core::actor& target, const char* code, std::string article = "a") {
  return diplograph::testing::make_event(source, target, 0.0, "2017-03-24", std::move(article), code);
}

core::stance stance(const core::actor& holder, const char* issue) {
  core::stance s;
  s.article = core::article_id{"s"};
  s.holder = holder;
  s.issue = issue;
  s.issue_label = issue;
  s.polarity = core::polarity::oppose;
  return s;
}

// A chain with a branch and a separate pair, direction mixed so that hops must ignore it:
//   SYRGOV -> SYRREB (190 x3)   USA -> SYRREB (051)   TUR <- USA (042 x2)   RUS -> TUR (112)
//   FRA -> DEU (057)            plus SYRGOV's stance on terrorism and FRA's on sanctions.
std::vector<core::event> events() {
  return {event(syr_gov, syr_reb, "190", "a1"),
          event(syr_gov, syr_reb, "190", "a2"),
          event(syr_gov, syr_reb, "193", "a3"),
          event(usa, syr_reb, "051", "a4"),
          event(usa, tur, "042", "a5"),
          event(usa, tur, "043", "a6"),
          event(rus, tur, "112", "a7"),
          event(fra, deu, "057", "a8")};
}

std::vector<core::stance> stances() { return {stance(syr_gov, "terrorism"), stance(fra, "sanctions")}; }

graph::snapshot built() {
  graph::actor_graph g;
  for (const auto& e : events()) g.add(e);
  for (const auto& s : stances()) g.add(s);
  return g.snapshot();
}

std::vector<std::string> node_ids(const graph::snapshot& s) {
  std::vector<std::string> ids;
  for (const auto& n : s.nodes) ids.push_back(n.id);
  return ids;
}

std::vector<std::string> edge_names(const graph::snapshot& s) {
  std::vector<std::string> out;
  for (const auto& e : s.edges) out.push_back(e.source + ">" + e.target);
  return out;
}

std::vector<std::string> articles(const std::vector<core::event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.article.value());
  return out;
}

using strings = std::vector<std::string>;

TEST(filter_test, actor_matches_a_code_prefix_or_a_name_substring) {
  EXPECT_TRUE(graph::actor_matches(syr_gov, "SYR"));
  EXPECT_TRUE(graph::actor_matches(syr_gov, "syrgov"));
  EXPECT_FALSE(graph::actor_matches(syr_gov, "RGOV"));  // codes match by prefix only
  EXPECT_TRUE(graph::actor_matches(syr_gov, "GOVERNMENT"));
  EXPECT_TRUE(graph::actor_matches(syr_gov, ""));
  EXPECT_FALSE(graph::actor_matches(usa, "syr"));
  EXPECT_FALSE(graph::involves_actor(core::event{}, "x"));
  EXPECT_TRUE(graph::involves_actor(core::event{}, ""));
}

TEST(filter_test, actor_filter_keeps_events_of_either_endpoint) {
  graph::event_filter f;
  f.actors = {"SYRREB"};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a1", "a2", "a3", "a4"}));
  f.actors = {"syria"};  // name substring: "Syria government" and "Syrian rebels"
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a1", "a2", "a3", "a4"}));
  f.actors = {"RUS", "FRA"};  // repeated: any of them
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a7", "a8"}));
  // An event without a source still matches through its target.
  core::event half = event(usa, tur, "042", "half");
  half.source.reset();
  f.actors = {"TUR"};
  EXPECT_TRUE(graph::matches(half, f));
}

TEST(filter_test, country_filter_matches_either_endpoint_case_insensitively) {
  graph::event_filter f;
  f.countries = {"tur"};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a5", "a6", "a7"}));
  f.countries = {"SYR", "DEU"};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a1", "a2", "a3", "a4", "a8"}));
  f.countries = {"IRN"};
  EXPECT_TRUE(graph::filter_events(events(), f).empty());
}

TEST(filter_test, root_and_quad_filters) {
  EXPECT_EQ(graph::cameo_root(event(usa, tur, "042")), 4);
  EXPECT_EQ(graph::cameo_root(event(usa, tur, "1823")), 18);
  EXPECT_EQ(graph::cameo_root(event(usa, tur, "")), -1);
  EXPECT_EQ(graph::cameo_root(event(usa, tur, "x9")), -1);
  graph::event_filter f;
  f.roots = {19, 20};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a1", "a2", "a3"}));
  f.roots = {4, 11};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a5", "a6", "a7"}));
  f.roots.clear();
  f.quads = {3, 4};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a1", "a2", "a3", "a7"}));
  // Stances have no CAMEO code: a root or quad filter leaves them out.
  EXPECT_TRUE(graph::filter_stances(stances(), f).empty());
}

TEST(filter_test, event_filters_compose_by_and) {
  graph::event_filter f;
  f.countries = {"USA"};
  f.quads = {1};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a4", "a5", "a6"}));
  f.roots = {4};
  EXPECT_EQ(articles(graph::filter_events(events(), f)), (strings{"a5", "a6"}));
  f.actors = {"SYR"};
  EXPECT_TRUE(graph::filter_events(events(), f).empty());
  // Stances follow their holder for actor and country filters.
  graph::event_filter g;
  g.actors = {"SYR"};
  ASSERT_EQ(graph::filter_stances(stances(), g).size(), 1u);
  EXPECT_EQ(graph::filter_stances(stances(), g).front().issue, "terrorism");
  g.countries = {"FRA"};
  EXPECT_TRUE(graph::filter_stances(stances(), g).empty());
}

TEST(filter_test, min_count_drops_light_edges_then_bare_nodes) {
  graph::snapshot s = built();
  graph::add_metrics(s);
  const graph::snapshot two = graph::keep_min_count(s, 2);
  EXPECT_EQ(edge_names(two), (strings{"SYRGOV>SYRREB", "USA>TUR"}));
  EXPECT_EQ(node_ids(two), (strings{"SYRGOV", "SYRREB", "TUR", "USA"}));
  EXPECT_EQ(two.events_used, 5u);
  EXPECT_EQ(two.events_skipped, s.events_skipped);
  for (const auto& n : two.nodes) EXPECT_FALSE(n.metrics.computed) << n.id;  // computed again later
  const auto usa_node = std::find_if(two.nodes.begin(), two.nodes.end(), [](const auto& n) { return n.id == "USA"; });
  ASSERT_NE(usa_node, two.nodes.end());
  EXPECT_EQ(usa_node->out_events, 2u);  // the 051 to SYRREB went with its edge
  const graph::snapshot three = graph::keep_min_count(s, 3);
  EXPECT_EQ(edge_names(three), (strings{"SYRGOV>SYRREB"}));
  EXPECT_EQ(graph::keep_min_count(s, 4).nodes.size(), 0u);
  // 0 and 1 keep everything, stance edges (weight 1) included.
  EXPECT_EQ(edge_names(graph::keep_min_count(s, 1)), edge_names(s));
  EXPECT_EQ(edge_names(graph::keep_min_count(s, 0)), edge_names(s));
}

TEST(filter_test, find_actors_prefers_the_exact_id) {
  const graph::snapshot s = built();
  EXPECT_EQ(graph::find_actors(s, "SYRGOV"), (strings{"SYRGOV"}));
  EXPECT_EQ(graph::find_actors(s, "usa"), (strings{"USA"}));
  EXPECT_EQ(graph::find_actors(s, "SYR"), (strings{"SYRGOV", "SYRREB"}));
  EXPECT_EQ(graph::find_actors(s, "russia"), (strings{"RUS"}));
  EXPECT_TRUE(graph::find_actors(s, "terrorism").empty());  // an issue is not an actor
  EXPECT_TRUE(graph::find_actors(s, "IRN").empty());
}

TEST(filter_test, ego_network_depth_1_and_2_ignores_direction) {
  const graph::snapshot s = built();
  // TUR's neighbours: USA (USA -> TUR) and RUS (RUS -> TUR), both pointing at it.
  const graph::snapshot one = graph::ego_network(s, {"TUR"}, 1);
  EXPECT_EQ(node_ids(one), (strings{"RUS", "TUR", "USA"}));
  EXPECT_EQ(edge_names(one), (strings{"RUS>TUR", "USA>TUR"}));
  // Two hops: through USA to SYRREB; the USA -> SYRREB edge comes along, SYRGOV (3 hops) not.
  const graph::snapshot two = graph::ego_network(s, {"TUR"}, 2);
  EXPECT_EQ(node_ids(two), (strings{"RUS", "SYRREB", "TUR", "USA"}));
  EXPECT_EQ(edge_names(two), (strings{"RUS>TUR", "USA>SYRREB", "USA>TUR"}));
  EXPECT_EQ(two.events_used, 4u);
  // Three hops reach SYRGOV, and its stance edge with the issue node comes with it.
  const graph::snapshot three = graph::ego_network(s, {"TUR"}, 3);
  EXPECT_EQ(node_ids(three), (strings{"RUS", "SYRGOV", "SYRREB", "TUR", "USA", "issue:terrorism"}));
  // FRA and DEU are another component: never reached.
  for (const auto& n : graph::ego_network(s, {"TUR"}, 100).nodes) EXPECT_NE(n.id, "FRA");
}

TEST(filter_test, issues_are_not_hops) {
  // Two actors holding a stance on the same issue are not neighbours.
  graph::actor_graph g;
  g.add(event(fra, deu, "057"));
  g.add(stance(fra, "sanctions"));
  g.add(stance(rus, "sanctions"));
  const graph::snapshot s = g.snapshot();
  const graph::snapshot ego = graph::ego_network(s, {"FRA"}, 5);
  EXPECT_EQ(node_ids(ego), (strings{"DEU", "FRA", "issue:sanctions"}));
  EXPECT_EQ(edge_names(ego), (strings{"FRA>DEU", "FRA>issue:sanctions"}));
}

TEST(filter_test, ego_depth_0_and_several_or_unknown_egos) {
  const graph::snapshot s = built();
  const graph::snapshot alone = graph::ego_network(s, {"RUS"}, 0);
  EXPECT_EQ(node_ids(alone), (strings{"RUS"}));
  EXPECT_TRUE(alone.edges.empty());
  const graph::snapshot both = graph::ego_network(s, {"RUS", "FRA", "nobody"}, 1);
  EXPECT_EQ(node_ids(both), (strings{"DEU", "FRA", "RUS", "TUR", "issue:sanctions"}));
  EXPECT_TRUE(graph::ego_network(s, {"nobody"}, 3).nodes.empty());
}

TEST(filter_test, select_without_filters_is_the_plain_graph) {
  const graph::selection sel = graph::select(events(), stances(), {});
  const graph::snapshot plain = built();
  EXPECT_EQ(node_ids(sel.graph), node_ids(plain));
  EXPECT_EQ(edge_names(sel.graph), edge_names(plain));
  EXPECT_EQ(sel.events.size(), events().size());
  EXPECT_EQ(sel.stances.size(), stances().size());
  EXPECT_TRUE(sel.egos.empty());
}

TEST(filter_test, select_composes_event_and_graph_filters) {
  graph::filter_options f;
  f.events.quads = {1, 3};  // drops the 19x events and the stances
  f.min_count = 1;
  f.ego = "tur";
  f.depth = 1;
  const graph::selection sel = graph::select(events(), stances(), f);
  EXPECT_EQ(sel.egos, (strings{"TUR"}));
  EXPECT_EQ(edge_names(sel.graph), (strings{"RUS>TUR", "USA>TUR"}));
  EXPECT_EQ(articles(sel.events), (strings{"a5", "a6", "a7"}));  // only events on the edges kept
  EXPECT_TRUE(sel.stances.empty());
  // min-count runs before the ego network: with 2, RUS -> TUR is gone and so is RUS.
  f.min_count = 2;
  const graph::selection heavy = graph::select(events(), stances(), f);
  EXPECT_EQ(node_ids(heavy.graph), (strings{"TUR", "USA"}));
  EXPECT_EQ(articles(heavy.events), (strings{"a5", "a6"}));
  // An ego the other filters removed names nothing: an empty graph.
  f.events.quads = {4};
  const graph::selection none = graph::select(events(), stances(), f);
  EXPECT_TRUE(none.egos.empty());
  EXPECT_TRUE(none.graph.nodes.empty());
  EXPECT_TRUE(none.events.empty());
}

TEST(filter_test, events_and_stances_on_edges) {
  const graph::snapshot s = graph::keep_min_count(built(), 2);
  EXPECT_EQ(articles(graph::events_on_edges(events(), s)), (strings{"a1", "a2", "a3", "a5", "a6"}));
  EXPECT_TRUE(graph::stances_on_edges(stances(), s).empty());
  const graph::snapshot all = built();
  EXPECT_EQ(graph::stances_on_edges(stances(), all).size(), 2u);
}

}  // namespace
