#pragma once
// Usage (in commands.cpp):
//   timeline_verb_options tl;
//   auto* timeline = add_timeline_verb(app, tl);
//   ...
//   if (*timeline) return run_timeline(tl, out);
// `diplograph timeline [--db FILE] [--actor CODE|NAME] [--from DATE] [--to DATE]
//  --format md|csv|json|vis|html [-o FILE] [--title TEXT] [--dict-dir DIR]`: the stored events
// in chronological order, with each code's label from DIR/cameo_codes.tsv. json is TimelineJS3,
// vis is vis-timeline, html one self-contained page (see diplograph/export/timeline.hpp).

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace diplograph::cli {

struct timeline_verb_options {
  std::string db = "diplograph.db";
  std::string actor;   // code prefix (case-insensitive) or name substring, source or target
  std::string from;    // YYYY-MM-DD, inclusive; undated events are left out when from or to is set
  std::string to;      // YYYY-MM-DD, inclusive
  std::string format;  // md, csv, json, vis or html
  std::string output;  // file, or "" / "-" for `out`
  std::string title;   // default: "Timeline", plus the actor and range when given
  std::string dict_dir;
};

// Adds `timeline` to `app`, its options bound to `o`.
CLI::App* add_timeline_verb(CLI::App& app, timeline_verb_options& o);

// Requires: o.format is one of the formats above (CLI11 checks it).
// Returns 0. Throws usage_error for a malformed date or --to before --from (checked before the
// database is touched), std::runtime_error when the database does not exist (it is never
// created), store::store_error or core::core_error when the store or the CAMEO table fails.
int run_timeline(const timeline_verb_options& o, std::ostream& out);

}  // namespace diplograph::cli
