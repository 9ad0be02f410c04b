#include "diplograph/store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "clusters.hpp"
#include "diplograph/core/json.hpp"
#include "schema.hpp"

namespace diplograph::store {
namespace {

// Binds an optional row key, NULL when absent.
void bind_key(SQLite::Statement& s, int index, const std::optional<std::int64_t>& key) {
  if (key) s.bind(index, *key);
  else s.bind(index);
}

constexpr int busy_timeout_ms = 5000;

// Resets a cached statement when one use of it ends, normally or by an exception, so that it
// holds no read transaction open and is ready to be bound again.
class statement_use {
 public:
  explicit statement_use(SQLite::Statement& s) : s_(s) {}
  ~statement_use() { s_.tryReset(); }
  statement_use(const statement_use&) = delete;
  statement_use& operator=(const statement_use&) = delete;

 private:
  SQLite::Statement& s_;
};

std::int64_t to_int64(std::size_t n) { return static_cast<std::int64_t>(n); }
std::size_t to_size(std::int64_t n) { return n < 0 ? 0 : static_cast<std::size_t>(n); }

core::date_precision parse_precision(std::string_view text) {
  using core::date_precision;
  for (date_precision p : {date_precision::day, date_precision::week, date_precision::month,
                           date_precision::quarter, date_precision::year}) {
    if (core::to_string(p) == text) return p;
  }
  return date_precision::unknown;
}

core::actor_kind parse_kind(std::string_view text) {
  using core::actor_kind;
  for (actor_kind k :
       {actor_kind::country, actor_kind::government, actor_kind::organisation, actor_kind::igo,
        actor_kind::armed_group, actor_kind::person, actor_kind::group}) {
    if (core::to_string(k) == text) return k;
  }
  return actor_kind::unknown;
}

core::quad_class parse_quad(int value) {
  switch (value) {
    case 2:
      return core::quad_class::material_cooperation;
    case 3:
      return core::quad_class::verbal_conflict;
    case 4:
      return core::quad_class::material_conflict;
    default:
      return core::quad_class::verbal_cooperation;
  }
}

// The article's extra fields as one JSON object; the values are already JSON text.
std::string metadata_json(const core::article& a) {
  std::string out = "{";
  for (const auto& [name, value] : a.metadata) {
    if (out.size() > 1) out += ',';
    core::append_json_string(out, name);
    out += ':';
    out += value.empty() ? std::string_view{"null"} : std::string_view{value};
  }
  out += '}';
  return out;
}

constexpr const char* insert_article_sql = R"sql(
INSERT INTO articles(id, hash, title, url, source, published, published_from, origin,
                     origin_line, metadata, text)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT(hash) DO NOTHING)sql";

// Keyed by actor id; a later appearance fills in what an earlier one left unknown.
constexpr const char* upsert_actor_sql = R"sql(
INSERT INTO actors(id, code, name, country, kind) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT(id) DO UPDATE SET
  name    = CASE WHEN actors.name = '' THEN excluded.name ELSE actors.name END,
  country = CASE WHEN actors.country = '' THEN excluded.country ELSE actors.country END,
  kind    = CASE WHEN actors.kind = 'unknown' THEN excluded.kind ELSE actors.kind END
RETURNING pk)sql";

constexpr const char* insert_event_sql = R"sql(
INSERT INTO events(article, sentence, date, date_precision, source, target, code, goldstein,
                   quad_class, plover, negated, text, span_begin, span_end, rule, mentions)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))sql";

constexpr const char* insert_mention_sql =
    "INSERT INTO mentions(actor, article, event, role) VALUES (?1, ?2, ?3, ?4)";

constexpr const char* find_hash_sql = "SELECT 1 FROM articles WHERE hash = ?1";

constexpr const char* insert_stance_sql = R"sql(
INSERT INTO stances (article, sentence, date, date_precision, actor, issue, issue_label, polarity,
                     text, span_begin, span_end, rule)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
)sql";

std::string select_stances_sql(bool from, bool to) {
  std::string sql = R"sql(
SELECT a.id, s.sentence, s.date, s.date_precision, x.id, x.code, x.name, x.country, x.kind,
       s.issue, s.issue_label, s.polarity, s.text, s.span_begin, s.span_end, s.rule
FROM stances s JOIN articles a ON a.pk = s.article JOIN actors x ON x.pk = s.actor)sql";
  if (from || to) sql += " WHERE s.date IS NOT NULL";
  if (from) sql += " AND s.date >= :from";
  if (to) sql += " AND s.date <= :to";
  sql += " ORDER BY s.date IS NULL, s.date, a.id, s.sentence, s.pk";
  return sql;
}

constexpr const char* stats_sql = R"sql(
SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
       (SELECT count(*) FROM actors), (SELECT count(*) FROM mentions),
       (SELECT min(date) FROM events), (SELECT max(date) FROM events))sql";

