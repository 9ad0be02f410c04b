#pragma once
// Usage: std::string line; exporter::append_event_json(line, e); line += '\n';
// The `diplograph extract` contract: one JSON object per event with article, sentence, date,
// date_precision, source/target ({"code","name","country"} or null), code, quad_class,
// goldstein, plover, negated, text, span [begin, end) and rule. Always valid JSON.

#include <optional>
#include <string>

#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"

namespace diplograph::exporter {

void append_event_json(std::string& out, const core::event& e);

// An actor as the event records write it: {"code","name","country"} (empty code and country
// are null), or null.
void append_actor_json(std::string& out, const std::optional<core::actor>& a);

// A stance record: {"kind":"stance", "article", "sentence", "date", "date_precision", "actor"
// ({"code","name","country"}), "issue", "issue_label", "polarity" ("support"|"oppose"), "text",
// "span", "rule"}.
void append_stance_json(std::string& out, const core::stance& s);

}  // namespace diplograph::exporter
