// Pins: `diplograph render` end to end on a store built from fixtures/articles: an SVG that
// parses as XML (Python's xml.etree), holds the legend and exactly one node per actor (the
// node titles are the actor ids of `export --format gephi-nodes`); country clusters drawn by
// dot; PNG by -o's extension (the PNG signature); sfdp; the default engine by size; --from/--to;
// and the errors: Graphviz missing from PATH (exit 1, naming the program and the Debian package
// graphviz, no file left behind), a missing database (exit 1), bad options (exit 2). The tests
// that run Graphviz skip cleanly when `dot` or `sfdp` is absent.

#include "render_verb.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;

using diplograph::testing::describe;
using diplograph::testing::run_cli;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The non-empty lines of `text` that start with `prefix`, without it, in order.
std::vector<std::string> after_prefix(const std::string& text, const std::string& prefix = {}) {
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.rfind(prefix, 0) == 0) found.push_back(line.substr(prefix.size()));
  return found;
}

std::set<std::string> set_of(const std::vector<std::string>& items) {
  return {items.begin(), items.end()};
}

// One store of the fixture articles for the whole suite.
class render_verb_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new dt::temp_dir;
    const auto r = run_cli({"ingest", "--db", db(), (dt::fixture_dir() / "articles").string()});
    ASSERT_EQ(r.code, 0) << describe(r);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (dir_->path() / "fixtures.db").string(); }
  static fs::path path(const std::string& name) { return dir_->path() / name; }

  // The actor ids of the stored graph (the Id column of the Gephi nodes table), sorted.
  static std::set<std::string> actor_ids(const std::vector<std::string>& range = {}) {
    std::vector<std::string> args{"export", "--db", db(), "--format", "gephi-nodes"};
    args.insert(args.end(), range.begin(), range.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.code, 0) << describe(r);
    dt::write_file(path("nodes.csv"), r.out);
    const auto ids = dt::run_python(dir_->path(), R"PY(
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")):
    print(row["Id"])
)PY",
                                    {path("nodes.csv").string()});
    EXPECT_EQ(ids.exit_code, 0) << ids.out;
    return set_of(after_prefix(ids.out));
  }

  // Parses `svg` with xml.etree; prints "NODE <title>" per node group, "CLUSTER <title>" per
  // cluster group and "TEXT <text>" per text element.
  static dt::command_result read_svg(const fs::path& svg) {
    return dt::run_python(dir_->path(), R"PY(
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == ns + "svg", root.tag
for g in root.iter(ns + "g"):
    kind = g.get("class")
    if kind in ("node", "cluster"):
        print(kind.upper(), g.find(ns + "title").text)
for t in root.iter(ns + "text"):
    print("TEXT", "".join(t.itertext()))
)PY",
                          {svg.string()});
  }

  static std::set<std::string> prefixed(const std::string& out, const std::string& prefix) {
    return set_of(after_prefix(out, prefix));
  }

  static std::size_t count_prefixed(const std::string& out, const std::string& prefix) {
    return after_prefix(out, prefix).size();
  }

  // Renders the store to `name` with `args` after `render --db DB -o FILE`; `stdout_text` gets
  // what render printed. Returns read_svg's result, or a failed one when render failed.
  static dt::command_result render_svg(const std::string& name,
                                       const std::vector<std::string>& args,
                                       std::string* stdout_text = nullptr) {
    std::vector<std::string> full{"render", "--db", db(), "-o", path(name).string()};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = run_cli(full);
    if (stdout_text != nullptr) *stdout_text = r.out;
    if (r.code != 0) return {r.code, describe(r)};
    EXPECT_TRUE(r.err.empty()) << r.err;
    return read_svg(path(name));
  }

  static inline dt::temp_dir* dir_ = nullptr;
};

bool have(const char* program) { return dt::have_program(program); }

TEST_F(render_verb_test, svg_parses_with_the_legend_and_one_node_per_actor) {
  if (!have("dot")) GTEST_SKIP() << "Graphviz (dot) is not installed";
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  std::string said;
  const auto parsed = render_svg("graph.svg", {"--engine", "dot", "--format", "svg"}, &said);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  EXPECT_TRUE(contains(said, "wrote " + path("graph.svg").string() + ": ")) << said;
  EXPECT_TRUE(contains(said, "drawn by dot")) << said;
  const auto ids = actor_ids();
  ASSERT_GT(ids.size(), 5u);
  EXPECT_EQ(count_prefixed(parsed.out, "NODE "), ids.size()) << parsed.out;
  EXPECT_EQ(prefixed(parsed.out, "NODE "), ids) << parsed.out;
  EXPECT_EQ(count_prefixed(parsed.out, "CLUSTER "), 0u);
  const auto texts = prefixed(parsed.out, "TEXT ");
  for (const char* legend :
       {"Legend", "Node colour: actor kind", "Edge colour: mean Goldstein of the events",
        "cooperation (above +1; darker: more cooperative)",
        "dashed: stance on an issue (blue support, orange opposition)",
        "pen width: number of events (1 + log2 n)", "node size: PageRank"})
    EXPECT_TRUE(texts.count(legend)) << legend << '\n' << parsed.out;
  // No temporary file is left beside the output.
  for (const auto& e : fs::directory_iterator(dir_->path()))
    EXPECT_FALSE(contains(e.path().filename().string(), ".tmp")) << e.path();
}

