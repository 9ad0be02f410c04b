#pragma once
// Usage:
//   std::ofstream f{"graph.graphml"}; exporter::write_graphml(f, snap);
//   exporter::write_dot(out, snap); exporter::write_events_csv(out, events);
//   exporter::write_timeline_md(out, events);
// Writers are hand-written (Boost 1.74's write_graphml/write_graphviz_dp produce invalid files
// from news text). Any string — quotes, <>&, backslashes, control characters, invalid UTF-8,
// DOT keywords — yields a valid file.

#include <ostream>
#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::exporter {

// GraphML, directed, typed keys each declared once (string/double/int/long/boolean, never
// "integer"), actor code and name as node attributes, XML-safe ids. When g.decay is set
// (graph::add_decay), edges also carry decayed_weight (double) and the graph
// decay_half_life_days (double) and decay_at (ISO day); otherwise those keys are not declared.
void write_graphml(std::ostream& out, const graph::snapshot& g);

// Graphviz DOT digraph with dot.hpp's default options (layout by size, no clusters, no
// legend): every id and label quoted and escaped; edges coloured by mean Goldstein (red
// conflict, green cooperation, grey neutral), pen width by count.
void write_dot(std::ostream& out, const graph::snapshot& g);

// One row per event, RFC 4180 quoting, header row first.
void write_events_csv(std::ostream& out, const std::vector<core::event>& events);

// A Markdown timeline: events in date order, grouped by day.
void write_timeline_md(std::ostream& out, const std::vector<core::event>& events);

}  // namespace diplograph::exporter
