#include "diplograph/graph/changes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace diplograph::graph {
namespace {

// The later window's events, most extreme in the direction of `delta` first.
std::vector<core::event> evidence_of(const std::vector<core::event>& events, const window_row& after,
                                     double delta, std::size_t most) {
  std::vector<const core::event*> picked;
  for (const std::size_t i : after.events) picked.push_back(&events[i]);
  const auto score = [delta](const core::event* e) {
    if (!std::isfinite(e->goldstein)) return -HUGE_VAL;  // unscored events last
    return delta < 0 ? -e->goldstein : e->goldstein;
  };
  std::stable_sort(picked.begin(), picked.end(), [&score](const core::event* a, const core::event* b) {
    const double sa = score(a);
    const double sb = score(b);
    if (sa != sb) return sa > sb;
    return std::tie(a->date.value, a->article, a->sentence) < std::tie(b->date.value, b->article, b->sentence);
  });
  if (picked.size() > most) picked.resize(most);
  std::vector<core::event> out;
  out.reserve(picked.size());
  for (const core::event* e : picked) out.push_back(*e);
  return out;
}

}  // namespace

std::string_view to_string(change_kind k) {
  constexpr std::string_view names[] = {"cooperation_to_conflict", "conflict_to_cooperation", "toward_conflict",
                                        "toward_cooperation"};  // indexed by change_kind
  return names[static_cast<std::size_t>(k)];
}

std::vector<relation_change> find_changes(const std::vector<core::event>& events, const change_options& o) {
  // Each dyad's windows that count, in date order (window_rows sorts by start first).
  std::map<std::pair<std::string, std::string>, std::vector<const window_row*>> by_dyad;
  const std::vector<window_row> rows = window_rows(events, o.window);
  for (const window_row& r : rows)
    if (r.count >= o.min_count && r.count > 0 && std::isfinite(r.goldstein_mean))
      by_dyad[{r.source, r.target}].push_back(&r);

  std::vector<relation_change> changes;
  for (const auto& [dyad, windows] : by_dyad) {
    for (std::size_t i = 1; i < windows.size(); ++i) {
      const window_row& before = *windows[i - 1];
      const window_row& after = *windows[i];
      const double delta = after.goldstein_mean - before.goldstein_mean;
      const bool turned = (before.goldstein_mean > 0 && after.goldstein_mean < 0) ||
                          (before.goldstein_mean < 0 && after.goldstein_mean > 0);
      const bool jump = std::fabs(delta) > o.threshold;
      if (!turned && !jump) continue;
      relation_change c;
      c.before = before;
      c.after = after;
      c.delta = delta;
      c.jump = jump;
      if (turned)
        c.kind = delta < 0 ? change_kind::cooperation_to_conflict : change_kind::conflict_to_cooperation;
      else
        c.kind = delta < 0 ? change_kind::toward_conflict : change_kind::toward_cooperation;
      c.evidence = evidence_of(events, after, delta, o.evidence);
      changes.push_back(std::move(c));
    }
  }
  std::sort(changes.begin(), changes.end(), [](const relation_change& a, const relation_change& b) {
    return std::tie(a.after.start, a.after.source, a.after.target, a.before.start) <
           std::tie(b.after.start, b.after.source, b.after.target, b.before.start);
  });
  return changes;
}

}  // namespace diplograph::graph
