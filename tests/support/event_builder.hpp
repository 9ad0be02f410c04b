#pragma once
// Usage (unit tests): const core::event e = dt::make_event(fra, deu, -2.0, "2017-03-05", "a1", "111");
// One coded event, as the coder would give it, for tests that build graphs, windows and exports
// from hand-made events: the quad class follows the code's root (core::quad_of_root); a null
// date leaves the event undated. Header-only: the tests that use it link diplograph::core.

#include <string>
#include <utility>

#include "diplograph/core/cameo.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/event.hpp"

namespace diplograph::testing {

inline core::event make_event(const core::actor& source, const core::actor& target, double goldstein,
                              const char* date = nullptr, std::string article = "a", std::string code = "042",
                              core::date_precision precision = core::date_precision::day) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.source = source;
  e.target = target;
  e.goldstein = goldstein;
  e.code = std::move(code);
  const bool digits = e.code.size() >= 2 && e.code[0] >= '0' && e.code[0] <= '9' && e.code[1] >= '0' && e.code[1] <= '9';
  if (digits) e.quad = core::quad_of_root((e.code[0] - '0') * 10 + (e.code[1] - '0'));
  if (date) e.date = core::dated{*core::parse_iso_day(date), precision};
  return e;
}

}  // namespace diplograph::testing
