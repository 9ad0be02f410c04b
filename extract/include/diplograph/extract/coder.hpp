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
#include "diplograph/extract/timex.hpp"

namespace diplograph::extract {

struct extraction_result {
  std::vector<core::event> events;
  std::vector<core::stance> stances;  // actor -> issue, support or oppose
  std::vector<core::diagnostic> diagnostics;
  std::size_t sentences = 0;
};

// Requires: `a` went through prepare_article (valid UTF-8, segments set).
extraction_result extract_events(const core::article& a, const dictionaries& dicts);

// What the coder saw in one sentence and why it coded what it did (`diplograph explain`).
struct sentence_trace {
  struct actor_note {
    core::span where;                  // bytes in the article text
    std::optional<core::actor> actor;  // as resolved (a place or bare role may have none)
    std::string role;                  // the role word's code, if any
    std::string status;                // "actor", "place", "role without a country"...
  };
  struct speech_note {
    core::span where;                  // the reported content
    std::optional<core::actor> speaker;
  };
  struct verb_note {
    core::span where;
    std::string code;                  // CAMEO code of the pattern ("" for a reporting verb)
    std::string pattern;
    bool reporting = false;
    std::vector<std::string> outcomes; // "coded svo:attack SYRGOV -> USA 190", "dropped: ..."
  };
  std::size_t index = 0;
  core::span where;
  std::vector<actor_note> actors;
  std::vector<timex> times;
  std::vector<speech_note> speech;
  std::vector<verb_note> verbs;
  std::vector<core::event> events;     // before the article-level merge of repeated events
  std::vector<core::stance> stances;
};

// The same coding as extract_events, sentence by sentence, with the coder's reasons.
std::vector<sentence_trace> explain_events(const core::article& a, const dictionaries& dicts);

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
