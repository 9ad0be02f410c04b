// Pins: database::merge — shard stores merged into one hold what a single store given every
// article holds (events with all fields, stances, actors, statistics, clusters); an article
// already stored is skipped with its events and stances, so merging twice adds nothing; actors
// are unified by id and a missing name is filled in; older-schema inputs (the saved version 1
// and 2 files) merge; bad inputs (not a database, missing, empty, newer schema, damaged) throw
// store_error naming the file and change nothing; inputs are never written.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "diplograph/core/cluster.hpp"
#include "diplograph/store/database.hpp"
#include "test_support.hpp"

namespace {

namespace core = diplograph::core;
namespace store = diplograph::store;
namespace dt = diplograph::testing;
namespace fs = std::filesystem;
using core::actor;
using core::actor_kind;
using core::article;
using core::event;
using store::database;

core::calendar_day day(const char* iso) { return *core::parse_iso_day(iso); }

article make_article(const std::string& id, const std::string& text, const std::string& iso) {
  article a;
  a.id = core::article_id{id};
  a.title = "Title of " + id;
  a.text = text;
  a.url = "https://example.org/" + id;
  a.source = "Example Wire";
  if (!iso.empty()) {
    a.published = day(iso.c_str());
    a.published_from = core::date_source::metadata;
  }
  a.metadata = {{"section", "\"world\""}};
  a.origin = "in.jsonl";
  a.origin_line = 3;
  return a;
}

event make_event(const article& a, std::size_t sentence, const actor& source, const actor& target,
                 std::string code) {
  event e;
  e.article = a.id;
  e.sentence = sentence;
  if (a.published) e.date = {*a.published, core::date_precision::day};
  e.source = source;
  e.target = target;
  e.code = std::move(code);
  e.goldstein = e.code == "190" ? -10.0 : 3.5;
  e.quad = e.code == "190" ? core::quad_class::material_conflict
                           : core::quad_class::verbal_cooperation;
  e.plover = e.code == "190" ? "ASSAULT" : "";
  e.negated = sentence % 2 == 1;
  e.text = a.text;
  e.where = {0, a.text.size()};
  e.rule = "svo:test";
  e.mentions = sentence + 1;
  return e;
}

actor syria() { return {"SYRGOV", "Syria government", "SYR", actor_kind::government}; }
actor turkey() { return {"TUR", "Turkey", "TUR", actor_kind::country}; }
actor person() { return {"", "Grace Wanjiru", "KEN", actor_kind::person}; }

core::stance make_stance(const article& a, const actor& holder) {
  core::stance s;
  s.article = a.id;
  s.sentence = 0;
  if (a.published) s.date = {*a.published, core::date_precision::day};
  s.holder = holder;
  s.issue = "sanctions";
  s.issue_label = "sanctions";
  s.polarity = core::polarity::oppose;
  s.text = a.text;
  s.where = {0, a.text.size()};
  s.rule = "stance:rejected";
  return s;
}

struct item {
  article a;
  std::vector<event> events;
  std::vector<core::stance> stances;
};

// Four articles: one undated, one with a stance, one with a person known by name.
std::vector<item> corpus() {
  std::vector<item> out;
  const article a1 = make_article("a1", "Syria met Turkey.", "2017-03-01");
  out.push_back({a1, {make_event(a1, 0, syria(), turkey(), "042")}, {make_stance(a1, syria())}});
  const article a2 = make_article("a2", "Turkey attacked Syria.", "2017-03-02");
  out.push_back({a2, {make_event(a2, 0, turkey(), syria(), "190"), make_event(a2, 1, syria(), turkey(), "043")}, {}});
  const article a3 = make_article("a3", "Grace Wanjiru met Turkey.", "");
  out.push_back({a3, {make_event(a3, 0, person(), turkey(), "040")}, {make_stance(a3, person())}});
  const article a4 = make_article("a4", "Syria met Turkey again.", "2017-03-02");
  out.push_back({a4, {make_event(a4, 0, syria(), turkey(), "042")}, {}});
  return out;
}

void add_all(database& db, const std::vector<item>& items) {
  for (const item& i : items) db.add(i.a, i.events, i.stances);
}

std::string actor_text(const std::optional<actor>& a) {
  if (!a) return "-";
  return a->code + '/' + a->name + '/' + a->country + '/' + std::string{core::to_string(a->kind)};
}

// Everything a store returns, as text: events with every field, stances, counts, clusters.
std::string contents(const database& db) {
  std::string out;
  for (const event& e : db.events()) {
    out += "event " + e.article.value() + ' ' + std::to_string(e.sentence) + ' ' + core::to_iso(e.date) +
           ' ' + std::string{core::to_string(e.date.precision)} + ' ' + actor_text(e.source) + ' ' +
           actor_text(e.target) + ' ' + e.code + ' ' + std::to_string(e.goldstein) + ' ' +
           std::to_string(static_cast<int>(e.quad)) + ' ' + e.plover + ' ' + (e.negated ? "neg" : "pos") +
           ' ' + e.text + ' ' + std::to_string(e.where.begin) + '-' + std::to_string(e.where.end) + ' ' +
           e.rule + " x" + std::to_string(e.mentions) + '\n';
  }
  for (const core::stance& s : db.stances()) {
    out += "stance " + s.article.value() + ' ' + core::to_iso(s.date) + ' ' + actor_text(s.holder) + ' ' +
           s.issue + ' ' + std::string{core::to_string(s.polarity)} + ' ' + s.text + ' ' + s.rule + '\n';
  }
  const store::counts c = db.stats();
  out += "stats " + std::to_string(c.articles) + ' ' + std::to_string(c.events) + ' ' +
         std::to_string(c.actors) + ' ' + std::to_string(c.mentions) + '\n';
  for (const core::event_cluster& k : db.clusters()) {
    out += "cluster " + k.id + ' ' + std::to_string(k.num_events) + ' ' + std::to_string(k.num_articles) +
           ' ' + std::to_string(k.num_mentions) + ' ' + std::to_string(k.num_sources) + ' ' + k.code + '\n';
  }
  return out;
}

void expect_message_names(const store::store_error& e, const fs::path& file, const std::string& why) {
  const std::string what = e.what();
  EXPECT_NE(what.find(file.string()), std::string::npos) << what;
  EXPECT_NE(what.find(why), std::string::npos) << what;
}

TEST(database_merge_test, shards_merge_into_what_one_store_holds) {
  dt::temp_dir dir;
  const auto items = corpus();
  {
    database one{dir / "one.db"};
    add_all(one, items);
    database shard1{dir / "s1.db"};
    add_all(shard1, {items[0], items[1]});
    database shard2{dir / "s2.db"};
    add_all(shard2, {items[1], items[2], items[3]});  // a2 is in both shards
  }
  database merged{dir / "merged.db"};
  const store::merge_counts first = merged.merge(dir / "s1.db");
  EXPECT_EQ(first.articles, 2U);
  EXPECT_EQ(first.added, 2U);
  EXPECT_EQ(first.already, 0U);
  EXPECT_EQ(first.events, 3U);
  EXPECT_EQ(first.stances, 1U);
  const store::merge_counts second = merged.merge(dir / "s2.db");
  EXPECT_EQ(second.articles, 3U);
  EXPECT_EQ(second.added, 2U);
  EXPECT_EQ(second.already, 1U);
  EXPECT_EQ(second.events, 2U);  // a2's two events are not copied again
  EXPECT_EQ(second.stances, 1U);

  const database one{dir / "one.db", database::mode::read_only};
  const std::string expected = contents(one);
  EXPECT_NE(expected.find("Grace Wanjiru"), std::string::npos);
  EXPECT_NE(expected.find(" x2\n"), std::string::npos);  // mentions are copied
  EXPECT_EQ(contents(merged), expected);

  // The other order gives the same store contents.
  database reversed{dir / "reversed.db"};
  reversed.merge(dir / "s2.db");
  reversed.merge(dir / "s1.db");
  EXPECT_EQ(contents(reversed), expected);
}

TEST(database_merge_test, merging_the_same_store_again_adds_nothing) {
  dt::temp_dir dir;
  {
    database shard{dir / "s.db"};
    add_all(shard, corpus());
  }
  database merged{dir / "m.db"};
  merged.merge(dir / "s.db");
  const std::string before = contents(merged);
  const store::merge_counts again = merged.merge(dir / "s.db");
  EXPECT_EQ(again.articles, 4U);
  EXPECT_EQ(again.added, 0U);
  EXPECT_EQ(again.already, 4U);
  EXPECT_EQ(again.events, 0U);
  EXPECT_EQ(again.stances, 0U);
  EXPECT_EQ(contents(merged), before);

  // A store merged into itself adds nothing either.
  const store::merge_counts self = merged.merge(dir / "m.db");
  EXPECT_EQ(self.added, 0U);
  EXPECT_EQ(contents(merged), before);
}

TEST(database_merge_test, actors_are_unified_by_id_and_missing_fields_filled) {
  dt::temp_dir dir;
  {
    database shard{dir / "s.db"};
    const article a = make_article("named", "Syria met Turkey.", "2017-03-01");
    shard.add(a, {make_event(a, 0, syria(), turkey(), "042")});
  }
  database merged{dir / "m.db"};
  const article b = make_article("bare", "SYRGOV met TUR.", "2017-03-01");
  // Known here only by code: no name, country or kind yet.
  merged.add(b, {make_event(b, 0, actor{"SYRGOV", "", "", actor_kind::unknown}, turkey(), "042")});
  merged.merge(dir / "s.db");
  EXPECT_EQ(merged.stats().actors, 2U);
  const auto events = merged.events();
  ASSERT_EQ(events.size(), 2U);
  for (const event& e : events) EXPECT_EQ(e.source, syria()) << e.article.value();
  const auto clusters = merged.clusters();
  ASSERT_EQ(clusters.size(), 1U);
  EXPECT_EQ(clusters[0].num_articles, 2U);
}

TEST(database_merge_test, older_schema_files_merge_and_are_left_as_they_were) {
  dt::temp_dir dir;
  for (const char* name : {"schema_v1.db", "schema_v2.db"})
    fs::copy_file(dt::fixture_dir() / "stores" / name, dir / name);
  const std::string v1_bytes = dt::read_file(dir / "schema_v1.db");
  const std::string v2_bytes = dt::read_file(dir / "schema_v2.db");

  database merged{dir / "m.db"};
  const store::merge_counts v1 = merged.merge(dir / "schema_v1.db");
  EXPECT_EQ(v1.added, 1U);
  EXPECT_EQ(v1.events, 1U);
  EXPECT_EQ(v1.stances, 0U);
  const store::merge_counts v2 = merged.merge(dir / "schema_v2.db");
  EXPECT_EQ(v2.articles, 7U);
  EXPECT_EQ(v2.added, 7U);
  EXPECT_EQ(v2.events, 26U);
  EXPECT_EQ(v2.stances, 1U);
  const auto s = merged.stats();
  EXPECT_EQ(s.articles, 8U);
  EXPECT_EQ(s.events, 27U);
  for (const event& e : merged.events()) EXPECT_EQ(e.mentions, 1U);

  // Inputs are only read: same bytes, same schema version.
  EXPECT_EQ(dt::read_file(dir / "schema_v1.db"), v1_bytes);
  EXPECT_EQ(dt::read_file(dir / "schema_v2.db"), v2_bytes);

  // What the migrated file holds is what merging it gives.
  fs::copy_file(dir / "schema_v2.db", dir / "migrated.db");
  const database migrated{dir / "migrated.db"};
  database only_v2{dir / "only_v2.db"};
  only_v2.merge(dir / "schema_v2.db");
  EXPECT_EQ(contents(only_v2), contents(migrated));
}

TEST(database_merge_test, bad_inputs_throw_naming_the_file_and_change_nothing) {
  dt::temp_dir dir;
  {
    database shard{dir / "good.db"};
    add_all(shard, corpus());
  }
  dt::write_file(dir / "notes.txt", std::string(4096, 'x') + "\nnot a database\n");
  dt::write_file(dir / "empty.db", "");
  {
    database newer{dir / "newer.db"};
    add_all(newer, corpus());
  }
  {
    // The user_version is the big-endian 32-bit integer at offset 60 of the file header.
    std::fstream f(dir / "newer.db", std::ios::in | std::ios::out | std::ios::binary);
    ASSERT_TRUE(f);
    f.seekp(60);
    const char version[4] = {0, 0, 0, 99};
    f.write(version, sizeof version);
  }

  database merged{dir / "m.db"};
  const article own = make_article("own", "Already here.", "2017-02-01");
  merged.add(own, {make_event(own, 0, syria(), turkey(), "042")});
  const std::string before = contents(merged);

  const auto expect_failure = [&](const fs::path& input, const std::string& why) {
    try {
      merged.merge(input);
      ADD_FAILURE() << "expected store_error for " << input;
    } catch (const store::store_error& e) {
      expect_message_names(e, input, why);
    }
    EXPECT_EQ(contents(merged), before) << input;
  };
  expect_failure(dir / "notes.txt", "not a database");
  expect_failure(dir / "missing.db", "unable to open");
  expect_failure(dir / "empty.db", "not a diplograph database");
  expect_failure(dir / "newer.db", "newer");
  EXPECT_FALSE(fs::exists(dir / "missing.db"));

  if (dt::have_program("sqlite3")) {
    // A file whose last event names an actor that is not there: the merge fails after copying
    // the first articles, and the transaction takes them back.
    fs::copy_file(dir / "good.db", dir / "damaged.db");
    const auto r = dt::run_command("sqlite3 " + dt::shell_quote((dir / "damaged.db").string()) +
                                   " 'UPDATE events SET source = 999 WHERE pk = (SELECT max(pk) FROM events)'");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    expect_failure(dir / "damaged.db", "missing");
    // One whose stances table is gone.
    fs::copy_file(dir / "good.db", dir / "no_stances.db");
    const auto d = dt::run_command("sqlite3 " + dt::shell_quote((dir / "no_stances.db").string()) +
                                   " 'DROP TABLE stances'");
    ASSERT_EQ(d.exit_code, 0) << d.out;
    expect_failure(dir / "no_stances.db", "stances");
  }

  // The store still works, and a good input still merges.
  EXPECT_EQ(merged.merge(dir / "good.db").added, 4U);
  EXPECT_EQ(merged.stats().articles, 5U);
}

TEST(database_merge_test, a_read_only_store_or_an_open_batch_refuses_to_merge) {
  dt::temp_dir dir;
  {
    database shard{dir / "s.db"};
    add_all(shard, corpus());
    database target{dir / "t.db"};
  }
  database ro{dir / "t.db", database::mode::read_only};
  EXPECT_THROW(ro.merge(dir / "s.db"), store::store_error);
  database rw{dir / "t.db"};
  {
    auto tx = rw.begin_batch();
    EXPECT_THROW(rw.merge(dir / "s.db"), store::store_error);
  }
  EXPECT_EQ(rw.merge(dir / "s.db").added, 4U);
}

}  // namespace
