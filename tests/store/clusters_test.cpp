// Pins: database::clusters, events reported across articles (GDELT Events/Mentions style) —
// chaining by date within a window and its edges, the grouping key (source id, target id, CAMEO
// root), undated events clustered per article only, the counts (events, articles, mentions,
// sources), the chosen code and mean Goldstein, the evidence and its order, the id recipe
// (checked against values computed with libxxhash through Python ctypes), independence from
// ingest order, and the date range selecting clusters by their first day.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/cluster.hpp"
#include "diplograph/store/database.hpp"
#include "test_support.hpp"

namespace {

namespace core = diplograph::core;
namespace store = diplograph::store;
namespace dt = diplograph::testing;
using core::actor;
using core::actor_kind;
using core::article;
using core::event;
using core::event_cluster;

core::calendar_day day(const char* iso) { return *core::parse_iso_day(iso); }

actor syria() { return {"SYRGOV", "Syria government", "SYR", actor_kind::government}; }
actor turkey() { return {"TUR", "Turkey", "TUR", actor_kind::country}; }
actor un() { return {"IGOUNO", "United Nations", "", actor_kind::igo}; }

article make_article(const std::string& id, const std::string& text,
                     const std::string& publisher = "Example Wire") {
  article a;
  a.id = core::article_id{id};
  a.title = "Title of " + id;
  a.text = text;
  a.url = "https://example.org/" + id;
  a.source = publisher;
  a.published = day("2017-03-01");
  a.published_from = core::date_source::metadata;
  a.origin = "in.jsonl";
  return a;
}

// An event of `a` on `iso` ("" for undated), SYRGOV -> TUR by default.
event make_event(const article& a, std::size_t sentence, const std::string& iso,
                 std::string code = "042", double goldstein = 1.9) {
  event e;
  e.article = a.id;
  e.sentence = sentence;
  if (!iso.empty()) e.date = {day(iso.c_str()), core::date_precision::day};
  e.source = syria();
  e.target = turkey();
  e.code = std::move(code);
  e.goldstein = goldstein;
  e.quad = e.code.rfind("19", 0) == 0 ? core::quad_class::material_conflict
                                      : core::quad_class::verbal_cooperation;
  e.plover = "CONSULT";
  e.text = "Sentence " + std::to_string(sentence) + " of " + a.id.value() + ".";
  e.where = {0, 10};
  e.rule = "verb:meet";
  return e;
}

// One article per (id, date) holding one SYRGOV -> TUR 042 event on that day.
struct dated_article {
  std::string id;
  std::string iso;
};

void add_articles(store::database& db, const std::vector<dated_article>& list) {
  for (const auto& [id, iso] : list) {
    const article a = make_article(id, "Syria met Turkey on " + iso + " (" + id + ").");
    ASSERT_TRUE(db.add(a, {make_event(a, 0, iso)}));
  }
}

std::string describe(const std::vector<event_cluster>& clusters) {
  std::string out;
  for (const auto& c : clusters) {
    out += c.id + ' ' + (c.first ? core::to_iso(*c.first) : std::string{"undated"}) + ".." +
           (c.last ? core::to_iso(*c.last) : std::string{}) + ' ' +
           (c.source ? c.source->code : std::string{"-"}) + "->" +
           (c.target ? c.target->code : std::string{"-"}) + ' ' + c.root + ' ' + c.code +
           " events " + std::to_string(c.num_events) + ":";
    for (const auto& m : c.mentions) out += ' ' + m.article.value() + '#' + std::to_string(m.sentence);
    out += '\n';
  }
  return out;
}

// (first day, last day, number of events) of each cluster, in order.
std::vector<std::string> spans(const std::vector<event_cluster>& clusters) {
  std::vector<std::string> out;
  for (const auto& c : clusters) {
    out.push_back((c.first ? core::to_iso(*c.first) : std::string{"undated"}) + ".." +
                  (c.last ? core::to_iso(*c.last) : std::string{}) + " x" +
                  std::to_string(c.num_events));
  }
  return out;
}

TEST(clusters_test, an_empty_store_has_no_clusters) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  EXPECT_TRUE(db.clusters().empty());
}

