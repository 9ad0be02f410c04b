#pragma once
// Usage (in commands.cpp):
//   changes_verb_options ch;
//   auto* changes = add_changes_verb(app, ch);
//   ...
//   if (*changes) return run_changes(ch, out);
// `diplograph changes [--db FILE] [--window day|week|month|quarter|year] [--threshold X]
//  [--min-count N] [--evidence N] [--format md|csv|jsonl] [--from DATE] [--to DATE]
//  [--actor CODE|NAME]... [--country ISO3]... [--root NN]... [--quad Q]... [-o FILE]`: the
// directed dyads whose relation turned between two of their windows (graph/changes.hpp), with
// the events of the later window as evidence (export/changes.hpp).

#include <CLI/CLI.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>

#include "graph_options.hpp"

namespace diplograph::cli {

struct changes_verb_options {
  std::string db = "diplograph.db";
  std::string window = "month";
  double threshold = 3.0;
  std::size_t min_count = 2;
  std::size_t evidence = 3;
  std::string format = "md";  // md, csv or jsonl
  std::string from;           // YYYY-MM-DD, inclusive
  std::string to;
  graph_filter_options filters;  // only the event filters are registered
  std::string output;         // file, or "" / "-" for `out`
};

// Adds `changes` to `app`, its options bound to `o`.
CLI::App* add_changes_verb(CLI::App& app, changes_verb_options& o);

// Returns 0. Throws usage_error for a malformed date or --to before --from (before the database
// is touched), std::runtime_error when the database does not exist (it is never created),
// store::store_error when the store fails.
int run_changes(const changes_verb_options& o, std::ostream& out);

}  // namespace diplograph::cli
