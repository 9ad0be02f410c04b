#include "diplograph/store/database.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using diplograph::core::actor;
using diplograph::core::actor_kind;
using diplograph::core::article;
using diplograph::core::article_id;
using diplograph::core::calendar_day;
using diplograph::core::date_precision;
using diplograph::core::event;
using diplograph::core::quad_class;
using diplograph::store::database;
namespace core = diplograph::core;
using diplograph::store::store_error;
namespace testing_support = diplograph::testing;

calendar_day day(const char* iso) { return *diplograph::core::parse_iso_day(iso); }

article make_article(const std::string& id, const std::string& text) {
  article a;
  a.id = article_id{id};
  a.title = "Title of " + id;
  a.text = text;
  a.url = "https://example.org/" + id;
  a.source = "Example Wire";
  a.published = day("2017-03-24");
  a.published_from = diplograph::core::date_source::metadata;
  a.metadata = {{"section", "\"world\""}, {"rank", "3"}};
  a.origin = "in.jsonl";
  a.origin_line = 7;
  return a;
}

actor syria() { return {"SYRGOV", "Syria government", "SYR", actor_kind::government}; }
actor turkey() { return {"TUR", "Turkey", "TUR", actor_kind::country}; }

event make_event(const article& a, std::size_t sentence, const char* iso,
                 std::string code = "042") {
  event e;
  e.article = a.id;
  e.sentence = sentence;
  e.date = {day(iso), date_precision::day};
  e.source = syria();
  e.target = turkey();
  e.code = std::move(code);
  e.goldstein = 1.9;
  e.quad = quad_class::verbal_cooperation;
  e.plover = "CONSULT";
  e.text = "Syria met Turkey.";
  e.where = {0, 17};
  e.rule = "verb:meet";
  return e;
}

// Runs an SQL statement against `file` with the sqlite3 command-line client, the oracle that
// does not share this module's code.
testing_support::command_result sqlite3_cli(const std::filesystem::path& file,
                                            const std::string& sql) {
  return testing_support::run_command("sqlite3 " + testing_support::shell_quote(file.string()) +
                                      " " + testing_support::shell_quote(sql));
}

TEST(database_test, creates_schema_with_version) {
  testing_support::temp_dir dir;
  const auto file = dir / "new.db";
  database db{file};
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_GE(database::latest_schema_version(), 1);
  EXPECT_EQ(db.schema_version(), database::latest_schema_version());
  const auto c = db.stats();
  EXPECT_EQ(c.articles, 0U);
  EXPECT_EQ(c.events, 0U);
  EXPECT_FALSE(c.first_event.has_value());

  if (!testing_support::have_program("sqlite3")) GTEST_SKIP() << "sqlite3 client not installed";
  const auto tables =
      sqlite3_cli(file, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  EXPECT_EQ(tables.exit_code, 0) << tables.out;
  EXPECT_EQ(tables.out, "actors\narticles\nevents\nmentions\nstances\n");
  const auto version = sqlite3_cli(file, "PRAGMA user_version");
  EXPECT_EQ(version.out, std::to_string(database::latest_schema_version()) + "\n");
}

TEST(database_test, content_hash_is_xxh3_128_of_title_nul_text) {
  article a;
  a.title = "Talks in Geneva";
  a.text = "Syria met Turkey.";
  // Computed independently: XXH3_128bits over "Talks in Geneva\0Syria met Turkey." through
  // libxxhash with Python ctypes, printed high 64 bits first.
  EXPECT_EQ(diplograph::store::content_hash(a), "378bb62550708609db50417abc5cc32e");

  article other_fields = a;
  other_fields.id = article_id{"another-id"};
  other_fields.url = "https://elsewhere.example";
  EXPECT_EQ(diplograph::store::content_hash(other_fields), diplograph::store::content_hash(a));

  article shifted = a;  // same bytes concatenated, different split between title and text
  shifted.title = "Talks in GenevaS";
  shifted.text = "yria met Turkey.";
  EXPECT_NE(diplograph::store::content_hash(shifted), diplograph::store::content_hash(a));
}

TEST(database_test, readding_same_article_returns_false_and_changes_nothing) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("reuters-1", "Syria met Turkey.");
  EXPECT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
  const auto before = db.stats();

  article again = a;
  again.id = article_id{"reuters-1-copy"};  // same title and text: same content
  again.url = "https://mirror.example/1";
  EXPECT_FALSE(
      db.add(again, {make_event(again, 0, "2017-03-25"), make_event(again, 1, "2017-03-26")}));
  EXPECT_FALSE(db.add(a, {make_event(a, 0, "2017-03-24")}));

  const auto after = db.stats();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.events, before.events);
  EXPECT_EQ(after.actors, before.actors);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.last_event, before.last_event);
  EXPECT_TRUE(db.contains(again));
}