TEST(clusters_test, events_chain_while_each_gap_is_within_the_window) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  // Gaps: 1, 1, 2, 3 days, and two articles on the 10th.
  add_articles(db, {{"a", "2017-03-01"},
                    {"b", "2017-03-02"},
                    {"c", "2017-03-03"},
                    {"d", "2017-03-05"},
                    {"e", "2017-03-08"},
                    {"f", "2017-03-08"}});
  using v = std::vector<std::string>;
  EXPECT_EQ(spans(db.clusters({}, 0)),
            (v{"2017-03-01..2017-03-01 x1", "2017-03-02..2017-03-02 x1",
               "2017-03-03..2017-03-03 x1", "2017-03-05..2017-03-05 x1",
               "2017-03-08..2017-03-08 x2"}));
  EXPECT_EQ(spans(db.clusters()),  // the default window is one day
            (v{"2017-03-01..2017-03-03 x3", "2017-03-05..2017-03-05 x1",
               "2017-03-08..2017-03-08 x2"}));
  EXPECT_EQ(spans(db.clusters({}, 2)), (v{"2017-03-01..2017-03-05 x4", "2017-03-08..2017-03-08 x2"}));
  EXPECT_EQ(spans(db.clusters({}, 3)), (v{"2017-03-01..2017-03-08 x6"}));
  EXPECT_EQ(spans(db.clusters({}, 365)), (v{"2017-03-01..2017-03-08 x6"}));
}

TEST(clusters_test, the_window_edge_is_inclusive) {
  for (int window : {0, 1, 4, 30}) {
    dt::temp_dir dir;
    store::database db{dir / "a.db"};
    const core::calendar_day start = day("2017-01-01");
    const auto iso = [&](int offset) { return core::to_iso(start + date::days{offset}); };
    // A gap of exactly `window` days joins; one more day starts a new cluster.
    add_articles(db, {{"a", iso(0)}, {"b", iso(window)}, {"c", iso(2 * window + 1)}});
    const auto c = db.clusters({}, window);
    ASSERT_EQ(c.size(), 2U) << "window " << window << '\n' << describe(c);
    EXPECT_EQ(c[0].num_events, 2U);
    EXPECT_EQ(c[0].last, start + date::days{window});
    EXPECT_EQ(c[1].first, start + date::days{2 * window + 1});
  }
}

TEST(clusters_test, a_negative_window_is_rejected) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  EXPECT_THROW(db.clusters({}, -1), std::invalid_argument);
}

TEST(clusters_test, the_key_is_source_target_and_cameo_root) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  const article a = make_article("a", "One.");
  const article b = make_article("b", "Two.");
  event reversed = make_event(b, 1, "2017-03-01");
  std::swap(reversed.source, reversed.target);
  event to_un = make_event(b, 2, "2017-03-01");
  to_un.target = un();
  event no_target = make_event(b, 3, "2017-03-01");
  no_target.target.reset();
  event no_target_again = make_event(a, 4, "2017-03-02");
  no_target_again.target.reset();
  // 042 and 043 share the root 04; 190 does not.
  ASSERT_TRUE(db.add(a, {make_event(a, 0, "2017-03-01", "042"), make_event(a, 1, "2017-03-01", "190", -10.0),
                         no_target_again}));
  ASSERT_TRUE(db.add(b, {make_event(b, 0, "2017-03-02", "043"), reversed, to_un, no_target}));

  const auto c = db.clusters();
  ASSERT_EQ(c.size(), 5U) << describe(c);
  // Order on one day: source id, target id ("" first), root.
  EXPECT_EQ(c[0].source->code, "SYRGOV");
  EXPECT_FALSE(c[0].target.has_value());
  EXPECT_EQ(c[0].num_events, 2U);
  EXPECT_EQ(c[0].num_articles, 2U);
  EXPECT_EQ(c[1].target->code, "IGOUNO");
  EXPECT_EQ(c[2].target->code, "TUR");
  EXPECT_EQ(c[2].root, "04");
  EXPECT_EQ(c[2].num_events, 2U);
  EXPECT_EQ(c[2].num_articles, 2U);
  EXPECT_EQ(c[3].target->code, "TUR");
  EXPECT_EQ(c[3].root, "19");
  EXPECT_EQ(c[3].code, "190");
  EXPECT_EQ(c[3].quad, core::quad_class::material_conflict);
  EXPECT_EQ(c[4].source->code, "TUR");
  EXPECT_EQ(c[4].target->code, "SYRGOV");
  EXPECT_EQ(c[4].source->name, "Turkey");
  EXPECT_EQ(c[4].target->name, "Syria government");
}

