#pragma once
// Usage:
//   exporter::write_gephi_nodes_csv(nodes_file, snap);   // Gephi: File > Import spreadsheet
//   exporter::write_gephi_edges_csv(edges_file, snap);
//   exporter::write_node_link_json(out, snap);           // networkx.node_link_graph(json.load(f))
//   auto ids = exporter::node_ids(snap);                 // ids[i] names snap.nodes[i] in every
//   file
//
// Network tables and JSON for spreadsheets, Gephi's spreadsheet importer and networkx. Nodes
// are named by their actor id (the stable key across runs), so the same actor has the same id
// in these files and in GEXF. Any text — quotes, <>&, backslashes, control characters, invalid
// UTF-8 — yields a valid file.

#include <ostream>
#include <string>
#include <vector>

#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::exporter {

// One id per node of `g`, in snapshot order: the actor id with invalid UTF-8, C0 control
// characters, DEL and U+FFFE/U+FFFF replaced by U+FFFD (so XML, CSV and JSON can all carry it
// unchanged). Ensures: the ids are distinct — when a replaced id equals an earlier one, "#2",
// "#3"... is appended — and equal to the actor ids whenever those need no replacement.
std::vector<std::string> node_ids(const graph::snapshot& g);

// A node's display label: its name, else its code, else its id.
const std::string& node_label(const graph::node& n);

// Gephi nodes table, header Id,Label,code,name,country,kind,out_events,in_events; one row per
// node in snapshot order. RFC 4180 quoting with LF row ends (tables.cpp's rules).
void write_gephi_nodes_csv(std::ostream& out, const graph::snapshot& g);

// Gephi edges table, header Source,Target,Type,Weight,count,goldstein_mean,first_date,
// last_date,num_articles,quad1,quad2,quad3,quad4 (and decayed_weight, last, when g.decay is
// set); Type is always "Directed", Weight the event count, dates ISO "YYYY-MM-DD" and empty for undated edges, goldstein_mean empty when not
// finite. Source and Target are node_ids(). Requires: every edge endpoint is a node (snapshot()
// ensures it; an edge that breaks this is left out).
void write_gephi_edges_csv(std::ostream& out, const graph::snapshot& g);

// networkx node-link JSON (networkx.node_link_data's default keys):
// {"directed":true,"multigraph":false,"graph":{"events_used":N,"events_skipped":N},
//  "nodes":[{"id","label","actor_id","code","name","country","kind","out_events","in_events"}],
//  "links":[{"source","target","weight","count","goldstein_sum","goldstein_mean","quad1".."quad4",
//            "first_date","last_date","num_articles","articles":[...],"color"}]}
// Empty code/country, non-finite numbers and the dates of undated edges are null; "articles"
// lists every article id. With g.decay set, each link also has "decayed_weight" and "graph"
// has "decay_half_life_days" and "decay_at" (ISO day). One line, ending in LF.
void write_node_link_json(std::ostream& out, const graph::snapshot& g);

}  // namespace diplograph::exporter
