#pragma once
// Usage:
//   store::database db{"diplograph.db"};             // creates or migrates the schema
//   auto tx = db.begin_batch();                      // one big transaction
//   bool added = db.add(article, events);            // false when the same content is already stored
//   tx.commit();
//   auto evs = db.events({.from = d1, .to = d2});    // chronological
//   auto cls = db.clusters({}, 1);                   // events across articles, GDELT-style
//   auto n = db.merge("shard1.db");                  // adds another store's new articles
// This module is the only one that uses SQLite. Throws store_error on environment failures
// (cannot open, read-only, disk full, newer schema than this build knows), naming the file and,
// when the file system tells, why (a missing or unwritable directory). Each add() is atomic and
// each batch one transaction, so a process killed at any point leaves every article whole or
// absent (tests/reliability/store_safety_test.cpp kills ingests 100 times to check it).
// $DIPLOGRAPH_STORE_MAX_PAGES caps the file at that many pages, as a full disk would (tests).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/article.hpp"
#include "diplograph/core/cluster.hpp"
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

// What merging one input store added.
struct merge_counts {
  std::size_t articles = 0;  // articles the input holds
  std::size_t added = 0;     // of them, new to this store
  std::size_t already = 0;   // of them, skipped: the same content was already stored
  std::size_t events = 0;    // events of the added articles
  std::size_t stances = 0;   // stances of the added articles
};

class database {
 public:
  enum class mode { read_write, read_only };

  // Opens or creates `file`, enables WAL and foreign keys, migrates the schema forward.
  // Read-only, a store in a directory this process cannot write (and with no -wal file) is
  // read as immutable, since SQLite could not make the -shm file WAL readers need there.
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

  // One read transaction, held until the object goes away: every read of this database in
  // between sees the same snapshot, however many statements it takes (an export reads events,
  // then stances, while an ingest commits). Nests inside a batch. Throws store_error.
  class read_transaction {
   public:
    explicit read_transaction(const database& db);
    ~read_transaction();
    read_transaction(const read_transaction&) = delete;
    read_transaction& operator=(const read_transaction&) = delete;

   private:
    const database* db_;
  };
  read_transaction read_snapshot() const { return read_transaction{*this}; }

  bool contains(const core::article& a) const;
  // Events with every stored field, `mentions` included (1 for rows stored before schema 3).
  std::vector<core::event> events(const event_query& q = {}) const;
  // Stances in chronological order (undated last), with the same date filter as events().
  std::vector<core::stance> stances(const event_query& q = {}) const;
  counts stats() const;

  // Events reported across articles, grouped as GDELT groups mentions into events. Events with
  // the same source actor id, the same target actor id (a missing actor counts as the id "") and
  // the same CAMEO root (the code's first two digits) are put in date order (the stored date:
  // the first day of its period, whatever the precision) and chained: an event joins the
  // cluster of the one before it when it is at most `window_days` days later (0: the same day
  // only), otherwise it starts a new cluster. Undated events never join across articles: they
  // form one cluster per article for each such (source, target, root).
  // The result is a function of the stored set of events alone, not of the order they were
  // ingested or merged in. Each cluster's id is the 16 lower-case hex digits of XXH3-64 (in
  // canonical, big-endian byte order) over
  //   source id NUL target id NUL root NUL first day (ISO, "" when undated) NUL content hash
  // where the content hash is the article's (content_hash) for an undated cluster and "" for a
  // dated one. An id stays the same as long as the cluster keeps its first day; an event added
  // earlier than that, or one that bridges two clusters, makes a cluster with another id.
  // A cluster is returned when its first day lies within [q.from, q.to]; with either bound set,
  // undated clusters are left out. So consecutive ranges list each cluster exactly once, with
  // all its evidence, even the events after q.to.
  // Order: dated clusters by (first day, source id, target id, root), then undated ones by
  // (source id, target id, root, id); evidence as documented in core/cluster.hpp.
  // Requires: window_days >= 0 (throws std::invalid_argument otherwise). Throws store_error when
  // the store cannot be read. Reads every event (not the article texts) in one read snapshot.
  std::vector<core::event_cluster> clusters(const event_query& q = {}, int window_days = 1) const;

  // Adds the articles of another diplograph store `input` (schema version 1 up to this one) as
  // ingesting them would: an article whose content hash is already stored is skipped with its
  // events and stances; actors are unified by actor id (a name, country or kind this store
  // lacks is filled in from the input). Runs in one transaction: the input is merged whole or
  // not at all. The input is only read. Merging a store into itself adds nothing.
  // Throws store_error naming `input` when it cannot be opened or read, is not a diplograph
  // store, or has a newer schema; store_error when this store cannot be written or a batch is
  // open.
  merge_counts merge(const std::filesystem::path& input);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace diplograph::store
