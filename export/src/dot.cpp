// Graphviz DOT writer (dot.hpp). Checked against Graphviz 2.43 (`nop`, `dot -Tsvg`, `dot -Tplain`,
// `dot -Tjson`, `sfdp`).
//
// Nothing taken from the data is ever written unquoted, so DOT keywords in names (node, EDGE,
// Graph, digraph, subgraph, strict) are harmless. Two escapings are used:
//  - node and cluster ids (the actor id, "cluster_country_" + a country code): `\` -> `\\`,
//    `"` -> `\"`; control characters and bytes that are not valid UTF-8 -> `\xHH`. The mapping
//    is one-to-one, so distinct actors stay distinct nodes, and a quote is never preceded by a
//    lone backslash. Graphviz keeps the backslashes in the node name; only the `label` is shown.
//  - labels (escString: Graphviz interprets \n \l \r \N \G \E \T \H \L): `\` -> `\\` so user
//    text can never form an escape; `"` -> `\"`; newline -> `\n` (a line break); CR dropped;
//    other control characters -> space; invalid UTF-8 -> U+FFFD. The only escape we write on
//    purpose is the `\n` that puts the actor code on a second line.
// The legend is an HTML-like label made of fixed text only.

#include "diplograph/export/dot.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/export/writers.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

constexpr double max_penwidth = 8.0;

void append_hex_escape(std::string& out, unsigned char byte) {
  static constexpr char digits[] = "0123456789abcdef";
  out += "\\x";
  out += digits[byte >> 4];
  out += digits[byte & 0xF];
}

void append_quoted_id(std::string& out, std::string_view id) {
  out += '"';
  detail::for_each_code_point(id, [&out](std::string_view cp, bool valid) {
    const auto byte = static_cast<unsigned char>(cp.front());
    if (!valid) {
      append_hex_escape(out, byte);
    } else if (cp.size() > 1) {
      out += cp;
    } else if (byte == '\\') {
      out += "\\\\";
    } else if (byte == '"') {
      out += "\\\"";
    } else if (byte < 0x20 || byte == 0x7F) {
      append_hex_escape(out, byte);
    } else {
      out += cp;
    }
  });
  out += '"';
}

// Escapes `text` for use inside a quoted escString (no quotes added).
void append_label_text(std::string& out, std::string_view text) {
  detail::for_each_code_point(text, [&out](std::string_view cp, bool valid) {
    const auto byte = static_cast<unsigned char>(cp.front());
    if (!valid) {
      out += detail::replacement_character;
    } else if (cp.size() > 1) {
      out += cp;
    } else if (byte == '\\') {
      out += "\\\\";
    } else if (byte == '"') {
      out += "\\\"";
    } else if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      // dropped: CR LF is one line break, written as \n above
    } else if (byte < 0x20 || byte == 0x7F) {
      out += ' ';
    } else {
      out += cp;
    }
  });
}

// "Syria government\nSYRGOV": the name, then the code on a second line when both are known.
std::string node_label(const graph::node& n) {
  std::string label;
  const std::string& name = n.actor.name;
  const std::string& code = n.actor.code;
  if (!name.empty()) append_label_text(label, name);
  if (!code.empty() && code != name) {
    if (!name.empty()) label += "\\n";
    append_label_text(label, code);
  }
  if (label.empty()) append_label_text(label, n.id);
  return label;
}

std::string penwidth(std::size_t count) {
  const double width = count == 0 ? 1.0 : 1.0 + std::log2(static_cast<double>(count));
  return detail::format_rounded(std::min(width, max_penwidth), 2);
}

std::string edge_tooltip(const graph::edge& e) {
  std::string tip = std::to_string(e.count);
  tip += e.count == 1 ? " event" : " events";
  tip += ", mean Goldstein ";
  tip += detail::format_rounded(e.goldstein_mean, 2);
  if (e.dated) {
    tip += ", ";
    tip += core::to_iso(e.first);
    if (e.last != e.first) {
      tip += " to ";
      tip += core::to_iso(e.last);
    }
  }
  tip += ", ";
  tip += std::to_string(e.articles.size());
  tip += e.articles.size() == 1 ? " article" : " articles";
  return tip;
}

// The largest PageRank of `g`, 0 when no node has metrics.
double max_pagerank(const graph::snapshot& g) {
  double best = 0.0;
  for (const graph::node& n : g.nodes)
    if (n.metrics.computed && std::isfinite(n.metrics.pagerank))
      best = std::max(best, n.metrics.pagerank);
  return best;
}