TEST(clusters_test, counts_code_and_goldstein) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  const article a = make_article("a", "One.", "Reuters");
  const article b = make_article("b", "Two.", "Reuters");
  const article c = make_article("c", "Three.", "AFP");
  const article d = make_article("d", "Four.", "");
  event stated_thrice = make_event(a, 0, "2017-03-01", "043", 2.8);
  stated_thrice.mentions = 3;
  event no_goldstein = make_event(d, 0, "2017-03-02", "042");
  no_goldstein.goldstein = std::nan("");
  ASSERT_TRUE(db.add(a, {stated_thrice, make_event(a, 2, "2017-03-01", "042", 1.0)}));
  ASSERT_TRUE(db.add(b, {make_event(b, 0, "2017-03-02", "043", 3.0)}));
  ASSERT_TRUE(db.add(c, {make_event(c, 0, "2017-03-02", "042", 1.2)}));
  ASSERT_TRUE(db.add(d, {no_goldstein}));

  const auto clusters = db.clusters();
  ASSERT_EQ(clusters.size(), 1U) << describe(clusters);
  const event_cluster& k = clusters[0];
  EXPECT_EQ(k.num_events, 5U);
  EXPECT_EQ(k.num_articles, 4U);
  EXPECT_EQ(k.num_mentions, 7U);  // 3 + 1 + 1 + 1 + 1
  EXPECT_EQ(k.num_sources, 2U);   // Reuters and AFP; the article without a publisher counts none
  EXPECT_EQ(k.code, "042");       // 042 three times, 043 twice
  EXPECT_EQ(k.root, "04");
  EXPECT_EQ(k.quad, core::quad_class::verbal_cooperation);
  EXPECT_DOUBLE_EQ(k.goldstein, (2.8 + 1.0 + 3.0 + 1.2) / 4);  // the event without one is left out
  EXPECT_EQ(k.first, day("2017-03-01"));
  EXPECT_EQ(k.last, day("2017-03-02"));

  // A tie between codes goes to the lowest.
  dt::temp_dir dir2;
  store::database tie{dir2 / "b.db"};
  const article e = make_article("e", "Five.");
  ASSERT_TRUE(tie.add(e, {make_event(e, 0, "2017-03-01", "046"), make_event(e, 1, "2017-03-01", "043")}));
  ASSERT_EQ(tie.clusters().size(), 1U);
  EXPECT_EQ(tie.clusters()[0].code, "043");
  EXPECT_EQ(tie.clusters()[0].num_articles, 1U);
  EXPECT_EQ(tie.clusters()[0].num_sources, 1U);
}

TEST(clusters_test, evidence_lists_every_event_by_date_article_and_sentence) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  const article b = make_article("b", "Two.", "Reuters");
  const article a = make_article("a", "One.", "AFP");
  event twice = make_event(b, 4, "2017-03-02", "043", 2.8);
  twice.mentions = 2;
  ASSERT_TRUE(db.add(b, {twice, make_event(b, 1, "2017-03-02"), make_event(b, 0, "2017-03-03")}));
  ASSERT_TRUE(db.add(a, {make_event(a, 3, "2017-03-02")}));

  const auto clusters = db.clusters();
  ASSERT_EQ(clusters.size(), 1U) << describe(clusters);
  const auto& m = clusters[0].mentions;
  ASSERT_EQ(m.size(), 4U);
  EXPECT_EQ(m[0].article.value(), "a");
  EXPECT_EQ(m[1].article.value(), "b");
  EXPECT_EQ(m[1].sentence, 1U);
  EXPECT_EQ(m[2].sentence, 4U);
  EXPECT_EQ(m[3].sentence, 0U);
  EXPECT_EQ(core::to_iso(m[3].date), "2017-03-03");
  EXPECT_EQ(m[2].url, "https://example.org/b");
  EXPECT_EQ(m[2].publisher, "Reuters");
  EXPECT_EQ(m[2].text, "Sentence 4 of b.");
  EXPECT_EQ(m[2].code, "043");
  EXPECT_DOUBLE_EQ(m[2].goldstein, 2.8);
  EXPECT_EQ(m[2].mentions, 2U);
  EXPECT_EQ(m[0].publisher, "AFP");
  EXPECT_EQ(clusters[0].num_mentions, 5U);
}

