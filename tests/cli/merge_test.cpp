// Pins: `diplograph merge A.db B.db ... -o ALL.db` end to end — the fixtures ingested as two
// shards and merged give exactly what one ingest of all of them gives (events JSONL and CSV,
// stances, stats, clusters and mentions CSVs), in either merge order and with overlapping
// shards; merging a shard again adds nothing; a bad input (not a database, missing, newer
// schema) is named on stderr, the other inputs are still merged and the exit status is 1.
// Also `export --format clusters|mentions` with --cluster-window, and hostile article ids,
// URLs, publishers and sentences through both CSVs, read back by Python's csv module.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "diplograph/export/jsonl.hpp"
#include "diplograph/store/database.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;
namespace store = diplograph::store;

using dt::cli_result;
using dt::describe;
using dt::run_cli;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

fs::path article(const char* name) { return dt::fixture_dir() / "articles" / name; }

// `diplograph ingest FILES --db DB`, expecting success.
void ingest(const fs::path& db, const std::vector<fs::path>& files) {
  std::vector<std::string> args{"ingest", "--db", db.string()};
  for (const auto& f : files) args.push_back(f.string());
  const auto r = run_cli(args);
  ASSERT_EQ(r.code, 0) << describe(r);
}

std::string export_of(const fs::path& db, const std::string& format,
                      const std::vector<std::string>& more = {}) {
  std::vector<std::string> args{"export", "--db", db.string(), "--format", format};
  args.insert(args.end(), more.begin(), more.end());
  const auto r = run_cli(args);
  EXPECT_EQ(r.code, 0) << describe(r);
  return r.out;
}

// `diplograph stats` without its first line, which names the file.
std::string stats_of(const fs::path& db) {
  const auto r = run_cli({"stats", "--db", db.string()});
  EXPECT_EQ(r.code, 0) << describe(r);
  return r.out.substr(r.out.find('\n') + 1);
}

// Stances as the JSONL the exporter writes for them.
std::string stances_of(const fs::path& db) {
  const store::database d{db, store::database::mode::read_only};
  std::string out;
  for (const auto& s : d.stances()) {
    diplograph::exporter::append_stance_json(out, s);
    out += '\n';
  }
  return out;
}

// Everything compared between stores, by name.
struct exported {
  std::string jsonl, csv, clusters, mentions, clusters_wide, stances, stats, edges;
};

exported everything(const fs::path& db) {
  return {export_of(db, "jsonl"),
          export_of(db, "csv"),
          export_of(db, "clusters"),
          export_of(db, "mentions"),
          export_of(db, "clusters", {"--cluster-window", "30"}),
          stances_of(db),
          stats_of(db),
          export_of(db, "gephi-edges")};
}

