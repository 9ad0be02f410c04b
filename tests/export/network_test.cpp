// Pins: node_ids (actor ids kept, bytes no format can carry replaced, always distinct), the
// Gephi spreadsheet headers and rows, the node-link JSON shape; a three-article merge with
// num_articles 3. Real clients: Python's csv module on both Gephi tables and
// networkx.node_link_graph on the JSON, with hostile actor names; the CLI formats.

#include "diplograph/export/network.hpp"
#include "diplograph/graph/metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;
namespace fs = std::filesystem;

std::vector<core::actor> hostile_actors() {
  using k = core::actor_kind;
  return {
      {"SYRGOV", "Syria \"government\" <&> 'x', \"quoted, too\"", "SYR", k::government},
      {"", "back\\slash\\", "", k::group},
      {"LNB", "line\nbreak\r\ttab\r\n", "", k::unknown},
      {"", "ctl\x01\x1f\x7f end", "", k::unknown},
      {"", "bad\xff\xfe utf8", "", k::unknown},
      {"EMPTY", "", "", k::unknown},
      {"", "\xff", "", k::unknown},
      {"", "\xfe", "", k::unknown},
      {"", "\xEF\xBF\xBD", "", k::unknown},
      {"", "=cmd|' /C calc'!A0", "", k::unknown},
      {"", "\"", "", k::unknown},
      {"", "</script>\u2028", "", k::unknown},
  };
}

core::event event(const core::actor& source, const core::actor& target, double goldstein,
                  std::string article, const char* date = nullptr) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.source = source;
  e.target = target;
  e.goldstein = goldstein;
  e.code = "190";
  e.quad = core::quad_class::material_conflict;
  if (date) e.date = core::dated{*core::parse_iso_day(date), core::date_precision::day};
  return e;
}

// A ring through every hostile actor, a 3-event self-loop on SYRGOV, an undated NaN edge.
graph::snapshot hostile_snapshot() {
  const auto actors = hostile_actors();
  graph::actor_graph g;
  for (std::size_t i = 0; i < actors.size(); ++i)
    g.add(event(actors[i], actors[(i + 1) % actors.size()], i % 2 ? 7.0 : -6.5,
                "art,\"" + std::to_string(i) + "\"\n", "2017-03-24"));
  for (const char* day : {"2017-03-20", "2017-03-21", "2017-03-22"})
    g.add(event(actors[0], actors[0], -10.0, std::string("self-") + day[9], day));
  g.add(event(actors[1], actors[3], std::numeric_limits<double>::quiet_NaN(), "nan"));
  return g.snapshot();
}

// Three events from three articles about the same dyad.
graph::snapshot merged_snapshot() {
  const core::actor fra{"FRA", "France", "FRA", core::actor_kind::country};
  const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
  graph::actor_graph g;
  g.add(event(fra, deu, 4.0, "a-1", "2017-03-01"));
  g.add(event(fra, deu, 4.0, "a-2", "2017-03-02"));
  g.add(event(fra, deu, 4.0, "a-3", "2017-03-05"));
  return g.snapshot();
}

template <typename Writer>
std::string written_by(Writer write, const graph::snapshot& s) {
  std::ostringstream out;
  write(out, s);
  return out.str();
}

std::string nodes_csv(const graph::snapshot& s) {
  return written_by(exporter::write_gephi_nodes_csv, s);
}
std::string edges_csv(const graph::snapshot& s) {
  return written_by(exporter::write_gephi_edges_csv, s);
}
std::string node_link(const graph::snapshot& s) {
  return written_by(exporter::write_node_link_json, s);
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST(network_test, node_ids_keep_actor_ids_and_stay_distinct) {
  const auto s = hostile_snapshot();
  const auto ids = exporter::node_ids(s);
  ASSERT_EQ(ids.size(), s.nodes.size());
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_TRUE(core::is_valid_utf8(ids[i])) << i;
    for (const char c : ids[i]) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << ids[i];
    const bool clean = core::is_valid_utf8(s.nodes[i].id) &&
                       std::none_of(s.nodes[i].id.begin(), s.nodes[i].id.end(), [](char c) {
                         return static_cast<unsigned char>(c) < 0x20 || c == '\x7f';
                       });
    if (clean) {
      EXPECT_EQ(ids[i], s.nodes[i].id);
    }
  }
  // "~\xEF\xBF\xBD" keeps its id although "~\xfe" and "~\xff" sort after it and collide with it.
  EXPECT_NE(std::find(ids.begin(), ids.end(), "~\xEF\xBF\xBD"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "~\xEF\xBF\xBD#2"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "~\xEF\xBF\xBD#3"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "~ctl\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end"),
            ids.end());
}

