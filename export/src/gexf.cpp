// GEXF 1.3 (dynamic, for Gephi's Timeline) and GEXF 1.2draft (for networkx.read_gexf).
// Checked against the gephi/gexf RelaxNG schemas (jing, xmllint --relaxng) and
// networkx.read_gexf (tests/export/gexf_test.cpp).
//
// Layout: every value is an XML attribute, so one escaping rule serves the whole file:
// & < > " ' become entities; tab, LF and CR become &#9; &#10; &#13; so they survive
// attribute-value normalisation; characters XML 1.0 forbids (other C0 controls, U+FFFE,
// U+FFFF) and bytes that are not valid UTF-8 become U+FFFD. Empty strings and non-finite numbers
// are left out (readers then have no value), as are the dates of undated edges. Node ids come
// from node_ids() (network.hpp), so they match the Gephi CSVs and the node-link JSON.
//
// Time: timeformat="date"; nodes and edges get start/end attributes (inclusive ISO days). A
// window's weight runs from the window's first day to its last day, clipped to the edge's own
// dates, so the intervals of one edge never overlap (Gephi rejects overlapping intervals).

#include "diplograph/export/gexf.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diplograph/export/network.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

using detail::append_xml_attribute;

enum class flavour { v1_3, v1_2draft };

struct attribute_decl {
  std::string_view id;  // also the title
  std::string_view type;
};

constexpr attribute_decl node_attributes[] = {
    {"actor_id", "string"},   {"code", "string"}, {"name", "string"},
    {"country", "string"},    {"kind", "string"}, {"out_events", "integer"},
    {"in_events", "integer"},  {"out_degree", "integer"}, {"in_degree", "integer"},
    {"weighted_out_degree", "double"}, {"weighted_in_degree", "double"}, {"pagerank", "double"},
    {"betweenness", "double"}, {"component", "integer"}, {"community", "integer"},
};

// Edge attributes without time bounds; the per-window weight is declared separately.
constexpr attribute_decl edge_attributes[] = {
    {"count", "integer"},        {"goldstein_sum", "double"}, {"goldstein_mean", "double"},
    {"quad1", "integer"},        {"quad2", "integer"},        {"quad3", "integer"},
    {"quad4", "integer"},        {"first_date", "string"},    {"last_date", "string"},
    {"num_articles", "integer"}, {"articles", "string"},
};


struct day_range {
  core::calendar_day first;
  core::calendar_day last;
};

void append_range(std::string& out, const std::optional<day_range>& r) {
  if (!r) return;
  append_xml_attribute(out, "start", core::to_iso(r->first));
  append_xml_attribute(out, "end", core::to_iso(r->last));
}

// One <attvalue>; an empty value is left out.
void append_attvalue(std::string& out, std::string_view key, std::string_view value,
                     const std::optional<day_range>& when = std::nullopt) {
  if (value.empty()) return;
  out += "          <attvalue";
  append_xml_attribute(out, "for", key);
  append_xml_attribute(out, "value", value);
  append_range(out, when);
  out += "/>\n";
}

void append_number(std::string& out, std::string_view key, double value) {
  if (std::isfinite(value)) append_attvalue(out, key, detail::format_number(value));
}

void append_attributes_block(std::string& out, std::string_view cls, std::string_view mode,
                             const std::vector<attribute_decl>& decls) {
  out += "    <attributes class=\"";
  out += cls;
  out += "\" mode=\"";
  out += mode;
  out += "\">\n";
  for (const attribute_decl& a : decls) {
    out += "      <attribute";
    append_xml_attribute(out, "id", a.id);
    append_xml_attribute(out, "title", a.id);
    append_xml_attribute(out, "type", a.type);
    out += "/>\n";
  }
  out += "    </attributes>\n";
}


int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// <viz:color r g b/> for "#rrggbb" (the form goldstein_color returns).
void append_viz_color(std::string& out, std::string_view hex) {
  if (hex.size() != 7 || hex.front() != '#') return;
  out += "        <viz:color";
  const char* channel_names[] = {"r", "g", "b"};
  for (std::size_t c = 0; c < 3; ++c) {
    const int v = hex_digit(hex[1 + 2 * c]) * 16 + hex_digit(hex[2 + 2 * c]);
    append_xml_attribute(out, channel_names[c], std::to_string(v));
  }
  out += "/>\n";
}