TEST(database_test, different_article_is_added) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("a", "Syria met Turkey.");
  const article b = make_article("a", "Turkey criticised Syria.");  // same id, other content
  EXPECT_FALSE(db.contains(b));
  EXPECT_TRUE(db.add(a, {}));
  EXPECT_FALSE(db.contains(b));
  EXPECT_TRUE(db.add(b, {}));
  EXPECT_TRUE(db.contains(a));
  EXPECT_TRUE(db.contains(b));
  EXPECT_EQ(db.stats().articles, 2U);
}

TEST(database_test, events_round_trip_with_all_fields) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("afp-9", "Turkey threatened Syria. In March, Syria negotiated.");

  event threat;
  threat.article = a.id;
  threat.sentence = 0;
  threat.date = {day("2017-03-24"), date_precision::day};
  threat.source = turkey();
  threat.target = syria();
  threat.code = "138";
  threat.goldstein = -7.0;
  threat.quad = quad_class::verbal_conflict;
  threat.plover = "THREATEN";
  threat.negated = true;
  threat.text = "Turkey threatened Syria.";
  threat.where = {0, 24};
  threat.rule = "verb:threaten";

  event talks;  // month precision, no target, a code with a leading zero
  talks.article = a.id;
  talks.sentence = 1;
  talks.date = {day("2017-03-01"), date_precision::month};
  talks.source = actor{"", "Syrian Democratic Forces", "SYR", actor_kind::armed_group};
  talks.code = "042";
  talks.goldstein = 1.9;
  talks.quad = quad_class::verbal_cooperation;
  talks.plover = "";
  talks.text = "In March, Syria negotiated.";
  talks.where = {25, 52};
  talks.rule = "verb:negotiate";

  ASSERT_TRUE(db.add(a, {threat, talks}));
  const std::vector<event> got = db.events();
  ASSERT_EQ(got.size(), 2U);
  // Chronological: the month starts on 2017-03-01, before the 24th.
  const event& m = got[0];
  EXPECT_EQ(m.article, talks.article);
  EXPECT_EQ(m.sentence, 1U);
  EXPECT_EQ(m.date, talks.date);
  EXPECT_EQ(m.date.precision, date_precision::month);
  EXPECT_EQ(m.source, talks.source);
  EXPECT_FALSE(m.target.has_value());
  EXPECT_EQ(m.code, "042");
  EXPECT_DOUBLE_EQ(m.goldstein, 1.9);
  EXPECT_EQ(m.quad, quad_class::verbal_cooperation);
  EXPECT_EQ(m.plover, "");
  EXPECT_FALSE(m.negated);
  EXPECT_EQ(m.text, talks.text);
  EXPECT_EQ(m.where, talks.where);
  EXPECT_EQ(m.rule, talks.rule);

  const event& t = got[1];
  EXPECT_EQ(t.article, threat.article);
  EXPECT_EQ(t.sentence, 0U);
  EXPECT_EQ(t.date, threat.date);
  EXPECT_EQ(t.source, threat.source);
  EXPECT_EQ(t.target, threat.target);
  EXPECT_EQ(t.code, "138");
  EXPECT_DOUBLE_EQ(t.goldstein, -7.0);
  EXPECT_EQ(t.quad, quad_class::verbal_conflict);
  EXPECT_EQ(t.plover, "THREATEN");
  EXPECT_TRUE(t.negated);
  EXPECT_EQ(t.text, threat.text);
  EXPECT_EQ(t.where, threat.where);
  EXPECT_EQ(t.rule, threat.rule);

  if (!testing_support::have_program("sqlite3")) return;
  // The code is stored as text, not as the number 42.
  const auto stored =
      sqlite3_cli(dir / "a.db", "SELECT code, typeof(code) FROM events ORDER BY code");
  EXPECT_EQ(stored.out, "042|text\n138|text\n");
}

