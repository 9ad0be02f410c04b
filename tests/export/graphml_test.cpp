// Pins: GraphML structure (typed keys declared once, never "integer", directed graph, n0/e0 ids,
// actor id as data), XML escaping of hostile actor names, no nan/inf, article list truncation;
// and real clients: the GraphML XSD (xmllint), networkx.read_graphml, igraph Read_GraphML.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/metrics.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;

// A hostile actor and what a GraphML reader must give back as its name (XML cannot carry
// control characters or invalid UTF-8: they come back as U+FFFD).
struct hostile {
  core::actor actor;
  std::string name_read_back;
};

std::vector<hostile> hostile_actors() {
  using k = core::actor_kind;
  return {
      {{"SYRGOV", "Syria \"government\" <&> 'x'", "SYR", k::government},
       "Syria \"government\" <&> 'x'"},
      {{"", "back\\slash\\", "", k::group}, "back\\slash\\"},
      {{"LNB", "line\nbreak\r\ttab", "", k::unknown}, "line\nbreak\r\ttab"},
      {{"", "ctl\x01\x1f end", "", k::unknown}, "ctl\xEF\xBF\xBD\xEF\xBF\xBD end"},
      {{"", "bad\xff\xfe utf8", "", k::unknown}, "bad\xEF\xBF\xBD\xEF\xBF\xBD utf8"},
      {{"node", "node", "", k::unknown}, "node"},
      {{"EDGE", "EDGE", "", k::unknown}, "EDGE"},
      {{"Graph", "Graph", "", k::unknown}, "Graph"},
      {{"digraph", "digraph", "", k::unknown}, "digraph"},
      {{"subgraph", "subgraph", "", k::unknown}, "subgraph"},
      {{"strict", "strict", "", k::unknown}, "strict"},
      {{"EMPTY", "", "", k::unknown}, ""},
      {{"", "\xff", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"", "\xfe", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"", "\xEF\xBF\xBD", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"NONCHAR", std::string("non\xEF\xBF\xBE") + "char", "", k::unknown},  // U+FFFE
       std::string("non\xEF\xBF\xBD") + "char"},
      {{"BSQ", "a\\\"b", "", k::unknown}, "a\\\"b"},
      {{"ESC\\", "\\N \\G \\L \\E \\l \\r", "", k::unknown}, "\\N \\G \\L \\E \\l \\r"},
  };
}

core::event event(const core::actor& source, const core::actor& target, double goldstein,
                  std::string article, const char* date = nullptr) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.source = source;
  e.target = target;
  e.goldstein = goldstein;
  e.code = "112";
  e.quad = core::quad_class::verbal_conflict;
  if (date) e.date = core::dated{*core::parse_iso_day(date), core::date_precision::day};
  return e;
}

// A ring through every hostile actor, a self-loop with 60 articles, and a NaN score.
graph::snapshot hostile_snapshot() {
  const auto actors = hostile_actors();
  graph::actor_graph g;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const auto& next = actors[(i + 1) % actors.size()].actor;
    g.add(event(actors[i].actor, next, i % 2 ? 7.0 : -6.5, "art,\"" + std::to_string(i) + "\"\n",
                "2017-03-24"));
  }
  const auto& syria = actors[0].actor;
  for (int i = 0; i < 60; ++i)
    g.add(event(syria, syria, -1.5, "self-" + std::to_string(100 + i),
                i % 2 ? "2017-03-22" : "2017-03-20"));
  g.add(event(actors[1].actor, actors[2].actor, std::numeric_limits<double>::quiet_NaN(), "nan"));
  core::event skipped;
  skipped.target = syria;
  g.add(skipped);
  return g.snapshot();
}