TEST(network_test, gephi_csv_headers_and_rows) {
  const auto s = merged_snapshot();
  EXPECT_EQ(nodes_csv(s),
            "Id,Label,code,name,country,kind,out_events,in_events,out_degree,in_degree,"
            "weighted_out_degree,weighted_in_degree,pagerank,betweenness,component,community\n"
            "DEU,Germany,DEU,Germany,DEU,country,0,3,,,,,,,,\n"
            "FRA,France,FRA,France,FRA,country,3,0,,,,,,,,\n");
  // With the metrics computed, every column has a value.
  auto with_metrics = s;
  diplograph::graph::add_metrics(with_metrics);
  const std::string csv = nodes_csv(with_metrics);
  // PageRank of FRA -> DEU with DEU dangling converges to 0.5/1.425 and 1 - that.
  EXPECT_NE(csv.find("\nDEU,Germany,DEU,Germany,DEU,country,0,3,0,1,0,3,0.64912"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nFRA,France,FRA,France,FRA,country,3,0,1,0,3,0,0.35087"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",0,0,0\n"), std::string::npos) << csv;  // betweenness, component, community
  EXPECT_EQ(edges_csv(s),
            "Source,Target,Type,Weight,count,goldstein_mean,first_date,last_date,num_articles,"
            "quad1,quad2,quad3,quad4\n"
            "FRA,DEU,Directed,3,3,4,2017-03-01,2017-03-05,3,0,0,0,3\n");
}

TEST(network_test, gephi_csv_quotes_hostile_text) {
  const auto s = hostile_snapshot();
  const std::string nodes = nodes_csv(s);
  const std::string edges = edges_csv(s);
  EXPECT_TRUE(core::is_valid_utf8(nodes));
  EXPECT_TRUE(core::is_valid_utf8(edges));
  EXPECT_TRUE(contains(nodes, ",\"Syria \"\"government\"\" <&> 'x', \"\"quoted, too\"\"\","));
  EXPECT_TRUE(contains(nodes, "\nLNB,\"line\nbreak\r\ttab\r\n\",LNB,"));
  // The undated NaN edge: no dates, no mean.
  EXPECT_TRUE(contains(
      edges,
      "\n~back\\slash\\,~ctl\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end,Directed,1,1,,,,1,0,0,0,1\n"))
      << edges;
}

TEST(network_test, node_link_json_shape) {
  const std::string json = node_link(merged_snapshot());
  EXPECT_EQ(
      json,
      "{\"directed\":true,\"multigraph\":false,\"graph\":{\"events_used\":3,\"events_skipped\":0},"
      "\"nodes\":["
      "{\"id\":\"DEU\",\"label\":\"Germany\",\"actor_id\":\"DEU\",\"code\":\"DEU\",\"name\":"
      "\"Germany\","
      "\"country\":\"DEU\",\"kind\":\"country\",\"out_events\":0,\"in_events\":3},"
      "{\"id\":\"FRA\",\"label\":\"France\",\"actor_id\":\"FRA\",\"code\":\"FRA\",\"name\":"
      "\"France\","
      "\"country\":\"FRA\",\"kind\":\"country\",\"out_events\":3,\"in_events\":0}],"
      "\"links\":[{\"source\":\"FRA\",\"target\":\"DEU\",\"weight\":3,\"count\":3,\"goldstein_"
      "sum\":12,"
      "\"goldstein_mean\":4,\"quad1\":0,\"quad2\":0,\"quad3\":0,\"quad4\":3,\"first_date\":\"2017-"
      "03-01\","
      "\"last_date\":\"2017-03-05\",\"num_articles\":3,\"articles\":[\"a-1\",\"a-2\",\"a-3\"],"
      "\"color\":\"#78ba7d\"}]}\n");
  const std::string empty = node_link(graph::snapshot{});
  EXPECT_EQ(
      empty,
      "{\"directed\":true,\"multigraph\":false,\"graph\":{\"events_used\":0,\"events_skipped\":0},"
      "\"nodes\":[],\"links\":[]}\n");
}

// ---- real clients ------------------------------------------------------------------------------// What readers must find: node count, edge count and, per actor id, the name (both with
// invalid UTF-8 replaced by U+FFFD; CSV and JSON carry control characters as they are).
fs::path write_expected(const dt::temp_dir& dir, const graph::snapshot& s) {
  const auto ids = exporter::node_ids(s);
  std::string json = "{\"nodes\": " + std::to_string(s.nodes.size()) +
                     ", \"edges\": " + std::to_string(s.edges.size()) + ", \"names\": {";
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (i > 0) json += ", ";
    core::append_json_string(json, ids[i]);
    json += ": ";
    core::append_json_string(json, core::sanitize_utf8(s.nodes[i].actor.name).text);
  }
  json += "}}";
  const auto file = dir / "expected.json";
  dt::write_file(file, json);
  return file;
}

TEST(network_test, python_csv_reads_gephi_tables) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  const auto s = hostile_snapshot();
  dt::write_file(dir / "nodes.csv", nodes_csv(s));
  dt::write_file(dir / "edges.csv", edges_csv(s));
  dt::write_file(dir / "merged-edges.csv", edges_csv(merged_snapshot()));
  const auto r = dt::run_python(
      dir.path(), R"PY(
import csv, json, math, sys
exp = json.load(open(sys.argv[3], encoding="utf-8"))
problems = []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f, strict=True))
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f, strict=True))
if list(nodes[0].keys()) != ["Id", "Label", "code", "name", "country", "kind", "out_events", "in_events",
                             "out_degree", "in_degree", "weighted_out_degree", "weighted_in_degree",
                             "pagerank", "betweenness", "component", "community"]:
    problems.append("node header %r" % list(nodes[0].keys()))