TEST(database_test, hostile_strings_round_trip) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const std::string hostile =
      "it's \"quoted\"; DROP TABLE events; --\t\x01\x1f\x7f bad:\xff\xfe\xc3 end";
  article a = make_article("x'); DROP TABLE articles; --", hostile);
  a.title = hostile;
  a.metadata = {{"we\"ird\n", "{\"k\": [1, 2]}"}};
  event e = make_event(a, 0, "2017-03-24");
  e.text = hostile;
  e.rule = hostile;
  e.plover = "\x01";
  e.source = actor{"", hostile, "", actor_kind::person};
  ASSERT_TRUE(db.add(a, {e}));
  EXPECT_TRUE(db.contains(a));
  const auto got = db.events();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].article, a.id);
  EXPECT_EQ(got[0].text, hostile);
  EXPECT_EQ(got[0].rule, hostile);
  EXPECT_EQ(got[0].plover, "\x01");
  ASSERT_TRUE(got[0].source.has_value());
  EXPECT_EQ(got[0].source->name, hostile);
  EXPECT_EQ(db.stats().articles, 1U);
}

TEST(database_test, date_range_query_is_inclusive_on_the_day) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("a", "Many events.");
  event undated = make_event(a, 4, "2017-01-01");
  undated.date = {};
  ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-25"), make_event(a, 1, "2017-03-23"),
                         make_event(a, 2, "2017-03-24"), make_event(a, 3, "2017-03-26"), undated}));

  const auto all = db.events();
  ASSERT_EQ(all.size(), 5U);
  EXPECT_EQ(all[0].date.value, day("2017-03-23"));
  EXPECT_EQ(all[3].date.value, day("2017-03-26"));
  EXPECT_FALSE(all[4].date.known());  // unknown dates last when unbounded

  const auto range = db.events({.from = day("2017-03-24"), .to = day("2017-03-25")});
  ASSERT_EQ(range.size(), 2U);
  EXPECT_EQ(range[0].date.value, day("2017-03-24"));
  EXPECT_EQ(range[1].date.value, day("2017-03-25"));

  const auto from = db.events({.from = day("2017-03-25"), .to = std::nullopt});
  ASSERT_EQ(from.size(), 2U);
  EXPECT_EQ(from[0].sentence, 0U);
  EXPECT_EQ(from[1].sentence, 3U);

  const auto to = db.events({.from = std::nullopt, .to = day("2017-03-23")});
  ASSERT_EQ(to.size(), 1U);
  EXPECT_EQ(to[0].sentence, 1U);

  EXPECT_TRUE(db.events({.from = day("2018-01-01"), .to = std::nullopt}).empty());
}

TEST(database_test, chronological_order_breaks_ties_by_article_then_sentence) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article b = make_article("b", "Second article.");
  const article a = make_article("a", "First article.");
  ASSERT_TRUE(db.add(b, {make_event(b, 1, "2017-03-24"), make_event(b, 0, "2017-03-24")}));
  ASSERT_TRUE(db.add(a, {make_event(a, 2, "2017-03-24")}));
  const auto got = db.events();
  ASSERT_EQ(got.size(), 3U);
  EXPECT_EQ(got[0].article.value(), "a");
  EXPECT_EQ(got[1].article.value(), "b");
  EXPECT_EQ(got[1].sentence, 0U);
  EXPECT_EQ(got[2].sentence, 1U);
}