std::string graphml_of(const graph::snapshot& s) {
  std::ostringstream out;
  exporter::write_graphml(out, s);
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(graphml_test, declares_typed_keys_once) {
  const std::string xml = graphml_of(hostile_snapshot());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_NE(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""),
            std::string::npos);
  EXPECT_EQ(occurrences(xml, "<graph id=\"G\" edgedefault=\"directed\">"), 1u);
  for (const char* key : {"label", "code", "name", "country", "kind", "out_events", "in_events",
                          "actor_id", "weight", "count", "goldstein_sum", "goldstein_mean", "quad1",
                          "quad4", "first_date", "last_date", "num_articles", "articles", "color"})
    EXPECT_EQ(occurrences(xml, std::string("<key id=\"") + key + "\""), 1u) << key;
  EXPECT_NE(xml.find("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>"),
            std::string::npos);
  EXPECT_EQ(xml.find("\"integer\""), std::string::npos);
  // Every key is declared before the graph.
  EXPECT_LT(xml.rfind("<key "), xml.find("<graph "));
}

TEST(graphml_test, escapes_hostile_text) {
  const std::string xml = graphml_of(hostile_snapshot());
  EXPECT_TRUE(core::is_valid_utf8(xml));
  for (const char c : xml) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_FALSE(byte < 0x20 && c != '\n') << "raw control byte " << static_cast<int>(byte);
  }
  EXPECT_NE(
      xml.find(
          "<data key=\"name\">Syria &quot;government&quot; &lt;&amp;&gt; &apos;x&apos;</data>"),
      std::string::npos);
  EXPECT_NE(xml.find("<data key=\"name\">line&#10;break&#13;&#9;tab</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"name\">ctl\xEF\xBF\xBD\xEF\xBF\xBD end</data>"),
            std::string::npos);
  EXPECT_NE(xml.find("<data key=\"name\">non\xEF\xBF\xBD"
                     "char</data>"),
            std::string::npos);
  EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"actor_id\">~back\\slash\\</data>"), std::string::npos);
  // The empty name is left out; the label falls back to the code.
  EXPECT_NE(xml.find("<data key=\"actor_id\">EMPTY</data>\n"
                     "      <data key=\"label\">EMPTY</data>\n"
                     "      <data key=\"code\">EMPTY</data>\n"
                     "      <data key=\"kind\">unknown</data>"),
            std::string::npos);
}

TEST(graphml_test, uses_xml_safe_ids_in_snapshot_order) {
  const auto s = hostile_snapshot();
  const std::string xml = graphml_of(s);
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    EXPECT_EQ(occurrences(xml, "<node id=\"n" + std::to_string(i) + "\">"), 1u);
  EXPECT_EQ(occurrences(xml, "<node "), s.nodes.size());
  EXPECT_EQ(occurrences(xml, "<edge "), s.edges.size());
  EXPECT_NE(xml.find("<edge id=\"e0\" source=\"n"), std::string::npos);
  // snapshot order is id order: "EDGE" < "ESC\" < "Graph" < ... < "~\xff".
  EXPECT_EQ(s.nodes.front().id, "BSQ");
  EXPECT_NE(xml.find("<node id=\"n0\">\n      <data key=\"actor_id\">BSQ</data>"),
            std::string::npos);
}

TEST(graphml_test, writes_edge_aggregates) {
  const auto s = hostile_snapshot();
  const std::string xml = graphml_of(s);
  // The self-loop: 60 events at -1.5 over two days, 60 articles of which 50 are listed.
  const std::string self =
      "<data key=\"weight\">60</data>\n"
      "      <data key=\"count\">60</data>\n"
      "      <data key=\"goldstein_sum\">-90</data>\n"
      "      <data key=\"goldstein_mean\">-1.5</data>\n"
      "      <data key=\"quad1\">0</data>\n"
      "      <data key=\"quad2\">0</data>\n"
      "      <data key=\"quad3\">60</data>\n"
      "      <data key=\"quad4\">0</data>\n"
      "      <data key=\"first_date\">2017-03-20</data>\n"
      "      <data key=\"last_date\">2017-03-22</data>\n"
      "      <data key=\"num_articles\">60</data>\n"
      "      <data key=\"articles\">self-100;self-101;";
  EXPECT_NE(xml.find(self), std::string::npos) << xml;
  EXPECT_NE(xml.find(";self-149;\xE2\x80\xA6+10</data>"), std::string::npos);
  EXPECT_EQ(xml.find("self-150"), std::string::npos);
  // Article ids are escaped too.
  EXPECT_NE(xml.find("art,&quot;0&quot;&#10;"), std::string::npos);
  // NaN never reaches the file.
  for (const char* bad : {">nan", ">-nan", ">inf", ">-inf", ">NaN"})
    EXPECT_EQ(xml.find(bad), std::string::npos) << bad;
}

