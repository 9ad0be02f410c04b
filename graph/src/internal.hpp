#pragma once
// Usage (inside graph/ only; not a public header):
//   merge_actor(kept, seen);                        // fill what an earlier mention left empty
//   issue_actor(stance);                            // the issue node a stance edge points to
//   const edge_lookup edges{snap};
//   if (const std::size_t i = edges.find(source_id, target_id); i != edge_lookup::npos) use(snap.edges[i]);

#include <cstddef>
#include <map>
#include <string_view>
#include <utility>

#include <string>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::graph::detail {

// Fills in what an earlier mention of the same actor left empty; the first value seen wins.
inline void merge_actor(core::actor& kept, const core::actor& seen) {
  if (kept.code.empty()) kept.code = seen.code;
  if (kept.name.empty()) kept.name = seen.name;
  if (kept.country.empty()) kept.country = seen.country;
  if (kept.kind == core::actor_kind::unknown) kept.kind = seen.kind;
}

// The node a stance points to: its issue, with an id of its own apart from any actor code.
inline core::actor issue_actor(const core::stance& st) {
  core::actor issue;
  issue.name = st.issue_label.empty() ? st.issue : st.issue_label;
  issue.kind = core::actor_kind::issue;
  issue.code = "issue:" + st.issue;
  return issue;
}

inline std::string issue_node_id(const core::stance& st) { return issue_actor(st).id().value(); }

// A snapshot's edge index by (source id, target id). Holds views into the snapshot, which must
// outlive it and not change.
class edge_lookup {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  explicit edge_lookup(const snapshot& s) {
    for (std::size_t i = 0; i < s.edges.size(); ++i) index_.emplace(std::pair{std::string_view{s.edges[i].source}, std::string_view{s.edges[i].target}}, i);
  }
  std::size_t find(std::string_view source, std::string_view target) const {
    const auto it = index_.find({source, target});
    return it == index_.end() ? npos : it->second;
  }

 private:
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> index_;
};

}  // namespace diplograph::graph::detail
