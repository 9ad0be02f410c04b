// Pins: the events CSV (header, RFC 4180 quoting, LF row ends, invalid UTF-8 replaced, caller's
// order kept) read back by Python's csv module; and the Markdown timeline (chronological
// grouping by day, undated last, escaping of Markdown-significant characters, one line per event).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/utf8.hpp"
#include "diplograph/export/writers.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;

core::dated on(const char* iso, core::date_precision p = core::date_precision::day) {
  return core::dated{*core::parse_iso_day(iso), p};
}

core::actor actor(std::string code, std::string name, std::string country = {}) {
  return core::actor{std::move(code), std::move(name), std::move(country),
                     core::actor_kind::unknown};
}

core::event event(std::string article, std::size_t sentence, core::dated date,
                  std::optional<core::actor> source, std::optional<core::actor> target,
                  std::string text) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.sentence = sentence;
  e.date = date;
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = "112";
  e.quad = core::quad_class::verbal_conflict;
  e.goldstein = -2.0;
  e.plover = "ACCUSE";
  e.rule = "accuse.v";
  e.text = std::move(text);
  return e;
}

std::vector<core::event> csv_events() {
  std::vector<core::event> events;
  events.push_back(event("reuters-1", 3, on("2017-03-24"),
                         actor("SYRGOV", "Syria government", "SYR"),
                         actor("USA", "United States", "USA"),
                         "Syria accused the U.S. of \"aggression\", officials said."));
  core::event odd =
      event("a,b", 0, on("2017-03-01", core::date_precision::month), actor("X", "name, with comma"),
            std::nullopt, "line1\r\nline2\nbad\xff byte, and \x01 control");
  odd.code = "042";
  odd.quad = core::quad_class::verbal_cooperation;
  odd.goldstein = 1.9;
  odd.plover = "";
  odd.negated = true;
  odd.rule = "r\"1\"";
  events.push_back(odd);
  core::event bare;
  bare.goldstein = std::numeric_limits<double>::quiet_NaN();
  events.push_back(bare);
  return events;
}

// What a CSV reader must give back for csv_events(), header first.
std::vector<std::vector<std::string>> csv_expected() {
  return {
      {"article", "sentence", "date", "date_precision", "source_code", "source_name",
       "source_country", "target_code", "target_name", "target_country", "code", "quad_class",
       "goldstein", "plover", "negated", "rule", "text"},
      {"reuters-1", "3", "2017-03-24", "day", "SYRGOV", "Syria government", "SYR", "USA",
       "United States", "USA", "112", "3", "-2", "ACCUSE", "false", "accuse.v",
       "Syria accused the U.S. of \"aggression\", officials said."},
      {"a,b", "0", "2017-03", "month", "X", "name, with comma", "", "", "", "", "042", "1", "1.9",
       "", "true", "r\"1\"", "line1\r\nline2\nbad\xEF\xBF\xBD byte, and \x01 control"},
      {"", "0", "", "unknown", "", "", "", "", "", "", "", "1", "", "", "false", "", ""},
  };
}

std::string csv_of(const std::vector<core::event>& events) {
  std::ostringstream out;
  exporter::write_events_csv(out, events);
  return out.str();
}

std::string timeline_of(const std::vector<core::event>& events) {
  std::ostringstream out;
  exporter::write_timeline_md(out, events);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(tables_test, csv_has_header_and_quotes_only_when_needed) {
  const std::string csv = csv_of(csv_events());
  const auto lines = lines_of(csv);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "article,sentence,date,date_precision,source_code,source_name,source_country,"
            "target_code,target_name,target_country,code,quad_class,goldstein,plover,negated,"
            "rule,text");
  EXPECT_EQ(lines[1],
            "reuters-1,3,2017-03-24,day,SYRGOV,Syria government,SYR,USA,United States,USA,112,3,"
            "-2,ACCUSE,false,accuse.v,\"Syria accused the U.S. of \"\"aggression\"\", officials "
            "said.\"");
  EXPECT_EQ(lines[2].rfind("\"a,b\",0,2017-03,month,X,\"name, with comma\",,,,,042,1,1.9,,true,"
                           "\"r\"\"1\"\"\",\"line1\r",
                           0),
            0u)
      << lines[2];
  EXPECT_EQ(lines.back(), ",0,,unknown,,,,,,,,1,,,false,,");
  EXPECT_TRUE(core::is_valid_utf8(csv));
  EXPECT_EQ(csv.back(), '\n');
  // LF row ends: the only CR is the one inside the quoted sentence.
  EXPECT_EQ(csv.find('\r'), csv.rfind('\r'));
  EXPECT_EQ(csv.find("\r\n"), csv.find("line1\r\n") + 5);
}

