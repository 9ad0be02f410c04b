// Pins: DOT structure (quoted ids and values, graph/node defaults), label and id escaping of
// hostile actor names (quotes, backslashes incl. trailing, newlines, controls, invalid UTF-8, DOT
// keywords), Goldstein colours and pen widths; and Graphviz itself as the oracle: `nop`,
// `dot -Tsvg`, node/edge counts from `dot -Tplain`, and the label lines Graphviz draws
// (`dot -Tjson`) equal to the names we meant.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"
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
  EXPECT_NE(dot.find("  \"SYRGOV\" [label=\"Syria \\\"government\\\" <&> 'x'\\nSYRGOV\"];\n"),
            std::string::npos);
  EXPECT_NE(dot.find("  \"~back\\\\slash\\\\\" [label=\"back\\\\slash\\\\\"];\n"),
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
  std::string json = "[";
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    json += i ? ", [" : "[";
    for (std::size_t j = 0; j < drawn[i].size(); ++j) {
      if (j > 0) json += ", ";
      core::append_json_string(json, drawn[i][j]);
    }
    json += ']';
  }
  json += ']';
  dt::write_file(dir / "expected.json", json);
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

}  // namespace
