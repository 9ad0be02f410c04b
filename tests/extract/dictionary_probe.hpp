#pragma once
// Usage: actor_of(dicts, "Barack Obama", day("2012-05-01")) == "USAGOV"; verb_of(dicts, "met") == "040".
// Probes of loaded dictionaries shared by the import tests (PETRARCH, TABARI): what a whole
// phrase matches, as one short string that reads well in an assertion.

#include <optional>
#include <string>

#include "diplograph/core/date.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/sentences.hpp"

namespace diplograph::testing {

inline core::calendar_day day(const char* iso) { return *core::parse_iso_day(iso); }

// What the whole of `text` matches: the actor's code, "~ROLE" for an agent, else
// "<no full match: N>" with the tokens matched.
inline std::string actor_of(const extract::dictionaries& d, const std::string& text,
                            std::optional<core::calendar_day> on = std::nullopt) {
  const auto t = extract::split_sentences(text, {{{0, text.size()}, core::segment_kind::body}});
  const auto m = d.match_actor(t, 0, t.tokens.size(), on);
  if (m.length != t.tokens.size()) return "<no full match: " + std::to_string(m.length) + ">";
  if (m.kind == extract::phrase_kind::agent) return "~" + d.role(m.entry);
  return d.actors()[m.entry].code;
}

// The CAMEO code of the verb pattern covering all of `text`, or "<none>".
inline std::string verb_of(const extract::dictionaries& d, const std::string& text) {
  const auto t = extract::split_sentences(text, {{{0, text.size()}, core::segment_kind::body}});
  const auto m = d.match_verb(t, 0, t.tokens.size());
  if (m.length != t.tokens.size()) return "<none>";
  return d.verbs()[m.entry].code;
}

}  // namespace diplograph::testing
