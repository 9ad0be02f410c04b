// GraphML writer. Checked against the GraphML 1.0 XSD (xmllint), networkx.read_graphml and
// igraph.Graph.Read_GraphML.
//
// Layout: every key is declared once, typed with a GraphML type (string, double, int, long;
// never "integer", which igraph rejects). Node ids are "n0", "n1"... in snapshot order (which is
// sorted by actor id, so stable across runs); the actor id itself is the `actor_id` data value.
// Edge ids are "e0"... Empty string values are omitted (readers then use their default), as are
// the dates of undated edges and any non-finite number.
//
// Text: & < > " ' become entities; tab, LF and CR become &#9; &#10; &#13; so they survive
// attribute-value and line-end normalisation; characters XML 1.0 forbids (C0 controls other
// than those three, U+FFFE, U+FFFF) and bytes that are not valid UTF-8 become U+FFFD.

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/export/writers.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {


struct key_decl {
  std::string_view id;  // also the attribute name
  std::string_view domain;
  std::string_view type;
};

constexpr key_decl keys[] = {
    {"events_used", "graph", "long"},
    {"events_skipped", "graph", "long"},
    {"actor_id", "node", "string"},
    {"label", "node", "string"},
    {"code", "node", "string"},
    {"name", "node", "string"},
    {"country", "node", "string"},
    {"kind", "node", "string"},
    {"out_events", "node", "int"},
    {"in_events", "node", "int"},
    {"out_degree", "node", "int"},
    {"in_degree", "node", "int"},
    {"weighted_out_degree", "node", "double"},
    {"weighted_in_degree", "node", "double"},
    {"pagerank", "node", "double"},
    {"betweenness", "node", "double"},
    {"component", "node", "int"},
    {"community", "node", "int"},
    {"weight", "edge", "double"},
    {"count", "edge", "int"},
    {"goldstein_sum", "edge", "double"},
    {"goldstein_mean", "edge", "double"},
    {"quad1", "edge", "int"},
    {"quad2", "edge", "int"},
    {"quad3", "edge", "int"},
    {"quad4", "edge", "int"},
    {"first_date", "edge", "string"},
    {"last_date", "edge", "string"},
    {"num_articles", "edge", "int"},
    {"articles", "edge", "string"},
    {"color", "edge", "string"},
    {"relation", "edge", "string"},
    {"supports", "edge", "int"},
    {"opposes", "edge", "int"},
};

// Declared only when the snapshot carries decayed weights (graph::add_decay).
constexpr key_decl decay_keys[] = {
    {"decay_half_life_days", "graph", "double"},
    {"decay_at", "graph", "string"},
    {"decayed_weight", "edge", "double"},
};

void append_key(std::string& out, const key_decl& k) {
  out += "  <key";
  detail::append_xml_attribute(out, "id", k.id);
  detail::append_xml_attribute(out, "for", k.domain);
  detail::append_xml_attribute(out, "attr.name", k.id);
  detail::append_xml_attribute(out, "attr.type", k.type);
  out += "/>\n";
}

// One <data> line; empty values are left out.
void append_data(std::string& out, std::string_view indent, std::string_view key,
                 std::string_view value) {
  if (value.empty()) return;
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  detail::append_xml_escaped(out, value);
  out += "</data>\n";
}

void append_number(std::string& out, std::string_view indent, std::string_view key, double value) {
  if (!std::isfinite(value)) return;
  append_data(out, indent, key, detail::format_number(value));
}


std::string label_of(const graph::node& n) {
  if (!n.actor.name.empty()) return n.actor.name;
  if (!n.actor.code.empty()) return n.actor.code;
  return n.id;
}

}  // namespace

