#pragma once
// Usage: the unit everything downstream consumes: an event coded from one sentence.

#include <cstddef>
#include <optional>
#include <string>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/ids.hpp"

namespace diplograph::core {

// QuadClass, as in GDELT: roots 01-05 verbal cooperation, 06-08 material cooperation,
// 09-13 verbal conflict, 14-20 material conflict (documented in dictionaries/README.md).
enum class quad_class { verbal_cooperation = 1, material_cooperation = 2, verbal_conflict = 3,
                        material_conflict = 4 };
std::string_view to_string(quad_class q);

struct event {
  article_id article;
  std::size_t sentence = 0;          // index of the sentence in the article
  dated date;
  std::optional<actor> source;
  std::optional<actor> target;
  std::string code;                  // CAMEO, with leading zeros ("042")
  double goldstein = 0.0;
  quad_class quad = quad_class::verbal_cooperation;
  std::string plover;                // PLOVER category, empty when CAMEO has none (01, 02)
  bool negated = false;
  std::string text;                  // the sentence
  span where;                        // the sentence's bytes in the article text
  std::string rule;                  // which rule or dictionary pattern fired
  std::size_t mentions = 1;          // sentences of the article that state this event (same dyad,
                                     // code and date); `sentence` is the first of them
};

}  // namespace diplograph::core
