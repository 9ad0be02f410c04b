#pragma once
// Usage (in commands.cpp):
//   render_verb_options rd;
//   auto* render = add_render_verb(app, rd);
//   add_graph_filter_options(*render, filters);      // graph_options.hpp, as export has them
//   ...
//   if (*render) return run_render(rd, [&] { return stored_graph(rd, filters); }, out, err);
// `diplograph render [--db FILE] [--format svg|png] [--engine sfdp|dot] [--dot-cluster
//  none|country] [--from DATE] [--to DATE] [export's filters] -o FILE`: the stored actor graph
// drawn by Graphviz, with a legend. The graph is the one `export` makes with the same options;
// the DOT is exporter::write_dot's (diplograph/export/dot.hpp) with the legend and the layout
// of the engine; Graphviz is found on PATH and run without a shell.

#include <CLI/CLI.hpp>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::cli {

// The default engine: sfdp above this many nodes, dot up to it.
inline constexpr std::size_t render_sfdp_above = 200;

struct render_verb_options {
  std::string db = "diplograph.db";
  std::string format;            // svg or png; "" means by the output's extension (.png), else svg
  std::string engine;            // sfdp or dot; "" means by size (render_sfdp_above)
  std::string cluster = "none";  // --dot-cluster: none or country
  std::string from;              // YYYY-MM-DD, inclusive
  std::string to;                // YYYY-MM-DD, inclusive
  std::string output;            // the image file (required)
};

// Adds `render` to `app`, its options bound to `o`.
CLI::App* add_render_verb(CLI::App& app, render_verb_options& o);

// The first executable file named `program` in the directories of $PATH; nullopt when none.
std::optional<std::filesystem::path> find_on_path(const std::string& program);

// Loads the graph through `load` (which throws when the store is missing or unreadable), picks
// the engine, writes the DOT to a temporary file beside the output, runs `<engine> -T<format>`
// on it and renames the image into place, so a failed run leaves no partial file. Writes one
// line to `out` ("wrote FILE: N actors, M relations, drawn by ENGINE") and Graphviz's warnings
// to `err`. Returns 0. Throws usage_error for a malformed date or --to before --from (before
// anything is loaded), std::runtime_error naming the program and the Debian package graphviz
// when the engine is not on PATH, and std::runtime_error with Graphviz's message when it fails.
int run_render(const render_verb_options& o, const std::function<graph::snapshot()>& load,
               std::ostream& out, std::ostream& err);

}  // namespace diplograph::cli
