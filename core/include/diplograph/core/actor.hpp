#pragma once
// Usage: actor{"SYRGOV", "Syria government", "SYR", actor_kind::government}
// Codes follow CAMEO: ISO-3166 alpha-3 country plus role codes (GOV, MIL, REB...), IGO codes
// such as IGOUNO, or a group's own code. Actors without a code have an empty code and a name.

#include <string>
#include <string_view>

#include "diplograph/core/ids.hpp"

namespace diplograph::core {

enum class actor_kind { country, government, organisation, igo, armed_group, person, group, issue, unknown };
std::string_view to_string(actor_kind k);

struct actor {
  std::string code;     // CAMEO-style, may be empty when unknown
  std::string name;     // human-readable
  std::string country;  // ISO-3166 alpha-3, empty for IGOs and unknown
  actor_kind kind = actor_kind::unknown;

  // The graph key: the code when there is one, otherwise "~" + lower-cased name.
  actor_id id() const;
  friend bool operator==(const actor&, const actor&) = default;
};

}  // namespace diplograph::core