// Unknown dates are NULL, so any bound excludes them; without bounds they come last.
std::string select_events_sql(bool from, bool to) {
  std::string sql = R"sql(
SELECT a.id, e.sentence, e.date, e.date_precision,
       s.pk, s.code, s.name, s.country, s.kind,
       t.pk, t.code, t.name, t.country, t.kind,
       e.code, e.goldstein, e.quad_class, e.plover, e.negated, e.text,
       e.span_begin, e.span_end, e.rule, e.mentions
FROM events e
JOIN articles a ON a.pk = e.article
LEFT JOIN actors s ON s.pk = e.source
LEFT JOIN actors t ON t.pk = e.target)sql";
  if (from && to)
    sql += "\nWHERE e.date >= :from AND e.date <= :to";
  else if (from)
    sql += "\nWHERE e.date >= :from";
  else if (to)
    sql += "\nWHERE e.date <= :to";
  sql += "\nORDER BY e.date IS NULL, e.date, a.id, a.pk, e.sentence, e.pk";
  return sql;
}

// What database::clusters reads: every actor, article and event, without the article texts.
constexpr const char* cluster_actors_sql = "SELECT pk, id, code, name, country, kind FROM actors";
constexpr const char* cluster_articles_sql = "SELECT pk, id, hash, url, source FROM articles";
constexpr const char* cluster_events_sql = R"sql(
SELECT pk, article, source, target, date, date_precision, code, goldstein, quad_class, mentions,
       sentence, text
FROM events)sql";

// What database::merge reads from an input store, by its schema version: the article columns
// in insert_article_sql's order after pk and before the text-derived hash, the event columns in
// insert_event_sql's order after the article (mentions is 1 before version 3), and the stance
// columns in insert_stance_sql's order after the article (no stances before version 2).
constexpr const char* merge_articles_sql = R"sql(
SELECT pk, id, title, url, source, published, published_from, origin, origin_line, metadata, text
FROM articles ORDER BY pk)sql";
constexpr const char* merge_events_v3_sql = R"sql(
SELECT sentence, date, date_precision, source, target, code, goldstein, quad_class, plover,
       negated, text, span_begin, span_end, rule, mentions
FROM events WHERE article = ?1 ORDER BY pk)sql";
constexpr const char* merge_events_v1_sql = R"sql(
SELECT sentence, date, date_precision, source, target, code, goldstein, quad_class, plover,
       negated, text, span_begin, span_end, rule, 1
FROM events WHERE article = ?1 ORDER BY pk)sql";
constexpr const char* merge_stances_sql = R"sql(
SELECT sentence, date, date_precision, actor, issue, issue_label, polarity, text, span_begin,
       span_end, rule
FROM stances WHERE article = ?1 ORDER BY pk)sql";
constexpr const char* merge_actor_sql = "SELECT id, code, name, country, kind FROM actors WHERE pk = ?1";

// Binds a value read from one database to a parameter of a statement on another, keeping its
// SQLite type (text stays text, so "042" keeps its zero; NULL stays NULL).
void bind_copy(SQLite::Statement& to, int index, const SQLite::Column& value) {
  if (value.isInteger())
    to.bind(index, value.getInt64());
  else if (value.isFloat())
    to.bind(index, value.getDouble());
  else if (value.isText())
    to.bind(index, value.getString());
  else if (value.isBlob())
    to.bind(index, value.getBlob(), value.getBytes());
  else
    to.bind(index);
}

// Reads an actor from five columns starting at `first` (pk, code, name, country, kind).
std::optional<core::actor> read_actor(SQLite::Statement& s, int first) {
  if (s.getColumn(first).isNull()) return std::nullopt;
  core::actor a;
  a.code = s.getColumn(first + 1).getString();
  a.name = s.getColumn(first + 2).getString();
  a.country = s.getColumn(first + 3).getString();
  a.kind = parse_kind(s.getColumn(first + 4).getString());
  return a;
}

// content_hash over an article's title and text.
std::string hash_of(std::string_view title, std::string_view text) {
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state{XXH3_createState(),
                                                                 &XXH3_freeState};
  if (!state) throw std::bad_alloc{};
  const char separator = '\0';
  XXH3_128bits_reset(state.get());
  XXH3_128bits_update(state.get(), title.data(), title.size());
  XXH3_128bits_update(state.get(), &separator, 1);
  XXH3_128bits_update(state.get(), text.data(), text.size());
  XXH128_canonical_t canonical{};
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));

  constexpr std::string_view digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof canonical.digest);
  for (unsigned char byte : canonical.digest) {
    hex += digits[byte >> 4];
    hex += digits[byte & 0x0f];
  }
  return hex;
}

}  // namespace

std::string content_hash(const core::article& a) { return hash_of(a.title, a.text); }