TEST(clusters_test, undated_events_cluster_only_within_their_article) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  const article u1 = make_article("u1", "Undated: Syria met Turkey.");
  const article u2 = make_article("u2", "Undated: Syria met Turkey again.");
  const article dated = make_article("d", "Dated.");
  ASSERT_TRUE(db.add(u1, {make_event(u1, 0, ""), make_event(u1, 2, "")}));
  ASSERT_TRUE(db.add(u2, {make_event(u2, 0, "")}));
  ASSERT_TRUE(db.add(dated, {make_event(dated, 0, "2017-03-01")}));

  const auto c = db.clusters({}, 100000);
  ASSERT_EQ(c.size(), 3U) << describe(c);
  EXPECT_TRUE(c[0].first.has_value());  // dated first, undated last
  EXPECT_EQ(c[0].num_events, 1U);
  for (std::size_t i : {1U, 2U}) {
    EXPECT_FALSE(c[i].first.has_value());
    EXPECT_FALSE(c[i].last.has_value());
    EXPECT_EQ(c[i].num_articles, 1U);
  }
  EXPECT_EQ(c[1].num_events + c[2].num_events, 3U);
  EXPECT_NE(c[1].id, c[2].id);

  // With a date bound, undated clusters are left out.
  const auto bounded = db.clusters({.from = day("2000-01-01"), .to = std::nullopt});
  ASSERT_EQ(bounded.size(), 1U);
  EXPECT_TRUE(bounded[0].first.has_value());
}

// Expected ids computed outside this code: XXH3_64bits from libxxhash through Python ctypes over
// b"SYRGOV\0TUR\0" b"04\0" b"2017-03-01\0" and, for the undated cluster,
// b"SYRGOV\0TUR\0" b"04\0" b"\0" + the article's content hash (XXH3-128 of title NUL text).
TEST(clusters_test, ids_follow_the_documented_recipe) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  const article dated = make_article("d", "Dated.");
  const article undated = make_article("u1", "Undated: Syria met Turkey.");
  ASSERT_EQ(store::content_hash(undated), "8957238f26b2a356e78350b9331b6538");
  ASSERT_TRUE(db.add(dated, {make_event(dated, 0, "2017-03-01"), make_event(dated, 1, "2017-03-02")}));
  ASSERT_TRUE(db.add(undated, {make_event(undated, 0, "")}));
  const auto c = db.clusters();
  ASSERT_EQ(c.size(), 2U) << describe(c);
  EXPECT_EQ(c[0].id, "a7deac7890d46844");
  EXPECT_EQ(c[1].id, "1aeed18ae8dac4de");
}

