// Pins: DOT structure (quoted ids and values, graph/node defaults), label and id escaping of
// hostile actor names (quotes, backslashes incl. trailing, newlines, controls, invalid UTF-8, DOT
// keywords), Goldstein colours and pen widths; and Graphviz itself as the oracle: `nop`,
// `dot -Tsvg`, node/edge counts from `dot -Tplain`, and the label lines Graphviz draws
// (`dot -Tjson`) equal to the names we meant. dot.hpp's options: nodes filled by kind and sized by
// PageRank, country clusters (membership read back from `dot -Tjson`), the sfdp header past
// 1,000 nodes or on request, the legend; and every variant, hostile countries included, through
// `nop`, `dot -Tsvg` (well-formed XML) and `dot -Tplain`.

#include "diplograph/export/dot.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/utf8.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/metrics.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;

// A hostile actor and the label lines Graphviz must draw for it.
struct hostile {
  core::actor actor;
  std::vector<std::string> drawn;
};

std::vector<hostile> hostile_actors() {
  using k = core::actor_kind;
  const std::string fffd = "\xEF\xBF\xBD";
  return {
      {{"SYRGOV", "Syria \"government\" <&> 'x'", "SYR", k::government},
       {"Syria \"government\" <&> 'x'", "SYRGOV"}},
      {{"", "back\\slash\\", "", k::group}, {"back\\slash\\"}},
      {{"LNB", "line\nbreak\r\ttab", "", k::unknown}, {"line", "break tab", "LNB"}},
      {{"", "ctl\x01\x1f end", "", k::unknown}, {"ctl   end"}},
      {{"", "bad\xff\xfe utf8", "", k::unknown}, {"bad" + fffd + fffd + " utf8"}},
      {{"node", "node", "", k::unknown}, {"node"}},
      {{"EDGE", "EDGE", "", k::unknown}, {"EDGE"}},
      {{"Graph", "Graph", "", k::unknown}, {"Graph"}},
      {{"digraph", "digraph", "", k::unknown}, {"digraph"}},
      {{"subgraph", "", "", k::unknown}, {"subgraph"}},
      {{"strict", "Strict", "", k::unknown}, {"Strict", "strict"}},
      {{"", "NODE", "", k::unknown}, {"NODE"}},  // id "~node"
      {{"EMPTY", "", "", k::unknown}, {"EMPTY"}},
      {{"", "\xff", "", k::unknown}, {fffd}},
      {{"", "\xfe", "", k::unknown}, {fffd}},
      {{"", fffd, "", k::unknown}, {fffd}},
      {{"BSQ", "a\\\"b", "", k::unknown}, {"a\\\"b", "BSQ"}},
      {{"ESC\\", "\\N \\G \\L \\E \\l \\r \\", "", k::unknown},
       {"\\N \\G \\L \\E \\l \\r \\", "ESC\\"}},
      {{"TRAIL\\\\", "trailing\\\\", "", k::unknown}, {"trailing\\\\", "TRAIL\\\\"}},
  };
}

core::event event(const core::actor& source, const core::actor& target, double goldstein,
                  std::string article) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.source = source;
  e.target = target;
  e.goldstein = goldstein;
  e.code = "112";
  e.date = core::dated{*core::parse_iso_day("2017-03-24"), core::date_precision::day};
  return e;
}

// A ring through every hostile actor plus one self-loop: as many edges as nodes, plus one.
graph::snapshot hostile_snapshot() {
  const auto actors = hostile_actors();
  graph::actor_graph g;
  for (std::size_t i = 0; i < actors.size(); ++i)
    g.add(event(actors[i].actor, actors[(i + 1) % actors.size()].actor, i % 2 ? 6.0 : -6.0,
                "a" + std::to_string(i)));
  g.add(event(actors[1].actor, actors[1].actor, 0.0, "loop"));
  return g.snapshot();
}

