#pragma once
// Usage:
//   store::database db{"diplograph.db"};             // creates or migrates the schema
//   auto tx = db.begin_batch();                      // one big transaction
//   bool added = db.add(article, events);            // false when the same content is already stored
//   tx.commit();
//   auto evs = db.events({.from = d1, .to = d2});    // chronological
// This module is the only one that uses SQLite. Throws store_error on environment failures
// (cannot open, read-only, disk full, newer schema than this build knows).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/article.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"

namespace diplograph::store {

struct store_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The content key of an article: 32 hex digits of XXH3-128 over its title and text.
std::string content_hash(const core::article& a);

struct event_query {
  std::optional<core::calendar_day> from;  // inclusive; events with unknown dates are excluded when set
  std::optional<core::calendar_day> to;    // inclusive
};

struct counts {
  std::size_t articles = 0;
  std::size_t events = 0;
  std::size_t actors = 0;
  std::size_t mentions = 0;
  std::optional<core::calendar_day> first_event;
  std::optional<core::calendar_day> last_event;
};

class database {
 public:
  enum class mode { read_write, read_only };

  // Opens or creates `file`, enables WAL and foreign keys, migrates the schema forward.
  explicit database(const std::filesystem::path& file, mode m = mode::read_write);
  ~database();
  database(database&&) noexcept;
  database& operator=(database&&) noexcept;
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  static int latest_schema_version();
  int schema_version() const;

  // A transaction spanning many add() calls; rolls back unless committed.
  class batch {
   public:
    explicit batch(database& db);
    ~batch();
    batch(const batch&) = delete;
    batch& operator=(const batch&) = delete;
    void commit();

   private:
    database* db_;
    bool done_ = false;
  };
  batch begin_batch() { return batch{*this}; }

  // Stores the article, its events, their actors and mentions. Returns false (and changes
  // nothing) when an article with the same content hash is already stored.
  bool add(const core::article& a, const std::vector<core::event>& events);
  // The same, with the article's stances (actor -> issue, support or oppose).
  bool add(const core::article& a, const std::vector<core::event>& events,
           const std::vector<core::stance>& stances);

  bool contains(const core::article& a) const;
  std::vector<core::event> events(const event_query& q = {}) const;
  // Stances in chronological order (undated last), with the same date filter as events().
  std::vector<core::stance> stances(const event_query& q = {}) const;
  counts stats() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace diplograph::store
