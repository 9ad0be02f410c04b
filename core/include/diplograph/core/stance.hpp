#pragma once
// Usage: a stance an actor takes toward an issue, coded from one sentence:
//   stance{.actor = SYRGOV, .issue = "foreign_military_presence", .polarity = polarity::oppose}

#include <cstddef>
#include <string>
#include <string_view>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/ids.hpp"

namespace diplograph::core {

enum class polarity { support, oppose };
std::string_view to_string(polarity p);

struct stance {
  article_id article;
  std::size_t sentence = 0;
  dated date;
  actor holder;            // who takes the stance
  std::string issue;       // issue key from dictionaries/issues.txt ("peace_talks")
  std::string issue_label; // its readable name ("peace talks")
  core::polarity polarity = polarity::support;
  std::string text;        // the sentence
  span where;              // the sentence's bytes in the article text
  std::string rule;        // the cue that decided the polarity
};

}  // namespace diplograph::core