TEST(database_test, batch_rollback_when_not_committed_leaves_nothing) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  {
    auto tx = db.begin_batch();
    const article a = make_article("a", "Syria met Turkey.");
    ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
    EXPECT_EQ(db.stats().articles, 1U);  // visible inside the batch
  }
  const auto c = db.stats();
  EXPECT_EQ(c.articles, 0U);
  EXPECT_EQ(c.events, 0U);
  EXPECT_EQ(c.actors, 0U);
  EXPECT_EQ(c.mentions, 0U);

  {
    auto tx = db.begin_batch();
    const article a = make_article("a", "Syria met Turkey.");
    ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
    tx.commit();
  }
  EXPECT_EQ(db.stats().articles, 1U);
}

TEST(database_test, nested_batch_throws) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  auto tx = db.begin_batch();
  EXPECT_THROW(db.begin_batch(), store_error);
  tx.commit();
  EXPECT_THROW(tx.commit(), store_error);
}

TEST(database_test, failed_add_outside_batch_stores_nothing) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("a", "Syria met Turkey.");
  event bad = make_event(a, 1, "2017-03-24");
  bad.quad = static_cast<quad_class>(9);  // violates the quad_class CHECK after the article row
  EXPECT_THROW(db.add(a, {make_event(a, 0, "2017-03-24"), bad}), store_error);
  EXPECT_FALSE(db.contains(a));
  const auto c = db.stats();
  EXPECT_EQ(c.articles, 0U);
  EXPECT_EQ(c.events, 0U);
  EXPECT_EQ(c.mentions, 0U);
  EXPECT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));  // and the connection still works
}

TEST(database_test, failed_add_inside_batch_keeps_the_other_articles) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article good = make_article("good", "Syria met Turkey.");
  const article broken = make_article("broken", "Turkey met Syria.");
  event bad = make_event(broken, 0, "2017-03-24");
  bad.quad = static_cast<quad_class>(0);
  {
    auto tx = db.begin_batch();
    ASSERT_TRUE(db.add(good, {make_event(good, 0, "2017-03-24")}));
    try {
      db.add(broken, {bad});
      ADD_FAILURE() << "expected store_error";
    } catch (const store_error& e) {
      EXPECT_NE(std::string{e.what()}.find("broken"), std::string::npos) << e.what();
    }
    tx.commit();
  }
  EXPECT_TRUE(db.contains(good));
  EXPECT_FALSE(db.contains(broken));
  EXPECT_EQ(db.stats().events, 1U);
}

TEST(database_test, reopening_keeps_data) {
  testing_support::temp_dir dir;
  const auto file = dir / "a.db";
  const article a = make_article("a", "Syria met Turkey.");
  {
    database db{file};
    ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
  }
  database db{file};
  EXPECT_EQ(db.schema_version(), database::latest_schema_version());
  EXPECT_TRUE(db.contains(a));
  const auto got = db.events();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].code, "042");
  EXPECT_FALSE(db.add(a, {}));
}

TEST(database_test, moved_database_keeps_working) {
  testing_support::temp_dir dir;
  database first{dir / "a.db"};
  database db = std::move(first);
  const article a = make_article("a", "Syria met Turkey.");
  EXPECT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
  EXPECT_EQ(db.events().size(), 1U);
}

TEST(database_test, read_only_mode_rejects_writes) {
  testing_support::temp_dir dir;
  const auto file = dir / "a.db";
  const article a = make_article("a", "Syria met Turkey.");
  {
    database db{file};
    ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
  }
  database ro{file, database::mode::read_only};
  EXPECT_EQ(ro.events().size(), 1U);
  EXPECT_TRUE(ro.contains(a));
  const article b = make_article("b", "Turkey met Syria.");
  EXPECT_THROW(ro.add(b, {}), store_error);
  EXPECT_THROW(ro.begin_batch(), store_error);
  EXPECT_FALSE(ro.contains(b));
  EXPECT_EQ(ro.stats().articles, 1U);
}

