// Pins: the GDELT-like events table (events_table.hpp): its header, the cluster join
// (GLOBALEVENTID, NumMentions/NumSources/NumArticles, SOURCEURL), the fallback id of an event no
// cluster lists, GDELT date columns at every precision, base and root codes; and hostile text
// (quotes, commas, CR/LF, tabs, controls, U+2028, invalid UTF-8) read back by Python's csv
// module in strict mode and, for TSV, one row per line with the header's number of fields.

#include "diplograph/export/events_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/core/utf8.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;

constexpr std::size_t columns = 28;

core::dated on(const char* iso, core::date_precision p = core::date_precision::day) {
  return core::dated{*core::parse_iso_day(iso), p};
}

core::actor actor(std::string code, std::string name, std::string country) {
  return core::actor{std::move(code), std::move(name), std::move(country),
                     core::actor_kind::country};
}

const std::string hostile_text =
    "He said \"no\", twice;\r\nthen\ttabbed\x01 \xff\xfe and\xE2\x80\xA8 left, \"\"quoted\"\"";

// 0, 1: one cluster reported by two articles; 2: hostile text in a cluster of its own;
// 3: an event no cluster lists (month precision); 4: undated, without a target.
std::vector<core::event> table_events() {
  const auto syr = actor("SYRGOV", "Syria government", "SYR");
  const auto usa = actor("USA", "United States", "USA");
  std::vector<core::event> events(5);
  events[0].article = core::article_id{"reuters-1"};
  events[0].sentence = 3;
  events[0].date = on("2017-03-24");
  events[0].source = syr;
  events[0].target = usa;
  events[0].code = "1123";
  events[0].quad = core::quad_class::verbal_conflict;
  events[0].goldstein = -2.0;
  events[0].plover = "ACCUSE";
  events[0].rule = "svo:accuse";
  events[0].text = "Syria accused the United States.";
  events[0].mentions = 2;
  events[1] = events[0];
  events[1].article = core::article_id{"afp-7"};
  events[1].sentence = 0;
  events[1].date = on("2017-03-25");
  events[1].code = "112";
  events[1].mentions = 1;
  events[2] = events[0];
  events[2].article = core::article_id{"a,b\"c"};
  events[2].source = actor("X,\"Y\"", "name\nwith\tbreaks", "SYR");
  events[2].code = "04";
  events[2].quad = core::quad_class::verbal_cooperation;
  events[2].goldstein = 1.0;
  events[2].negated = true;
  events[2].rule = "r\t\"1\"";
  events[2].text = hostile_text;
  events[3] = events[0];
  events[3].article = core::article_id{"lone"};
  events[3].date = on("2017-03-01", core::date_precision::month);
  events[3].goldstein = std::numeric_limits<double>::quiet_NaN();
  events[4].article = core::article_id{"undated"};
  events[4].source = usa;
  events[4].code = "190";
  events[4].quad = core::quad_class::material_conflict;
  events[4].goldstein = -10.0;
  return events;
}

core::cluster_mention mention_of(const core::event& e, std::string url) {
  return {.article = e.article,
          .url = std::move(url),
          .publisher = {},
          .sentence = e.sentence,
          .text = e.text,
          .date = e.date,
          .code = e.code,
          .goldstein = e.goldstein,
          .mentions = e.mentions};
}

// A cluster of `head`'s actors with these counts and evidence.
core::event_cluster cluster_of(std::string id, const core::event& head, std::size_t mentions,
                               std::size_t articles, std::size_t sources,
                               std::vector<core::cluster_mention> evidence) {
  core::event_cluster c;
  c.id = std::move(id);
  c.source = head.source;
  c.target = head.target;
  c.num_mentions = mentions;
  c.num_articles = articles;
  c.num_sources = sources;
  c.mentions = std::move(evidence);
  return c;
}