// Events per window for each edge of `g` (index = edge index), keyed by window start.
using window_counts = std::map<core::calendar_day, std::size_t>;

std::vector<window_counts> count_windows(const graph::snapshot& g,
                                         const std::vector<core::event>& events, time_window w) {
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> edge_of;
  for (std::size_t i = 0; i < g.edges.size(); ++i)
    edge_of.emplace(
        std::pair<std::string_view, std::string_view>{g.edges[i].source, g.edges[i].target}, i);
  std::vector<window_counts> counts(g.edges.size());
  for (const graph::window_row& r : graph::window_rows(events, w)) {
    const auto found = edge_of.find({r.source, r.target});
    if (found != edge_of.end()) counts[found->second][r.start] = r.count;
  }
  return counts;
}

// For each node, the first and last dates of its dated edges.
std::vector<std::optional<day_range>> node_ranges(
    const graph::snapshot& g, const std::unordered_map<std::string_view, std::size_t>& index) {
  std::vector<std::optional<day_range>> ranges(g.nodes.size());
  const auto widen = [&ranges](std::size_t i, const graph::edge& e) {
    auto& r = ranges[i];
    if (!r)
      r = day_range{e.first, e.last};
    else
      r = day_range{std::min(r->first, e.first), std::max(r->last, e.last)};
  };
  for (const graph::edge& e : g.edges) {
    if (!e.dated) continue;
    const auto source = index.find(e.source);
    const auto target = index.find(e.target);
    if (source != index.end()) widen(source->second, e);
    if (target != index.end()) widen(target->second, e);
  }
  return ranges;
}

