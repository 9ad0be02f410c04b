// Pins: decayed edge weights (graph::add_decay) in every graph format that carries edge
// attributes — GraphML (a typed key declared once, graph-level half-life and day), GEXF 1.3 and
// 1.2draft (a double edge attribute), the Gephi edges CSV (a last column) and node-link JSON —
// and that none of them mentions decay when it was not computed. Real clients: xmllint with the
// GraphML XSD, jing with the GEXF 1.3 and 1.2draft schemas, networkx (read_graphml, read_gexf,
// node_link_graph), igraph Read_GraphML and Python's csv module read the same values back.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/export/gexf.hpp"
#include "diplograph/export/network.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/decay.hpp"
#include "diplograph/graph/metrics.hpp"
#include "event_builder.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
using diplograph::testing::make_event;
namespace dt = diplograph::testing;
namespace fs = std::filesystem;

const core::actor fra{"FRA", "France \"la\" <&> 'x'", "FRA", core::actor_kind::country};
const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
const core::actor syr{"SYRGOV", "Syria, gov\nline", "SYR", core::actor_kind::government};


// Half-life 30 days at 2017-03-31: FRA -> DEU 1 + 0.5 (+ 0 undated), DEU -> FRA 0.25,
// SYRGOV -> FRA 0 (after the day), SYRGOV's stance on terrorism 1.
struct built {
  std::vector<core::event> events;
  graph::snapshot plain;
  graph::snapshot decayed;
};

built decayed_graph() {
  built b;
  b.events = {make_event(fra, deu, 1.0, "2017-03-31"), make_event(fra, deu, 1.0, "2017-03-01"),
              make_event(fra, deu, 1.0, nullptr), make_event(deu, fra, 1.0, "2017-01-30"),
              make_event(syr, fra, 1.0, "2017-04-05")};
  core::stance st;
  st.holder = syr;
  st.issue = "terrorism";
  st.date = core::dated{*core::parse_iso_day("2017-03-31"), core::date_precision::day};
  graph::actor_graph g;
  for (const auto& e : b.events) g.add(e);
  g.add(st);
  b.plain = g.snapshot();
  graph::add_metrics(b.plain);
  b.decayed = b.plain;
  graph::add_decay(b.decayed, b.events, {st}, {.half_life_days = 30.0, .at = *core::parse_iso_day("2017-03-31")});
  return b;
}

template <typename Write>
std::string text_of(Write&& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

struct files {
  dt::temp_dir dir;
  fs::path graphml = dir / "d.graphml";
  fs::path gexf13 = dir / "d.gexf";
  fs::path gexf12 = dir / "d12.gexf";
  fs::path edges = dir / "edges.csv";
  fs::path nodelink = dir / "d.json";
};

void write_all(files& f, const graph::snapshot& s, const std::vector<core::event>& events) {
  dt::write_file(f.graphml, text_of([&](std::ostream& o) { exporter::write_graphml(o, s); }));
  dt::write_file(f.gexf13, text_of([&](std::ostream& o) { exporter::write_gexf(o, s, events); }));
  dt::write_file(f.gexf12, text_of([&](std::ostream& o) { exporter::write_gexf_12draft(o, s, events); }));
  dt::write_file(f.edges, text_of([&](std::ostream& o) { exporter::write_gephi_edges_csv(o, s); }));
  dt::write_file(f.nodelink, text_of([&](std::ostream& o) { exporter::write_node_link_json(o, s); }));
}

// Each test starts with the decayed graph written in every format.
class decay_export_test : public ::testing::Test {
 protected:
  void SetUp() override { write_all(f, b.decayed, b.events); }
  const built b = decayed_graph();
  files f;
};

TEST_F(decay_export_test, every_format_declares_and_writes_decayed_weight) {
  const std::string graphml = dt::read_file(f.graphml);
  EXPECT_EQ(occurrences(graphml, "<key id=\"decayed_weight\" for=\"edge\" attr.name=\"decayed_weight\" "
                                 "attr.type=\"double\"/>"),
            1u);
  EXPECT_EQ(occurrences(graphml, "<key id=\"decay_half_life_days\" for=\"graph\""), 1u);
  EXPECT_EQ(occurrences(graphml, "<key id=\"decay_at\" for=\"graph\" attr.name=\"decay_at\" attr.type=\"string\"/>"), 1u);
  EXPECT_EQ(occurrences(graphml, "<data key=\"decay_at\">2017-03-31</data>"), 1u);
  EXPECT_EQ(occurrences(graphml, "<data key=\"decayed_weight\">1.5</data>"), 1u);
  EXPECT_EQ(occurrences(graphml, "<data key=\"decayed_weight\">"), b.decayed.edges.size());
  EXPECT_EQ(graphml.find("\"integer\""), std::string::npos);
  EXPECT_LT(graphml.rfind("<key "), graphml.find("<graph "));

  for (const fs::path& gexf : {f.gexf13, f.gexf12}) {
    const std::string xml = dt::read_file(gexf);
    EXPECT_EQ(occurrences(xml, "<attribute id=\"decayed_weight\" title=\"decayed_weight\" type=\"double\"/>"), 1u);
    EXPECT_EQ(occurrences(xml, "<attvalue for=\"decayed_weight\" value=\"0.25\"/>"), 1u) << xml;
    EXPECT_EQ(occurrences(xml, "<attvalue for=\"decayed_weight\" "), b.decayed.edges.size());
    EXPECT_NE(xml.find("decayed_weight: half-life 30 days at 2017-03-31"), std::string::npos);
  }
  const std::string csv = dt::read_file(f.edges);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "Source,Target,Type,Weight,count,goldstein_mean,first_date,last_date,num_articles,quad1,quad2,quad3,"
            "quad4,decayed_weight");
  EXPECT_NE(csv.find("\nFRA,DEU,Directed,3,3,1,2017-03-01,2017-03-31,1,3,0,0,0,1.5\n"), std::string::npos) << csv;
  const std::string json = dt::read_file(f.nodelink);
  EXPECT_NE(json.find("\"graph\":{\"events_used\":5,\"events_skipped\":0,\"decay_half_life_days\":30,"
                      "\"decay_at\":\"2017-03-31\"}"),
            std::string::npos)
      << json;
  EXPECT_EQ(occurrences(json, "\"decayed_weight\":"), b.decayed.edges.size());
}