std::vector<core::event_cluster> table_clusters() {
  const auto events = table_events();
  return {cluster_of("00000000000000aa", events[0], 3, 2, 2,
                     {mention_of(events[0], "https://example.org/1?a=1,b=\"2\""),
                      mention_of(events[1], "https://example.org/afp")}),
          cluster_of("00000000000000bb", events[2], 2, 1, 1, {mention_of(events[2], "")}),
          cluster_of("00000000000000cc", events[4], 1, 1, 0, {mention_of(events[4], "u")})};
}

std::string table_of(const std::vector<core::event>& events,
                     const std::vector<core::event_cluster>& clusters, exporter::table_format f) {
  std::ostringstream out;
  exporter::write_events_table(out, events, clusters, f);
  return out.str();
}

constexpr std::string_view header_line =
    "GLOBALEVENTID,SQLDATE,MonthYear,Year,EventDate,DatePrecision,Actor1Code,Actor1Name,"
    "Actor1CountryCode,Actor2Code,Actor2Name,Actor2CountryCode,EventCode,EventBaseCode,"
    "EventRootCode,QuadClass,GoldsteinScale,NumMentions,NumSources,NumArticles,SOURCEURL,IsNegated,"
    "PLOVER,ArticleID,SentenceIndex,ArticleMentions,Rule,Sentence";

using row = std::vector<std::string>;

// The column groups of one row, one after the other.
row joined(std::initializer_list<row> groups) {
  row r;
  for (const row& g : groups) r.insert(r.end(), g.begin(), g.end());
  return r;
}

// What a reader must get back, header first; `tsv` applies the TSV replacements.
std::vector<row> expected_rows(const std::string& lone_id, bool tsv) {
  const std::string text = tsv ? "He said \"no\", twice;  then tabbed  \xEF\xBF\xBD\xEF\xBF\xBD "
                                 "and  left, \"\"quoted\"\""
                               : "He said \"no\", twice;\r\nthen\ttabbed\x01 "
                                 "\xEF\xBF\xBD\xEF\xBF\xBD and\xE2\x80\xA8 left, "
                                 "\"\"quoted\"\"";
  row header;
  std::istringstream names{std::string(header_line)};
  for (std::string name; std::getline(names, name, ',');) header.push_back(name);
  const row syria_usa{"SYRGOV", "Syria government", "SYR", "USA", "United States", "USA"};
  const row accusation{"svo:accuse", "Syria accused the United States."};
  return {
      header,
      joined({{"00000000000000aa", "20170324", "201703", "2017", "2017-03-24", "day"},
              syria_usa,
              {"1123", "112", "11", "3", "-2", "3", "2", "2", "https://example.org/1?a=1,b=\"2\"",
               "0"},
              {"ACCUSE", "reuters-1", "3", "2"},
              accusation}),
      joined({{"00000000000000aa", "20170325", "201703", "2017", "2017-03-25", "day"},
              syria_usa,
              {"112", "112", "11", "3", "-2", "3", "2", "2", "https://example.org/afp", "0"},
              {"ACCUSE", "afp-7", "0", "1"},
              accusation}),
      joined({{"00000000000000bb", "20170324", "201703", "2017", "2017-03-24", "day"},
              {"X,\"Y\"", tsv ? "name with breaks" : "name\nwith\tbreaks", "SYR"},
              {"USA", "United States", "USA"},
              {"04", "04", "04", "1", "1", "2", "1", "1", "", "1"},
              {"ACCUSE", "a,b\"c", "3", "2", tsv ? "r \"1\"" : "r\t\"1\"", text}}),
      joined({{lone_id, "20170301", "201703", "2017", "2017-03", "month"},
              syria_usa,
              {"1123", "112", "11", "3", "", "2", "0", "1", "", "0"},
              {"ACCUSE", "lone", "3", "2"},
              accusation}),
      joined({{"00000000000000cc", "", "", "", "", "unknown"},
              {"USA", "United States", "USA"},
              {"", "", ""},
              {"190", "190", "19", "4", "-10", "1", "0", "1", "u", "0"},
              {"", "undated", "0", "1", "", ""}}),
  };
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The GLOBALEVENTID of the unclustered event: "e" and 16 hex digits.
std::string lone_id(const std::string& table, char separator) {
  const auto lines = lines_of(table);
  for (const auto& l : lines)
    if (l.find(std::string(1, separator) + "lone" + separator) != std::string::npos)
      return l.substr(0, l.find(separator));
  return {};
}

TEST(events_table_test, header_follows_gdelt_names) {
  EXPECT_EQ(table_of({}, {}, exporter::table_format::csv), std::string(header_line) + '\n');
  const std::string tsv = table_of({}, {}, exporter::table_format::tsv);
  EXPECT_EQ(lines_of(tsv).size(), 1u);
  EXPECT_EQ(tsv.substr(0, tsv.find('\t')), "GLOBALEVENTID");
  EXPECT_EQ(std::count(tsv.begin(), tsv.end(), '\t'), std::ptrdiff_t{columns - 1});
}

TEST(events_table_test, unclustered_events_get_a_stable_distinct_id) {
  const auto events = table_events();
  const std::string a = table_of(events, table_clusters(), exporter::table_format::csv);
  const std::string id = lone_id(a, ',');
  ASSERT_EQ(id.size(), 17u) << a;
  EXPECT_EQ(id[0], 'e');
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 1), std::string::npos) << id;
  // The same event gives the same id, whatever else is in the table; another event another id.
  EXPECT_EQ(lone_id(table_of({events[3]}, {}, exporter::table_format::csv), ','), id);
  auto other = events[3];
  other.sentence = 4;
  const std::string both = table_of({events[3], other}, {}, exporter::table_format::csv);
  std::set<std::string> ids;
  for (const auto& l : lines_of(both)) ids.insert(l.substr(0, l.find(',')));
  EXPECT_EQ(ids.size(), 3u) << both;  // header and two ids
  // Without clusters, every event counts alone.
  EXPECT_NE(both.find(",2,0,1,,0,ACCUSE,lone,3,2,"), std::string::npos) << both;
}