// One node statement, `indent` first. Nodes are sized by sqrt(pagerank / max_rank) in [0, 1]:
// minimum width 0.75 to 2.25 in, height 0.5 to 1 in, font 10 to 20 pt (a label never shrinks
// below what it needs).
std::string node_statement(const graph::node& n, std::string_view indent, double max_rank) {
  std::string line{indent};
  append_quoted_id(line, n.id);
  line += " [label=\"";
  line += node_label(n);
  line += '"';
  if (n.actor.kind == core::actor_kind::issue) {
    line += ", shape=\"ellipse\", style=\"dashed\"";  // issues, not actors
  } else if (const std::string_view fill = node_kind_color(n.actor.kind); !fill.empty()) {
    line += ", style=\"rounded,filled\", fillcolor=\"";
    line += fill;
    line += '"';
  }
  if (n.metrics.computed && max_rank > 0.0 && std::isfinite(n.metrics.pagerank)) {
    const double r = std::sqrt(std::clamp(n.metrics.pagerank / max_rank, 0.0, 1.0));
    line += ", width=\"";
    line += detail::format_rounded(0.75 + 1.5 * r, 2);
    line += "\", height=\"";
    line += detail::format_rounded(0.5 + 0.5 * r, 2);
    line += "\", fontsize=\"";
    line += detail::format_rounded(10.0 + 10.0 * r, 1);
    line += '"';
  }
  line += "];\n";
  return line;
}

// Which cluster a node goes in under dot_cluster::country: (0, country code), (1, "") for IGOs
// with no country, (2, "") for issues; nullopt for none.
using cluster_key = std::pair<int, std::string>;
std::optional<cluster_key> cluster_of(const graph::node& n) {
  if (n.actor.kind == core::actor_kind::issue) return cluster_key{2, {}};
  if (!n.actor.country.empty()) return cluster_key{0, n.actor.country};
  if (n.actor.kind == core::actor_kind::igo) return cluster_key{1, {}};
  return std::nullopt;
}

// "Syria (SYR)" when the country is itself a node with a name, else "SYR".
std::string country_label(const std::string& country, const std::string* name) {
  std::string label;
  if (name != nullptr && !name->empty() && *name != country) {
    append_label_text(label, *name);
    label += " (";
    append_label_text(label, country);
    label += ')';
  } else {
    append_label_text(label, country);
  }
  return label;
}

void write_clustered_nodes(std::ostream& out, const graph::snapshot& g, double max_rank) {
  std::map<cluster_key, std::vector<const graph::node*>> clusters;
  std::vector<const graph::node*> loose;
  std::unordered_map<std::string_view, const std::string*> names;  // node id -> name
  for (const graph::node& n : g.nodes) {
    names.emplace(n.id, &n.actor.name);
    if (const auto key = cluster_of(n))
      clusters[*key].push_back(&n);
    else
      loose.push_back(&n);
  }
  std::string block;
  for (const auto& [key, members] : clusters) {
    block = "  subgraph ";
    std::string label;
    if (key.first == 0) {
      std::string name = "cluster_country_";
      name += key.second;
      append_quoted_id(block, name);
      const auto named = names.find(key.second);
      label = country_label(key.second, named == names.end() ? nullptr : named->second);
    } else {
      block += key.first == 1 ? "\"cluster_igos\"" : "\"cluster_issues\"";
      label = key.first == 1 ? "International organisations" : "Issues";
    }
    block += " {\n    graph [label=\"";
    block += label;
    block += "\", style=\"rounded\", color=\"#bdbdbd\", fontname=\"Helvetica\"];\n";
    for (const graph::node* n : members) block += node_statement(*n, "    ", max_rank);
    block += "  }\n";
    out << block;
  }
  for (const graph::node* n : loose) out << node_statement(*n, "  ", max_rank);
}

void append_legend_row(std::string& out, std::string_view key_cell, std::string_view meaning) {
  out += "<TR>";
  out += key_cell;
  out += "<TD ALIGN=\"LEFT\">";
  out += meaning;
  out += "</TD></TR>";
}

std::string swatch(std::string_view colour) {
  std::string cell = "<TD BORDER=\"1\" WIDTH=\"32\" BGCOLOR=\"";
  cell += colour;
  cell += "\"> </TD>";
  return cell;
}

std::string heading(std::string_view text) {
  std::string row = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>";
  row += text;
  row += "</B></TD></TR>";
  return row;
}

// The legend: an HTML-like table of fixed text (nothing from the data), for the graph label.
std::string legend_label(const graph::snapshot& g, bool sized) {
  std::set<core::actor_kind> kinds;
  for (const graph::node& n : g.nodes) kinds.insert(n.actor.kind);
  std::string t = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">";
  t += heading("Legend");
  t += heading("Node colour: actor kind");
  for (const core::actor_kind k : kinds) {
    if (k == core::actor_kind::issue) {
      append_legend_row(t, "<TD BORDER=\"1\" STYLE=\"dashed,rounded\" WIDTH=\"32\"> </TD>",
                        "issue (dashed ellipse)");
      continue;
    }
    const std::string_view fill = node_kind_color(k);
    std::string name{core::to_string(k)};
    std::replace(name.begin(), name.end(), '_', ' ');
    if (k == core::actor_kind::igo) name = "international organisation";
    append_legend_row(t, swatch(fill.empty() ? "#ffffff" : fill), name);
  }
  t += heading("Edge colour: mean Goldstein of the events");
  append_legend_row(t, swatch(detail::goldstein_color(10.0)),
                    "cooperation (above +1; darker: more cooperative)");
  append_legend_row(t, swatch(detail::goldstein_color(-10.0)),
                    "conflict (below -1; darker: more hostile)");
  append_legend_row(t, swatch(detail::goldstein_color(0.0)), "neutral (-1 to +1)");
  t += heading("Edge style and width");
  std::string dashed = "<TD><FONT COLOR=\"";
  dashed += detail::stance_color(1, 0);
  dashed += "\">- - -</FONT></TD>";
  append_legend_row(t, dashed, "dashed: stance on an issue (blue support, orange opposition)");
  append_legend_row(t, "<TD>width</TD>", "pen width: number of events (1 + log2 n)");
  if (sized) append_legend_row(t, "<TD>size</TD>", "node size: PageRank");
  t += "</TABLE>>";
  return t;
}

}  // namespace