namespace {

// How a reader (mode::read_only) opens a store:
// - writable: read-write with PRAGMA query_only, when this process may write the file and its
//   directory, so that SQLite can recover the WAL of a writer that was killed (kill -9, a
//   crash), which a read-only connection cannot do ("attempt to write a readonly database");
// - read_only: SQLite's read-only mode, when the file is not writable but its directory is;
// - immutable: an immutable=1 URI, in a directory this process may not write (an archive, a
//   shared mount) with no -wal file left, where SQLite could not make the -shm file WAL
//   readers need; the database file then holds everything.
enum class reader_access { writable, read_only, immutable };

// "file:<path>?immutable=1", the path percent-encoded where a URI needs it.
std::string immutable_uri(const std::filesystem::path& path) {
  const std::string p = std::filesystem::absolute(path).string();
  std::string uri = "file:";
  for (const char ch : p) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7F) {
      static constexpr char digits[] = "0123456789ABCDEF";
      uri += '%';
      uri += digits[c >> 4];
      uri += digits[c & 0xF];
    } else {
      uri += ch;
    }
  }
  return uri + "?immutable=1";
}

// How a reader opens a store (see database()).
reader_access access_for_reading(const std::filesystem::path& file) {
  std::error_code ec;
  const std::filesystem::path dir =
      file.has_parent_path() ? file.parent_path() : std::filesystem::path{"."};
  const bool dir_writable = ::access(dir.c_str(), W_OK) == 0;
  if (std::filesystem::exists(file, ec) && !dir_writable &&
      !std::filesystem::exists(file.string() + "-wal", ec))
    return reader_access::immutable;
  return dir_writable && ::access(file.c_str(), W_OK) == 0 ? reader_access::writable
                                                            : reader_access::read_only;
}

std::string reader_name(const std::filesystem::path& file, reader_access access) {
  return access == reader_access::immutable ? immutable_uri(file) : file.string();
}

int reader_flags(reader_access access) {
  switch (access) {
    case reader_access::writable:
      return SQLite::OPEN_READWRITE;
    case reader_access::immutable:
      return SQLite::OPEN_READONLY | SQLITE_OPEN_URI;
    case reader_access::read_only:
      break;
  }
  return SQLite::OPEN_READONLY;
}

}  // namespace

struct database::impl {
  impl(const std::filesystem::path& path, mode m, reader_access access);

  std::string file;
  mode open_mode;
  SQLite::Database db;  // declared before the statements, so destroyed after them
  bool in_batch = false;

  std::optional<SQLite::Statement> insert_article;
  std::optional<SQLite::Statement> upsert_actor;
  std::optional<SQLite::Statement> insert_event;
  std::optional<SQLite::Statement> insert_mention;
  std::optional<SQLite::Statement> insert_stance;
  std::optional<SQLite::Statement> find_hash;
  std::optional<SQLite::Statement> stats;
  std::array<std::optional<SQLite::Statement>, 4>
      select_events;  // by (from ? 1 : 0) | (to ? 2 : 0)

  SQLite::Statement& prepared(std::optional<SQLite::Statement>& slot, const char* sql) {
    if (!slot) slot.emplace(db, sql);
    return *slot;
  }

  int user_version() { return db.execAndGet("PRAGMA user_version").getInt(); }
  void check_not_newer(int version) const;
  void migrate();
  void rollback_savepoint() noexcept;
  void limit_size_for_tests();

  bool insert(const core::article& a, const std::vector<core::event>& events,
              const std::vector<core::stance>& stances);
  std::optional<std::int64_t> actor_key(const std::optional<core::actor>& a);
  void insert_mentions(std::int64_t article_key, std::int64_t event_key,
                       std::optional<std::int64_t> source, std::optional<std::int64_t> target);

  detail::cluster_input cluster_rows();
  merge_counts merge_rows(SQLite::Database& input, int version);
};

database::impl::impl(const std::filesystem::path& path, mode m, reader_access access)
    : file(path.string()),
      open_mode(m),
      db(m == mode::read_write ? file : reader_name(path, access),
         m == mode::read_write ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : reader_flags(access),
         busy_timeout_ms) {
  if (m == mode::read_only && access == reader_access::writable) db.exec("PRAGMA query_only = 1");
  db.exec("PRAGMA foreign_keys = ON");
  const int version = user_version();  // the first read: fails here when it is not a database
  check_not_newer(version);
  const int latest = latest_schema_version();
  if (m == mode::read_only) {
    if (version < latest) {
      throw store_error("cannot open database " + file + " read-only: its schema version " +
                        std::to_string(version) + " is older than " + std::to_string(latest) +
                        (version == 0 ? " (not a diplograph database yet)" : "") +
                        "; open it read-write once to migrate it");
    }
    return;
  }
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1) {
    throw store_error("cannot open database " + file +
                      " for writing: the file or its directory is read-only (open it read-only "
                      "to query it)");
  }
  if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0) {
    throw store_error("cannot open database " + file +
                      ": it is an SQLite database of another application (schema version 0 but "
                      "not empty)");
  }
  const std::string journal = db.execAndGet("PRAGMA journal_mode = WAL").getString();
  if (journal != "wal") {
    throw store_error("cannot open database " + file +
                      ": cannot enable WAL journal mode (it stays '" + journal + "')");
  }
  db.exec("PRAGMA synchronous = NORMAL");
  limit_size_for_tests();
  if (version < latest) migrate();
}