TEST(database_test, read_only_mode_does_not_create_or_migrate) {
  testing_support::temp_dir dir;
  EXPECT_THROW(database(dir / "missing.db", database::mode::read_only), store_error);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));

  testing_support::write_file(dir / "empty.db", "");  // an empty file is an SQLite db at version 0
  try {
    database ro{dir / "empty.db", database::mode::read_only};
    ADD_FAILURE() << "expected store_error";
  } catch (const store_error& e) {
    EXPECT_NE(std::string{e.what()}.find("older"), std::string::npos) << e.what();
  }
  EXPECT_EQ(std::filesystem::file_size(dir / "empty.db"), 0U);
}

TEST(database_test, newer_schema_version_throws) {
  testing_support::temp_dir dir;
  const auto file = dir / "a.db";
  { database db{file}; }
  {
    // The user_version is the big-endian 32-bit integer at offset 60 of the file header
    // (https://www.sqlite.org/fileformat.html); the closed WAL database is fully checkpointed.
    ASSERT_FALSE(std::filesystem::exists(dir / "a.db-wal"));
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    ASSERT_TRUE(f);
    f.seekp(60);
    const char version[4] = {0, 0, 0, 99};
    f.write(version, sizeof version);
    ASSERT_TRUE(f);
  }
  for (auto m : {database::mode::read_write, database::mode::read_only}) {
    try {
      database db{file, m};
      ADD_FAILURE() << "expected store_error";
    } catch (const store_error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(file.string()), std::string::npos) << what;
      EXPECT_NE(what.find("99"), std::string::npos) << what;
      EXPECT_NE(what.find("newer"), std::string::npos) << what;
    }
  }
}

TEST(database_test, non_database_file_throws_store_error_naming_file) {
  testing_support::temp_dir dir;
  const auto file = dir / "notes.txt";
  testing_support::write_file(file, std::string(2048, 'x') + "\nthis is not a database\n");
  try {
    database db{file};
    ADD_FAILURE() << "expected store_error";
  } catch (const store_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(file.string()), std::string::npos) << what;
    EXPECT_NE(what.find("not a database"), std::string::npos) << what;
  }
  EXPECT_EQ(testing_support::read_file(file).size(), 2048U + 24U);  // left untouched
}

TEST(database_test, unopenable_path_throws_store_error_naming_file) {
  testing_support::temp_dir dir;
  testing_support::write_file(dir / "plain", "a file, not a directory");
  const auto file = dir / "plain" / "a.db";
  try {
    database db{file};
    ADD_FAILURE() << "expected store_error";
  } catch (const store_error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what, "cannot open database " + file.string() + ": unable to open database file (" +
                        (dir / "plain").string() + " is not a directory)");
  }
}

TEST(database_test, other_applications_database_is_rejected) {
  if (!testing_support::have_program("sqlite3")) GTEST_SKIP() << "sqlite3 client not installed";
  testing_support::temp_dir dir;
  const auto file = dir / "other.db";
  ASSERT_EQ(
      sqlite3_cli(file, "CREATE TABLE articles (x); INSERT INTO articles VALUES (1)").exit_code, 0);
  EXPECT_THROW(database db{file}, store_error);
  EXPECT_EQ(sqlite3_cli(file, "SELECT count(*) FROM sqlite_schema").out, "1\n");
}

