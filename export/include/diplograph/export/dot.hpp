#pragma once
// Usage:
//   exporter::dot_options opt{.cluster = exporter::dot_cluster::country, .legend = true};
//   exporter::write_dot(out, snap, opt);                 // writers.hpp's write_dot(out, snap) =
//   defaults auto layout = exporter::resolved_layout(snap, opt.layout);   // dot_layout::dot or
//   ::sfdp auto c = exporter::parse_dot_cluster("country");     // std::optional<dot_cluster> auto
//   l = exporter::parse_dot_layout("sfdp");         // std::optional<dot_layout>
//
// Graphviz DOT for the actor graph. Every id and label taken from the data is quoted and
// escaped (DOT keywords, quotes, backslashes, control characters and invalid UTF-8 included),
// so `nop`, `dot` and `sfdp` read any graph. What the drawing shows:
//   - nodes: boxes filled by actor kind (node_kind_color; unknown kind unfilled), issues as
//     dashed ellipses; sized by PageRank when the snapshot has metrics (graph::add_metrics);
//   - edges: red for conflict, green for cooperation, grey in between, by mean Goldstein
//     (darker further from 0); pen width 1 + log2(event count), at most 8; labelled
//     "count (mean)" in the dot layout, unlabelled in the sfdp layout;
//   - stances: dashed, blue when support outweighs opposition, orange when opposition does
//     (the colours GraphML uses), labelled "+supports / -opposes", pen width by their total.
// `dot` lays out a few hundred nodes in seconds but takes minutes past about 1,000; the sfdp
// layout is a multilevel force-directed one that draws thousands in seconds. A file written
// for sfdp names the layout in the graph (`layout="sfdp"`), which takes precedence over the
// program Graphviz is run as, so `dot -Tsvg graph.dot` draws it with sfdp as well.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string_view>

#include "diplograph/core/actor.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::exporter {

// automatic: sfdp when the graph has more than sfdp_node_threshold nodes, dot otherwise.
enum class dot_layout { automatic, dot, sfdp };
// country: nodes grouped in one `subgraph "cluster_country_<CODE>"` per country code, issue
// nodes in `cluster_issues`, IGOs in `cluster_igos`; other nodes with no country in none.
enum class dot_cluster { none, country };

inline constexpr std::size_t sfdp_node_threshold = 1000;

struct dot_options {
  dot_layout layout = dot_layout::automatic;
  dot_cluster cluster = dot_cluster::none;
  // A legend as the graph's label (an HTML-like table, bottom left): node colour = kind (the
  // kinds present), edge colour = cooperation / conflict by mean Goldstein, dashed = stance,
  // pen width = event count, node size = PageRank (when computed). Adds no node.
  bool legend = false;
};

// "auto", "dot" or "sfdp"; nullopt for anything else.
std::optional<dot_layout> parse_dot_layout(std::string_view name);
// "none" or "country"; nullopt for anything else.
std::optional<dot_cluster> parse_dot_cluster(std::string_view name);

// `requested`, with automatic resolved by the node count of `g`. Never returns automatic.
dot_layout resolved_layout(const graph::snapshot& g, dot_layout requested);

// The fill colour of a node of kind `k` ("#rrggbb"); "" for actor_kind::unknown (unfilled).
std::string_view node_kind_color(core::actor_kind k);

// Writes `g` as a DOT digraph named "diplograph".
// Layout dot: graph [rankdir="LR", overlap="false", splines="true", outputorder="edgesfirst"].
// Layout sfdp: graph [layout="sfdp", overlap="prism", splines="false", outputorder="edgesfirst"]
// and no edge labels (the count stays in the tooltip).
// Requires: every edge endpoint is a node (snapshot() ensures it; an edge that breaks this is
// left out, since Graphviz would invent an unlabelled node for it).
void write_dot(std::ostream& out, const graph::snapshot& g, const dot_options& o);

}  // namespace diplograph::exporter