TEST(graphml_test, empty_graph_is_valid) {
  const std::string xml = graphml_of(graph::snapshot{});
  EXPECT_NE(xml.find("<graph id=\"G\" edgedefault=\"directed\">"), std::string::npos);
  EXPECT_EQ(xml.find("<node "), std::string::npos);
  EXPECT_NE(xml.find("</graph>\n</graphml>\n"), std::string::npos);
}

// ---- real clients ------------------------------------------------------------------------------

struct written {
  dt::temp_dir dir;
  std::filesystem::path graphml;
  std::filesystem::path expected;
  graph::snapshot snapshot;
};

// Writes the hostile graph and a JSON file of what readers must find in it.
// Runs `script` on the written GraphML with the expected values file as its second argument.
dt::command_result check_with_python(const written& w, const std::string& script) {
  return dt::run_python(w.dir.path(), script, {w.graphml.string(), w.expected.string()});
}

void write_hostile(written& w) {
  w.snapshot = hostile_snapshot();
  graph::add_metrics(w.snapshot);
  w.graphml = w.dir / "hostile.graphml";
  w.expected = w.dir / "expected.json";
  dt::write_file(w.graphml, graphml_of(w.snapshot));

  std::string json = "{\"nodes\": " + std::to_string(w.snapshot.nodes.size()) +
                     ", \"edges\": " + std::to_string(w.snapshot.edges.size()) + ", \"names\": {";
  // Actor id as read back -> the names read back for it (ids made of bytes XML cannot carry
  // collide once replaced by U+FFFD, so one id may have several names).
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& h : hostile_actors()) {
    std::string id = h.actor.code;
    if (id.empty()) {
      id = "~";
      for (const char c : h.name_read_back)
        id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    names[id].push_back(h.name_read_back);
  }
  bool first_id = true;
  for (auto& [id, list] : names) {
    json += first_id ? "" : ", ";
    first_id = false;
    core::append_json_string(json, id);
    json += ": [";
    std::sort(list.begin(), list.end());
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) json += ", ";
      core::append_json_string(json, list[i]);
    }
    json += ']';
  }
  json += "}}";
  dt::write_file(w.expected, json);
}TEST(graphml_test, hostile_graph_validates_against_the_xsd) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  written w;
  write_hostile(w);
  const auto r =
      dt::run_command("xmllint --noout --nonet --schema " +
                      dt::shell_quote((shared / "schemas/graphml/graphml.xsd").string()) + ' ' +
                      dt::shell_quote(w.graphml.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("validates"), std::string::npos) << r.out;

  // The validator is not a rubber stamp: an undeclared key and an "integer" type fail.
  std::string broken = dt::read_file(w.graphml);
  broken.replace(broken.find("attr.type=\"int\""), 15, "attr.type=\"integer\"");
  const auto bad = w.dir / "broken.graphml";
  dt::write_file(bad, broken);
  EXPECT_NE(dt::run_command("xmllint --noout --nonet --schema " +
                            dt::shell_quote((shared / "schemas/graphml/graphml.xsd").string()) +
                            ' ' + dt::shell_quote(bad.string()))
                .exit_code,
            0);
}

