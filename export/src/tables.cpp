// Events CSV and Markdown timeline.
//
// CSV follows RFC 4180 except for the line end: every row, the header included, ends with a
// single LF ("\n"), which Python's csv module, pandas, R and spreadsheets all read. A field is
// quoted when it contains a comma, a double quote, CR or LF; quotes inside are doubled. Bytes
// that are not valid UTF-8 become U+FFFD (NUL too); other characters are kept as they are.
// Rows keep the caller's order.
//
// The Markdown timeline is timeline.hpp's write_timeline_md with default options (no labels,
// title "Timeline"); see timeline.cpp.

#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/export/timeline.hpp"
#include "diplograph/export/writers.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

struct actor_columns {
  std::string code, name, country;
};

actor_columns columns_of(const std::optional<core::actor>& a) {
  if (!a) return {};
  return {a->code, a->name, a->country};
}

}  // namespace

void write_events_csv(std::ostream& out, const std::vector<core::event>& events) {
  out << "article,sentence,date,date_precision,source_code,source_name,source_country,"
         "target_code,target_name,target_country,code,quad_class,goldstein,plover,negated,rule,"
         "text\n";
  std::string row;
  for (const core::event& e : events) {
    const actor_columns source = columns_of(e.source);
    const actor_columns target = columns_of(e.target);
    const std::string fields[] = {
        e.article.value(),
        std::to_string(e.sentence),
        core::to_iso(e.date),
        std::string(core::to_string(e.date.precision)),
        source.code,
        source.name,
        source.country,
        target.code,
        target.name,
        target.country,
        e.code,
        std::to_string(static_cast<int>(e.quad)),
        std::isfinite(e.goldstein) ? detail::format_number(e.goldstein) : std::string{},
        e.plover,
        e.negated ? "true" : "false",
        e.rule,
        e.text,
    };
    row.clear();
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) row += ',';
      detail::append_csv_field(row, fields[i]);
    }
    row += '\n';
    out << row;
  }
}

void write_timeline_md(std::ostream& out, const std::vector<core::event>& events) {
  write_timeline_md(out, events, timeline_options{});
}

}  // namespace diplograph::exporter