void expect_same(const exported& got, const exported& want, const std::string& what) {
  EXPECT_EQ(got.jsonl, want.jsonl) << what;
  EXPECT_EQ(got.csv, want.csv) << what;
  EXPECT_EQ(got.clusters, want.clusters) << what;
  EXPECT_EQ(got.mentions, want.mentions) << what;
  EXPECT_EQ(got.clusters_wide, want.clusters_wide) << what;
  EXPECT_EQ(got.stances, want.stances) << what;
  EXPECT_EQ(got.stats, want.stats) << what;
  EXPECT_EQ(got.edges, want.edges) << what;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// One JSONL record reporting the same attack; `day` may be empty (undated).
std::string attack_record(const std::string& id, const std::string& day) {
  std::string line = "{\"id\":\"" + id + "\",\"title\":\"" + id + "\",";
  if (!day.empty()) line += "\"published\":\"" + day + "\",";
  return line + "\"url\":\"https://example.org/" + id +
         "\",\"source\":\"Wire\",\"text\":\"Israeli troops attacked Hamas fighters in Gaza.\"}\n";
}

// The fixtures, plus one attack reported on 24, 25 and 27 March 2017 and once undated, as one
// store and as two shards: 001-003 with the 24th and the undated report, and the other fixture
// articles with the 25th and 27th, so that clusters span the shards.
struct sharded {
  dt::temp_dir tmp;
  fs::path all = tmp / "all.db";
  fs::path s1 = tmp / "s1.db";
  fs::path s2 = tmp / "s2.db";
  sharded() {
    dt::write_file(tmp / "extra1.jsonl", attack_record("d1", "2017-03-24") + attack_record("u1", ""));
    dt::write_file(tmp / "extra2.jsonl", attack_record("d2", "2017-03-25") + attack_record("d3", "2017-03-27"));
    ingest(all, {dt::fixture_dir() / "articles", tmp / "extra1.jsonl", tmp / "extra2.jsonl"});
    // Every fixture article lands in exactly one shard: the first three, and the rest.
    std::vector<fs::path> articles;
    for (const auto& entry : fs::directory_iterator(dt::fixture_dir() / "articles")) articles.push_back(entry.path());
    std::sort(articles.begin(), articles.end());
    std::vector<fs::path> first(articles.begin(), articles.begin() + 3), rest(articles.begin() + 3, articles.end());
    first.push_back(tmp / "extra1.jsonl");
    rest.push_back(tmp / "extra2.jsonl");
    ingest(s1, first);
    ingest(s2, rest);
  }
};

TEST(merge_test, shards_merged_equal_one_ingest_of_everything) {
  sharded f;
  const exported want = everything(f.all);
  // The comparison means something: events, an undated cluster, stances.
  ASSERT_GT(count_lines(want.jsonl), 10U);
  ASSERT_GT(count_lines(want.clusters), 10U);
  ASSERT_TRUE(contains(want.clusters, ",,,ISRMIL,")) << want.clusters;  // undated
  ASSERT_TRUE(contains(want.clusters, ",2,2,2,1,https://example.org/d1 https://example.org/d2\n"))
      << want.clusters;
  ASSERT_FALSE(want.stances.empty());
  EXPECT_EQ(count_lines(want.clusters), count_lines(want.clusters_wide) + 1) << want.clusters_wide;

  // Articles per shard, as the store counts them (the fixture set grows over time).
  const auto articles_in = [](const fs::path& db) { return diplograph::store::database{db}.stats().articles; };
  const std::size_t n1 = articles_in(f.s1), n2 = articles_in(f.s2);
  const std::string s2_line = std::to_string(n2) + " articles";
  const fs::path merged = f.tmp / "merged.db";
  const auto r = run_cli({"merge", f.s1.string(), f.s2.string(), "-o", merged.string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "merged " + f.s1.string() + ": 7 articles, 7 added, 0 already stored"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "merged " + f.s2.string() + ": " + s2_line + ", " + std::to_string(n2) +
                                  " added, 0 already stored"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "store " + merged.string() + ": " + std::to_string(n1 + n2) + " articles")) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  expect_same(everything(merged), want, "s1 + s2");

  const fs::path reversed = f.tmp / "reversed.db";
  ASSERT_EQ(run_cli({"merge", f.s2.string(), f.s1.string(), "-o", reversed.string()}).code, 0);
  expect_same(everything(reversed), want, "s2 + s1");

  // Overlapping shards: the articles of 003 and 004 again, in a third shard.
  const fs::path s3 = f.tmp / "s3.db";
  ingest(s3, {article("003_wire_digest.jsonl"), article("004_web_caption.txt")});
  const fs::path overlap = f.tmp / "overlap.db";
  const auto o = run_cli({"merge", s3.string(), f.s1.string(), f.s2.string(), "-o", overlap.string()});
  ASSERT_EQ(o.code, 0) << describe(o);
  EXPECT_TRUE(contains(o.out, "merged " + f.s1.string() + ": 7 articles, 4 added, 3 already stored"))
      << o.out;
  EXPECT_TRUE(contains(o.out, "merged " + f.s2.string() + ": " + s2_line + ", " + std::to_string(n2 - 1) +
                                  " added, 1 already stored"))
      << o.out;
  const exported got = everything(overlap);
  // Ingest order differs (003, 004 first), so compare what does not depend on it.
  EXPECT_EQ(got.clusters, want.clusters);
  EXPECT_EQ(got.mentions, want.mentions);
  EXPECT_EQ(got.clusters_wide, want.clusters_wide);
  EXPECT_EQ(got.jsonl, want.jsonl);
  EXPECT_EQ(got.stats, want.stats);
}

TEST(merge_test, merging_the_same_shard_twice_adds_nothing) {
  sharded f;
  const fs::path merged = f.tmp / "merged.db";
  ASSERT_EQ(run_cli({"merge", f.s1.string(), "-o", merged.string()}).code, 0);
  const exported before = everything(merged);

  const auto again = run_cli({"merge", f.s1.string(), "-o", merged.string()});
  ASSERT_EQ(again.code, 0) << describe(again);
  EXPECT_TRUE(contains(again.out, ": 7 articles, 0 added, 7 already stored, 0 events, 0 stances"))
      << again.out;
  expect_same(everything(merged), before, "merged twice");

  // Twice in one call, and the output named among the inputs, which is skipped.
  const fs::path twice = f.tmp / "twice.db";
  const auto r = run_cli({"merge", f.s1.string(), f.s1.string(), "-o", twice.string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, ": 7 articles, 0 added, 7 already stored")) << r.out;
  expect_same(everything(twice), before, "listed twice");
  const auto self = run_cli({"merge", twice.string(), f.s1.string(), "-o", twice.string()});
  ASSERT_EQ(self.code, 0) << describe(self);
  EXPECT_TRUE(contains(self.out, "skipped " + twice.string() + ": it is the output store")) << self.out;
  expect_same(everything(twice), before, "merged into itself");

  // Adding the second shard to an existing store gives the whole.
  ASSERT_EQ(run_cli({"merge", f.s2.string(), "-o", merged.string()}).code, 0);
  expect_same(everything(merged), everything(f.all), "s1, then s2 later");
}

TEST(merge_test, bad_inputs_are_named_and_the_others_still_merged) {
  sharded f;
  const fs::path notes = f.tmp / "notes.txt";
  dt::write_file(notes, std::string(4096, 'x') + "\nnot a database\n");
  const fs::path missing = f.tmp / "missing.db";
  const fs::path newer = f.tmp / "newer.db";
  ingest(newer, {article("001_nairobi_protests.txt")});
  {
    // The user_version is the big-endian 32-bit integer at offset 60 of the file header.
    std::fstream file(newer, std::ios::in | std::ios::out | std::ios::binary);
    ASSERT_TRUE(file);
    file.seekp(60);
    const char version[4] = {0, 0, 0, 99};
    file.write(version, sizeof version);
  }
  const fs::path merged = f.tmp / "merged.db";
  // The real binary, for its exit status.
  const auto r = dt::run_command(dt::shell_quote(dt::cli_path()) + " merge " +
                                 dt::shell_quote(f.s1.string()) + ' ' + dt::shell_quote(notes.string()) +
                                 ' ' + dt::shell_quote(missing.string()) + ' ' +
                                 dt::shell_quote(newer.string()) + ' ' + dt::shell_quote(f.s2.string()) +
                                 " -o " + dt::shell_quote(merged.string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "diplograph: cannot merge " + notes.string() + " into " + merged.string() +
                                  ": file is not a database"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "diplograph: cannot merge " + missing.string() + " into " +
                                  merged.string() + ": no such file"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "diplograph: cannot merge " + newer.string() + " into " + merged.string() +
                                  ": its schema version 99 is newer"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "(3 of 5 inputs failed)")) << r.out;
  EXPECT_FALSE(fs::exists(missing));
  expect_same(everything(merged), everything(f.all), "good inputs among bad ones");
}

TEST(merge_test, usage_errors_exit_2) {
  dt::temp_dir tmp;
  const auto no_output = run_cli({"merge", (tmp / "a.db").string()});
  EXPECT_EQ(no_output.code, 2) << describe(no_output);
  EXPECT_TRUE(contains(no_output.err, "--output")) << describe(no_output);
  const auto no_inputs = run_cli({"merge", "-o", (tmp / "all.db").string()});
  EXPECT_EQ(no_inputs.code, 2) << describe(no_inputs);
  EXPECT_FALSE(fs::exists(tmp / "all.db"));
  const auto window = run_cli({"export", "--db", (tmp / "all.db").string(), "--format", "clusters",
                               "--cluster-window", "-1"});
  EXPECT_EQ(window.code, 2) << describe(window);
  EXPECT_TRUE(contains(window.err, "--cluster-window")) << describe(window);
  const auto help = run_cli({"--help"});
  EXPECT_TRUE(contains(help.out, "merge")) << help.out;
}

// Three articles with the same sentence, published 24, 25 and 27 March: the event chains
// into clusters by the window.
TEST(merge_test, cluster_window_sets_how_far_apart_events_chain) {
  dt::temp_dir tmp;
  std::string jsonl;
  for (const auto& [id, day] : {std::pair{"d1", "2017-03-24"}, {"d2", "2017-03-25"}, {"d3", "2017-03-27"}}) {
    jsonl += std::string{"{\"id\":\""} + id + "\",\"published\":\"" + day + "\",\"title\":\"" + id +
             "\",\"url\":\"https://example.org/" + id +
             "\",\"source\":\"Wire\",\"text\":\"Israeli troops attacked Hamas fighters in Gaza.\"}\n";
  }
  dt::write_file(tmp / "news.jsonl", jsonl);
  const fs::path db = tmp / "d.db";
  ingest(db, {tmp / "news.jsonl"});
  ASSERT_EQ(count_lines(export_of(db, "jsonl")), 3U);

  EXPECT_EQ(count_lines(export_of(db, "clusters", {"--cluster-window", "0"})), 1U + 3U);
  const std::string one_day = export_of(db, "clusters");  // default: 1
  EXPECT_EQ(one_day, export_of(db, "clusters", {"--cluster-window", "1"}));
  EXPECT_EQ(count_lines(one_day), 1U + 2U) << one_day;
  EXPECT_TRUE(contains(one_day, ",2017-03-24,2017-03-25,")) << one_day;
  EXPECT_TRUE(contains(one_day, ",2,2,2,1,https://example.org/d1 https://example.org/d2\n")) << one_day;
  const std::string two_days = export_of(db, "clusters", {"--cluster-window", "2"});
  EXPECT_EQ(count_lines(two_days), 1U + 1U) << two_days;
  EXPECT_TRUE(contains(two_days, ",2017-03-24,2017-03-27,")) << two_days;

  // The same cluster id in both CSVs; one mention row per event.
  const std::string mentions = export_of(db, "mentions", {"--cluster-window", "2"});
  EXPECT_EQ(count_lines(mentions), 1U + 3U) << mentions;
  const std::string id = two_days.substr(two_days.find('\n') + 1, 16);
  EXPECT_EQ(mentions.find("\n" + id + ",d1,https://example.org/d1,Wire,0,2017-03-24,day,"),
            mentions.find('\n'))
      << mentions;

  // --from/--to select clusters by their first day.
  EXPECT_EQ(count_lines(export_of(db, "clusters", {"--from", "2017-03-25", "--to", "2017-03-31"})), 1U + 1U);
  EXPECT_EQ(count_lines(export_of(db, "clusters", {"--cluster-window", "2", "--from", "2017-03-25"})), 1U);
}

TEST(merge_test, hostile_text_survives_the_cluster_csvs) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir tmp;
  // JSON escapes: quotes, a comma, CR LF, a control character; and a byte that is not UTF-8.
  const std::string record =
      "{\"id\":\"a\\\"b,c\\r\\nd\\u0001e \xff\",\"published\":\"2017-03-24\","
      "\"url\":\"https://example.org/x,y?q=\\\"1\\\"\",\"source\":\"Wire, \\\"The\\\"\\nDesk\","
      "\"text\":\"Israeli troops \\\"attacked\\\" Hamas fighters, in Gaza.\"}\n";
  dt::write_file(tmp / "hostile.jsonl", record);
  const fs::path db = tmp / "d.db";
  ingest(db, {tmp / "hostile.jsonl"});
  dt::write_file(tmp / "clusters.csv", export_of(db, "clusters"));
  dt::write_file(tmp / "mentions.csv", export_of(db, "mentions"));
  const auto r = dt::run_python(tmp.path(), R"PY(
import csv, sys
def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f, strict=True))
clusters, mentions = rows(sys.argv[1]), rows(sys.argv[2])
print('CLUSTER_ROWS', len(clusters) - 1, 'RAGGED', sum(1 for r in clusters if len(r) != 18))
print('MENTION_ROWS', len(mentions) - 1, 'RAGGED', sum(1 for r in mentions if len(r) != 11))
m = dict(zip(mentions[0], mentions[1]))
print('ID', m['article'] == 'a"b,c\r\nd\x01e \ufffd')
print('URL', m['url'] == 'https://example.org/x,y?q="1"')
print('PUBLISHER', m['publisher'] == 'Wire, "The"\nDesk')
print('TEXT', m['text'] == 'Israeli troops "attacked" Hamas fighters, in Gaza.')
c = dict(zip(clusters[0], clusters[1]))
print('URLS', c['source_urls'] == m['url'], 'SAME_ID', c['cluster_id'] == m['cluster_id'])
)PY",
                                {(tmp / "clusters.csv").string(), (tmp / "mentions.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "CLUSTER_ROWS 1 RAGGED 0")) << r.out;
  EXPECT_TRUE(contains(r.out, "MENTION_ROWS 1 RAGGED 0")) << r.out;
  for (const char* check : {"ID True", "URL True", "PUBLISHER True", "TEXT True", "URLS True SAME_ID True"})
    EXPECT_TRUE(contains(r.out, check)) << r.out;
}

}  // namespace