// The same articles ingested in different orders give the same clusters, ids and evidence
// included; an event that bridges two clusters joins them whenever it arrives.
TEST(clusters_test, clusters_do_not_depend_on_ingest_order) {
  struct item {
    article a;
    std::vector<event> events;
  };
  std::vector<item> items;
  const char* days[] = {"2017-03-01", "2017-03-03", "2017-03-02", "2017-03-09", "2017-03-08",
                        "2017-03-20", "2017-03-01", "2017-03-21", "2017-03-05", "2017-03-05"};
  for (int i = 0; i < 10; ++i) {
    const article a = make_article("art-" + std::to_string(i % 7),  // ids repeat; contents differ
                                   "Text " + std::to_string(i) + '.',
                                   i % 3 == 0 ? "Reuters" : "AFP");
    std::vector<event> events{make_event(a, 0, days[i]), make_event(a, 1, days[i], "190", -10.0)};
    event reverse = make_event(a, 2, days[(i + 3) % 10], "043");
    std::swap(reverse.source, reverse.target);
    events.push_back(reverse);
    if (i % 4 == 0) events.push_back(make_event(a, 3, ""));
    events.back().mentions = static_cast<std::size_t>(i % 3 + 1);
    items.push_back({a, events});
  }

  const auto clusters_after = [&](const std::vector<std::size_t>& order, const dt::temp_dir& dir,
                                  const std::string& name) {
    store::database db{dir / name};
    for (std::size_t i : order) EXPECT_TRUE(db.add(items[i].a, items[i].events));
    return db.clusters();
  };
  std::vector<std::size_t> forward(items.size());
  for (std::size_t i = 0; i < forward.size(); ++i) forward[i] = i;
  std::vector<std::size_t> backward(forward.rbegin(), forward.rend());
  std::vector<std::size_t> shuffled = forward;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937{20170324});

  dt::temp_dir dir;
  const auto one = clusters_after(forward, dir, "forward.db");
  const auto two = clusters_after(backward, dir, "backward.db");
  const auto three = clusters_after(shuffled, dir, "shuffled.db");
  ASSERT_FALSE(one.empty());
  EXPECT_EQ(describe(one), describe(two));
  EXPECT_EQ(describe(one), describe(three));
  ASSERT_EQ(one.size(), three.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].id, three[i].id);
    EXPECT_EQ(one[i].num_mentions, three[i].num_mentions);
    EXPECT_EQ(one[i].num_sources, three[i].num_sources);
    EXPECT_EQ(one[i].code, three[i].code);
    EXPECT_DOUBLE_EQ(one[i].goldstein, three[i].goldstein);
    ASSERT_EQ(one[i].mentions.size(), three[i].mentions.size());
    for (std::size_t j = 0; j < one[i].mentions.size(); ++j) {
      EXPECT_EQ(one[i].mentions[j].text, three[i].mentions[j].text);
      EXPECT_EQ(one[i].mentions[j].url, three[i].mentions[j].url);
      EXPECT_EQ(one[i].mentions[j].mentions, three[i].mentions[j].mentions);
    }
  }
  // 03-01, 03-01, 03-02, 03-03 chain into one SYRGOV -> TUR 04 cluster with the default window.
  const auto first = std::find_if(one.begin(), one.end(), [](const event_cluster& c) {
    return c.root == "04" && c.source->code == "SYRGOV" && c.first == day("2017-03-01");
  });
  ASSERT_NE(first, one.end()) << describe(one);
  EXPECT_EQ(first->last, day("2017-03-03"));
  EXPECT_EQ(first->num_events, 4U);
}

TEST(clusters_test, a_date_range_selects_clusters_by_their_first_day) {
  dt::temp_dir dir;
  store::database db{dir / "a.db"};
  add_articles(db, {{"a", "2017-03-30"}, {"b", "2017-03-31"}, {"c", "2017-04-01"}, {"d", "2017-04-05"}});

  const auto march = db.clusters({.from = day("2017-03-01"), .to = day("2017-03-31")});
  ASSERT_EQ(march.size(), 1U) << describe(march);
  EXPECT_EQ(march[0].num_events, 3U);  // with its evidence after the range
  EXPECT_EQ(march[0].last, day("2017-04-01"));

  const auto april = db.clusters({.from = day("2017-04-01"), .to = day("2017-04-30")});
  ASSERT_EQ(april.size(), 1U) << describe(april);
  EXPECT_EQ(april[0].first, day("2017-04-05"));

  // Consecutive ranges list each cluster once: together they are the whole.
  const auto all = db.clusters();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, march[0].id);
  EXPECT_EQ(all[1].id, april[0].id);
  EXPECT_TRUE(db.clusters({.from = day("2017-04-02"), .to = day("2017-04-04")}).empty());
  EXPECT_EQ(db.clusters({.from = std::nullopt, .to = day("2017-03-30")}).size(), 1U);
}

TEST(clusters_test, works_on_a_read_only_store_and_inside_a_batch) {
  dt::temp_dir dir;
  const auto file = dir / "a.db";
  {
    store::database db{file};
    auto tx = db.begin_batch();
    add_articles(db, {{"a", "2017-03-01"}, {"b", "2017-03-02"}});
    EXPECT_EQ(db.clusters().size(), 1U);  // sees the batch's own rows
    tx.commit();
  }
  const store::database ro{file, store::database::mode::read_only};
  const auto c = ro.clusters();
  ASSERT_EQ(c.size(), 1U);
  EXPECT_EQ(c[0].num_articles, 2U);
}

}  // namespace
