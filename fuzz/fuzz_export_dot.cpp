// Fuzz target: the escaping of the DOT exporter. A graph whose actor names, codes, countries,
// article ids and issues come from the input is written as DOT.
// Property: Graphviz's own parser (cgraph's agmemread) reads it as a directed graph with one
// node per actor and one edge per relation, so no name became a keyword, an attribute or a
// second node; no crash.

#include <graphviz/cgraph.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "diplograph/export/writers.hpp"
#include "fuzz_graph.hpp"

using diplograph::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::input in{data, size};
  const auto g = diplograph::fuzz::graph_from(in);
  std::ostringstream out;
  diplograph::exporter::write_dot(out, g.snapshot);
  const std::string dot = out.str();
  Agraph_t* parsed = agmemread(dot.c_str());
  check(parsed != nullptr, "DOT that Graphviz cannot parse", dot);
  const auto nodes = static_cast<std::size_t>(agnnodes(parsed));
  const auto edges = static_cast<std::size_t>(agnedges(parsed));
  const bool directed = agisdirected(parsed) != 0;
  agclose(parsed);
  check(directed, "DOT that is not a directed graph", dot);
  check(nodes == g.snapshot.nodes.size(), "DOT with not one node per actor", dot);
  check(edges == g.snapshot.edges.size(), "DOT with not one edge per relation", dot);
  return 0;
}
