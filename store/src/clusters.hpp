#pragma once
// Usage (database.cpp): fill a cluster_input from the tables, then
//   std::vector<core::event_cluster> c = detail::cluster_events(std::move(input), q, window_days);
// The clustering rule of database::clusters (documented there) as a pure function of the
// stored rows, apart from SQLite. Row keys (pk) never reach the result except as the last tie
// break between events of one article, whose insertion order ingest and merge both keep.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/cluster.hpp"
#include "diplograph/store/database.hpp"

namespace diplograph::store::detail {

struct cluster_actor {
  std::string id;  // the actors.id column
  core::actor actor;
};

struct cluster_article {
  std::string id;
  std::string hash;  // content_hash
  std::string url;
  std::string publisher;  // the articles.source column
};

struct cluster_event {
  std::int64_t pk = 0;
  std::size_t article = 0;            // index into cluster_input::articles
  std::optional<std::size_t> source;  // index into cluster_input::actors
  std::optional<std::size_t> target;
  core::dated date;  // precision unknown when undated
  std::string code;
  double goldstein = 0.0;  // NaN when unknown
  core::quad_class quad = core::quad_class::verbal_cooperation;
  std::size_t mentions = 1;
  std::size_t sentence = 0;
  std::string text;
};

struct cluster_input {
  std::vector<cluster_actor> actors;
  std::vector<cluster_article> articles;
  std::vector<cluster_event> events;
};

// Requires: every index in `in.events` is within its table; window_days >= 0.
std::vector<core::event_cluster> cluster_events(cluster_input in, const event_query& q,
                                                int window_days);

// The cluster id recipe of database::clusters: 16 hex digits of XXH3-64 over the five fields
// joined by NUL bytes.
std::string cluster_id(std::string_view source_id, std::string_view target_id,
                       std::string_view root, std::string_view first_day,
                       std::string_view content_hash);

}  // namespace diplograph::store::detail