// Python reads `table` with `reader` back as `expected` (dt::python_reads_rows).
void expect_python_reads(const std::string& table, const std::string& reader,
                         const std::vector<std::vector<std::string>>& expected) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  const auto r = dt::python_reads_rows(dir.path(), table, reader, expected);
  EXPECT_EQ(r.exit_code, 0) << r.out << table;
}

TEST(events_table_test, python_csv_reads_rows_back_strictly) {
  const std::string csv = table_of(table_events(), table_clusters(), exporter::table_format::csv);
  EXPECT_TRUE(core::is_valid_utf8(csv));
  expect_python_reads(csv, R"PY(
with open(sys.argv[1], newline="", encoding="utf-8", errors="strict") as f:
    rows = list(csv.reader(f, strict=True))
)PY",
                      expected_rows(lone_id(csv, ','), false));
}

TEST(events_table_test, tsv_rows_are_lines_with_every_field) {
  const std::string tsv = table_of(table_events(), table_clusters(), exporter::table_format::tsv);
  EXPECT_TRUE(core::is_valid_utf8(tsv));
  const auto lines = lines_of(tsv);
  ASSERT_EQ(lines.size(), table_events().size() + 1);
  for (const auto& l : lines) {
    std::size_t tabs = 0;
    for (const char c : l) {
      tabs += c == '\t' ? 1 : 0;
      EXPECT_FALSE(c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) << l;
    }
    EXPECT_EQ(tabs, columns - 1) << l;
  }
  // Split as people do: by lines (str.splitlines knows U+2028 and friends), then by tabs.
  expect_python_reads(tsv, R"PY(
text = open(sys.argv[1], "rb").read().decode("utf-8", errors="strict")
lines = text.splitlines()
if lines != text.split("\n")[:-1]: problems.append("splitlines and split on LF disagree")
rows = [l.split("\t") for l in lines]
)PY",
                      expected_rows(lone_id(tsv, '\t'), true));
}

}  // namespace
