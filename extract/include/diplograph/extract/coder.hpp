#pragma once
// Usage:
//   auto dicts = extract::dictionaries::load(extract::dictionaries::default_directory());
//   auto result = extract::extract_events(article, dicts);   // article from ingest
//   result.events: coded events with provenance; result.diagnostics: what could not be coded.
// A shallow coder: it finds actor mentions (dictionary phrases composed with role words,
// people with titles or appositions, their surnames later on), reported speech (the speaker
// is the source of what they judge), and subject-verb-object triples around verb patterns,
// including passives, hyphenated participles ("U.S.-backed") and coordinated actors.
// Pure: no I/O, no state beyond the dictionaries.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/article.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"
#include "diplograph/extract/dictionaries.hpp"

namespace diplograph::extract {

struct extraction_result {
  std::vector<core::event> events;
  std::vector<core::stance> stances;  // actor -> issue, support or oppose
  std::vector<core::diagnostic> diagnostics;
  std::size_t sentences = 0;
};

// Requires: `a` went through prepare_article (valid UTF-8, segments set).
extraction_result extract_events(const core::article& a, const dictionaries& dicts);

// What a short actor phrase names ("Syrian chief negotiator", "Vladimir Putin" on a date,
// "Rakhine rebels"): the actor when one is coded, and its CAMEO roles (GOV, MIL...). A role word
// alone ("soldiers") gives its role and no actor.
struct actor_resolution {
  std::optional<core::actor> actor;
  std::vector<std::string> roles;
};
actor_resolution resolve_actor(std::string_view phrase, const dictionaries& dicts,
                               std::optional<core::calendar_day> on = std::nullopt);

}  // namespace diplograph::extract