// $DIPLOGRAPH_STORE_MAX_PAGES (a number of pages), when set, caps the file as a full disk would:
// SQLite then fails writes past it with SQLITE_FULL. For the store-safety tests, which need a
// full disk without privileges; ignored when not a positive number.
void database::impl::limit_size_for_tests() {
  const char* value = std::getenv("DIPLOGRAPH_STORE_MAX_PAGES");
  if (value == nullptr) return;
  const std::string_view text{value};
  long long pages = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), pages);
  if (error != std::errc{} || end != text.data() + text.size() || pages <= 0) return;
  db.exec("PRAGMA max_page_count = " + std::to_string(pages));
}

void database::impl::check_not_newer(int version) const {
  const int latest = latest_schema_version();
  if (version > latest) {
    throw store_error("cannot open database " + file + ": its schema version " +
                      std::to_string(version) + " is newer than the latest this build knows (" +
                      std::to_string(latest) + "); use a newer diplograph");
  }
}

// Applies the missing steps in one write transaction, so a file is at one version or the next,
// never in between; re-reads the version inside it in case another process migrated first.
void database::impl::migrate() {
  db.exec("BEGIN IMMEDIATE");
  try {
    const int current = user_version();
    check_not_newer(current);
    for (const detail::migration& step : detail::migrations()) {
      if (step.version <= current) continue;
      try {
        db.exec(std::string{step.sql});
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
      } catch (const SQLite::Exception& e) {
        throw store_error("cannot migrate database " + file + " to schema version " +
                          std::to_string(step.version) + " (" + std::string{step.description} +
                          "): " + e.what());
      }
    }
    db.exec("COMMIT");
  } catch (...) {
    db.tryExec("ROLLBACK");
    throw;
  }
}

void database::impl::rollback_savepoint() noexcept {
  // Either may fail when SQLite has already rolled the whole transaction back (disk full, I/O
  // error); there is nothing left to undo then.
  db.tryExec("ROLLBACK TO diplograph_add");
  db.tryExec("RELEASE diplograph_add");
}

std::optional<std::int64_t> database::impl::actor_key(const std::optional<core::actor>& a) {
  if (!a) return std::nullopt;
  SQLite::Statement& s = prepared(upsert_actor, upsert_actor_sql);
  statement_use use{s};
  s.bind(1, a->id().value());
  s.bind(2, a->code);
  s.bind(3, a->name);
  s.bind(4, a->country);
  s.bind(5, std::string{core::to_string(a->kind)});
  if (!s.executeStep()) throw store_error("storing actor " + a->id().value() + " returned no key");
  return s.getColumn(0).getInt64();
}

// One row per actor of the event, in its role.
void database::impl::insert_mentions(std::int64_t article_key, std::int64_t event_key,
                                     std::optional<std::int64_t> source,
                                     std::optional<std::int64_t> target) {
  for (const auto& [actor, role] : {std::pair{source, "source"}, std::pair{target, "target"}}) {
    if (!actor) continue;
    SQLite::Statement& s = prepared(insert_mention, insert_mention_sql);
    statement_use use{s};
    s.bind(1, *actor);
    s.bind(2, article_key);
    s.bind(3, event_key);
    s.bind(4, role);
    s.exec();
  }
}

// Every actor, article (without its text) and event, as clustering needs them.
detail::cluster_input database::impl::cluster_rows() {
  detail::cluster_input in;
  std::unordered_map<std::int64_t, std::size_t> actor_index;
  std::unordered_map<std::int64_t, std::size_t> article_index;
  {
    SQLite::Statement s(db, cluster_actors_sql);
    while (s.executeStep()) {
      actor_index.emplace(s.getColumn(0).getInt64(), in.actors.size());
      detail::cluster_actor a;
      a.id = s.getColumn(1).getString();
      a.actor.code = s.getColumn(2).getString();
      a.actor.name = s.getColumn(3).getString();
      a.actor.country = s.getColumn(4).getString();
      a.actor.kind = parse_kind(s.getColumn(5).getString());
      in.actors.push_back(std::move(a));
    }
  }
  {
    SQLite::Statement s(db, cluster_articles_sql);
    while (s.executeStep()) {
      article_index.emplace(s.getColumn(0).getInt64(), in.articles.size());
      in.articles.push_back({s.getColumn(1).getString(), s.getColumn(2).getString(),
                             s.getColumn(3).getString(), s.getColumn(4).getString()});
    }
  }
  const auto actor_at = [&](const SQLite::Column& c) -> std::optional<std::size_t> {
    if (c.isNull()) return std::nullopt;
    const auto it = actor_index.find(c.getInt64());
    if (it == actor_index.end())
      throw store_error("database " + file + " has an event whose actor is missing");
    return it->second;
  };
  SQLite::Statement s(db, cluster_events_sql);
  while (s.executeStep()) {
    detail::cluster_event e;
    e.pk = s.getColumn(0).getInt64();
    const auto article = article_index.find(s.getColumn(1).getInt64());
    if (article == article_index.end())
      throw store_error("database " + file + " has an event whose article is missing");
    e.article = article->second;
    e.source = actor_at(s.getColumn(2));
    e.target = actor_at(s.getColumn(3));
    if (!s.getColumn(4).isNull()) {
      const std::optional<core::calendar_day> day = core::parse_iso_day(s.getColumn(4).getString());
      const core::date_precision precision = parse_precision(s.getColumn(5).getString());
      if (day && precision != core::date_precision::unknown) e.date = {*day, precision};
    }
    e.code = s.getColumn(6).getString();
    e.goldstein = s.getColumn(7).isNull() ? std::numeric_limits<double>::quiet_NaN()
                                          : s.getColumn(7).getDouble();
    e.quad = parse_quad(s.getColumn(8).getInt());
    e.mentions = std::max<std::size_t>(to_size(s.getColumn(9).getInt64()), 1);
    e.sentence = to_size(s.getColumn(10).getInt64());
    e.text = s.getColumn(11).getString();
    in.events.push_back(std::move(e));
  }
  return in;
}