std::string dot_of(const graph::snapshot& s) {
  std::ostringstream out;
  exporter::write_dot(out, s);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

graph::edge edge(std::string source, std::string target, std::size_t count, double mean) {
  graph::edge e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.count = count;
  e.goldstein_mean = mean;
  e.goldstein_sum = mean * static_cast<double>(count);
  return e;
}

graph::node node(std::string code) {
  graph::node n;
  n.actor.code = code;
  n.id = std::move(code);
  return n;
}

std::string attribute(const std::string& line, const std::string& name) {
  auto at = line.find('[' + name + "=\"");
  if (at == std::string::npos) at = line.find(' ' + name + "=\"");
  if (at == std::string::npos) return {};
  const auto begin = at + name.size() + 3;
  return line.substr(begin, line.find('"', begin) - begin);
}

TEST(dot_test, writes_quoted_digraph_with_defaults) {
  const auto lines = lines_of(dot_of(hostile_snapshot()));
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[0], "digraph \"diplograph\" {");
  EXPECT_EQ(lines[1],
            "  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", "
            "outputorder=\"edgesfirst\"];");
  EXPECT_NE(lines[2].find("node [shape=\"box\", style=\"rounded\""), std::string::npos);
  EXPECT_EQ(lines.back(), "}");
}

TEST(dot_test, never_writes_data_unquoted) {
  const auto s = hostile_snapshot();
  const std::string dot = dot_of(s);
  EXPECT_TRUE(core::is_valid_utf8(dot));
  for (const char c : dot) EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n');
  // A quoted string: no raw quote inside, every backslash escapes the next character.
  const std::string q = R"("(?:[^"\\]|\\.)*")";
  const std::regex statement("  " + q + "(?: -> " + q + ")? \\[[a-z]+=" + q + "(?:, [a-z]+=" + q +
                             ")*\\];");
  const auto lines = lines_of(dot);
  std::size_t statements = 0;
  for (std::size_t i = 4; i + 1 < lines.size(); ++i) {
    EXPECT_TRUE(std::regex_match(lines[i], statement)) << lines[i];
    ++statements;
  }
  EXPECT_EQ(statements, s.nodes.size() + s.edges.size());
}

TEST(dot_test, escapes_ids_and_labels) {
  const std::string dot = dot_of(hostile_snapshot());
  EXPECT_NE(dot.find("  \"SYRGOV\" [label=\"Syria \\\"government\\\" <&> 'x'\\nSYRGOV\", "
                     "style=\"rounded,filled\", fillcolor=\"#decbe4\"];\n"),
            std::string::npos);
  EXPECT_NE(dot.find("  \"~back\\\\slash\\\\\" [label=\"back\\\\slash\\\\\", "
                     "style=\"rounded,filled\", fillcolor=\"#fddaec\"];\n"),
            std::string::npos);
  EXPECT_NE(dot.find("  \"LNB\" [label=\"line\\nbreak tab\\nLNB\"];\n"), std::string::npos);
  // Ids stay distinct: control bytes and invalid UTF-8 become \xHH, not U+FFFD.
  EXPECT_NE(dot.find("  \"~ctl\\x01\\x1f end\" [label=\"ctl   end\"];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"~\\xff\" [label=\"\xEF\xBF\xBD\"];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"~\\xfe\" [label=\"\xEF\xBF\xBD\"];\n"), std::string::npos);
  // User backslashes are doubled, so \N \G \L ... can never become Graphviz escapes.
  EXPECT_NE(dot.find("[label=\"\\\\N \\\\G \\\\L \\\\E \\\\l \\\\r \\\\\\nESC\\\\\"]"),
            std::string::npos);
  // Keywords are always quoted.
  EXPECT_NE(dot.find("  \"node\" [label=\"node\"];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"subgraph\" [label=\"subgraph\"];\n"), std::string::npos);
  EXPECT_NE(dot.find("  \"strict\" [label=\"Strict\\nstrict\"];\n"), std::string::npos);
}

TEST(dot_test, colours_and_widths_follow_goldstein_and_count) {
  graph::snapshot s;
  s.nodes = {node("A"), node("B"), node("C")};
  s.edges = {edge("A", "B", 1, -5.0),
             edge("A", "C", 4, 5.0),
             edge("B", "A", 1000, 0.0),
             edge("B", "C", 2, -1.0),
             edge("C", "A", 3, std::numeric_limits<double>::quiet_NaN()),
             edge("C", "B", 1, -10.0),
             edge("C", "X", 1, 0.0)};  // X is not a node
  const auto lines = lines_of(dot_of(s));
  std::vector<std::string> edge_lines;
  for (const auto& l : lines)
    if (l.find(" -> ") != std::string::npos) edge_lines.push_back(l);
  ASSERT_EQ(edge_lines.size(), 6u);  // the dangling edge is left out

  const auto channel = [](const std::string& colour, int i) {
    return std::stoi(colour.substr(1 + 2 * static_cast<std::size_t>(i), 2), nullptr, 16);
  };
  const std::string conflict = attribute(edge_lines[0], "color");
  const std::string cooperation = attribute(edge_lines[1], "color");
  const std::string strong_conflict = attribute(edge_lines[5], "color");
  ASSERT_EQ(conflict.size(), 7u);
  EXPECT_GT(channel(conflict, 0), channel(conflict, 1));        // red
  EXPECT_GT(channel(cooperation, 1), channel(cooperation, 0));  // green
  EXPECT_LT(channel(strong_conflict, 0) + channel(strong_conflict, 1),
            channel(conflict, 0) + channel(conflict, 1));   // darker when more hostile
  EXPECT_EQ(attribute(edge_lines[2], "color"), "#9e9e9e");  // neutral
  EXPECT_EQ(attribute(edge_lines[3], "color"), "#9e9e9e");  // -1 is not below -1
  EXPECT_EQ(attribute(edge_lines[4], "color"), "#9e9e9e");  // NaN mean

  EXPECT_EQ(attribute(edge_lines[0], "penwidth"), "1");
  EXPECT_EQ(attribute(edge_lines[1], "penwidth"), "3");
  EXPECT_EQ(attribute(edge_lines[2], "penwidth"), "8");  // 1 + log2(1000) capped
  EXPECT_EQ(attribute(edge_lines[4], "penwidth"), "2.58");
  EXPECT_EQ(attribute(edge_lines[1], "label"), "4 (5)");
  EXPECT_EQ(attribute(edge_lines[4], "label"), "3 (0)");
  for (const auto& l : edge_lines) EXPECT_EQ(l.find("nan"), std::string::npos) << l;
  EXPECT_NE(attribute(edge_lines[1], "tooltip").find("4 events, mean Goldstein 5"),
            std::string::npos);
}

// ---- Graphviz as the oracle --------------------------------------------------------------------

bool have_graphviz() { return dt::have_program("dot") && dt::have_program("nop"); }

std::size_t count_prefixed(const std::string& text, const std::string& prefix) {
  std::size_t n = 0;
  for (const auto& line : lines_of(text))
    if (line.rfind(prefix, 0) == 0) ++n;
  return n;
}

TEST(dot_test, graphviz_parses_hostile_graph) {
  if (!have_graphviz()) GTEST_SKIP() << "Graphviz is not installed";
  dt::temp_dir dir;
  const auto s = hostile_snapshot();
  const auto file = dir / "hostile.dot";
  dt::write_file(file, dot_of(s));
  const std::string quoted = dt::shell_quote(file.string());

  const auto nop =
      dt::run_command("nop " + quoted + " > " + dt::shell_quote((dir / "nop.dot").string()));
  EXPECT_EQ(nop.exit_code, 0) << nop.out;
  const auto svg = dt::run_command("dot -Tsvg " + quoted + " -o /dev/null");
  EXPECT_EQ(svg.exit_code, 0) << svg.out;
  for (const char* complaint : {"syntax error", "UTF", "Error"})
    EXPECT_EQ(svg.out.find(complaint), std::string::npos) << svg.out;

  // Every actor is its own node (no two ids merged, no keyword swallowed), every dyad an edge.
  const auto plain = dt::run_command("dot -Tplain " + quoted);
  ASSERT_EQ(plain.exit_code, 0) << plain.out;
  EXPECT_EQ(count_prefixed(plain.out, "node "), hostile_actors().size());
  EXPECT_EQ(count_prefixed(plain.out, "node "), s.nodes.size());
  EXPECT_EQ(count_prefixed(plain.out, "edge "), s.edges.size());

  // Graphviz's own canonical rewrite reads back to the same graph.
  const auto again = dt::run_command("dot -Tplain " + dt::shell_quote((dir / "nop.dot").string()));
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(count_prefixed(again.out, "node "), s.nodes.size());
  EXPECT_EQ(count_prefixed(again.out, "edge "), s.edges.size());
}

TEST(dot_test, graphviz_draws_the_names_we_meant) {
  if (!have_graphviz()) GTEST_SKIP() << "Graphviz is not installed";
  const std::string python = dt::python_path();
  if (python.empty() || !dt::have_program(python)) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  const auto s = hostile_snapshot();
  dt::write_file(dir / "hostile.dot", dot_of(s));

  // Expected: the sorted list of label line lists, one per node.
  std::vector<std::vector<std::string>> drawn;
  for (const auto& h : hostile_actors()) drawn.push_back(h.drawn);
  std::sort(drawn.begin(), drawn.end());
  dt::write_file(dir / "expected.json", dt::json_rows(drawn));
  dt::write_file(dir / "check.py", R"PY(
import json, subprocess, sys
out = subprocess.run(["dot", "-Tjson", sys.argv[1]], check=True, capture_output=True).stdout
g = json.loads(out.decode("utf-8"))
expected = json.load(open(sys.argv[2], encoding="utf-8"))
drawn = sorted([op["text"] for op in o.get("_ldraw_", []) if op["op"] == "T"]
               for o in g.get("objects", []))
problems = []
if not g.get("directed"): problems.append("not directed")
edges = len(g.get("edges", []))
if edges != int(sys.argv[3]): problems.append("edges: %d" % edges)
missing = [x for x in expected if x not in drawn]
extra = [x for x in drawn if x not in expected]
if drawn != expected: problems.append("missing %r\nextra %r" % (missing, extra))
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY");
  const auto r = dt::run_command(
      dt::shell_quote(python) + ' ' + dt::shell_quote((dir / "check.py").string()) + ' ' +
      dt::shell_quote((dir / "hostile.dot").string()) + ' ' +
      dt::shell_quote((dir / "expected.json").string()) + ' ' + std::to_string(s.edges.size()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// ---- options: kinds, PageRank, clusters, sfdp, legend ------------------------------------------

std::string dot_of(const graph::snapshot& s, const exporter::dot_options& o) {
  std::ostringstream out;
  exporter::write_dot(out, s, o);
  return out.str();
}

core::actor actor(std::string code, std::string name, std::string country, core::actor_kind kind) {
  return core::actor{std::move(code), std::move(name), std::move(country), kind};
}

core::stance stance_of(const core::actor& holder, std::string issue, std::string label,
                       core::polarity p) {
  core::stance st;
  st.article = core::article_id{"s"};
  st.holder = holder;
  st.issue = std::move(issue);
  st.issue_label = std::move(label);
  st.polarity = p;
  return st;
}

// Syria (a country node and its government), the U.S., the UN, a person with no country, and
// an issue held by the Syrian government: with metrics.
graph::snapshot world_snapshot() {
  using k = core::actor_kind;
  const auto syr = actor("SYR", "Syria", "SYR", k::country);
  const auto syrgov = actor("SYRGOV", "Syria government", "SYR", k::government);
  const auto usa = actor("USA", "United States", "USA", k::country);
  const auto un = actor("IGOUNO", "United Nations", "", k::igo);
  const auto someone = actor("", "Grace Wanjiru", "", k::person);
  graph::actor_graph g;
  g.add(event(syrgov, usa, -6.0, "a1"));
  g.add(event(usa, syrgov, -4.0, "a2"));
  g.add(event(un, syrgov, 3.0, "a3"));
  g.add(event(syr, un, 3.0, "a4"));
  g.add(event(someone, usa, 1.0, "a5"));
  g.add(event(usa, syrgov, -4.0, "a6"));
  g.add(stance_of(syrgov, "peace_talks", "peace talks", core::polarity::support));
  graph::snapshot s = g.snapshot();
  graph::add_metrics(s);
  return s;
}

const std::string* line_with(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return &l;
  return nullptr;
}

TEST(dot_test, nodes_are_filled_by_kind_and_sized_by_pagerank) {
  const auto s = world_snapshot();
  const auto lines = lines_of(dot_of(s, {}));
  const std::string* usa = line_with(lines, "  \"USA\" [");
  const std::string* un = line_with(lines, "  \"IGOUNO\" [");
  const std::string* person = line_with(lines, "  \"~grace wanjiru\" [");
  const std::string* issue = line_with(lines, "  \"issue:peace_talks\" [");
  ASSERT_TRUE(usa && un && person && issue);
  EXPECT_EQ(attribute(*usa, "fillcolor"), exporter::node_kind_color(core::actor_kind::country));
  EXPECT_EQ(attribute(*un, "fillcolor"), exporter::node_kind_color(core::actor_kind::igo));
  EXPECT_EQ(attribute(*person, "fillcolor"), exporter::node_kind_color(core::actor_kind::person));
  EXPECT_NE(attribute(*usa, "fillcolor"), attribute(*un, "fillcolor"));
  EXPECT_EQ(attribute(*issue, "style"), "dashed");
  EXPECT_EQ(attribute(*issue, "shape"), "ellipse");

  // The highest PageRank gets the largest size; every other node is smaller.
  std::size_t top = 0;
  for (std::size_t i = 1; i < s.nodes.size(); ++i)
    if (s.nodes[i].metrics.pagerank > s.nodes[top].metrics.pagerank) top = i;
  for (const auto& n : s.nodes) {
    const std::string* l = line_with(lines, "  \"" + n.id + "\" [");
    ASSERT_TRUE(l) << n.id;
    const double width = std::stod(attribute(*l, "width"));
    const double size = std::stod(attribute(*l, "fontsize"));
    if (n.id == s.nodes[top].id) {
      EXPECT_EQ(attribute(*l, "width"), "2.25") << *l;
      EXPECT_EQ(attribute(*l, "fontsize"), "20") << *l;
    } else {
      EXPECT_LT(width, 2.25) << *l;
      EXPECT_LT(size, 20.0) << *l;
      EXPECT_GE(width, 0.75) << *l;
    }
  }
  // Without metrics, no size is written.
  auto bare = s;
  for (auto& n : bare.nodes) n.metrics = {};
  EXPECT_EQ(dot_of(bare, {}).find(", width="), std::string::npos);
}

TEST(dot_test, stance_edges_are_dashed_and_coloured_by_polarity) {
  const auto lines = lines_of(dot_of(world_snapshot(), {}));
  const std::string* stance = line_with(lines, " -> \"issue:peace_talks\"");
  ASSERT_TRUE(stance);
  EXPECT_EQ(attribute(*stance, "style"), "dashed");
  EXPECT_EQ(attribute(*stance, "color"), "#2166ac");  // support: blue, as in GraphML
  EXPECT_EQ(attribute(*stance, "label"), "+1 / -0");
  EXPECT_EQ(attribute(*stance, "tooltip"), "1 support, 0 opposition");
}

TEST(dot_test, country_clusters_hold_their_nodes) {
  const auto s = world_snapshot();
  const std::string dot = dot_of(s, {.cluster = exporter::dot_cluster::country});
  EXPECT_NE(dot.find("  subgraph \"cluster_country_SYR\" {\n    graph [label=\"Syria (SYR)\""),
            std::string::npos)
      << dot;
  EXPECT_NE(
      dot.find("  subgraph \"cluster_country_USA\" {\n    graph [label=\"United States (USA)\""),
      std::string::npos);
  EXPECT_NE(dot.find("  subgraph \"cluster_igos\" {"), std::string::npos);
  EXPECT_NE(dot.find("  subgraph \"cluster_issues\" {"), std::string::npos);
  EXPECT_NE(dot.find("\n    \"SYRGOV\" ["), std::string::npos);
  EXPECT_NE(dot.find("\n  \"~grace wanjiru\" ["), std::string::npos);  // no country: no cluster

  if (!have_graphviz()) GTEST_SKIP() << "Graphviz is not installed";
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  dt::write_file(dir / "clusters.dot", dot);
  // Graphviz's own reading: which nodes each cluster holds.
  const auto r = dt::run_python(dir.path(), R"PY(
import json, subprocess, sys
g = json.loads(subprocess.run(["dot", "-Tjson", sys.argv[1]], check=True, capture_output=True).stdout)
objects = g["objects"]
for o in objects:
    if o.get("name", "").startswith("cluster"):
        print(o["name"], o.get("label"), ",".join(sorted(objects[i]["name"] for i in o.get("nodes", []))))
)PY",
                                {(dir / "clusters.dot").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("cluster_country_SYR Syria (SYR) SYR,SYRGOV\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cluster_country_USA United States (USA) USA\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cluster_igos International organisations IGOUNO\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cluster_issues Issues issue:peace_talks\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("wanjiru"), std::string::npos) << r.out;
}

// A ring of `n` actors.
graph::snapshot ring(std::size_t n) {
  graph::actor_graph g;
  core::actor previous = actor("N0", "", "", core::actor_kind::unknown);
  for (std::size_t i = 1; i <= n; ++i) {
    const core::actor next = actor("N" + std::to_string(i % n), "", "", core::actor_kind::unknown);
    g.add(event(previous, next, -3.0, "r" + std::to_string(i)));
    previous = next;
  }
  return g.snapshot();
}

TEST(dot_test, large_graphs_get_the_sfdp_header) {
  const std::string sfdp_header =
      "  graph [layout=\"sfdp\", overlap=\"prism\", splines=\"false\", "
      "outputorder=\"edgesfirst\"];";
  const std::string dot_header =
      "  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", outputorder=\"edgesfirst\"];";
  const auto at_threshold = ring(exporter::sfdp_node_threshold);
  const auto past = ring(exporter::sfdp_node_threshold + 1);
  EXPECT_EQ(exporter::resolved_layout(at_threshold, exporter::dot_layout::automatic),
            exporter::dot_layout::dot);
  EXPECT_EQ(exporter::resolved_layout(past, exporter::dot_layout::automatic),
            exporter::dot_layout::sfdp);
  EXPECT_EQ(lines_of(dot_of(at_threshold))[1], dot_header);
  const std::string big = dot_of(past);
  EXPECT_EQ(lines_of(big)[1], sfdp_header);
  EXPECT_EQ(big.find("label=\"1 ("), std::string::npos);  // no edge labels for sfdp
  EXPECT_NE(big.find("tooltip=\"1 event, mean Goldstein -3"), std::string::npos);
  // Asked for explicitly, either way.
  EXPECT_EQ(lines_of(dot_of(ring(3), {.layout = exporter::dot_layout::sfdp}))[1], sfdp_header);
  EXPECT_EQ(lines_of(dot_of(past, {.layout = exporter::dot_layout::dot}))[1], dot_header);
  EXPECT_EQ(exporter::parse_dot_layout("sfdp"), exporter::dot_layout::sfdp);
  EXPECT_EQ(exporter::parse_dot_layout("auto"), exporter::dot_layout::automatic);
  EXPECT_FALSE(exporter::parse_dot_layout("neato"));
  EXPECT_EQ(exporter::parse_dot_cluster("country"), exporter::dot_cluster::country);
  EXPECT_FALSE(exporter::parse_dot_cluster("continent"));

  if (!have_graphviz()) GTEST_SKIP() << "Graphviz is not installed";
  dt::temp_dir dir;
  dt::write_file(dir / "big.dot", big);
  // `dot` itself lays it out with sfdp (the layout attribute wins over the program name).
  const auto plain = dt::run_command("dot -Tplain " + dt::shell_quote((dir / "big.dot").string()));
  ASSERT_EQ(plain.exit_code, 0) << plain.out.substr(0, 2000);
  EXPECT_EQ(count_prefixed(plain.out, "node "), past.nodes.size());
  EXPECT_EQ(count_prefixed(plain.out, "edge "), past.edges.size());
}

TEST(dot_test, legend_is_the_graph_label) {
  const auto s = world_snapshot();
  const std::string dot = dot_of(s, {.cluster = exporter::dot_cluster::country, .legend = true});
  const auto at = dot.find("  label=<<TABLE");
  ASSERT_NE(at, std::string::npos) << dot;
  EXPECT_GT(at, dot.rfind("  subgraph "));  // after the clusters, which must not inherit it
  const std::string legend = dot.substr(at);
  for (const char* text :
       {"Legend", "Node colour: actor kind", "country", "government", "international organisation",
        "person", "issue (dashed ellipse)", "cooperation", "conflict", "dashed: stance",
        "pen width: number of events", "node size: PageRank"})
    EXPECT_NE(legend.find(text), std::string::npos) << text << '\n' << legend;
  EXPECT_EQ(legend.find("armed group"), std::string::npos);     // only the kinds present
  EXPECT_EQ(dot_of(s, {}).find("label=<"), std::string::npos);  // only when asked for
}

// Hostile actors, some with hostile country codes, and an issue.
graph::snapshot hostile_countries_snapshot() {
  const std::vector<std::string> countries = {
      "SYR", "\"}; node [shape=box", "back\\", "ctl\x01", "\xff", "cluster", "subgraph", "a\nb"};
  auto actors = hostile_actors();
  graph::actor_graph g;
  for (std::size_t i = 0; i < actors.size(); ++i)
    actors[i].actor.country = i % 2 ? countries[(i / 2) % countries.size()] : "";
  for (std::size_t i = 0; i < actors.size(); ++i)
    g.add(event(actors[i].actor, actors[(i + 1) % actors.size()].actor, i % 2 ? 6.0 : -6.0,
                "a" + std::to_string(i)));
  g.add(stance_of(actors[0].actor, "\"issue\"\\", "an \"issue\" \\N", core::polarity::oppose));
  graph::snapshot s = g.snapshot();
  graph::add_metrics(s);
  return s;
}

TEST(dot_test, graphviz_reads_every_variant) {
  if (!have_graphviz()) GTEST_SKIP() << "Graphviz is not installed";
  const bool xmllint = dt::have_program("xmllint");
  dt::temp_dir dir;
  const auto s = hostile_countries_snapshot();
  const auto file = dir / "variant.dot";
  const std::string quoted = dt::shell_quote(file.string());
  for (const auto layout : {exporter::dot_layout::dot, exporter::dot_layout::sfdp})
    for (const auto cluster : {exporter::dot_cluster::none, exporter::dot_cluster::country})
      for (const bool legend : {false, true}) {
        const std::string dot = dot_of(s, {.layout = layout, .cluster = cluster, .legend = legend});
        const std::string variant =
            std::string(layout == exporter::dot_layout::sfdp ? "sfdp" : "dot") +
            (cluster == exporter::dot_cluster::country ? " clusters" : "") +
            (legend ? " legend" : "");
        EXPECT_TRUE(core::is_valid_utf8(dot)) << variant;
        dt::write_file(file, dot);
        const auto nop = dt::run_command("nop " + quoted + " > /dev/null");
        EXPECT_EQ(nop.exit_code, 0) << variant << '\n' << nop.out << dot;
        EXPECT_TRUE(nop.out.empty()) << variant << '\n' << nop.out;
        const auto svg = dt::run_command(
            "dot -Tsvg " + quoted + " -o " + dt::shell_quote((dir / "variant.svg").string()) +
            (xmllint ? " && xmllint --noout " + dt::shell_quote((dir / "variant.svg").string())
                     : std::string{}));
        EXPECT_EQ(svg.exit_code, 0) << variant << '\n' << svg.out << dot;
        for (const char* complaint : {"syntax error", "Error", "Warning"})
          EXPECT_EQ(svg.out.find(complaint), std::string::npos) << variant << '\n' << svg.out;
        const auto plain = dt::run_command("dot -Tplain " + quoted);
        ASSERT_EQ(plain.exit_code, 0) << variant << '\n' << plain.out;
        EXPECT_EQ(count_prefixed(plain.out, "node "), s.nodes.size()) << variant;
        EXPECT_EQ(count_prefixed(plain.out, "edge "), s.edges.size()) << variant;
      }
}

}  // namespace
