// Fuzz target: the escaping of the XML and JSON exporters. A graph whose actor names, codes,
// countries, article ids and issues come from the input is written as GraphML, GEXF 1.3,
// GEXF 1.2draft and node-link JSON.
// Property: libxml2 parses each XML file (xmlReadMemory, no network) and finds one <node>
// element per actor of the snapshot; simdjson parses the JSON; no crash.

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/export/gexf.hpp"
#include "diplograph/export/network.hpp"
#include "diplograph/export/writers.hpp"
#include "fuzz_graph.hpp"

namespace dg = diplograph::graph;
using diplograph::fuzz::check;

namespace {

// <node> elements in the tree under `n`, iteratively.
std::size_t count_nodes(xmlNode* root) {
  std::size_t count = 0;
  std::vector<xmlNode*> stack{root};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    for (; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>("node")) == 0) ++count;  // NOLINT
      if (n->children != nullptr) stack.push_back(n->children);
    }
  }
  return count;
}

void check_xml(const std::string& document, std::size_t nodes, const char* format) {
  xmlDoc* doc = xmlReadMemory(document.data(), static_cast<int>(document.size()), "fuzz.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING);
  check(doc != nullptr, format, document);
  const std::size_t found = count_nodes(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  check(found == nodes, "the XML has not one <node> per actor", document);
}

template <typename Writer>
std::string written(Writer&& write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::input in{data, size};
  const auto g = diplograph::fuzz::graph_from(in);
  namespace ex = diplograph::exporter;
  const std::size_t nodes = g.snapshot.nodes.size();
  check_xml(written([&](std::ostream& o) { ex::write_graphml(o, g.snapshot); }), nodes,
            "GraphML that libxml2 cannot parse");
  check_xml(written([&](std::ostream& o) { ex::write_gexf(o, g.snapshot, g.events); }), nodes,
            "GEXF 1.3 that libxml2 cannot parse");
  check_xml(written([&](std::ostream& o) { ex::write_gexf_12draft(o, g.snapshot, g.events); }), nodes,
            "GEXF 1.2draft that libxml2 cannot parse");

  const std::string json = written([&](std::ostream& o) { ex::write_node_link_json(o, g.snapshot); });
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  check(parser.parse(json).get(doc) == simdjson::SUCCESS, "node-link JSON that simdjson cannot parse", json);
  return 0;
}