// Copies the articles of `input` (at schema `version`) that this store lacks, with their events
// and stances; the caller holds the write transaction.
merge_counts database::impl::merge_rows(SQLite::Database& input, int version) {
  merge_counts c;
  SQLite::Statement articles(input, merge_articles_sql);
  SQLite::Statement events(input, version >= 3 ? merge_events_v3_sql : merge_events_v1_sql);
  std::optional<SQLite::Statement> stances;
  if (version >= 2) stances.emplace(input, merge_stances_sql);
  SQLite::Statement input_actor(input, merge_actor_sql);
  std::unordered_map<std::int64_t, std::int64_t> actor_keys;  // input pk -> pk here

  // The actor the input's key `column` names, stored or unified here; none for NULL.
  const auto actor_here = [&](const SQLite::Column& column) -> std::optional<std::int64_t> {
    if (column.isNull()) return std::nullopt;
    const std::int64_t input_key = column.getInt64();
    if (const auto it = actor_keys.find(input_key); it != actor_keys.end()) return it->second;
    statement_use read{input_actor};
    input_actor.bind(1, input_key);
    if (!input_actor.executeStep())
      throw store_error("actor " + std::to_string(input_key) + " is referenced but missing");
    SQLite::Statement& s = prepared(upsert_actor, upsert_actor_sql);
    statement_use write{s};
    for (int i = 0; i < 5; ++i) bind_copy(s, i + 1, input_actor.getColumn(i));
    if (!s.executeStep()) throw store_error("storing a merged actor returned no key");
    const std::int64_t key = s.getColumn(0).getInt64();
    actor_keys.emplace(input_key, key);
    return key;
  };

  while (articles.executeStep()) {
    ++c.articles;
    std::int64_t article_key = 0;
    {
      SQLite::Statement& s = prepared(insert_article, insert_article_sql);
      statement_use use{s};
      bind_copy(s, 1, articles.getColumn(1));  // id
      // The key is recomputed, never trusted from the input, as ingest computes it.
      s.bind(2, hash_of(articles.getColumn(2).getString(), articles.getColumn(10).getString()));
      for (int i = 2; i <= 10; ++i) bind_copy(s, i + 1, articles.getColumn(i));
      if (s.exec() == 0) {
        ++c.already;
        continue;
      }
      article_key = db.getLastInsertRowid();
    }
    ++c.added;
    const std::int64_t input_article = articles.getColumn(0).getInt64();

    statement_use events_use{events};
    events.bind(1, input_article);
    while (events.executeStep()) {
      const std::optional<std::int64_t> source = actor_here(events.getColumn(3));
      const std::optional<std::int64_t> target = actor_here(events.getColumn(4));
      SQLite::Statement& s = prepared(insert_event, insert_event_sql);
      statement_use use{s};
      s.bind(1, article_key);
      for (int i = 0; i < 15; ++i) {
        if (i != 3 && i != 4) bind_copy(s, i + 2, events.getColumn(i));
      }
      bind_key(s, 5, source);
      bind_key(s, 6, target);
      s.exec();
      insert_mentions(article_key, db.getLastInsertRowid(), source, target);
      ++c.events;
    }

    if (!stances) continue;
    statement_use stances_use{*stances};
    stances->bind(1, input_article);
    while (stances->executeStep()) {
      const std::optional<std::int64_t> holder = actor_here(stances->getColumn(3));
      if (!holder) throw store_error("a stance without an actor");
      SQLite::Statement& s = prepared(insert_stance, insert_stance_sql);
      statement_use use{s};
      s.bind(1, article_key);
      for (int i = 0; i < 11; ++i) {
        if (i != 3) bind_copy(s, i + 2, stances->getColumn(i));
      }
      s.bind(5, *holder);
      s.exec();
      ++c.stances;
    }
  }
  return c;
}