TEST(database_test, stats_counts) {
  testing_support::temp_dir dir;
  database db{dir / "a.db"};
  const article a = make_article("a", "Syria met Turkey.");
  const article b = make_article("b", "Turkey met Syria.");
  event one_sided = make_event(b, 1, "2017-04-02");
  one_sided.target.reset();
  event other_actor = make_event(b, 2, "2017-03-20");
  other_actor.target = actor{"IGOUNO", "United Nations", "", actor_kind::igo};
  ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-24")}));
  ASSERT_TRUE(db.add(b, {make_event(b, 0, "2017-03-25"), one_sided, other_actor}));

  const auto c = db.stats();
  EXPECT_EQ(c.articles, 2U);
  EXPECT_EQ(c.events, 4U);
  EXPECT_EQ(c.actors, 3U);    // SYRGOV, TUR, IGOUNO, each stored once
  EXPECT_EQ(c.mentions, 7U);  // two per event, one for the event without a target
  EXPECT_EQ(c.first_event, day("2017-03-20"));
  EXPECT_EQ(c.last_event, day("2017-04-02"));
}

TEST(database_test, foreign_key_integrity) {
  if (!testing_support::have_program("sqlite3")) GTEST_SKIP() << "sqlite3 client not installed";
  testing_support::temp_dir dir;
  const auto file = dir / "a.db";
  {
    database db{file};
    auto tx = db.begin_batch();
    for (int i = 0; i < 5; ++i) {
      const article a = make_article("a" + std::to_string(i), "Text " + std::to_string(i));
      event e = make_event(a, 0, "2017-03-24");
      if (i % 2 == 0) e.target.reset();
      ASSERT_TRUE(db.add(a, {e, make_event(a, 1, "2017-03-25")}));
    }
    tx.commit();
  }
  EXPECT_EQ(sqlite3_cli(file, "PRAGMA foreign_key_check").out, "");
  EXPECT_EQ(sqlite3_cli(file, "PRAGMA integrity_check").out, "ok\n");
  // Every mention points at the actor in the role it names.
  EXPECT_EQ(
      sqlite3_cli(file,
                  "SELECT count(*) FROM mentions m JOIN events e ON e.pk = m.event "
                  "WHERE m.article != e.article OR (m.role = 'source' AND m.actor != e.source) "
                  "OR (m.role = 'target' AND m.actor IS NOT e.target)")
          .out,
      "0\n");
}

TEST(database_test, wal_mode_is_on) {
  if (!testing_support::have_program("sqlite3")) GTEST_SKIP() << "sqlite3 client not installed";
  testing_support::temp_dir dir;
  const auto file = dir / "a.db";
  database db{file};
  const article a = make_article("a", "Syria met Turkey.");
  ASSERT_TRUE(db.add(a, {}));
  EXPECT_TRUE(std::filesystem::exists(dir / "a.db-wal"));
  EXPECT_EQ(sqlite3_cli(file, "PRAGMA journal_mode").out, "wal\n");
}

}  // namespace

TEST(database_test, stances_round_trip_with_the_article) {
  testing_support::temp_dir dir;
  database db{dir / "s.db"};
  article a = make_article("st-1", "Iran rejected the sanctions.");
  core::stance st;
  st.article = a.id;
  st.sentence = 0;
  st.date = {*core::parse_iso_day("2019-02-03"), core::date_precision::day};
  st.holder = core::actor{"IRN", "Iran", "IRN", core::actor_kind::country};
  st.issue = "sanctions";
  st.issue_label = "sanctions";
  st.polarity = core::polarity::oppose;
  st.text = a.text;
  st.where = {0, a.text.size()};
  st.rule = "stance:rejected";
  ASSERT_TRUE(db.add(a, {}, {st}));
  const auto got = db.stances();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].holder.code, "IRN");
  EXPECT_EQ(got[0].issue, "sanctions");
  EXPECT_EQ(got[0].polarity, core::polarity::oppose);
  EXPECT_EQ(core::to_iso(got[0].date), "2019-02-03");
  EXPECT_EQ(got[0].rule, "stance:rejected");
  EXPECT_TRUE(db.stances({.from = core::parse_iso_day("2020-01-01"), .to = std::nullopt}).empty());
}