TEST(tables_test, csv_keeps_the_callers_order) {
  auto events = csv_events();
  std::swap(events[0], events[2]);
  const auto lines = lines_of(csv_of(events));
  EXPECT_EQ(lines[1].rfind(",0,,unknown", 0), 0u);
  EXPECT_EQ(lines.back().rfind("reuters-1,", 0), 0u);
  EXPECT_EQ(lines_of(csv_of({})).size(), 1u);  // header only
}

TEST(tables_test, python_csv_reads_rows_back) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  const auto r = dt::python_reads_rows(dir.path(), csv_of(csv_events()), R"PY(
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
)PY",
                                       csv_expected());
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

std::vector<core::event> timeline_events() {
  const auto syr = actor("SYRGOV", "Syria government");
  const auto usa = actor("USA", "United States");
  return {
      event("b", 2, on("2017-03-24"), syr, usa, "third"),
      event("a", 5, on("2017-03-24"), syr, usa, "second"),
      event("z", 0, on("2017-03-20"), usa, syr, "first dated day"),
      event("c", 0, {}, syr, std::nullopt, "undated"),
      event("a", 1, on("2017-03-24"), syr, usa, "the earliest sentence of the day"),
      event("m", 0, on("2017-03-01", core::date_precision::month), usa, syr, "some day in March"),
  };
}

TEST(tables_test, timeline_groups_events_by_day_in_order) {
  const auto lines = lines_of(timeline_of(timeline_events()));
  std::vector<std::string> structure;
  for (const auto& l : lines) {
    if (l.rfind("## ", 0) == 0) structure.push_back(l);
    const auto at = l.find(" \xC2\xB7 _");
    if (l.rfind("- ", 0) == 0 && at != std::string::npos)
      structure.push_back(l.substr(at + 5, l.find("_ (") - at - 5));
  }
  EXPECT_EQ(structure, (std::vector<std::string>{"## 2017-03", "some day in March", "## 2017-03-20",
                                                 "first dated day", "## 2017-03-24",
                                                 "the earliest sentence of the day", "second",
                                                 "third", "## Undated", "undated"}));
  EXPECT_EQ(lines.front(), "# Timeline");
  EXPECT_NE(std::find(lines.begin(), lines.end(), "6 events, 1 undated."), lines.end());
}

TEST(tables_test, timeline_bullet_shows_dyad_code_and_score) {
  const auto lines = lines_of(timeline_of(timeline_events()));
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "- **SYRGOV Syria government** \xE2\x86\x92 **USA United States** \xC2\xB7 "
                      "112 verbal conflict \xC2\xB7 Goldstein -2 \xC2\xB7 _second_ "
                      "(a, sentence 5)"),
            lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "- **SYRGOV Syria government** \xE2\x86\x92 _unknown_ \xC2\xB7 "
                      "112 verbal conflict \xC2\xB7 Goldstein -2 \xC2\xB7 _undated_ "
                      "(c, sentence 0)"),
            lines.end());
}

TEST(tables_test, timeline_escapes_markdown_in_user_text) {
  auto e = event("id_[1]", 0, on("2017-03-24"), actor("", "*Bold* _under_ <b>"),
                 actor("A|B", "#1 `tick`"),
                 "  Line one\nline \\two\r\n[link](http://x) <script> | ~~x~~ & #tag\x01\xff  ");
  e.negated = true;
  e.goldstein = 3.44;
  const auto text = timeline_of({e});
  EXPECT_TRUE(core::is_valid_utf8(text));
  const auto lines = lines_of(text);
  std::vector<std::string> bullets;
  for (const auto& l : lines)
    if (l.rfind("- ", 0) == 0) bullets.push_back(l);
  ASSERT_EQ(bullets.size(), 1u) << text;  // newlines in user text never break the bullet
  EXPECT_EQ(bullets[0],
            "- **\\*Bold\\* \\_under\\_ \\<b\\>** \xE2\x86\x92 **A\\|B \\#1 \\`tick\\`** \xC2\xB7 "
            "not 112 verbal conflict \xC2\xB7 Goldstein 3.4 \xC2\xB7 _Line one line \\\\two  "
            "\\[link\\](http://x) \\<script\\> \\| \\~\\~x\\~\\~ \\& \\#tag \xEF\xBF\xBD_ "
            "(id\\_\\[1\\], sentence 0)");
}

TEST(tables_test, empty_timeline_says_so) {
  const auto text = timeline_of({});
  EXPECT_EQ(text, "# Timeline\n\n0 events.\n\n_No events._\n");
}

}  // namespace