bool database::impl::insert(const core::article& a, const std::vector<core::event>& events,
                            const std::vector<core::stance>& stances) {
  std::int64_t article_key = 0;
  {
    SQLite::Statement& s = prepared(insert_article, insert_article_sql);
    statement_use use{s};
    s.bind(1, a.id.value());
    s.bind(2, content_hash(a));
    s.bind(3, a.title);
    s.bind(4, a.url);
    s.bind(5, a.source);
    if (a.published)
      s.bind(6, core::to_iso(*a.published));
    else
      s.bind(6);
    s.bind(7, std::string{core::to_string(a.published_from)});
    s.bind(8, a.origin);
    s.bind(9, to_int64(a.origin_line));
    s.bind(10, metadata_json(a));
    s.bind(11, a.text);
    if (s.exec() == 0) return false;  // the same content is already stored
    article_key = db.getLastInsertRowid();
  }

  for (const core::event& e : events) {
    const std::optional<std::int64_t> source = actor_key(e.source);
    const std::optional<std::int64_t> target = actor_key(e.target);

    std::int64_t event_key = 0;
    {
      SQLite::Statement& s = prepared(insert_event, insert_event_sql);
      statement_use use{s};
      s.bind(1, article_key);
      s.bind(2, to_int64(e.sentence));
      if (e.date.known())
        s.bind(3, core::to_iso(e.date.value));
      else
        s.bind(3);
      s.bind(4, std::string{core::to_string(e.date.known() ? e.date.precision
                                                           : core::date_precision::unknown)});
      bind_key(s, 5, source);
      bind_key(s, 6, target);
      s.bind(7, e.code);
      s.bind(8, e.goldstein);  // SQLite stores NaN as NULL
      s.bind(9, static_cast<std::int32_t>(e.quad));
      s.bind(10, e.plover);
      s.bind(11, std::int32_t{e.negated ? 1 : 0});
      s.bind(12, e.text);
      s.bind(13, to_int64(e.where.begin));
      s.bind(14, to_int64(e.where.end));
      s.bind(15, e.rule);
      s.bind(16, to_int64(std::max<std::size_t>(e.mentions, 1)));  // an event is stated at least once
      s.exec();
      event_key = db.getLastInsertRowid();
    }

    insert_mentions(article_key, event_key, source, target);
  }
  for (const core::stance& st : stances) {
    const std::optional<std::int64_t> holder = actor_key(st.holder);
    if (!holder) continue;
    SQLite::Statement& s = prepared(insert_stance, insert_stance_sql);
    statement_use use{s};
    s.bind(1, article_key);
    s.bind(2, to_int64(st.sentence));
    if (st.date.known())
      s.bind(3, core::to_iso(st.date.value));
    else
      s.bind(3);
    s.bind(4, std::string{core::to_string(st.date.known() ? st.date.precision : core::date_precision::unknown)});
    s.bind(5, *holder);
    s.bind(6, st.issue);
    s.bind(7, st.issue_label);
    s.bind(8, std::string{core::to_string(st.polarity)});
    s.bind(9, st.text);
    s.bind(10, to_int64(st.where.begin));
    s.bind(11, to_int64(st.where.end));
    s.bind(12, st.rule);
    s.exec();
  }
  return true;
}

namespace {

// Why SQLite may have failed to open `file`, when the file system tells: "" when it does not.
std::string open_failure_hint(const std::filesystem::path& file, database::mode m) {
  std::error_code ec;
  const std::filesystem::path dir =
      file.has_parent_path() ? file.parent_path() : std::filesystem::path{"."};
  if (!std::filesystem::exists(dir, ec)) return " (its directory " + dir.string() + " does not exist)";
  if (!std::filesystem::is_directory(dir, ec)) return " (" + dir.string() + " is not a directory)";
  const bool exists = std::filesystem::exists(file, ec);
  if (exists && ::access(file.c_str(), R_OK) != 0) return " (the file is not readable)";
  if (m == database::mode::read_only) return "";
  const bool dir_read_only = ::access(dir.c_str(), W_OK) != 0;
  const bool file_read_only = exists && ::access(file.c_str(), W_OK) != 0;
  if (dir_read_only && file_read_only)
    return " (the file and its directory " + dir.string() + " are read-only)";
  if (dir_read_only) return " (its directory " + dir.string() + " is not writable)";
  if (file_read_only) return " (the file is read-only)";
  return "";
}

}  // namespace

database::database(const std::filesystem::path& file, mode m) {
  try {
    impl_ = std::make_unique<impl>(file, m,
                                   m == mode::read_only ? access_for_reading(file) : reader_access::writable);
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot open database " + file.string() + ": " + e.what() +
                      open_failure_hint(file, m));
  }
}

database::~database() = default;
database::database(database&&) noexcept = default;
database& database::operator=(database&&) noexcept = default;

int database::latest_schema_version() { return detail::migrations().back().version; }

int database::schema_version() const {
  if (!impl_) throw store_error("schema_version() on a moved-from database");
  try {
    return impl_->user_version();
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read the schema version of " + impl_->file + ": " + e.what());
  }
}

