// The per-window dyad table (export --format windows). Checked with Python's csv module
// (tests/export/windows_test.cpp).

#include "diplograph/export/windows.hpp"

#include <cmath>
#include <string>

#include "diplograph/core/date.hpp"
#include "text.hpp"

namespace diplograph::exporter {

void write_windows_csv(std::ostream& out, const std::vector<graph::window_row>& rows) {
  out << "window_start,window_end,source,target,source_name,target_name,count,goldstein_mean,"
         "quad1,quad2,quad3,quad4\n";
  std::string row;
  for (const graph::window_row& r : rows) {
    const std::string fields[] = {
        core::to_iso(r.start),
        core::to_iso(r.last),
        r.source,
        r.target,
        r.source_actor.name,
        r.target_actor.name,
        std::to_string(r.count),
        std::isfinite(r.goldstein_mean) ? detail::format_rounded(r.goldstein_mean, 2) : std::string{},
        std::to_string(r.quad_counts[0]),
        std::to_string(r.quad_counts[1]),
        std::to_string(r.quad_counts[2]),
        std::to_string(r.quad_counts[3])};
    row.clear();
    detail::append_csv_row(row, fields, std::size(fields));
    out << row;
  }
}

}  // namespace diplograph::exporter
