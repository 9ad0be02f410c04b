// Pins: issue 6's filters and time options end to end, on a store built by `diplograph ingest`
// from fixtures/articles plus a few dated articles written here: `export` with --actor,
// --country, --root, --quad, --min-count, --ego/--depth (every graph format, composed),
// --decay/--at (decayed_weight read back by networkx from GraphML and GEXF; --at defaults to
// the range's last event date), --format windows, `build` with filters, `changes` in md, csv
// and jsonl (a sign change across a month without events, a thin month skipped, thresholds,
// windows, filters), and the exit codes: 2 for option mistakes, 1 for an --ego that names no
// actor and a missing database.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli_run.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;

using dt::cli_result;
using dt::describe;
using dt::run_cli;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

long lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// The written articles, one folder per publication date:
//   FRA -> DEU  2017-01-10 051 +3.4, 2017-01-20 051 +3.4, 2017-02-14 112 -2,
//               2017-03-05 111 -2, 2017-03-09 130 -4.4
//   BRA -> ARG  2017-01-11 051 +3.4, 2017-01-12 051 +3.4, 2017-03-03 051 +3.4, 2017-03-04 051 +3.4
// Article i is the file story<i>.txt (article id "story<i>"). FRA, DEU, BRA and ARG occur in no
// fixture; the fixtures bring TUR and the rest.
const std::vector<std::pair<std::string, std::string>> written = {
    {"2017-01-10", "France praised Germany for its help."},
    {"2017-01-20", "France praised Germany for its support."},
    {"2017-02-14", "France accused Germany of spying."},
    {"2017-03-05", "France condemned Germany over the attack."},
    {"2017-03-09", "France threatened Germany with sanctions."},
    {"2017-01-11", "Brazil praised Argentina for its generosity."},
    {"2017-01-12", "Brazil praised Argentina for its patience."},
    {"2017-03-03", "Brazil praised Argentina for its help."},
    {"2017-03-04", "Brazil praised Argentina for its support."},
};

class graph_time_test : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    dir_ = new dt::temp_dir;
    const std::string db = store();
    const auto fixtures = run_cli({"ingest", "--db", db, "-j", "1", (dt::fixture_dir() / "articles").string()});
    ASSERT_NE(fixtures.code, 2) << describe(fixtures);
    for (std::size_t i = 0; i < written.size(); ++i) {
      const fs::path folder = dir_->path() / ("a" + std::to_string(i));
      fs::create_directories(folder);
      dt::write_file(folder / ("story" + std::to_string(i) + ".txt"), written[i].second + "\n");
      const auto r = run_cli({"ingest", "--db", db, "-j", "1", "--published", written[i].first, folder.string()});
      ASSERT_EQ(r.code, 0) << describe(r);
      ASSERT_TRUE(contains(r.out, "events added: 1")) << written[i].second << '\n' << describe(r);
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string store() { return (dir_->path() / "g.db").string(); }
  static fs::path dir() { return dir_->path(); }

  static cli_result run(const std::string& verb, std::vector<std::string> args) {
    args.insert(args.begin(), {verb, "--db", store()});
    return run_cli(args);
  }

 private:
  static dt::temp_dir* dir_;
};

dt::temp_dir* graph_time_test::dir_ = nullptr;

// The (source, target) pairs of a Gephi edges table, and the value of `column` for each.
struct edge_table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // no quoted fields in these stores' ids

  std::set<std::pair<std::string, std::string>> pairs() const {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& r : rows) out.emplace(r[0], r[1]);
    return out;
  }
};

edge_table parse_edges(const std::string& csv) {
  edge_table t;
  std::istringstream in(csv);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
    if (first) t.header = fields;
    else t.rows.push_back(fields);
    first = false;
  }
  return t;
}

edge_table export_edges(std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "gephi-edges"});
  const auto r = graph_time_test::run("export", args);
  EXPECT_EQ(r.code, 0) << describe(r);
  return parse_edges(r.out);
}

using pairs = std::set<std::pair<std::string, std::string>>;

// Runs `verb` on the store; expects exit status 0.
cli_result run_ok(const std::string& verb, std::vector<std::string> args) {
  cli_result r = graph_time_test::run(verb, std::move(args));
  EXPECT_EQ(r.code, 0) << describe(r);
  return r;
}

// ---- filters -----------------------------------------------------------------------------------