database::batch::batch(database& db) : db_(&db) {
  if (!db.impl_) throw store_error("begin_batch() on a moved-from database");
  impl& d = *db.impl_;
  const std::string what = "cannot start a batch on " + d.file;
  if (d.open_mode == mode::read_only) throw store_error(what + ": the database is open read-only");
  if (d.in_batch) throw store_error(what + ": a batch is already open");
  try {
    d.db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw store_error(what + ": " + e.what());
  }
  d.in_batch = true;
}

database::batch::~batch() {
  if (done_ || !db_->impl_) return;
  db_->impl_->db.tryExec("ROLLBACK");
  db_->impl_->in_batch = false;
}

void database::batch::commit() {
  if (done_) throw store_error("commit() on a batch that is already committed");
  if (!db_->impl_) throw store_error("commit() on a batch of a moved-from database");
  impl& d = *db_->impl_;
  try {
    d.db.exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot commit a batch to " + d.file + ": " + e.what());
  }
  d.in_batch = false;
  done_ = true;
}

bool database::add(const core::article& a, const std::vector<core::event>& events) {
  return add(a, events, {});
}

bool database::add(const core::article& a, const std::vector<core::event>& events,
                   const std::vector<core::stance>& stances) {
  if (!impl_) throw store_error("add() on a moved-from database");
  impl& d = *impl_;
  const std::string what = "cannot store article '" + a.id.value() + "' in " + d.file;
  if (d.open_mode == mode::read_only) throw store_error(what + ": the database is open read-only");
  if (d.in_batch && sqlite3_get_autocommit(d.db.getHandle()) != 0) {
    throw store_error(what + ": SQLite rolled the open batch back after an earlier error");
  }
  // A savepoint nests inside an open batch and is a transaction of its own outside one, so
  // each article is stored whole or not at all.
  try {
    d.db.exec("SAVEPOINT diplograph_add");
  } catch (const SQLite::Exception& e) {
    throw store_error(what + ": " + e.what());
  }
  try {
    const bool added = d.insert(a, events, stances);
    d.db.exec("RELEASE diplograph_add");
    return added;
  } catch (const SQLite::Exception& e) {
    d.rollback_savepoint();
    throw store_error(what + ": " + e.what());
  } catch (...) {
    d.rollback_savepoint();
    throw;
  }
}

database::read_transaction::read_transaction(const database& db) : db_(&db) {
  if (!db.impl_) throw store_error("read_snapshot() on a moved-from database");
  try {
    db.impl_->db.exec("SAVEPOINT diplograph_snapshot");
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read " + db.impl_->file + ": " + e.what());
  }
}

database::read_transaction::~read_transaction() {
  if (db_->impl_) db_->impl_->db.tryExec("RELEASE diplograph_snapshot");
}

bool database::contains(const core::article& a) const {
  if (!impl_) throw store_error("contains() on a moved-from database");
  try {
    SQLite::Statement& s = impl_->prepared(impl_->find_hash, find_hash_sql);
    statement_use use{s};
    s.bind(1, content_hash(a));
    return s.executeStep();
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot look up article '" + a.id.value() + "' in " + impl_->file + ": " +
                      e.what());
  }
}

