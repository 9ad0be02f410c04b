// Graphviz DOT writer. Checked against Graphviz 2.43 (`nop`, `dot -Tsvg`, `dot -Tplain`).
//
// Nothing taken from the data is ever written unquoted, so DOT keywords in names (node, EDGE,
// Graph, digraph, subgraph, strict) are harmless. Two escapings are used:
//  - node ids (the actor id): `\` -> `\\`, `"` -> `\"`; control characters and bytes that are
//    not valid UTF-8 -> `\xHH`. The mapping is one-to-one, so distinct actors stay distinct
//    nodes, and a quote is never preceded by a lone backslash. Graphviz keeps the backslashes
//    in the node name; only the `label` is shown.
//  - labels (escString: Graphviz interprets \n \l \r \N \G \E \T \H \L): `\` -> `\\` so user
//    text can never form an escape; `"` -> `\"`; newline -> `\n` (a line break); CR dropped;
//    other control characters -> space; invalid UTF-8 -> U+FFFD. The only escape we write on
//    purpose is the `\n` that puts the actor code on a second line.

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>

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
  std::string tip = std::to_string(e.count) + (e.count == 1 ? " event" : " events") +
                    ", mean Goldstein " + detail::format_rounded(e.goldstein_mean, 2);
  if (e.dated) {
    tip += ", " + core::to_iso(e.first);
    if (e.last != e.first) tip += " to " + core::to_iso(e.last);
  }
  tip += ", " + std::to_string(e.articles.size()) +
         (e.articles.size() == 1 ? " article" : " articles");
  return tip;
}

}  // namespace

void write_dot(std::ostream& out, const graph::snapshot& g) {
  out << "digraph \"diplograph\" {\n"
         "  graph [rankdir=\"LR\", overlap=\"false\", splines=\"true\", "
         "outputorder=\"edgesfirst\"];\n"
         "  node [shape=\"box\", style=\"rounded\", fontname=\"Helvetica\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.7\"];\n";

  std::unordered_set<std::string_view> known;
  known.reserve(g.nodes.size());
  std::string line;
  for (const graph::node& n : g.nodes) {
    known.insert(n.id);
    line = "  ";
    append_quoted_id(line, n.id);
    line += " [label=\"" + node_label(n) + "\"";
    if (n.actor.kind == core::actor_kind::issue) line += ", shape=\"ellipse\", style=\"dashed\"";  // issues, not actors
    line += "];\n";
    out << line;
  }

  // Requires every edge endpoint to be a node (snapshot() ensures it); an edge that breaks this
  // is left out, since Graphviz would otherwise invent an unlabelled node for it.
  for (const graph::edge& e : g.edges) {
    if (!known.contains(e.source) || !known.contains(e.target)) continue;
    line = "  ";
    append_quoted_id(line, e.source);
    line += " -> ";
    append_quoted_id(line, e.target);
    if (e.is_stance()) {
      // Stances: dashed, blue for support and orange for opposition, labelled with both counts.
      line += " [style=\"dashed\", color=\"" + detail::stance_color(e.supports, e.opposes) + "\", penwidth=\"" +
              penwidth(e.supports + e.opposes) + "\", label=\"+" + std::to_string(e.supports) + " / -" +
              std::to_string(e.opposes) + "\"];\n";
      out << line;
      continue;
    }
    line += " [color=\"" + detail::goldstein_color(e.goldstein_mean) + "\", penwidth=\"" +
            penwidth(e.count) + "\", label=\"" + std::to_string(e.count) + " (" +
            detail::format_rounded(e.goldstein_mean, 2) + ")\", tooltip=\"" + edge_tooltip(e) +
            "\"];\n";
    out << line;
  }
  out << "}\n";
}

}  // namespace diplograph::exporter
