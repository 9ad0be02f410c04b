#pragma once
// Usage (in commands.cpp):
//   merge_verb_options mg;
//   auto* merge = add_merge_verb(app, mg);
//   ...
//   if (*merge) return run_merge(mg, out, err);
// `diplograph merge A.db B.db ... -o ALL.db`: adds the articles of shard stores (made by
// `diplograph ingest` on parts of a corpus) to one store, created when missing, as ingesting the
// whole corpus would: an article already stored (same content hash) is skipped with its events
// and stances; actors are unified by actor id. Each input is merged in one transaction.

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace diplograph::cli {

struct merge_verb_options {
  std::vector<std::string> inputs;  // stores to read, in this order
  std::string output;               // the store to add to
};

// Adds `merge` to `app`, its options bound to `o`.
CLI::App* add_merge_verb(CLI::App& app, merge_verb_options& o);

// Writes one line per input to `out` ("merged FILE: N articles, A added, S already stored, E
// events, T stances") and the output store's counts at the end. An input that is missing, not
// a diplograph store, damaged or of a newer schema is reported on `err` as "diplograph: cannot
// merge FILE into OUTPUT: why", adds nothing, and the other inputs are still merged.
// Returns 0, or 1 when an input failed. Throws store::store_error when the output store cannot
// be opened or written.
int run_merge(const merge_verb_options& o, std::ostream& out, std::ostream& err);

}  // namespace diplograph::cli
