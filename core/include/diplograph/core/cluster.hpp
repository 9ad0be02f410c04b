#pragma once
// Usage: for (const core::event_cluster& c : db.clusters({}, 1)) use(c.id, c.num_articles, c.mentions);
// An event reported across articles, like a row of GDELT's Events table, with its evidence (one
// cluster_mention per stored event, like GDELT's Mentions table). The store computes clusters
// (store::database::clusters, which documents the rule and the id recipe); the exporter writes
// them as CSV. Plain data: no invariant beyond what the store ensures.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/ids.hpp"

namespace diplograph::core {

// One stored event as evidence of its cluster: which article said it, where and how often.
struct cluster_mention {
  article_id article;
  std::string url;           // the article's URL, "" when unknown
  std::string publisher;     // the article's `source` (publisher), "" when unknown
  std::size_t sentence = 0;  // index of the (first) sentence in the article
  std::string text;          // that sentence
  dated date;
  std::string code;          // the event's full CAMEO code
  double goldstein = 0.0;    // NaN when the store has none
  std::size_t mentions = 1;  // sentences of the article that state the event
};

struct event_cluster {
  std::string id;                    // 16 lower-case hex digits, stable for a given stored set
  std::optional<calendar_day> first;  // first and last event day; both empty when undated
  std::optional<calendar_day> last;
  std::optional<actor> source;
  std::optional<actor> target;
  std::string root;                  // CAMEO root, the code's first two digits ("04")
  std::string code;                  // the most frequent full code (ties: the lowest)
  quad_class quad = quad_class::verbal_cooperation;
  double goldstein = 0.0;            // mean over the events that have one; NaN when none do
  std::size_t num_events = 0;        // stored events (rows of `mentions` below)
  std::size_t num_articles = 0;      // distinct articles
  std::size_t num_mentions = 0;      // sum of the events' `mentions`
  std::size_t num_sources = 0;       // distinct non-empty article sources (publishers)
  std::vector<cluster_mention> mentions;  // by date, article id, content, sentence
};

}  // namespace diplograph::core
