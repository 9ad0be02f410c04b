#pragma once
// Usage: auto g = fuzz::graph_from(in);   // g.snapshot, from g.events and g.stances
// A small actor graph whose every name, code, country, article id and issue comes from the
// fuzz input, for the exporters' escaping targets.

#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "fuzz_support.hpp"

namespace diplograph::fuzz {

struct fuzz_graph {
  std::vector<core::event> events;
  std::vector<core::stance> stances;
  graph::snapshot snapshot;  // built from both, with metrics
};

// Up to 6 actors (code, name, country and kind from the input), up to 12 events between them
// (or with a missing side) with input article ids, dates, codes and Goldstein scores, and up to
// 3 stances on input issues.
fuzz_graph graph_from(input& in);

}  // namespace diplograph::fuzz