TEST_F(graph_time_test, actor_filter_keeps_relations_of_matching_actors) {
  const auto all = export_edges({});
  ASSERT_GT(all.rows.size(), 10u);
  EXPECT_EQ(export_edges({"--actor", "FRA"}).pairs(), (pairs{{"FRA", "DEU"}}));
  // Repeatable; a name substring works as well as a code prefix.
  EXPECT_EQ(export_edges({"--actor", "FRA", "--actor", "brazil"}).pairs(), (pairs{{"FRA", "DEU"}, {"BRA", "ARG"}}));
  for (const auto& [source, target] : export_edges({"--actor", "ISR"}).pairs())
    EXPECT_TRUE(source.rfind("ISR", 0) == 0 || target.rfind("ISR", 0) == 0) << source << " -> " << target;
}

TEST_F(graph_time_test, country_root_and_quad_filters_compose) {
  // Either endpoint's country: Germany is a target only.
  EXPECT_EQ(export_edges({"--country", "deu"}).pairs(), (pairs{{"FRA", "DEU"}}));
  for (const auto& [source, target] : export_edges({"--country", "TUR"}).pairs())
    EXPECT_TRUE(source.rfind("TUR", 0) == 0 || target.rfind("TUR", 0) == 0) << source << " -> " << target;  // CAMEO codes
  // Root 05 (praise) and quad 1: BRA -> ARG and FRA -> DEU's January; with ARG as well, one.
  EXPECT_TRUE(export_edges({"--root", "5", "--quad", "1"}).pairs().count({"FRA", "DEU"}));
  EXPECT_EQ(export_edges({"--root", "5", "--quad", "1", "--country", "arg"}).pairs(), (pairs{{"BRA", "ARG"}}));
  // Roots as a comma list: 11 and 13 (FRA -> DEU's 112, 111 and 130); the edge counts only those.
  const auto conflict = export_edges({"--root", "11,13", "--actor", "FRA"});
  ASSERT_EQ(conflict.rows.size(), 1u);
  EXPECT_EQ(conflict.rows[0][3], "3");  // Weight
  EXPECT_EQ(export_edges({"--root", "13", "--root", "5", "--actor", "FRA"}).rows[0][3], "3");  // repeated
  // Quad 4 (material conflict) never meets root 05: nothing left, still a valid table.
  const auto none = export_edges({"--root", "05", "--quad", "4"});
  EXPECT_TRUE(none.rows.empty());
  EXPECT_EQ(none.header.front(), "Source");
}

TEST_F(graph_time_test, min_count_and_ego_network) {
  // Only FRA -> DEU (5 events) and BRA -> ARG (4) have more than two events in this store.
  EXPECT_EQ(export_edges({"--min-count", "4"}).pairs(), (pairs{{"FRA", "DEU"}, {"BRA", "ARG"}}));
  EXPECT_EQ(export_edges({"--min-count", "5"}).pairs(), (pairs{{"FRA", "DEU"}}));
  // The ego network of TUR, one hop (the fixtures' Black Sea digest): its relations, and the
  // stances of the actors in reach; no event relation without TUR.
  const auto one = export_edges({"--ego", "TUR", "--depth", "1"}).pairs();
  EXPECT_TRUE(one.count({"RUS", "TUR"}));
  for (const auto& [source, target] : one)
    EXPECT_TRUE(source == "TUR" || target == "TUR" || target.rfind("issue:", 0) == 0) << source << " -> " << target;
  // Two hops reach further, and keep every one-hop relation.
  const auto two = export_edges({"--ego", "TUR", "--depth", "2"}).pairs();
  EXPECT_GT(two.size(), one.size());
  for (const auto& p : one) EXPECT_TRUE(two.count(p));
  // Composed: min-count first, then the ego network over what is left.
  EXPECT_EQ(export_edges({"--ego", "ARG", "--depth", "3", "--min-count", "3"}).pairs(), (pairs{{"BRA", "ARG"}}));
  // The node table and every other graph format follow the same selection.
  const auto nodes = run("export", {"--format", "gephi-nodes", "--ego", "FRA", "--min-count", "2"});
  ASSERT_EQ(nodes.code, 0) << describe(nodes);
  EXPECT_TRUE(contains(nodes.out, "\nDEU,Germany,")) << nodes.out;
  EXPECT_TRUE(contains(nodes.out, "\nFRA,France,")) << nodes.out;
  EXPECT_EQ(lines(nodes.out), 3) << nodes.out;
  for (const char* format : {"graphml", "gexf", "gexf12", "nodelink", "dot", "csv", "jsonl", "timeline"}) {
    const auto r = run("export", {"--format", format, "--ego", "FRA", "--min-count", "2"});
    ASSERT_EQ(r.code, 0) << format << '\n' << describe(r);
    EXPECT_TRUE(contains(r.out, "DEU")) << format;
    EXPECT_FALSE(contains(r.out, "TUR")) << format << '\n' << r.out;
  }
}