TEST_F(render_verb_test, country_clusters_are_drawn_by_dot) {
  if (!have("dot")) GTEST_SKIP() << "Graphviz (dot) is not installed";
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  const auto parsed = render_svg("clusters.svg", {"--dot-cluster", "country"});
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  const auto clusters = prefixed(parsed.out, "CLUSTER ");
  EXPECT_GT(clusters.size(), 1u) << parsed.out;
  for (const auto& c : clusters) EXPECT_EQ(c.rfind("cluster_", 0), 0u) << c;
  EXPECT_EQ(count_prefixed(parsed.out, "NODE "), actor_ids().size());
}

TEST_F(render_verb_test, png_by_extension_with_the_default_engine) {
  if (!have("dot") || !have("sfdp")) GTEST_SKIP() << "Graphviz (dot, sfdp) is not installed";
  const fs::path png = path("graph.png");
  const auto r = run_cli({"render", "--db", db(), "-o", png.string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  // The fixtures make a small graph: dot draws it.
  EXPECT_LE(actor_ids().size(), diplograph::cli::render_sfdp_above);
  EXPECT_TRUE(contains(r.out, "drawn by dot")) << r.out;
  const std::string bytes = dt::read_file(png);
  ASSERT_GT(bytes.size(), 8u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_F(render_verb_test, sfdp_draws_every_actor) {
  if (!have("sfdp")) GTEST_SKIP() << "Graphviz (sfdp) is not installed";
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  std::string said;
  const auto parsed = render_svg("sfdp.svg", {"--engine", "sfdp"}, &said);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  EXPECT_TRUE(contains(said, "drawn by sfdp")) << said;
  EXPECT_EQ(prefixed(parsed.out, "NODE "), actor_ids());
  EXPECT_TRUE(prefixed(parsed.out, "TEXT ").count("Legend")) << parsed.out;
}

TEST_F(render_verb_test, the_date_range_selects_the_actors) {
  if (!have("dot")) GTEST_SKIP() << "Graphviz (dot) is not installed";
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  const auto stats = run_cli({"stats", "--db", db()});
  ASSERT_EQ(stats.code, 0) << describe(stats);
  const auto first = stats.out.find("first event: ");
  ASSERT_NE(first, std::string::npos) << stats.out;
  const std::string day = stats.out.substr(first + 13, 10);
  const std::vector<std::string> range{"--from", day, "--to", day};
  const auto parsed = render_svg("day.svg", range);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.out;
  const auto on_the_day = actor_ids(range);
  EXPECT_EQ(prefixed(parsed.out, "NODE "), on_the_day);
  EXPECT_LT(on_the_day.size(), actor_ids().size());
}

TEST_F(render_verb_test, missing_graphviz_names_the_program_and_package) {
  dt::temp_dir empty;  // PATH with no Graphviz in it
  const fs::path out = path("none.svg");
  const auto r =
      dt::run_command("PATH=" + dt::shell_quote(empty.path().string()) + ' ' +
                      dt::shell_quote(dt::cli_path()) + " render --db " + dt::shell_quote(db()) +
                      " --engine sfdp -o " + dt::shell_quote(out.string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.out, "diplograph: render needs the Graphviz program 'sfdp'")) << r.out;
  EXPECT_TRUE(contains(r.out, "apt-get install graphviz")) << r.out;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(diplograph::cli::find_on_path("no-such-program-diplograph"));
  if (have("dot")) {
    EXPECT_TRUE(diplograph::cli::find_on_path("dot"));
  }
}

TEST_F(render_verb_test, bad_stores_and_options_fail_without_output) {
  const fs::path out = path("bad.svg");
  const auto missing = run_cli({"render", "--db", path("missing.db").string(), "-o", out.string()});
  EXPECT_EQ(missing.code, 1) << describe(missing);
  EXPECT_TRUE(contains(missing.err, "no database at")) << describe(missing);
  EXPECT_FALSE(fs::exists(path("missing.db")));
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--format", "pdf"},
                                             {"--engine", "neato"},
                                             {"--dot-cluster", "continent"},
                                             {"--from", "2017-02-30"},
                                             {"--from", "2017-03-02", "--to", "2017-03-01"}}) {
    std::vector<std::string> full{"render", "--db", db(), "-o", out.string()};
    full.insert(full.end(), args.begin(), args.end());
    const auto r = run_cli(full);
    EXPECT_EQ(r.code, 2) << args.front() << '\n' << describe(r);
  }
  const auto no_output = run_cli({"render", "--db", db()});
  EXPECT_EQ(no_output.code, 2) << describe(no_output);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