std::optional<dot_layout> parse_dot_layout(std::string_view name) {
  if (name == "auto") return dot_layout::automatic;
  if (name == "dot") return dot_layout::dot;
  if (name == "sfdp") return dot_layout::sfdp;
  return std::nullopt;
}

std::optional<dot_cluster> parse_dot_cluster(std::string_view name) {
  if (name == "none") return dot_cluster::none;
  if (name == "country") return dot_cluster::country;
  return std::nullopt;
}

dot_layout resolved_layout(const graph::snapshot& g, dot_layout requested) {
  if (requested != dot_layout::automatic) return requested;
  return g.nodes.size() > sfdp_node_threshold ? dot_layout::sfdp : dot_layout::dot;
}

std::string_view node_kind_color(core::actor_kind k) {
  // ColorBrewer Pastel1 / Set3: light enough for black text. Unknown actors stay unfilled.
  using kind = core::actor_kind;
  static constexpr std::pair<kind, std::string_view> fills[] = {
      {kind::country, "#b3cde3"}, {kind::government, "#decbe4"},  {kind::organisation, "#fed9a6"},
      {kind::igo, "#ffffcc"},     {kind::armed_group, "#fbb4ae"}, {kind::person, "#e5d8bd"},
      {kind::group, "#fddaec"},   {kind::issue, "#f2f2f2"}};
  for (const auto& [which, fill] : fills)
    if (which == k) return fill;
  return "";
}

void write_dot(std::ostream& out, const graph::snapshot& g) { write_dot(out, g, dot_options{}); }

void write_dot(std::ostream& out, const graph::snapshot& g, const dot_options& o) {
  const bool sfdp = resolved_layout(g, o.layout) == dot_layout::sfdp;
  out << "digraph \"diplograph\" {\n";
  if (sfdp) {
    out << "  graph [layout=\"sfdp\", overlap=\"prism\", splines=\"false\", "
           "outputorder=\"edgesfirst\"];\n";
  } else {
    out << "  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", "
           "outputorder=\"edgesfirst\"];\n";
  }
  out << "  node [shape=\"box\", style=\"rounded\", fontname=\"Helvetica\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.7\"];\n";

  const double max_rank = max_pagerank(g);
  if (o.cluster == dot_cluster::country) {
    write_clustered_nodes(out, g, max_rank);
  } else {
    for (const graph::node& n : g.nodes) out << node_statement(n, "  ", max_rank);
  }

  std::unordered_set<std::string_view> known;
  known.reserve(g.nodes.size());
  for (const graph::node& n : g.nodes) known.insert(n.id);
  std::string line;
  for (const graph::edge& e : g.edges) {
    if (!known.contains(e.source) || !known.contains(e.target)) continue;
    line = "  ";
    append_quoted_id(line, e.source);
    line += " -> ";
    append_quoted_id(line, e.target);
    if (e.is_stance()) {
      const std::string support = std::to_string(e.supports);
      const std::string oppose = std::to_string(e.opposes);
      // Stances: dashed, blue for support and orange for opposition, labelled with both counts.
      line += " [style=\"dashed\", color=\"";
      line += detail::stance_color(e.supports, e.opposes);
      line += "\", penwidth=\"";
      line += penwidth(e.supports + e.opposes);
      if (!sfdp) {
        line += "\", label=\"+";
        line += support;
        line += " / -";
        line += oppose;
      }
      line += "\", tooltip=\"";
      line += support;
      line += " support, ";
      line += oppose;
      line += " opposition\"];\n";
    } else {
      line += " [color=\"";
      line += detail::goldstein_color(e.goldstein_mean);
      line += "\", penwidth=\"";
      line += penwidth(e.count);
      if (!sfdp) {
        line += "\", label=\"";
        line += std::to_string(e.count);
        line += " (";
        line += detail::format_rounded(e.goldstein_mean, 2);
        line += ')';
      }
      line += "\", tooltip=\"";
      line += edge_tooltip(e);
      line += "\"];\n";
    }
    out << line;
  }

  if (o.legend) {
    // After the subgraphs, so that no cluster inherits the legend as its label.
    out << "  fontname=\"Helvetica\";\n  labelloc=\"b\";\n  labeljust=\"l\";\n  label="
        << legend_label(g, max_rank > 0.0) << ";\n";
  }
  out << "}\n";
}

}  // namespace diplograph::exporter
