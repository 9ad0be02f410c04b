#include "diplograph/store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <xxhash.h>

#include <array>
#include <cmath>
#include <limits>
#include <new>
#include <string_view>
#include <utility>

#include "diplograph/core/json.hpp"
#include "schema.hpp"

namespace diplograph::store {
namespace {

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
                   quad_class, plover, negated, text, span_begin, span_end, rule)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql";

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
       e.span_begin, e.span_end, e.rule
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

}  // namespace

std::string content_hash(const core::article& a) {
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state{XXH3_createState(),
                                                                 &XXH3_freeState};
  if (!state) throw std::bad_alloc{};
  const char separator = '\0';
  XXH3_128bits_reset(state.get());
  XXH3_128bits_update(state.get(), a.title.data(), a.title.size());
  XXH3_128bits_update(state.get(), &separator, 1);
  XXH3_128bits_update(state.get(), a.text.data(), a.text.size());
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

struct database::impl {
  impl(const std::filesystem::path& path, mode m);

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

  bool insert(const core::article& a, const std::vector<core::event>& events,
              const std::vector<core::stance>& stances);
  std::optional<std::int64_t> actor_key(const std::optional<core::actor>& a);
};

database::impl::impl(const std::filesystem::path& path, mode m)
    : file(path.string()),
      open_mode(m),
      db(file,
         m == mode::read_only ? SQLite::OPEN_READONLY
                              : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
         busy_timeout_ms) {
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
  if (version < latest) migrate();
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
      if (source)
        s.bind(5, *source);
      else
        s.bind(5);
      if (target)
        s.bind(6, *target);
      else
        s.bind(6);
      s.bind(7, e.code);
      s.bind(8, e.goldstein);  // SQLite stores NaN as NULL
      s.bind(9, static_cast<std::int32_t>(e.quad));
      s.bind(10, e.plover);
      s.bind(11, std::int32_t{e.negated ? 1 : 0});
      s.bind(12, e.text);
      s.bind(13, to_int64(e.where.begin));
      s.bind(14, to_int64(e.where.end));
      s.bind(15, e.rule);
      s.exec();
      event_key = db.getLastInsertRowid();
    }

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

database::database(const std::filesystem::path& file, mode m) {
  try {
    impl_ = std::make_unique<impl>(file, m);
  } catch (const SQLite::Exception& e) {
    throw store_error("cannot open database " + file.string() + ": " + e.what());
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

}  // namespace diplograph::store
