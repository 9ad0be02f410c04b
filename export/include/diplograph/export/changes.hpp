#pragma once
// Usage:
//   const graph::change_options o{.window = graph::time_window::month};
//   exporter::write_changes_md(out, graph::find_changes(events, o), o);   // also _csv, _jsonl
// The output of `diplograph changes`: the relations that turned between two windows
// (graph/changes.hpp) with their evidence events, for people (Markdown), spreadsheets (CSV) and
// programs (JSON Lines). Any text — quotes, <>&, control characters, invalid UTF-8 — yields a
// valid document.

#include <ostream>
#include <vector>

#include "diplograph/graph/changes.hpp"

namespace diplograph::exporter {

// "# Relation changes", a line with the window, threshold and minimum count and how many
// changes there are, then per change a "## <later window start>: <source> → <target>: <kind>"
// section with both windows (days, event count, mean Goldstein), the change in the mean and a
// bullet per evidence event (date, code, Goldstein, article and sentence, the sentence quoted).
// Markdown-significant characters are \-escaped, control characters become spaces.
void write_changes_md(std::ostream& out, const std::vector<graph::relation_change>& changes,
                      const graph::change_options& o);

// CSV (RFC 4180 quoting, LF row ends), one row per evidence event, header first:
// change,source,target,source_name,target_name,kind,jump,before_start,before_end,before_count,
// before_mean,after_start,after_end,after_count,after_mean,delta,evidence_date,evidence_code,
// evidence_goldstein,evidence_article,evidence_sentence,evidence_text
// `change` numbers the changes from 1, in the order given; jump is "true" or "false"; means and
// delta are rounded to two decimals; dates are ISO ("" for an undated evidence event, which
// cannot occur through find_changes).
void write_changes_csv(std::ostream& out, const std::vector<graph::relation_change>& changes);

// One JSON object per change: {"source_id","target_id" (actor ids, as graph nodes are named),
// "source":{"code","name","country"},"target":{...},"kind","jump","delta",
// "before":{"start","end","count","goldstein_mean"},"after":{...},"evidence":[...]}, each
// evidence event the object `diplograph extract` writes (jsonl.hpp); empty code and country
// are null, non-finite numbers null.
void write_changes_jsonl(std::ostream& out, const std::vector<graph::relation_change>& changes);

}  // namespace diplograph::exporter