void write_graphml(std::ostream& out, const graph::snapshot& g) {
  constexpr std::string_view node_indent = "      ";
  std::string buf;
  buf +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const key_decl& k : keys) append_key(buf, k);
  if (g.decay)
    for (const key_decl& k : decay_keys) append_key(buf, k);
  buf += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  append_data(buf, "    ", "events_used", std::to_string(g.events_used));
  append_data(buf, "    ", "events_skipped", std::to_string(g.events_skipped));
  if (g.decay) {
    append_number(buf, "    ", "decay_half_life_days", g.decay->half_life_days);
    append_data(buf, "    ", "decay_at", core::to_iso(g.decay->at));
  }
  out << buf;

  std::unordered_map<std::string_view, std::string> xml_id;
  xml_id.reserve(g.nodes.size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const graph::node& n = g.nodes[i];
    std::string id = "n";
    id += std::to_string(i);
    buf.clear();
    buf += "    <node id=\"";
    buf += id;
    buf += "\">\n";
    append_data(buf, node_indent, "actor_id", n.id);
    append_data(buf, node_indent, "label", label_of(n));
    append_data(buf, node_indent, "code", n.actor.code);
    append_data(buf, node_indent, "name", n.actor.name);
    append_data(buf, node_indent, "country", n.actor.country);
    append_data(buf, node_indent, "kind", core::to_string(n.actor.kind));
    append_data(buf, node_indent, "out_events", std::to_string(n.out_events));
    append_data(buf, node_indent, "in_events", std::to_string(n.in_events));
    const auto metrics = detail::metric_values(n);
    for (std::size_t m = 0; m < metrics.size(); ++m) append_data(buf, node_indent, detail::metric_fields[m].name, metrics[m]);
    buf += "    </node>\n";
    out << buf;
    xml_id.emplace(n.id, std::move(id));
  }

  // Requires every edge endpoint to be a node (snapshot() ensures it); an edge that breaks this
  // is left out rather than written as a dangling reference.
  std::size_t edge_number = 0;
  for (const graph::edge& e : g.edges) {
    const auto source = xml_id.find(e.source);
    const auto target = xml_id.find(e.target);
    if (source == xml_id.end() || target == xml_id.end()) continue;
    buf.clear();
    buf += "    <edge id=\"e";
    buf += std::to_string(edge_number++);
    buf += "\" source=\"";
    buf += source->second;
    buf += "\" target=\"";
    buf += target->second;
    buf += "\">\n";
    append_number(buf, node_indent, "weight", static_cast<double>(e.count + e.supports + e.opposes));
    append_data(buf, node_indent, "count", std::to_string(e.count));
    append_number(buf, node_indent, "goldstein_sum", e.goldstein_sum);
    append_number(buf, node_indent, "goldstein_mean", e.goldstein_mean);
    for (std::size_t q = 0; q < e.quad_counts.size(); ++q)
      append_data(buf, node_indent, "quad" + std::to_string(q + 1),
                  std::to_string(e.quad_counts[q]));
    if (e.dated) {
      append_data(buf, node_indent, "first_date", core::to_iso(e.first));
      append_data(buf, node_indent, "last_date", core::to_iso(e.last));
    }
    append_data(buf, node_indent, "num_articles", std::to_string(e.articles.size()));
    append_data(buf, node_indent, "articles", detail::joined_articles(e.articles));
    if (g.decay) append_number(buf, node_indent, "decayed_weight", e.decayed_weight);
    if (e.is_stance()) {
      // Actor -> issue: signed by how often the actor supported or opposed it.
      append_data(buf, node_indent, "relation", "stance");
      append_data(buf, node_indent, "supports", std::to_string(e.supports));
      append_data(buf, node_indent, "opposes", std::to_string(e.opposes));
      append_data(buf, node_indent, "color", detail::stance_color(e.supports, e.opposes));
    } else {
      append_data(buf, node_indent, "relation", "event");
      append_data(buf, node_indent, "color", detail::goldstein_color(e.goldstein_mean));
    }
    buf += "    </edge>\n";
    out << buf;
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace diplograph::exporter