TEST_F(graph_time_test, metrics_are_computed_on_the_filtered_graph) {
  const auto r = run("export", {"--format", "nodelink", "--actor", "FRA"});
  ASSERT_EQ(r.code, 0) << describe(r);
  // Two nodes, one edge: PageRank as networkx computes it on that graph alone.
  EXPECT_TRUE(contains(r.out, "\"pagerank\":0.35")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"pagerank\":0.649")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"graph\":{\"events_used\":5,")) << r.out;
}

// ---- time --------------------------------------------------------------------------------------

TEST_F(graph_time_test, decay_counts_back_from_at_or_the_last_event_of_the_range) {
  // FRA -> DEU at 2017-03-09, half-life 30: ages 58, 48, 23, 4 and 0 days.
  const double expected = std::exp2(-58.0 / 30) + std::exp2(-48.0 / 30) + std::exp2(-23.0 / 30) +
                          std::exp2(-4.0 / 30) + 1.0;
  const auto at = export_edges({"--actor", "FRA", "--decay", "30", "--at", "2017-03-09"});
  ASSERT_EQ(at.header.back(), "decayed_weight");
  ASSERT_EQ(at.rows.size(), 1u);
  EXPECT_NEAR(std::stod(at.rows[0].back()), expected, 1e-12);
  // --at defaults to the last event date of the range (before the other filters): BRA -> ARG's
  // 2017-03-04 is not the last, FRA -> DEU's 2017-03-09 is.
  const auto range = export_edges({"--actor", "BRA", "--decay", "30", "--from", "2017-01-01", "--to", "2017-12-31"});
  ASSERT_EQ(range.rows.size(), 1u);
  const double bra = std::exp2(-57.0 / 30) + std::exp2(-56.0 / 30) + std::exp2(-6.0 / 30) + std::exp2(-5.0 / 30);
  EXPECT_NEAR(std::stod(range.rows[0].back()), bra, 1e-12);
  // Events after --at add nothing.
  const auto early = export_edges({"--actor", "FRA", "--decay", "30", "--at", "2017-01-10"});
  EXPECT_NEAR(std::stod(early.rows[0].back()), 1.0, 1e-12);
}