want = ["Source", "Target", "Type", "Weight", "count", "goldstein_mean", "first_date", "last_date",
        "num_articles", "quad1", "quad2", "quad3", "quad4"]
if list(edges[0].keys()) != want: problems.append("edge header %r" % list(edges[0].keys()))
if len(nodes) != exp["nodes"]: problems.append("nodes: %d" % len(nodes))
if len(edges) != exp["edges"]: problems.append("edges: %d" % len(edges))
names = {n["Id"]: n["name"] for n in nodes}
if names != exp["names"]: problems.append("names %r\nexpected %r" % (names, exp["names"]))
for n in nodes:
    if not n["Label"]: problems.append("empty label: %r" % n)
for e in edges:
    if e["Source"] not in names or e["Target"] not in names: problems.append("dangling %r" % e)
    if e["Type"] != "Directed" or e["Weight"] != e["count"]: problems.append("type/weight %r" % e)
    if sum(int(e["quad%d" % q]) for q in range(1, 5)) != int(e["count"]): problems.append("quads %r" % e)
    if e["goldstein_mean"] and not math.isfinite(float(e["goldstein_mean"])): problems.append("mean %r" % e)
    if None in e: problems.append("extra fields %r" % e)
loop = [e for e in edges if e["Source"] == "SYRGOV" and e["Target"] == "SYRGOV"]
if len(loop) != 1 or loop[0]["count"] != "3" or loop[0]["first_date"] != "2017-03-20" or loop[0]["last_date"] != "2017-03-22":
    problems.append("loop %r" % loop)
with open(sys.argv[4], newline="", encoding="utf-8") as f:
    merged = list(csv.DictReader(f, strict=True))