std::vector<core::event> database::events(const event_query& q) const {
  if (!impl_) throw store_error("events() on a moved-from database");
  try {
    const std::size_t variant = (q.from ? 1U : 0U) | (q.to ? 2U : 0U);
    std::optional<SQLite::Statement>& slot = impl_->select_events[variant];
    SQLite::Statement& s =
        impl_->prepared(slot, select_events_sql(q.from.has_value(), q.to.has_value()).c_str());
    statement_use use{s};
    if (q.from) s.bind(":from", core::to_iso(*q.from));
    if (q.to) s.bind(":to", core::to_iso(*q.to));

    std::vector<core::event> out;
    while (s.executeStep()) {
      core::event e;
      e.article = core::article_id{s.getColumn(0).getString()};
      e.sentence = to_size(s.getColumn(1).getInt64());
      if (!s.getColumn(2).isNull()) {
        const std::optional<core::calendar_day> day =
            core::parse_iso_day(s.getColumn(2).getString());
        const core::date_precision precision = parse_precision(s.getColumn(3).getString());
        if (day && precision != core::date_precision::unknown) e.date = {*day, precision};
      }
      e.source = read_actor(s, 4);
      e.target = read_actor(s, 9);
      e.code = s.getColumn(14).getString();
      e.goldstein = s.getColumn(15).isNull() ? std::numeric_limits<double>::quiet_NaN()
                                             : s.getColumn(15).getDouble();
      e.quad = parse_quad(s.getColumn(16).getInt());
      e.plover = s.getColumn(17).getString();
      e.negated = s.getColumn(18).getInt() != 0;
      e.text = s.getColumn(19).getString();
      e.where = {to_size(s.getColumn(20).getInt64()), to_size(s.getColumn(21).getInt64())};
      e.rule = s.getColumn(22).getString();
      e.mentions = std::max<std::size_t>(to_size(s.getColumn(23).getInt64()), 1);
      out.push_back(std::move(e));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read events from " + impl_->file + ": " + e.what());
  }
}

std::vector<core::stance> database::stances(const event_query& q) const {
  if (!impl_) throw store_error("stances() on a moved-from database");
  try {
    SQLite::Statement s(impl_->db, select_stances_sql(q.from.has_value(), q.to.has_value()));
    if (q.from) s.bind(":from", core::to_iso(*q.from));
    if (q.to) s.bind(":to", core::to_iso(*q.to));
    std::vector<core::stance> out;
    while (s.executeStep()) {
      core::stance st;
      st.article = core::article_id{s.getColumn(0).getString()};
      st.sentence = to_size(s.getColumn(1).getInt64());
      if (!s.getColumn(2).isNull()) {
        const auto day = core::parse_iso_day(s.getColumn(2).getString());
        const core::date_precision precision = parse_precision(s.getColumn(3).getString());
        if (day && precision != core::date_precision::unknown) st.date = {*day, precision};
      }
      if (auto holder = read_actor(s, 4)) st.holder = *holder;
      st.issue = s.getColumn(9).getString();
      st.issue_label = s.getColumn(10).getString();
      st.polarity = s.getColumn(11).getString() == "support" ? core::polarity::support : core::polarity::oppose;
      st.text = s.getColumn(12).getString();
      st.where = {to_size(s.getColumn(13).getInt64()), to_size(s.getColumn(14).getInt64())};
      st.rule = s.getColumn(15).getString();
      out.push_back(std::move(st));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read stances from " + impl_->file + ": " + e.what());
  }
}

counts database::stats() const {
  if (!impl_) throw store_error("stats() on a moved-from database");
  try {
    SQLite::Statement& s = impl_->prepared(impl_->stats, stats_sql);
    statement_use use{s};
    counts c;
    if (!s.executeStep()) return c;
    c.articles = to_size(s.getColumn(0).getInt64());
    c.events = to_size(s.getColumn(1).getInt64());
    c.actors = to_size(s.getColumn(2).getInt64());
    c.mentions = to_size(s.getColumn(3).getInt64());
    if (!s.getColumn(4).isNull()) c.first_event = core::parse_iso_day(s.getColumn(4).getString());
    if (!s.getColumn(5).isNull()) c.last_event = core::parse_iso_day(s.getColumn(5).getString());
    return c;
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read statistics of " + impl_->file + ": " + e.what());
  }
}

std::vector<core::event_cluster> database::clusters(const event_query& q, int window_days) const {
  if (!impl_) throw store_error("clusters() on a moved-from database");
  if (window_days < 0) {
    throw std::invalid_argument("clusters(): the window must be 0 days or more, not " +
                                std::to_string(window_days));
  }
  impl& d = *impl_;
  detail::cluster_input rows;
  try {
    // One read snapshot for the three tables (a savepoint also nests inside an open batch).
    d.db.exec("SAVEPOINT diplograph_read");
    try {
      rows = d.cluster_rows();
    } catch (...) {
      d.db.tryExec("ROLLBACK TO diplograph_read");
      d.db.tryExec("RELEASE diplograph_read");
      throw;
    }
    d.db.exec("RELEASE diplograph_read");
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot read events from " + d.file + ": " + e.what());
  }
  return detail::cluster_events(std::move(rows), q, window_days);
}

merge_counts database::merge(const std::filesystem::path& input) {
  if (!impl_) throw store_error("merge() on a moved-from database");
  impl& d = *impl_;
  const std::string what = "cannot merge " + input.string() + " into " + d.file;
  if (d.open_mode == mode::read_only) throw store_error(what + ": the database is open read-only");
  if (d.in_batch) throw store_error(what + ": a batch is open");

  std::optional<SQLite::Database> source;
  int version = 0;
  try {
    const reader_access access = access_for_reading(input);
    source.emplace(reader_name(input, access), reader_flags(access), busy_timeout_ms);
    if (access == reader_access::writable) source->exec("PRAGMA query_only = 1");
    source->exec("BEGIN");  // one read snapshot of the input
    version = source->execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    throw store_error(what + ": " + e.what());
  }
  if (version == 0) throw store_error(what + ": it is not a diplograph database (schema version 0)");
  if (version > latest_schema_version()) {
    throw store_error(what + ": its schema version " + std::to_string(version) +
                      " is newer than the latest this build knows (" +
                      std::to_string(latest_schema_version()) + "); use a newer diplograph");
  }

  try {
    d.db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw store_error(what + ": " + e.what());
  }
  try {
    const merge_counts c = d.merge_rows(*source, version);
    d.db.exec("COMMIT");
    return c;
  } catch (const SQLite::Exception& e) {
    d.db.tryExec("ROLLBACK");
    throw store_error(what + ": " + e.what());
  } catch (const store_error& e) {
    d.db.tryExec("ROLLBACK");
    throw store_error(what + ": " + e.what());
  } catch (...) {
    d.db.tryExec("ROLLBACK");
    throw;
  }
}

}  // namespace diplograph::store