TEST(graphml_test, networkx_reads_hostile_graph) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  written w;
  write_hostile(w);
  const auto r = check_with_python(w, R"PY(
import json, math, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
exp = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
if not g.is_directed(): problems.append("not directed")
if g.number_of_nodes() != exp["nodes"]: problems.append("nodes: %d" % g.number_of_nodes())
if g.number_of_edges() != exp["edges"]: problems.append("edges: %d" % g.number_of_edges())
by_actor = {}
for n, d in g.nodes(data=True):
    by_actor.setdefault(d.get("actor_id"), []).append((n, d))
for aid, expected in exp["names"].items():
    got = sorted(d.get("name", "") for _, d in by_actor.get(aid, []))
    if got != expected: problems.append("actor %r: names %r, expected %r" % (aid, got, expected))
if len(by_actor) != len(exp["names"]): problems.append("actor ids: %r" % sorted(by_actor))
for u, v, d in g.edges(data=True):
    if not isinstance(d["weight"], float) or not isinstance(d["count"], int):
        problems.append("edge %s->%s: weight/count types %r" % (u, v, d))
    if d["weight"] != d["count"]: problems.append("weight != count on %s->%s" % (u, v))
    for k in ("goldstein_sum", "goldstein_mean"):
        if k in d and not math.isfinite(d[k]): problems.append("non-finite " + k)
    if sum(d["quad%d" % q] for q in range(1, 5)) != d["count"]:
        problems.append("quad counts do not add up on %s->%s" % (u, v))
syria = by_actor["SYRGOV"][0][0]
loop = g.get_edge_data(syria, syria)
want = {"count": 60, "num_articles": 60, "first_date": "2017-03-20", "last_date": "2017-03-22"}
if not loop or any(loop.get(k) != v for k, v in want.items()):
    problems.append("self-loop: %r" % loop)
elif loop["goldstein_mean"] >= -1 or not loop["color"].startswith("#"):
    problems.append("self-loop score/colour: %r" % loop)
if g.nodes[syria]["kind"] != "government" or g.nodes[syria]["out_events"] != 61:
    problems.append("syria: %r" % g.nodes[syria])
# The node metrics written are the ones networkx computes on the file itself.
pr = nx.pagerank(g, alpha=0.85, weight="weight")
bc = nx.betweenness_centrality(g, normalized=True)
for n, d in g.nodes(data=True):
    if abs(d["pagerank"] - pr[n]) > 1e-9: problems.append("pagerank %s: %r vs networkx %r" % (n, d["pagerank"], pr[n]))
    if abs(d["betweenness"] - bc[n]) > 1e-9: problems.append("betweenness %s: %r vs %r" % (n, d["betweenness"], bc[n]))
    if d["out_degree"] != g.out_degree(n) or d["in_degree"] != g.in_degree(n):
        problems.append("degree %s: %r" % (n, d))
    if abs(d["weighted_out_degree"] - g.out_degree(n, weight="weight")) > 1e-9: problems.append("weighted %s" % n)
    if not isinstance(d["community"], int) or not isinstance(d["component"], int): problems.append("ids %r" % d)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(graphml_test, igraph_reads_hostile_graph) {
  if (!dt::have_python("igraph")) GTEST_SKIP() << "python3 igraph is not installed";
  written w;
  write_hostile(w);
  const auto r = check_with_python(w, R"PY(
import json, sys
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
exp = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
if not g.is_directed(): problems.append("not directed")
if g.vcount() != exp["nodes"]: problems.append("nodes: %d" % g.vcount())
if g.ecount() != exp["edges"]: problems.append("edges: %d" % g.ecount())
ids = g.vs["actor_id"]
names = g.vs["name"]
for aid, expected in exp["names"].items():
    got = sorted(names[i] or "" for i, x in enumerate(ids) if x == aid)
    if got != expected: problems.append("actor %r: names %r, expected %r" % (aid, got, expected))
if len(set(ids)) != len(exp["names"]): problems.append("actor ids: %r" % sorted(set(ids)))
if g.es["weight"] != [float(c) for c in g.es["count"]]: problems.append("weight != count")
if sum(g.es["count"]) != sum(g.vs["out_events"]): problems.append("counts do not add up")
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
