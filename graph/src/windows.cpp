#include "diplograph/graph/windows.hpp"

#include <cmath>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

#include "internal.hpp"

namespace diplograph::graph {

namespace {

// Indexed by time_window.
constexpr std::string_view window_names[] = {"day", "week", "month", "quarter", "year"};

}  // namespace

std::optional<time_window> parse_time_window(std::string_view name) {
  for (std::size_t i = 0; i < std::size(window_names); ++i)
    if (window_names[i] == name) return static_cast<time_window>(i);
  return std::nullopt;
}

std::string_view to_string(time_window w) { return window_names[static_cast<std::size_t>(w)]; }

core::calendar_day window_start(core::calendar_day d, time_window w) {
  const date::year_month_day ymd{d};
  switch (w) {
    case time_window::day:
      return d;
    case time_window::week:
      return d - date::days{date::weekday{d}.iso_encoding() - 1};
    case time_window::month:
      return date::sys_days{ymd.year() / ymd.month() / 1};
    case time_window::quarter: {
      const unsigned m = static_cast<unsigned>(ymd.month());
      return date::sys_days{ymd.year() / date::month{(m - 1) / 3 * 3 + 1} / 1};
    }
    case time_window::year:
      return date::sys_days{ymd.year() / date::January / 1};
  }
  return d;
}

core::calendar_day window_last_day(core::calendar_day d, time_window w) {
  const core::calendar_day start = window_start(d, w);
  const date::year_month_day ymd{start};
  switch (w) {
    case time_window::day:
      return start;
    case time_window::week:
      return start + date::days{6};
    case time_window::month:
      return date::sys_days{ymd + date::months{1}} - date::days{1};
    case time_window::quarter:
      return date::sys_days{ymd + date::months{3}} - date::days{1};
    case time_window::year:
      return date::sys_days{ymd + date::years{1}} - date::days{1};
  }
  return start;
}

std::vector<window_row> window_rows(const std::vector<core::event>& events, time_window w) {
  // (start, source id, target id) -> row; std::map keeps the rows in the promised order.
  std::map<std::tuple<core::calendar_day, std::string, std::string>, window_row> rows;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const core::event& e = events[i];
    if (!e.source || !e.target || !e.date.known()) continue;
    const core::calendar_day start = window_start(e.date.value, w);
    std::string source = e.source->id().value();
    std::string target = e.target->id().value();
    auto [it, fresh] = rows.try_emplace({start, source, target});
    window_row& r = it->second;
    if (fresh) {
      r.start = start;
      r.last = window_last_day(start, w);
      r.source = std::move(source);
      r.target = std::move(target);
      r.source_actor = *e.source;
      r.target_actor = *e.target;
    } else {
      detail::merge_actor(r.source_actor, *e.source);
      detail::merge_actor(r.target_actor, *e.target);
    }
    ++r.count;
    if (std::isfinite(e.goldstein)) {
      ++r.scored;
      r.goldstein_sum += e.goldstein;
    }
    const auto quad = static_cast<int>(e.quad);
    if (quad >= 1 && quad <= 4) ++r.quad_counts[static_cast<std::size_t>(quad - 1)];
    r.events.push_back(i);
  }
  std::vector<window_row> out;
  out.reserve(rows.size());
  for (auto& [key, r] : rows) {
    r.goldstein_mean = r.scored > 0 ? r.goldstein_sum / static_cast<double>(r.scored) : std::nan("");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace diplograph::graph