if len(merged) != 1 or merged[0]["num_articles"] != "3" or merged[0]["Weight"] != "3":
    problems.append("merge %r" % merged)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
      {dir / "nodes.csv", dir / "edges.csv", write_expected(dir, s), dir / "merged-edges.csv"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(network_test, networkx_reads_node_link_json) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  dt::temp_dir dir;
  const auto s = hostile_snapshot();
  dt::write_file(dir / "graph.json", node_link(s));
  dt::write_file(dir / "merged.json", node_link(merged_snapshot()));
  const auto r = dt::run_python(dir.path(), R"PY(
import json, math, sys
import networkx as nx
exp = json.load(open(sys.argv[2], encoding="utf-8"))
g = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
problems = []
if not g.is_directed() or g.is_multigraph(): problems.append("not a simple digraph")
if g.number_of_nodes() != exp["nodes"]: problems.append("nodes: %d" % g.number_of_nodes())
if g.number_of_edges() != exp["edges"]: problems.append("edges: %d" % g.number_of_edges())
names = {n: d["name"] for n, d in g.nodes(data=True)}
if names != exp["names"]: problems.append("names %r\nexpected %r" % (names, exp["names"]))
for u, v, d in g.edges(data=True):
    if d["weight"] != d["count"] or d["num_articles"] != len(d["articles"]):
        problems.append("edge %r->%r: %r" % (u, v, d))
    if d["goldstein_mean"] is not None and not math.isfinite(d["goldstein_mean"]):
        problems.append("non-finite mean")
loop = g.get_edge_data("SYRGOV", "SYRGOV")
if not loop or loop["count"] != 3 or loop["articles"] != ["self-0", "self-1", "self-2"] or loop["goldstein_mean"] != -10:
    problems.append("loop %r" % loop)
if g.nodes["SYRGOV"]["out_events"] != 4 or g.nodes["SYRGOV"]["kind"] != "government":
    problems.append("syria %r" % g.nodes["SYRGOV"])
undated = [d for _, _, d in g.edges(data=True) if d["first_date"] is None]
if len(undated) != 1 or undated[0]["goldstein_mean"] is not None: problems.append("undated %r" % undated)
m = nx.node_link_graph(json.load(open(sys.argv[3], encoding="utf-8")))
e = m.get_edge_data("FRA", "DEU")
if m.number_of_edges() != 1 or not e or e["num_articles"] != 3 or e["articles"] != ["a-1", "a-2", "a-3"]:
    problems.append("merge %r" % e)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                            {dir / "graph.json", write_expected(dir, s), dir / "merged.json"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// `diplograph export --format gephi-nodes|gephi-edges|nodelink` on the fixtures.
TEST(network_test, cli_exports_network_formats) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  dt::temp_dir tmp;
  const auto q = [](const fs::path& p) { return dt::shell_quote(p.string()); };
  const std::string cli = dt::shell_quote(dt::cli_path());
  const auto built = dt::run_command(cli + " build --dict-dir " + q(dt::dictionary_dir()) +
                                     " --db " + q(tmp / "d.db") + " -o " + q(tmp / "out") + ' ' +
                                     q(dt::fixture_dir() / "articles") + " 2>&1");
  ASSERT_EQ(built.exit_code, 0) << built.out;
  for (const char* format : {"gephi-nodes", "gephi-edges", "nodelink"}) {
    const auto r = dt::run_command(cli + " export --db " + q(tmp / "d.db") + " --format " + format +
                                   " -o " + q(tmp / format));
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.out;
  }
  const auto r = dt::run_python(tmp.path(), R"PY(
import csv, json, sys
import networkx as nx
g = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
nodes = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
edges = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
problems = []
if g.number_of_nodes() == 0 or g.number_of_edges() == 0: problems.append("empty graph")
if sorted(g.nodes) != sorted(n["Id"] for n in nodes): problems.append("node ids differ")
if sorted(g.edges) != sorted((e["Source"], e["Target"]) for e in edges): problems.append("edges differ")
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                            {tmp / "nodelink", tmp / "gephi-nodes", tmp / "gephi-edges"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
