#include "schema.hpp"

#include <array>

namespace diplograph::store::detail {
namespace {

// Version 1: the initial schema.
// - Every table has an integer key `pk`; domain identifiers (article id, actor id) are TEXT.
// - Dates are ISO "YYYY-MM-DD" text of the period start, so text order is chronological; the
//   precision beside them says how much of that day is known. Unknown dates are NULL.
// - CAMEO codes are TEXT so leading zeros survive ("042").
// - mentions has one row per actor appearance in an event, as source or target.
constexpr std::string_view initial_schema = R"sql(
CREATE TABLE articles (
  pk             INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL,
  hash           TEXT    NOT NULL UNIQUE,
  title          TEXT    NOT NULL,
  url            TEXT    NOT NULL,
  source         TEXT    NOT NULL,
  published      TEXT,
  published_from TEXT    NOT NULL,
  origin         TEXT    NOT NULL,
  origin_line    INTEGER NOT NULL,
  metadata       TEXT    NOT NULL,
  text           TEXT    NOT NULL
);
CREATE INDEX articles_id ON articles(id);

CREATE TABLE actors (
  pk      INTEGER PRIMARY KEY,
  id      TEXT NOT NULL UNIQUE,
  code    TEXT NOT NULL,
  name    TEXT NOT NULL,
  country TEXT NOT NULL,
  kind    TEXT NOT NULL
);

CREATE TABLE events (
  pk             INTEGER PRIMARY KEY,
  article        INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  sentence       INTEGER NOT NULL,
  date           TEXT,
  date_precision TEXT    NOT NULL,
  source         INTEGER REFERENCES actors(pk),
  target         INTEGER REFERENCES actors(pk),
  code           TEXT    NOT NULL,
  goldstein      REAL,
  quad_class     INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
  plover         TEXT    NOT NULL,
  negated        INTEGER NOT NULL CHECK (negated IN (0, 1)),
  text           TEXT    NOT NULL,
  span_begin     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  rule           TEXT    NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_article ON events(article);

CREATE TABLE mentions (
  pk      INTEGER PRIMARY KEY,
  actor   INTEGER NOT NULL REFERENCES actors(pk),
  article INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  event   INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
  role    TEXT    NOT NULL CHECK (role IN ('source', 'target')),
  UNIQUE (event, role)
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE INDEX mentions_article ON mentions(article);
)sql";

// Version 2: stances, an actor supporting or opposing an issue, with provenance like events.
constexpr std::string_view stances_schema = R"sql(
CREATE TABLE stances (
  pk             INTEGER PRIMARY KEY,
  article        INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  sentence       INTEGER NOT NULL,
  date           TEXT,
  date_precision TEXT    NOT NULL,
  actor          INTEGER NOT NULL REFERENCES actors(pk),
  issue          TEXT    NOT NULL,
  issue_label    TEXT    NOT NULL,
  polarity       TEXT    NOT NULL CHECK (polarity IN ('support', 'oppose')),
  text           TEXT    NOT NULL,
  span_begin     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  rule           TEXT    NOT NULL
);
CREATE INDEX stances_actor ON stances(actor);
CREATE INDEX stances_issue ON stances(issue);
CREATE INDEX stances_date ON stances(date);
)sql";

// Version 3: how many sentences of its article state each event (core::event::mentions); rows
// stored before it count one. Clusters across articles (database::clusters) are computed from
// the events when asked, not stored, so merging stores needs no cluster bookkeeping.
constexpr std::string_view event_mentions_schema = R"sql(
ALTER TABLE events ADD COLUMN mentions INTEGER NOT NULL DEFAULT 1 CHECK (mentions >= 1);
)sql";

constexpr std::array steps{
    migration{1, "initial schema", initial_schema},
    migration{2, "stances", stances_schema},
    migration{3, "event mentions", event_mentions_schema},
};

}  // namespace

std::span<const migration> migrations() { return steps; }

}  // namespace diplograph::store::detail
