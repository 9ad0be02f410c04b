// Pins: `diplograph timeline` end to end on a store built by `diplograph ingest` from articles
// written here — chronological order, CAMEO labels from dictionaries/cameo_codes.tsv, the
// --actor filter (code prefix or name substring), --from/--to (inclusive, undated left out),
// every --format (md, csv read by Python's csv module, json and vis read by Python's json
// module, html drawn by headless Chromium when installed), -o FILE, and the exit codes: 2 for
// a bad date, a reversed range or an unknown format, 1 for a missing database (never created).

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "cli_run.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;

constexpr auto npos = std::string::npos;

using diplograph::testing::cli_result;
using diplograph::testing::describe;
using diplograph::testing::run_cli;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != npos; }

// A store of three articles: one event each, two dated by --published, one undated.
//   2014-07-21  ISRMIL Israel army -> PSEREBHMS Hamas        190 Use conventional military force
//   2015-03-02  FRAGOV France government -> RUS Russia       111 Criticize or denounce
//   undated     TURGOV Turkey government -> IGOUNO United Nations  051 Praise or endorse
class timeline_verb_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new dt::temp_dir;
    const fs::path d = dir_->path();
    fs::create_directories(d / "2015");
    fs::create_directories(d / "2014");
    fs::create_directories(d / "undated");
    dt::write_file(d / "2015" / "paris.txt", "French President Francois Hollande condemned Russia over the attack.\n");
    dt::write_file(d / "2014" / "gaza.txt", "Israeli troops attacked Hamas fighters in Gaza.\n");
    dt::write_file(d / "undated" / "ankara.txt",
                   "Turkish President Recep Tayyip Erdogan praised the United Nations for its mediation.\n");
    const std::string db = (d / "t.db").string();
    for (const auto& [folder, published] :
         std::vector<std::pair<std::string, std::string>>{{"2015", "2015-03-02"}, {"2014", "2014-07-21"}}) {
      const auto r = run_cli({"ingest", "--db", db, "--published", published, (d / folder).string()});
      ASSERT_EQ(r.code, 0) << describe(r);
    }
    const auto r = run_cli({"ingest", "--db", db, (d / "undated").string()});
    ASSERT_EQ(r.code, 0) << describe(r);
    ASSERT_TRUE(contains(r.out, "events added: 1")) << describe(r);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return (dir_->path() / "t.db").string(); }
  static fs::path dir() { return dir_->path(); }

  static cli_result timeline(std::vector<std::string> args) {
    args.insert(args.begin(), {"timeline", "--db", db()});
    return run_cli(args);
  }

 private:
  static dt::temp_dir* dir_;
};

dt::temp_dir* timeline_verb_test::dir_ = nullptr;

// Runs `script` with Python on `document`; returns its output when it fails, else "".
std::string python_problems(const std::string& script, const std::string& document) {
  const std::string python = dt::python_path();
  if (python.empty() || !dt::have_program(python)) return {};
  dt::temp_dir tmp;
  dt::write_file(tmp / "check.py", script);
  dt::write_file(tmp / "doc", document);
  const auto r = dt::run_command(dt::shell_quote(python) + ' ' + dt::shell_quote((tmp / "check.py").string()) +
                                 ' ' + dt::shell_quote((tmp / "doc").string()));
  return r.exit_code == 0 ? std::string{} : "python: exit " + std::to_string(r.exit_code) + '\n' + r.out;
}

