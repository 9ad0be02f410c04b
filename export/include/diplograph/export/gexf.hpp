#pragma once
// Usage:
//   exporter::gexf_options opt{.window = exporter::time_window::week};
//   exporter::write_gexf(out, snap, events, opt);         // GEXF 1.3, dynamic, for Gephi's
//   Timeline exporter::write_gexf_12draft(out, snap, events, opt); // GEXF 1.2draft, which networkx
//   reads auto w = exporter::parse_time_window("quarter");       // std::optional<time_window>
//
// GEXF (https://gexf.net) for Gephi. Nodes are named by node_ids() (network.hpp), edges "e0",
// "e1"... in snapshot order. A node exists from the first to the last date of its dated edges
// and an edge from its first to its last event date (`start`/`end` attributes, ISO dates);
// elements without a dated event have no time bounds. Edges are coloured by mean Goldstein as
// in the DOT export. Per-window weights count the events of each (source, target) pair whose
// date falls in the window; an event dated only to a month or a year counts in the window
// holding the first day of that period. Any text yields a valid file (as in GraphML: control
// characters and invalid UTF-8 become U+FFFD). Both files validate against the RelaxNG
// schemas (jing); neither carries xsi:schemaLocation, which those schemas reject.

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/windows.hpp"

namespace diplograph::exporter {

// The time windows live in graph/ (graph/windows.hpp); these names keep exporter code short.
using graph::time_window;
using graph::parse_time_window;
using graph::to_string;
using graph::window_start;
using graph::window_last_day;

struct gexf_options {
  time_window window = time_window::month;
};

// GEXF 1.3 (namespace http://gexf.net/1.3): <graph mode="dynamic" defaultedgetype="directed"
// timeformat="date">, one <attributes class="node" mode="static"> block (actor_id, code, name,
// country, kind, out_events, in_events) and one <attributes class="edge" mode="dynamic"> block.
// Its `weight` attribute (Gephi's reserved title for a dynamic edge weight) has one value per
// window with events, each with start/end (the window clipped to the edge's dates); an edge
// with no dated event gets its total count without time bounds. The other edge attributes
// (count, goldstein_sum, goldstein_mean, quad1-4, first_date, last_date, num_articles,
// articles, and decayed_weight when g.decay is set) carry no time bounds, so readers hold them
// constant. Edges carry no static `weight` XML attribute, which would compete with the dynamic
// one in Gephi. With g.decay set, the description also names the half-life and the day.
// Requires: `events` are those `g` was built from (others only change the window weights).
void write_gexf(std::ostream& out, const graph::snapshot& g, const std::vector<core::event>& events,
                const gexf_options& o = {});

// GEXF 1.2draft (namespace http://www.gexf.net/1.2draft, version "1.2"), shaped for
// networkx.read_gexf: mode="dynamic", timeformat="date", the same node/edge start and end and
// viz colours; static node and edge attribute blocks (the same attributes as above; the total
// count is the edge's `weight` XML attribute) and a second edge block, mode="dynamic", with one
// attribute `window_count` holding the per-window counts with start/end. networkx reads
// window_count as a list of (count, start, end) and every other attribute as a plain value.
void write_gexf_12draft(std::ostream& out, const graph::snapshot& g,
                        const std::vector<core::event>& events, const gexf_options& o = {});

}  // namespace diplograph::exporter