TEST_F(graph_time_test, networkx_reads_decayed_weight_from_the_cli_graphml_and_gexf) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  const fs::path graphml = dir() / "decay.graphml";
  const fs::path gexf = dir() / "decay.gexf";
  for (const auto& [format, file] : {std::pair{"graphml", graphml}, std::pair{"gexf12", gexf}}) {
    const auto r = run("export", {"--format", format, "--decay", "30", "--at", "2017-03-09", "-o", file.string()});
    ASSERT_EQ(r.code, 0) << describe(r);
  }
  const auto r = dt::run_python(dir(), R"PY(
import math, sys
import networkx as nx
want = sum(2 ** (-a / 30) for a in (58, 48, 23, 4, 0))
problems = []
g = nx.read_graphml(sys.argv[1])
ids = {n: d["actor_id"] for n, d in g.nodes(data=True)}
for name, graph, key in (("graphml", g, lambda n: ids[n]), ("gexf", nx.read_gexf(sys.argv[2]), lambda n: n)):
    found = False
    for u, v, d in graph.edges(data=True):
        if not isinstance(d.get("decayed_weight"), float): problems.append("%s %s->%s: %r" % (name, u, v, d))
        if (key(u), key(v)) == ("FRA", "DEU"):
            found = True
            if abs(d["decayed_weight"] - want) > 1e-9: problems.append("%s: %r != %r" % (name, d["decayed_weight"], want))
        elif d["decayed_weight"] != 0.0 and d.get("first_date", d.get("start", "")) > "2017-03-09":
            problems.append("%s: later edge weighs %r" % (name, d))
    if not found: problems.append(name + ": no FRA -> DEU")
if g.graph.get("decay_at") != "2017-03-09" or g.graph.get("decay_half_life_days") != 30.0: problems.append("graph %r" % g.graph)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                                {graphml.string(), gexf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(graph_time_test, windows_table) {
  const auto r = run("export", {"--format", "windows", "--window", "month", "--actor", "FRA"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_EQ(r.out,
            "window_start,window_end,source,target,source_name,target_name,count,goldstein_mean,quad1,quad2,quad3,"
            "quad4\n"
            "2017-01-01,2017-01-31,FRA,DEU,France,Germany,2,3.4,2,0,0,0\n"
            "2017-02-01,2017-02-28,FRA,DEU,France,Germany,1,-2,0,0,1,0\n"
            "2017-03-01,2017-03-31,FRA,DEU,France,Germany,2,-3.2,0,0,2,0\n");
  const auto quarter = run("export", {"--format", "windows", "--window", "quarter", "--actor", "FRA"});
  EXPECT_TRUE(contains(quarter.out, "\n2017-01-01,2017-03-31,FRA,DEU,France,Germany,5,-0.32,2,0,3,0\n")) << quarter.out;
}

TEST_F(graph_time_test, build_applies_the_filters_to_every_file) {
  const fs::path out = dir() / "built";
  const auto r = run_cli({"build", "--db", store(), "-j", "1", "-o", out.string(), "--country", "FRA", "--decay", "7",
                          (dir() / "a0").string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "graph: 2 actors, 1 relations from 5 events and 0 stances")) << r.out;
  const std::string graphml = dt::read_file(out / "graph.graphml");
  EXPECT_TRUE(contains(graphml, "<data key=\"decay_at\">2026-")) << "the store's last event";  // fixtures
  EXPECT_TRUE(contains(graphml, "<data key=\"decayed_weight\">"));
  EXPECT_FALSE(contains(dt::read_file(out / "events.csv"), "Russia"));
  EXPECT_FALSE(contains(dt::read_file(out / "timeline.md"), "Russia"));
  EXPECT_TRUE(contains(dt::read_file(out / "graph.gexf"), "decayed_weight"));
}

// ---- changes -----------------------------------------------------------------------------------

TEST_F(graph_time_test, changes_reports_the_turn_with_its_evidence) {
  const auto md = run_ok("changes", {"--actor", "FRA"});
  EXPECT_TRUE(contains(md.out, "1 change.\n")) << md.out;
  // February has one event, below --min-count 2: January is compared with March.
  EXPECT_TRUE(contains(md.out, "## 2017-03-01: FRA France \xE2\x86\x92 DEU Germany: cooperation to conflict\n")) << md.out;
  EXPECT_TRUE(contains(md.out, "- before: 2017-01-01 \xE2\x80\x93 2017-01-31, 2 events, mean Goldstein 3.4\n")) << md.out;
  EXPECT_TRUE(contains(md.out, "- after: 2017-03-01 \xE2\x80\x93 2017-03-31, 2 events, mean Goldstein -3.2 (change -6.6)\n"))
      << md.out;
  // Evidence: March's events, most conflictual first, with sentence and article.
  const auto threat = md.out.find("2017-03-09 \xC2\xB7 130 \xC2\xB7 Goldstein -4.4");
  const auto condemn = md.out.find("2017-03-05 \xC2\xB7 111 \xC2\xB7 Goldstein -2");
  ASSERT_NE(threat, std::string::npos) << md.out;
  ASSERT_NE(condemn, std::string::npos) << md.out;
  EXPECT_LT(threat, condemn);
  EXPECT_TRUE(contains(md.out, " \xC2\xB7 story4, sentence 0: France threatened Germany with sanctions.\n")) << md.out;

  // --min-count 1: February counts, so the turn is January -> February; February -> March
  // moves by 1.2, below the threshold.
  const auto thin = run_ok("changes", {"--actor", "FRA", "--min-count", "1", "--format", "jsonl"});
  EXPECT_EQ(lines(thin.out), 1) << thin.out;
  EXPECT_TRUE(contains(thin.out, "\"before\":{\"start\":\"2017-01-01\",\"end\":\"2017-01-31\",\"count\":2,"
                                 "\"goldstein_mean\":3.4},\"after\":{\"start\":\"2017-02-01\""))
      << thin.out;
  // ... and a threshold under 1.2 reports February -> March as well.
  const auto low = run_ok("changes", {"--actor", "FRA", "--min-count", "1", "--threshold", "1", "--format", "jsonl"});
  EXPECT_EQ(lines(low.out), 2) << low.out;
  EXPECT_TRUE(contains(low.out, "\"kind\":\"toward_conflict\"")) << low.out;
}

TEST_F(graph_time_test, changes_csv_windows_and_filters) {
  const auto csv = run_ok("changes", {"--format", "csv", "--from", "2017-01-01", "--to", "2017-12-31"});
  // One row per evidence event: FRA -> DEU's two March events; BRA -> ARG's steady praise is no change.
  EXPECT_EQ(lines(csv.out), 3) << csv.out;
  EXPECT_TRUE(contains(csv.out, "\n1,FRA,DEU,France,Germany,cooperation_to_conflict,true,2017-01-01,2017-01-31,2,3.4,"
                                "2017-03-01,2017-03-31,2,-3.2,-6.6,2017-03-09,130,-4.4,"))
      << csv.out;
  EXPECT_TRUE(contains(csv.out, ",130,-4.4,story4,0,France threatened Germany with sanctions.\n")) << csv.out;
  EXPECT_FALSE(contains(csv.out, "BRA")) << csv.out;
  // A quarter holds all of it: nothing to compare. --evidence 1 keeps one row per change.
  EXPECT_TRUE(contains(run("changes", {"--window", "quarter", "--actor", "FRA"}).out, "0 changes."));
  const auto one = run_ok("changes", {"--format", "csv", "--evidence", "1", "--actor", "FRA"});
  EXPECT_EQ(lines(one.out), 2) << one.out;
  // Event filters: only praise (root 05) leaves FRA -> DEU's January alone, and no change.
  EXPECT_TRUE(contains(run("changes", {"--root", "5"}).out, "0 changes."));
  // -o FILE.
  const fs::path file = dir() / "changes.jsonl";
  const auto to_file = run_ok("changes", {"--format", "jsonl", "--actor", "FRA", "-o", file.string()});
  EXPECT_TRUE(to_file.out.empty());
  EXPECT_TRUE(contains(dt::read_file(file), "\"kind\":\"cooperation_to_conflict\""));
}

// ---- mistakes ----------------------------------------------------------------------------------

TEST_F(graph_time_test, option_mistakes_exit_2_and_a_missing_ego_exits_1) {
  const std::vector<std::vector<std::string>> usage = {
      {"export", "--format", "graphml", "--depth", "2"},                // --depth without --ego
      {"export", "--format", "graphml", "--at", "2017-01-01"},          // --at without --decay
      {"export", "--format", "graphml", "--decay", "30", "--at", "2017-02-30"},
      {"export", "--format", "graphml", "--decay", "0"},
      {"export", "--format", "graphml", "--quad", "5"},
      {"export", "--format", "graphml", "--root", "21"},
      {"export", "--format", "clusters", "--actor", "FRA"},             // clusters take no filter
      {"changes", "--window", "fortnight"},
      {"changes", "--format", "graphml"},
      {"changes", "--threshold", "-1"},
      {"changes", "--from", "2017-03-01", "--to", "2017-01-01"},
  };
  for (const auto& args : usage) {
    std::vector<std::string> with_db = args;
    with_db.insert(with_db.begin() + 1, {"--db", store()});
    const auto r = run_cli(with_db);
    EXPECT_EQ(r.code, 2) << args[1] << ' ' << args.back() << '\n' << describe(r);
    EXPECT_FALSE(r.err.empty());
  }
  const auto ego = run("export", {"--format", "graphml", "--ego", "NOBODY"});
  EXPECT_EQ(ego.code, 1) << describe(ego);
  EXPECT_TRUE(contains(ego.err, "diplograph: --ego 'NOBODY' names no actor")) << ego.err;
  const auto missing = run_cli({"changes", "--db", (dir() / "none.db").string()});
  EXPECT_EQ(missing.code, 1) << describe(missing);
  EXPECT_FALSE(fs::exists(dir() / "none.db"));
  const auto help = run_cli({"changes", "--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* option : {"--window", "--threshold", "--min-count", "--format", "--evidence"})
    EXPECT_TRUE(contains(help.out, option)) << option;
}

}  // namespace