TEST_F(timeline_verb_test, markdown_lists_events_in_date_order_with_labels) {
  const auto r = timeline({"--format", "md"});
  ASSERT_EQ(r.code, 0) << describe(r);
  const auto israel = r.out.find("**ISRMIL Israel army** \xE2\x86\x92 **PSEREBHMS Hamas** \xC2\xB7 190 Use conventional "
                                 "military force \xC2\xB7 material conflict \xC2\xB7 Goldstein -10 \xC2\xB7 _Israeli "
                                 "troops attacked Hamas fighters in Gaza._");
  const auto france = r.out.find("111 Criticize or denounce \xC2\xB7 verbal conflict");
  const auto undated = r.out.find("## Undated");
  const auto turkey = r.out.find("051 Praise or endorse");
  ASSERT_NE(israel, npos) << r.out;
  EXPECT_TRUE(israel < france && france < undated && undated < turkey) << r.out;
  EXPECT_TRUE(contains(r.out, "## 2014-07-21\n") && contains(r.out, "## 2015-03-02\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "3 events, 1 undated.")) << r.out;
  EXPECT_TRUE(r.err.empty()) << describe(r);
}

TEST_F(timeline_verb_test, actor_filter_takes_code_prefixes_and_name_substrings) {
  const auto by_code = timeline({"--format", "csv", "--actor", "isr"});
  ASSERT_EQ(by_code.code, 0) << describe(by_code);
  EXPECT_TRUE(contains(by_code.out, "\n2014-07-21,day,ISRMIL,Israel army,PSEREBHMS,Hamas,190,"
                                    "Use conventional military force,4,-10,false,gaza,0,"))
      << by_code.out;
  EXPECT_FALSE(contains(by_code.out, "FRAGOV") || contains(by_code.out, "TURGOV")) << by_code.out;

  const auto by_name = timeline({"--format", "csv", "--actor", "united nations"});  // IGOUNO, the target
  ASSERT_EQ(by_name.code, 0) << describe(by_name);
  EXPECT_TRUE(contains(by_name.out, "\n,unknown,TURGOV,Turkey government,IGOUNO,United Nations,051,"
                                    "Praise or endorse,1,3.4,false,ankara,0,"))
      << by_name.out;
  EXPECT_FALSE(contains(by_name.out, "ISRMIL")) << by_name.out;

  const auto none = timeline({"--format", "md", "--actor", "XYZ"});
  EXPECT_EQ(none.code, 0) << describe(none);
  EXPECT_TRUE(contains(none.out, "# Timeline: XYZ\n\n0 events.")) << none.out;
}

TEST_F(timeline_verb_test, date_range_is_inclusive_and_leaves_out_undated_events) {
  const auto r = timeline({"--format", "csv", "--from", "2014-07-21", "--to", "2015-03-01"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "\n2014-07-21,day,ISRMIL")) << r.out;
  EXPECT_FALSE(contains(r.out, "FRAGOV") || contains(r.out, "TURGOV")) << r.out;
  const auto later = timeline({"--format", "csv", "--from", "2015-03-02"});
  ASSERT_EQ(later.code, 0) << describe(later);
  EXPECT_TRUE(contains(later.out, "\n2015-03-02,day,FRAGOV")) << later.out;
  EXPECT_FALSE(contains(later.out, "ISRMIL") || contains(later.out, "TURGOV")) << later.out;
  EXPECT_TRUE(python_problems(R"PY(
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
assert len(rows) == 2 and len(rows[0]) == 14 and rows[0][7] == "label", rows
assert rows[1][7] == "Criticize or denounce" and rows[1][9] == "-2", rows
)PY", later.out).empty());
}

TEST_F(timeline_verb_test, timelinejs_and_vis_json_load_in_python) {
  const auto js = timeline({"--format", "json"});
  ASSERT_EQ(js.code, 0) << describe(js);
  EXPECT_EQ(python_problems(R"PY(
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
events = doc["events"]
assert [e["start_date"] for e in events] == [{"year": 2014, "month": 7, "day": 21},
                                              {"year": 2015, "month": 3, "day": 2}], events
assert events[0]["text"]["headline"] == "Israel army \u2192 Hamas: Use conventional military force", events
assert "Israeli troops attacked Hamas fighters in Gaza." in events[0]["text"]["text"], events
assert [e["unique_id"] for e in events] == ["ev-1", "ev-2"], events
assert [e["group"] for e in events] == ["material conflict", "verbal conflict"], events
assert doc["title"]["text"]["headline"] == "Timeline", doc["title"]
assert "1 undated not shown" in doc["title"]["text"]["text"], doc["title"]
)PY", js.out), "") << js.out;

  const auto vis = timeline({"--format", "vis", "--title", "Gaza & Paris"});
  ASSERT_EQ(vis.code, 0) << describe(vis);
  EXPECT_EQ(python_problems(R"PY(
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["title"] == "Gaza & Paris", doc
assert [(i["id"], i["start"], i["group"], i["className"]) for i in doc["items"]] == [
    ("ev-1", "2014-07-21", 4, "material-conflict"), ("ev-2", "2015-03-02", 3, "verbal-conflict")], doc
assert sorted(g["id"] for g in doc["groups"]) == [3, 4], doc
)PY", vis.out), "") << vis.out;
}

TEST_F(timeline_verb_test, output_file_is_written_and_stdout_stays_empty) {
  const fs::path file = dir() / "out.md";
  const auto r = timeline({"--format", "md", "-o", file.string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(r.out.empty()) << describe(r);
  EXPECT_TRUE(contains(dt::read_file(file), "3 events, 1 undated."));
  EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
}

TEST_F(timeline_verb_test, usage_errors_exit_2_and_a_missing_database_exits_1_without_creating_it) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--format", "md", "--from", "2015-02-30"},
           {"--format", "md", "--to", "yesterday"},
           {"--format", "md", "--from", "2015-01-01", "--to", "2014-12-31"},
           {"--format", "pdf"},
           {"--actor", "ISR"}}) {
    const auto r = timeline(args);
    EXPECT_EQ(r.code, 2) << args[1] << '\n' << describe(r);
    EXPECT_TRUE(r.out.empty()) << describe(r);
    EXPECT_FALSE(r.err.empty()) << describe(r);
  }
  const fs::path missing = dir() / "missing.db";
  const auto r = run_cli({"timeline", "--db", missing.string(), "--format", "html"});
  EXPECT_EQ(r.code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, "diplograph: no database at " + missing.string())) << describe(r);
  EXPECT_FALSE(fs::exists(missing));
  // Usage errors come before the database is looked at.
  const auto both = run_cli({"timeline", "--db", missing.string(), "--format", "md", "--from", "x"});
  EXPECT_EQ(both.code, 2) << describe(both);
}

// ------------------------------------------------------------------ the HTML in headless Chromium

std::string rendered_dom(const fs::path& html, const std::string& fragment, const fs::path& profile) {
  const auto r = dt::run_command(
      "timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
      dt::shell_quote(profile.string()) + " --virtual-time-budget=2000 --dump-dom " +
      dt::shell_quote("file://" + html.string() + fragment) + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

// Event items the script drew, and how many of them the filter hid.
struct drawn {
  std::size_t items = 0;
  std::size_t hidden = 0;
  std::string count;
};

drawn drawn_in(const std::string& dom) {
  static const std::regex item(R"(<li class="event q[1-4]"[^>]*data-actors="[^"]*"[^>]*>)");
  static const std::regex count(R"(<span id="count">([^<]*)</span>)");
  drawn d;
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), item); it != std::sregex_iterator(); ++it) {
    ++d.items;
    d.hidden += it->str().find(" hidden=") != npos ? 1 : 0;
  }
  std::smatch m;
  d.count = std::regex_search(dom, m, count) ? m[1].str() : "(no #count)";
  return d;
}

TEST_F(timeline_verb_test, html_page_draws_every_event_in_chromium_and_filters_by_actor) {
  const fs::path page = dir() / "timeline.html";
  const auto r = timeline({"--format", "html", "-o", page.string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  const std::string html = dt::read_file(page);
  EXPECT_TRUE(contains(html, "<script type=\"application/json\" id=\"timeline-data\">")) << html;
  if (!fs::exists("/usr/bin/chromium"))
    GTEST_SKIP() << "chromium is not installed (apt-get install chromium, or tools/setup.sh --test)";

  dt::temp_dir profile;
  const auto all = drawn_in(rendered_dom(page, "", profile.path()));
  EXPECT_EQ(all.items, 3u);
  EXPECT_EQ(all.hidden, 0u);
  EXPECT_EQ(all.count, "3");

  const auto isr = drawn_in(rendered_dom(page, "#actor=ISRMIL", profile.path()));
  EXPECT_EQ(isr.items, 3u);
  EXPECT_EQ(isr.hidden, 2u);
  EXPECT_EQ(isr.count, "1");

  // A filtered, ranged page holds only those events.
  const fs::path ranged = dir() / "ranged.html";
  const auto rr = timeline({"--format", "html", "--from", "2015-01-01", "-o", ranged.string()});
  ASSERT_EQ(rr.code, 0) << describe(rr);
  const std::string dom = rendered_dom(ranged, "", profile.path());
  const auto later = drawn_in(dom);
  EXPECT_EQ(later.items, 1u) << dom;
  EXPECT_EQ(later.count, "1");
  EXPECT_TRUE(contains(dom, "data-actors=\"FRAGOV|RUS\"")) << dom;
  EXPECT_TRUE(contains(dom, "<title>Timeline: 2015-01-01 \xE2\x80\x93 \xE2\x80\xA6</title>")) << dom;
}

}  // namespace