// A file written by schema version 1 (fixtures/stores/schema_v1.db, made before stances existed)
// migrates forward on open and keeps its articles and events.
TEST(database_test, migrates_a_version_1_file_and_keeps_its_data) {
  testing_support::temp_dir dir;
  const auto file = dir / "old.db";
  std::filesystem::copy_file(diplograph::testing::fixture_dir() / "stores" / "schema_v1.db", file);
  database db{file};
  EXPECT_EQ(db.schema_version(), database::latest_schema_version());
  const auto events = db.events();
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].code, "111");
  EXPECT_EQ(events[0].source->code, "EGY");
  EXPECT_TRUE(db.stances().empty());
  EXPECT_EQ(db.stats().articles, 1U);
}

TEST(database_test, event_mentions_round_trip) {
  testing_support::temp_dir dir;
  database db{dir / "m.db"};
  const article a = make_article("m-1", "Syria met Turkey. Syria met Turkey again.");
  event twice = make_event(a, 0, "2017-03-24");
  twice.mentions = 2;
  event once = make_event(a, 1, "2017-03-25");
  ASSERT_EQ(once.mentions, 1U);
  ASSERT_TRUE(db.add(a, {twice, once}));
  const auto got = db.events();
  ASSERT_EQ(got.size(), 2U);
  EXPECT_EQ(got[0].mentions, 2U);
  EXPECT_EQ(got[1].mentions, 1U);
  if (!testing_support::have_program("sqlite3")) return;
  EXPECT_EQ(sqlite3_cli(dir / "m.db", "SELECT mentions FROM events ORDER BY pk").out, "2\n1\n");
}

// A file written by schema version 2 (fixtures/stores/schema_v2.db: `diplograph ingest
// fixtures/articles` before event mentions were stored) migrates to version 3 on open: every
// row is kept and each event counts one mention.
TEST(database_test, migrates_a_version_2_file_to_event_mentions) {
  testing_support::temp_dir dir;
  const auto file = dir / "v2.db";
  std::filesystem::copy_file(diplograph::testing::fixture_dir() / "stores" / "schema_v2.db", file);
  EXPECT_THROW(database(file, database::mode::read_only), store_error);  // read-only never migrates
  {
    database db{file};
    EXPECT_EQ(db.schema_version(), 3);
    EXPECT_EQ(db.schema_version(), database::latest_schema_version());
    const auto s = db.stats();
    EXPECT_EQ(s.articles, 7U);
    EXPECT_EQ(s.events, 26U);
    EXPECT_EQ(s.actors, 28U);
    EXPECT_EQ(s.mentions, 52U);
    const auto events = db.events();
    ASSERT_EQ(events.size(), 26U);
    for (const auto& e : events) EXPECT_EQ(e.mentions, 1U) << e.article.value();
    EXPECT_EQ(db.stances().size(), 1U);
    const auto undated = std::count_if(events.begin(), events.end(),
                                       [](const event& e) { return !e.date.known(); });
    EXPECT_EQ(undated, 3);
    EXPECT_FALSE(db.clusters().empty());

    // New rows carry their count.
    const article a = make_article("after-migration", "Syria met Turkey twice.");
    event e = make_event(a, 0, "2017-03-24");
    e.mentions = 4;
    ASSERT_TRUE(db.add(a, {e}));
  }
  database again{file, database::mode::read_only};
  EXPECT_EQ(again.events({.from = day("2017-03-24"), .to = day("2017-03-24")}).at(0).mentions, 4U);

  if (!testing_support::have_program("sqlite3")) return;
  // The column as declared: NOT NULL, default 1.
  EXPECT_EQ(sqlite3_cli(file, "SELECT \"notnull\", dflt_value FROM pragma_table_info('events') "
                              "WHERE name = 'mentions'")
                .out,
            "1|1\n");
  EXPECT_EQ(sqlite3_cli(file, "PRAGMA integrity_check").out, "ok\n");
}
