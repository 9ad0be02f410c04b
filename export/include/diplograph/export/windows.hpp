#pragma once
// Usage:
//   exporter::write_windows_csv(out, graph::window_rows(events, graph::time_window::month));
// The per-window table of `diplograph export --format windows`: how each directed dyad's
// relation went, window by window, for spreadsheets. RFC 4180 quoting with LF row ends, as
// events.csv (a field is quoted when it holds a comma, a double quote, CR or LF; invalid UTF-8
// and NUL become U+FFFD). Rows keep the caller's order (window_rows: by window, source, target).

#include <ostream>
#include <vector>

#include "diplograph/graph/windows.hpp"

namespace diplograph::exporter {

// Header first:
// window_start,window_end,source,target,source_name,target_name,count,goldstein_mean,quad1,
// quad2,quad3,quad4
// window_start and window_end are the window's first and last ISO days; source and target the
// actor ids (graph node ids); goldstein_mean is rounded to two decimals ("" when no event of
// the row has a score); quad1-4 count the events of each QuadClass.
void write_windows_csv(std::ostream& out, const std::vector<graph::window_row>& rows);

}  // namespace diplograph::exporter
