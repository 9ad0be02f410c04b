#include "diplograph/graph/decay.hpp"

#include <cmath>

#include "internal.hpp"

namespace diplograph::graph {
namespace {

// The decay factor of something dated `when` on the edge (source, target), added to that edge.
void add_one(snapshot& s, const detail::edge_lookup& edges, std::string_view source,
             std::string_view target, const core::dated& when) {
  if (!when.known()) return;
  const std::size_t i = edges.find(source, target);
  if (i == detail::edge_lookup::npos) return;
  const auto age = (s.decay->at - when.value).count();
  s.edges[i].decayed_weight += decay_factor(static_cast<double>(age), s.decay->half_life_days);
}

}  // namespace

double decay_factor(double age_days, double half_life_days) {
  if (age_days < 0.0) return 0.0;
  return std::exp2(-age_days / half_life_days);
}

std::optional<core::calendar_day> last_event_day(const std::vector<core::event>& events) {
  std::optional<core::calendar_day> last;
  for (const core::event& e : events)
    if (e.date.known() && (!last || *last < e.date.value)) last = e.date.value;
  return last;
}

void add_decay(snapshot& s, const std::vector<core::event>& events,
               const std::vector<core::stance>& stances, const decay_settings& settings) {
  s.decay = settings;
  for (edge& e : s.edges) e.decayed_weight = 0.0;
  const detail::edge_lookup edges{s};
  for (const core::event& e : events)
    if (e.source && e.target) add_one(s, edges, e.source->id().value(), e.target->id().value(), e.date);
  for (const core::stance& st : stances)
    add_one(s, edges, st.holder.id().value(), detail::issue_node_id(st), st.date);
}

}  // namespace diplograph::graph