void write(std::ostream& out, const graph::snapshot& g, const std::vector<core::event>& events,
           const gexf_options& o, flavour f) {
  const bool v13 = f == flavour::v1_3;
  const std::string_view ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  std::string buf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"";
  buf += ns;
  buf += "\" xmlns:viz=\"";
  buf += ns;
  buf += "/viz\" version=\"";
  buf += v13 ? "1.3" : "1.2";
  buf +=
      "\">\n  <meta>\n    <creator>diplograph</creator>\n    <description>Actors and the CAMEO "
      "events between them (";
  buf += std::to_string(g.events_used);
  buf += " events; ";
  buf += std::to_string(g.events_skipped);
  buf += " without two actors left out); window: ";
  buf += to_string(o.window);
  if (g.decay) {
    buf += "; decayed_weight: half-life ";
    buf += detail::format_number(g.decay->half_life_days);
    buf += " days at ";
    buf += core::to_iso(g.decay->at);
  }
  buf += "</description>\n  </meta>\n";
  buf += "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";

  const std::vector<attribute_decl> nodes_decl(std::begin(node_attributes),
                                               std::end(node_attributes));
  std::vector<attribute_decl> edges_decl(std::begin(edge_attributes), std::end(edge_attributes));
  if (g.decay) edges_decl.push_back({"decayed_weight", "double"});
  append_attributes_block(buf, "node", "static", nodes_decl);
  if (v13) {
    edges_decl.insert(edges_decl.begin(), attribute_decl{"weight", "double"});
    append_attributes_block(buf, "edge", "dynamic", edges_decl);
  } else {
    append_attributes_block(buf, "edge", "static", edges_decl);
    append_attributes_block(buf, "edge", "dynamic", {{"window_count", "integer"}});
  }
  const std::string_view window_key = v13 ? "weight" : "window_count";

  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(g.nodes.size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) index.emplace(g.nodes[i].id, i);
  const auto ids = node_ids(g);
  const auto ranges = node_ranges(g, index);

  buf += "    <nodes count=\"";
  buf += std::to_string(g.nodes.size());
  buf += "\">\n";
  out << buf;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const graph::node& n = g.nodes[i];
    buf.clear();
    buf += "      <node";
    append_xml_attribute(buf, "id", ids[i]);
    append_xml_attribute(buf, "label", node_label(n));
    append_range(buf, ranges[i]);
    buf += ">\n        <attvalues>\n";
    append_attvalue(buf, "actor_id", n.id);
    append_attvalue(buf, "code", n.actor.code);
    append_attvalue(buf, "name", n.actor.name);
    append_attvalue(buf, "country", n.actor.country);
    append_attvalue(buf, "kind", core::to_string(n.actor.kind));
    append_attvalue(buf, "out_events", std::to_string(n.out_events));
    append_attvalue(buf, "in_events", std::to_string(n.in_events));
    const auto metrics = detail::metric_values(n);
    for (std::size_t m = 0; m < metrics.size(); ++m) append_attvalue(buf, detail::metric_fields[m].name, metrics[m]);
    buf += "        </attvalues>\n      </node>\n";
    out << buf;
  }

  // Requires every edge endpoint to be a node (snapshot() ensures it); an edge that breaks this
  // is left out rather than written as a dangling reference.
  std::vector<std::pair<std::size_t, std::size_t>> ends(g.edges.size(), {g.nodes.size(), 0});
  std::size_t edge_total = 0;
  for (std::size_t i = 0; i < g.edges.size(); ++i) {
    const auto source = index.find(g.edges[i].source);
    const auto target = index.find(g.edges[i].target);
    if (source == index.end() || target == index.end()) continue;
    ends[i] = {source->second, target->second};
    ++edge_total;
  }
  const auto windows = count_windows(g, events, o.window);

  buf.clear();
  buf += "    </nodes>\n    <edges count=\"";
  buf += std::to_string(edge_total);
  buf += "\">\n";
  out << buf;
  std::size_t edge_number = 0;
  for (std::size_t i = 0; i < g.edges.size(); ++i) {
    if (ends[i].first == g.nodes.size()) continue;
    const graph::edge& e = g.edges[i];
    const std::optional<day_range> spell =
        e.dated ? std::optional<day_range>{day_range{e.first, e.last}} : std::nullopt;
    buf.clear();
    buf += "      <edge id=\"e";
    buf += std::to_string(edge_number++);
    buf += '"';
    append_xml_attribute(buf, "source", ids[ends[i].first]);
    append_xml_attribute(buf, "target", ids[ends[i].second]);
    if (!v13) append_xml_attribute(buf, "weight", std::to_string(e.count));
    append_range(buf, spell);
    buf += ">\n        <attvalues>\n";
    if (spell && !windows[i].empty()) {
      for (const auto& [start, count] : windows[i]) {
        const day_range w{std::max(start, spell->first),
                          std::min(window_last_day(start, o.window), spell->last)};
        append_attvalue(buf, window_key, std::to_string(count), w);
      }
    } else if (v13) {
      append_attvalue(buf, window_key, std::to_string(e.count));
    }
    append_attvalue(buf, "count", std::to_string(e.count));
    append_number(buf, "goldstein_sum", e.goldstein_sum);
    append_number(buf, "goldstein_mean", e.goldstein_mean);
    for (std::size_t q = 0; q < e.quad_counts.size(); ++q)
      append_attvalue(buf, "quad" + std::to_string(q + 1), std::to_string(e.quad_counts[q]));
    if (spell) {
      append_attvalue(buf, "first_date", core::to_iso(e.first));
      append_attvalue(buf, "last_date", core::to_iso(e.last));
    }
    append_attvalue(buf, "num_articles", std::to_string(e.articles.size()));
    append_attvalue(buf, "articles", detail::joined_articles(e.articles));
    if (g.decay) append_number(buf, "decayed_weight", e.decayed_weight);
    buf += "        </attvalues>\n";
    append_viz_color(buf, detail::goldstein_color(e.goldstein_mean));
    buf += "      </edge>\n";
    out << buf;
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace

void write_gexf(std::ostream& out, const graph::snapshot& g, const std::vector<core::event>& events,
                const gexf_options& o) {
  write(out, g, events, o, flavour::v1_3);
}

void write_gexf_12draft(std::ostream& out, const graph::snapshot& g,
                        const std::vector<core::event>& events, const gexf_options& o) {
  write(out, g, events, o, flavour::v1_2draft);
}

}  // namespace diplograph::exporter