TEST_F(decay_export_test, without_decay_no_format_mentions_it) {
  files plain;
  write_all(plain, b.plain, b.events);
  for (const fs::path& p : {plain.graphml, plain.gexf13, plain.gexf12, plain.edges, plain.nodelink}) {
    const std::string text = dt::read_file(p);
    EXPECT_EQ(text.find("decay"), std::string::npos) << p;
  }
}

// ---- real clients ------------------------------------------------------------------------------

TEST_F(decay_export_test, validators_accept_the_decayed_files) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("xmllint") || !dt::have_program("jing")) GTEST_SKIP() << "xmllint or jing is not installed";
  const auto q = [](const fs::path& p) { return dt::shell_quote(p.string()); };
  const auto xsd = dt::run_command("xmllint --noout --nonet --schema " + q(shared / "schemas/graphml/graphml.xsd") +
                                   ' ' + q(f.graphml));
  EXPECT_EQ(xsd.exit_code, 0) << xsd.out;
  const auto g13 = dt::run_command("jing -c " + q(shared / "schemas/gexf-1.3/gexf.rnc") + ' ' + q(f.gexf13) +
                                   " 2>/dev/null");
  EXPECT_EQ(g13.exit_code, 0) << g13.out;
  const auto g12 = dt::run_command("jing -c " + q(shared / "schemas/gexf-1.2draft/gexf.rnc") + ' ' +
                                   q(f.gexf12) + " 2>/dev/null");
  EXPECT_EQ(g12.exit_code, 0) << g12.out;
}

TEST_F(decay_export_test, networkx_reads_decayed_weight_from_graphml_gexf_and_json) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  const auto r = dt::run_python(f.dir.path(), R"PY(
import csv, json, sys
import networkx as nx
want = {("FRA", "DEU"): 1.5, ("DEU", "FRA"): 0.25, ("SYRGOV", "FRA"): 0.0, ("SYRGOV", "issue:terrorism"): 1.0}
problems = []
def check(name, g, key_of, kinds=(float,)):
    got = {}
    for u, v, d in g.edges(data=True):
        w = d.get("decayed_weight")
        if not isinstance(w, kinds): problems.append("%s: %s->%s decayed_weight %r" % (name, u, v, w))
        got[(key_of(g, u), key_of(g, v))] = w
    if got != want: problems.append("%s: %r" % (name, got))
graphml = nx.read_graphml(sys.argv[1])
check("graphml", graphml, lambda g, n: g.nodes[n]["actor_id"])
if graphml.graph.get("decay_half_life_days") != 30.0 or graphml.graph.get("decay_at") != "2017-03-31":
    problems.append("graphml graph %r" % graphml.graph)
check("gexf12", nx.read_gexf(sys.argv[2]), lambda g, n: n)
nodelink = nx.node_link_graph(json.load(open(sys.argv[3], encoding="utf-8")))
check("nodelink", nodelink, lambda g, n: n, (int, float))  # JSON has one number type
if nodelink.graph.get("decay_at") != "2017-03-31": problems.append("nodelink graph %r" % nodelink.graph)
with open(sys.argv[4], newline="", encoding="utf-8") as f:
    rows = {(r["Source"], r["Target"]): float(r["decayed_weight"]) for r in csv.DictReader(f, strict=True)}
if rows != want: problems.append("csv %r" % rows)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                                {f.graphml.string(), f.gexf12.string(), f.nodelink.string(), f.edges.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(decay_export_test, igraph_reads_decayed_weight_from_graphml) {
  if (!dt::have_python("igraph")) GTEST_SKIP() << "python3 igraph is not installed";
  const auto r = dt::run_python(f.dir.path(), R"PY(
import sys
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
got = sorted(g.es["decayed_weight"])
print(got, g["decay_half_life_days"], g["decay_at"])
sys.exit(0 if got == [0.0, 0.25, 1.0, 1.5] and g["decay_half_life_days"] == 30.0 and g["decay_at"] == "2017-03-31" else 1)
)PY",
                                {f.graphml.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
