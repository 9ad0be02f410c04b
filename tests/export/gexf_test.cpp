// Pins: GEXF 1.3 structure (namespace, dynamic graph, date time format, one attributes block
// per class, no xsi:schemaLocation), node and edge start/end from event dates, per-window
// weights clipped to the edge's dates, viz colours, XML escaping of hostile actor names, the
// time windows themselves; the 1.2draft variant; a three-article merge with num_articles 3.
// Real clients: jing with the GEXF 1.3 and 1.2draft RNC, xmllint --relaxng with the 1.3 RNG,
// networkx.read_gexf on the 1.2draft file.

#include "diplograph/export/gexf.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "event_builder.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;
namespace fs = std::filesystem;

// A hostile actor and what an XML reader must give back as its name (XML cannot carry control
// characters or invalid UTF-8: they come back as U+FFFD).
struct hostile {
  core::actor actor;
  std::string name_read_back;
};

std::vector<hostile> hostile_actors() {
  using k = core::actor_kind;
  return {
      {{"SYRGOV", "Syria \"government\" <&> 'x'", "SYR", k::government},
       "Syria \"government\" <&> 'x'"},
      {{"", "back\\slash\\", "", k::group}, "back\\slash\\"},
      {{"LNB", "line\nbreak\r\ttab", "", k::unknown}, "line\nbreak\r\ttab"},
      {{"", "ctl\x01\x1f end", "", k::unknown}, "ctl\xEF\xBF\xBD\xEF\xBF\xBD end"},
      {{"", "bad\xff\xfe utf8", "", k::unknown}, "bad\xEF\xBF\xBD\xEF\xBF\xBD utf8"},
      {{"EMPTY", "", "", k::unknown}, ""},
      {{"", "\xff", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"", "\xfe", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"", "\xEF\xBF\xBD", "", k::unknown}, "\xEF\xBF\xBD"},
      {{"NONCHAR", std::string("non\xEF\xBF\xBE") + "char", "", k::unknown},  // U+FFFE
       std::string("non\xEF\xBF\xBD") + "char"},
      {{"ID\"<&>'", "  spaced   label  ", "", k::unknown}, "  spaced   label  "},
      {{"", "]]> <!-- --> <![CDATA[", "", k::unknown}, "]]> <!-- --> <![CDATA["},
  };
}

core::event event(const core::actor& source, const core::actor& target, double goldstein,
                  std::string article, const char* date = nullptr,
                  core::date_precision precision = core::date_precision::day) {
  return dt::make_event(source, target, goldstein, date, std::move(article), "112", precision);  // verbal conflict
}

struct built {
  std::vector<core::event> events;
  graph::snapshot snapshot;
};

built build(std::vector<core::event> events) {
  graph::actor_graph g;
  for (const auto& e : events) g.add(e);
  return {std::move(events), g.snapshot()};
}

// A ring through every hostile actor (one event each, in different months), a self-loop on
// SYRGOV with 60 events alternating 2017-03-20 (a Monday) and 2017-04-02 (a Sunday), an
// undated edge with a NaN score, and an event without a source.
built hostile_graph() {
  const auto actors = hostile_actors();
  std::vector<core::event> events;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const auto& next = actors[(i + 1) % actors.size()].actor;
    const std::string day =
        "2016-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1) + "-15";
    events.push_back(event(actors[i].actor, next, i % 2 ? 7.0 : -6.5,
                           "art,\"" + std::to_string(i) + "\"\n", day.c_str()));
  }
  const auto& syria = actors[0].actor;
  for (int i = 0; i < 60; ++i)
    events.push_back(event(syria, syria, -1.5, "self-" + std::to_string(100 + i),
                           i % 2 ? "2017-04-02" : "2017-03-20"));
  events.push_back(
      event(actors[1].actor, actors[3].actor, std::numeric_limits<double>::quiet_NaN(), "undated"));
  core::event skipped;
  skipped.target = syria;
  events.push_back(skipped);
  return build(std::move(events));
}

// Three events from three articles about the same dyad, on three days of March 2017.
built merged_graph() {
  const core::actor fra{"FRA", "France", "FRA", core::actor_kind::country};
  const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
  return build({event(fra, deu, 4.0, "a-1", "2017-03-01"),
                event(fra, deu, 4.0, "a-2", "2017-03-02"),
                event(fra, deu, 4.0, "a-3", "2017-03-05")});
}

std::string gexf_of(const built& b, exporter::time_window w = exporter::time_window::month) {
  std::ostringstream out;
  exporter::write_gexf(out, b.snapshot, b.events, {.window = w});
  return out.str();
}

std::string gexf12_of(const built& b, exporter::time_window w = exporter::time_window::month) {
  std::ostringstream out;
  exporter::write_gexf_12draft(out, b.snapshot, b.events, {.window = w});
  return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// The text of the <edge> element whose source and target are `source` and `target`.
std::string edge_element(const std::string& xml, const std::string& source,
                         const std::string& target) {
  const auto at = xml.find("source=\"" + source + "\" target=\"" + target + "\"");
  if (at == std::string::npos) return {};
  const auto begin = xml.rfind("<edge ", at);
  return xml.substr(begin, xml.find("</edge>", at) - begin);
}

core::calendar_day day(const char* iso) { return *core::parse_iso_day(iso); }

// ---- structure ----------------------------------------------------------------------------------

TEST(gexf_test, writes_a_dynamic_gexf_1_3_graph) {
  const std::string xml = gexf_of(hostile_graph());
  EXPECT_EQ(
      xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" "
                "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
                0),
      0u)
      << xml.substr(0, 200);
  EXPECT_FALSE(contains(xml, "schemaLocation"));
  EXPECT_FALSE(contains(xml, "xmlns:xsi"));
  EXPECT_EQ(
      occurrences(xml, "<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"),
      1u);
  EXPECT_EQ(occurrences(xml, "<attributes class=\"node\""), 1u);
  EXPECT_EQ(occurrences(xml, "<attributes class=\"edge\""), 1u);
  EXPECT_EQ(occurrences(xml, "<attributes class=\"node\" mode=\"static\">"), 1u);
  EXPECT_EQ(occurrences(xml, "<attributes class=\"edge\" mode=\"dynamic\">"), 1u);
  EXPECT_EQ(occurrences(xml, "<attribute id=\"weight\" title=\"weight\" type=\"double\"/>"), 1u);
  for (const char* key : {"actor_id", "code", "name", "country", "kind", "out_events", "in_events",
                          "count", "goldstein_sum", "goldstein_mean", "quad1", "quad4",
                          "first_date", "last_date", "num_articles", "articles"})
    EXPECT_EQ(occurrences(xml, std::string("<attribute id=\"") + key + "\""), 1u) << key;
  // Attributes are declared before any node; edges carry no static weight in 1.3.
  EXPECT_LT(xml.rfind("</attributes>"), xml.find("<nodes "));
  EXPECT_FALSE(contains(xml, "<edge id=\"e0\" source=\"BSQ\" target=\"BSQ\" weight="));
  EXPECT_EQ(occurrences(xml, " weight=\""), 0u);
}

TEST(gexf_test, escapes_hostile_text) {
  const auto b = hostile_graph();
  const std::string xml = gexf_of(b);
  EXPECT_TRUE(core::is_valid_utf8(xml));
  for (const char c : xml) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_FALSE(byte < 0x20 && c != '\n') << "raw control byte " << static_cast<int>(byte);
  }
  EXPECT_TRUE(contains(xml,
                       "<attvalue for=\"name\" value=\"Syria &quot;government&quot; &lt;&amp;&gt; "
                       "&apos;x&apos;\"/>"));
  EXPECT_TRUE(contains(xml, "<attvalue for=\"name\" value=\"line&#10;break&#13;&#9;tab\"/>"));
  EXPECT_TRUE(contains(xml, "value=\"ctl\xEF\xBF\xBD\xEF\xBF\xBD end\""));
  EXPECT_FALSE(contains(xml, "\xEF\xBF\xBE"));
  EXPECT_TRUE(
      contains(xml, "<node id=\"ID&quot;&lt;&amp;&gt;&apos;\" label=\"  spaced   label  \""));
  EXPECT_TRUE(contains(xml, "value=\"]]&gt; &lt;!-- --&gt; &lt;![CDATA[\""));
  // Article ids are escaped too.
  EXPECT_TRUE(contains(xml, "art,&quot;0&quot;&#10;"));
  for (const char* bad : {"\"nan\"", "\"-nan\"", "\"inf\"", "\"-inf\""})
    EXPECT_FALSE(contains(xml, bad)) << bad;
}

TEST(gexf_test, node_ids_are_unique_even_when_bytes_are_replaced) {
  const auto b = hostile_graph();
  const std::string xml = gexf_of(b);
  EXPECT_EQ(occurrences(xml, "<node "), b.snapshot.nodes.size());
  EXPECT_EQ(occurrences(xml, "<edge "), b.snapshot.edges.size());
  EXPECT_TRUE(contains(xml, "<nodes count=\"" + std::to_string(b.snapshot.nodes.size()) + "\">"));
  EXPECT_TRUE(contains(xml, "<edges count=\"" + std::to_string(b.snapshot.edges.size()) + "\">"));
  // "~\xEF\xBF\xBD" is clean and keeps its id; "~\xfe" and "~\xff" become it plus "#2", "#3".
  EXPECT_EQ(occurrences(xml, "<node id=\"~\xEF\xBF\xBD\" "), 1u);
  EXPECT_EQ(occurrences(xml, "<node id=\"~\xEF\xBF\xBD#2\" "), 1u);
  EXPECT_EQ(occurrences(xml, "<node id=\"~\xEF\xBF\xBD#3\" "), 1u);
  EXPECT_EQ(occurrences(xml, "<node id=\"SYRGOV\" label=\"Syria"), 1u);
}

TEST(gexf_test, spells_and_window_weights_follow_event_dates) {
  const auto b = hostile_graph();
  const std::string month = gexf_of(b);
  const std::string loop = edge_element(month, "SYRGOV", "SYRGOV");
  ASSERT_FALSE(loop.empty()) << month;
  EXPECT_TRUE(contains(loop, "start=\"2017-03-20\" end=\"2017-04-02\">")) << loop;
  // Month windows, clipped to the edge's own dates.
  EXPECT_TRUE(contains(
      loop,
      "<attvalue for=\"weight\" value=\"30\" start=\"2017-03-20\" end=\"2017-03-31\"/>\n"
      "          <attvalue for=\"weight\" value=\"30\" start=\"2017-04-01\" end=\"2017-04-02\"/>\n"
      "          <attvalue for=\"count\" value=\"60\"/>"))
      << loop;
  EXPECT_TRUE(contains(loop, "<attvalue for=\"num_articles\" value=\"60\"/>"));
  EXPECT_TRUE(contains(loop, ";self-149;\xE2\x80\xA6+10\"/>")) << loop;
  EXPECT_TRUE(contains(loop, "<viz:color r=\"")) << loop;
  // Week windows: 2017-03-20 is a Monday; 2017-04-02 the Sunday that ends the next week.
  const std::string week =
      edge_element(gexf_of(b, exporter::time_window::week), "SYRGOV", "SYRGOV");
  EXPECT_TRUE(contains(week, "value=\"30\" start=\"2017-03-20\" end=\"2017-03-26\"/>")) << week;
  EXPECT_TRUE(contains(week, "value=\"30\" start=\"2017-03-27\" end=\"2017-04-02\"/>")) << week;
  // Year: one window.
  const std::string year =
      edge_element(gexf_of(b, exporter::time_window::year), "SYRGOV", "SYRGOV");
  EXPECT_TRUE(contains(
      year, "<attvalue for=\"weight\" value=\"60\" start=\"2017-03-20\" end=\"2017-04-02\"/>"))
      << year;
  // The node spans all its dated edges: 2016 ring events and the 2017 self-loop.
  EXPECT_TRUE(contains(month,
                       "<node id=\"SYRGOV\" label=\"Syria &quot;government&quot; &lt;&amp;&gt; "
                       "&apos;x&apos;\" start=\"2016-01-15\" end=\"2017-04-02\">"))
      << month;
}

TEST(gexf_test, undated_edges_have_no_spell) {
  const auto b = hostile_graph();
  const std::string xml = gexf_of(b);
  // back\slash -> ctl: only the undated NaN event.
  const std::string undated =
      edge_element(xml, "~back\\slash\\", "~ctl\xEF\xBF\xBD\xEF\xBF\xBD end");
  ASSERT_FALSE(undated.empty()) << xml;
  EXPECT_FALSE(contains(undated, "start=")) << undated;
  EXPECT_FALSE(contains(undated, "end=")) << undated;
  EXPECT_FALSE(contains(undated, "first_date")) << undated;
  EXPECT_FALSE(contains(undated, "goldstein_mean")) << undated;  // NaN is left out
  EXPECT_TRUE(contains(undated, "<attvalue for=\"weight\" value=\"1\"/>")) << undated;
  EXPECT_TRUE(contains(undated, "<viz:color r=\"158\" g=\"158\" b=\"158\"/>")) << undated;  // grey
}

TEST(gexf_test, colours_edges_by_mean_goldstein) {
  const auto b = hostile_graph();
  const std::string xml = gexf_of(b);
  // Ring edges alternate -6.5 (red: r > g) and 7.0 (green: g > r).
  const std::string conflict = edge_element(xml, "SYRGOV", "~back\\slash\\");
  const std::string cooperation = edge_element(xml, "~back\\slash\\", "LNB");
  ASSERT_FALSE(conflict.empty());
  ASSERT_FALSE(cooperation.empty());
  EXPECT_TRUE(contains(conflict, "<viz:color r=\"")) << conflict;
  const auto channel = [](const std::string& e, const char* name) {
    const auto at = e.find(std::string(" ") + name + "=\"", e.find("<viz:color"));
    return std::stoi(e.substr(at + 4));
  };
  EXPECT_GT(channel(conflict, "r"), channel(conflict, "g"));
  EXPECT_GT(channel(cooperation, "g"), channel(cooperation, "r"));
}

TEST(gexf_test, gexf_12draft_is_static_attributes_plus_window_counts) {
  const auto b = hostile_graph();
  const std::string xml = gexf12_of(b);
  EXPECT_EQ(xml.find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf "
                     "xmlns=\"http://www.gexf.net/1.2draft\" "
                     "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"),
            0u);
  EXPECT_EQ(
      occurrences(xml, "<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"),
      1u);
  EXPECT_EQ(occurrences(xml, "<attributes class=\"edge\" mode=\"static\">"), 1u);
  EXPECT_EQ(
      occurrences(xml,
                  "<attributes class=\"edge\" mode=\"dynamic\">\n"
                  "      <attribute id=\"window_count\" title=\"window_count\" type=\"integer\"/>\n"
                  "    </attributes>"),
      1u);
  EXPECT_FALSE(contains(xml, "for=\"weight\""));
  const std::string loop = edge_element(xml, "SYRGOV", "SYRGOV");
  EXPECT_TRUE(contains(loop, " weight=\"60\" start=\"2017-03-20\" end=\"2017-04-02\">")) << loop;
  EXPECT_TRUE(contains(
      loop,
      "<attvalue for=\"window_count\" value=\"30\" start=\"2017-04-01\" end=\"2017-04-02\"/>"))
      << loop;
}

TEST(gexf_test, merges_three_articles_into_one_edge) {
  for (const std::string& xml : {gexf_of(merged_graph()), gexf12_of(merged_graph())}) {
    EXPECT_EQ(occurrences(xml, "<edge "), 1u) << xml;
    const std::string e = edge_element(xml, "FRA", "DEU");
    EXPECT_TRUE(contains(e, "<attvalue for=\"count\" value=\"3\"/>")) << e;
    EXPECT_TRUE(contains(e, "<attvalue for=\"num_articles\" value=\"3\"/>")) << e;
    EXPECT_TRUE(contains(e, "<attvalue for=\"articles\" value=\"a-1;a-2;a-3\"/>")) << e;
    EXPECT_TRUE(contains(e, "start=\"2017-03-01\" end=\"2017-03-05\"")) << e;
    EXPECT_TRUE(contains(e, "value=\"3\" start=\"2017-03-01\" end=\"2017-03-05\"/>")) << e;
  }
}

TEST(gexf_test, empty_graph_is_valid) {
  const std::string xml = gexf_of(built{});
  EXPECT_TRUE(contains(xml,
                       "<nodes count=\"0\">\n    </nodes>\n    <edges count=\"0\">\n    </edges>\n"
                       "  </graph>\n</gexf>\n"))
      << xml;
}

TEST(gexf_test, time_windows) {
  using w = exporter::time_window;
  EXPECT_EQ(exporter::parse_time_window("quarter"), w::quarter);
  EXPECT_EQ(exporter::parse_time_window("Month"), std::nullopt);
  EXPECT_EQ(exporter::parse_time_window(""), std::nullopt);
  for (const w x : {w::day, w::week, w::month, w::quarter, w::year})
    EXPECT_EQ(exporter::parse_time_window(exporter::to_string(x)), x);
  EXPECT_EQ(exporter::window_start(day("2017-03-24"), w::day), day("2017-03-24"));
  EXPECT_EQ(exporter::window_start(day("2017-03-24"), w::week), day("2017-03-20"));     // a Friday
  EXPECT_EQ(exporter::window_start(day("2017-03-20"), w::week), day("2017-03-20"));     // a Monday
  EXPECT_EQ(exporter::window_last_day(day("2017-03-26"), w::week), day("2017-03-26"));  // a Sunday
  EXPECT_EQ(exporter::window_start(day("2021-01-01"), w::week), day("2020-12-28"));  // across years
  EXPECT_EQ(exporter::window_last_day(day("2016-02-10"), w::month), day("2016-02-29"));  // leap
  EXPECT_EQ(exporter::window_last_day(day("2017-02-10"), w::month), day("2017-02-28"));
  EXPECT_EQ(exporter::window_start(day("2017-08-31"), w::quarter), day("2017-07-01"));
  EXPECT_EQ(exporter::window_last_day(day("2017-08-31"), w::quarter), day("2017-09-30"));
  EXPECT_EQ(exporter::window_last_day(day("2017-12-31"), w::quarter), day("2017-12-31"));
  EXPECT_EQ(exporter::window_start(day("2017-12-31"), w::year), day("2017-01-01"));
  EXPECT_EQ(exporter::window_last_day(day("2017-01-01"), w::year), day("2017-12-31"));
}

TEST(gexf_test, coarse_dates_count_in_the_window_of_their_first_day) {
  const core::actor fra{"FRA", "France", "FRA", core::actor_kind::country};
  const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
  const auto b = build({event(fra, deu, 1.0, "m", "2017-03-01", core::date_precision::month),
                        event(fra, deu, 1.0, "d", "2017-03-31")});
  const std::string e = edge_element(gexf_of(b, exporter::time_window::week), "FRA", "DEU");
  EXPECT_TRUE(contains(e, "value=\"1\" start=\"2017-03-01\" end=\"2017-03-05\"/>")) << e;
  EXPECT_TRUE(contains(e, "value=\"1\" start=\"2017-03-27\" end=\"2017-03-31\"/>")) << e;
}

// ---- real clients ------------------------------------------------------------------------------

struct written {
  dt::temp_dir dir;
  fs::path gexf13;
  fs::path gexf12;
  fs::path expected;
};

// Writes the hostile graph in both versions and a JSON file of what readers must find in them.
void write_hostile(written& w) {
  const auto b = hostile_graph();
  w.gexf13 = w.dir / "hostile.gexf";
  w.gexf12 = w.dir / "hostile-12.gexf";
  w.expected = w.dir / "expected.json";
  dt::write_file(w.gexf13, gexf_of(b));
  dt::write_file(w.gexf12, gexf12_of(b));
  std::string json = "{\"nodes\": " + std::to_string(b.snapshot.nodes.size()) +
                     ", \"edges\": " + std::to_string(b.snapshot.edges.size()) + ", \"names\": {";
  // Actor id as read back -> the names read back for it (ids made of bytes XML cannot carry
  // collide once replaced by U+FFFD, so one id may have several names).
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& h : hostile_actors()) {
    std::string id = h.actor.code;
    if (id.empty()) {
      id = "~";
      for (const char c : h.name_read_back)
        id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    names[id].push_back(h.name_read_back);
  }
  bool first_id = true;
  for (auto& [id, list] : names) {
    json += first_id ? "" : ", ";
    first_id = false;
    core::append_json_string(json, id);
    json += ": [";
    std::sort(list.begin(), list.end());
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) json += ", ";
      core::append_json_string(json, list[i]);
    }
    json += ']';
  }
  json += "}}";
  dt::write_file(w.expected, json);
}

dt::command_result jing(const fs::path& schema, const fs::path& file) {
  // Debian's jing wrapper warns about optional jars on stderr; only the exit code and the
  // validation messages matter.
  return dt::run_command("jing -c " + dt::shell_quote(schema.string()) + ' ' +
                         dt::shell_quote(file.string()) + " 2>/dev/null");
}

TEST(gexf_test, jing_validates_gexf_1_3) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("jing")) GTEST_SKIP() << "jing is not installed";
  written w;
  write_hostile(w);
  const fs::path schema = shared / "schemas/gexf-1.3/gexf.rnc";
  const auto r = jing(schema, w.gexf13);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto merged = w.dir / "merged.gexf";
  dt::write_file(merged, gexf_of(merged_graph(), exporter::time_window::day));
  EXPECT_EQ(jing(schema, merged).exit_code, 0);
  const auto empty = w.dir / "empty.gexf";
  dt::write_file(empty, gexf_of(built{}));
  EXPECT_EQ(jing(schema, empty).exit_code, 0);

  // The validator is not a rubber stamp: xsi:schemaLocation and a bad attribute type fail.
  std::string broken = dt::read_file(w.gexf13);
  broken.replace(broken.find("version=\"1.3\""), 13,
                 "version=\"1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"");
  const auto bad = w.dir / "broken.gexf";
  dt::write_file(bad, broken);
  EXPECT_NE(jing(schema, bad).exit_code, 0);
  broken = dt::read_file(w.gexf13);
  broken.replace(broken.find("type=\"integer\""), 14, "type=\"int\"");
  dt::write_file(bad, broken);
  EXPECT_NE(jing(schema, bad).exit_code, 0);
}

TEST(gexf_test, xmllint_validates_gexf_1_3_with_relaxng) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  written w;
  write_hostile(w);
  const auto r = dt::run_command("xmllint --noout --nonet --relaxng " +
                                 dt::shell_quote((shared / "schemas/gexf-1.3/gexf.rng").string()) +
                                 ' ' + dt::shell_quote(w.gexf13.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "validates")) << r.out;
}

TEST(gexf_test, jing_validates_gexf_12draft) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("jing")) GTEST_SKIP() << "jing is not installed";
  written w;
  write_hostile(w);
  const fs::path schema = shared / "schemas/gexf-1.2draft/gexf.rnc";
  const auto r = jing(schema, w.gexf12);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // 1.3 is not 1.2draft: the same validator rejects the other version.
  EXPECT_NE(jing(schema, w.gexf13).exit_code, 0);
}

TEST(gexf_test, networkx_reads_gexf_12draft) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  written w;
  write_hostile(w);
  const auto merged = w.dir / "merged.gexf";
  dt::write_file(merged, gexf12_of(merged_graph()));
  const auto r = dt::run_python(w.dir.path(), R"PY(
import json, math, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
exp = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
if not g.is_directed() or g.is_multigraph(): problems.append("not a simple digraph")
if g.graph.get("mode") != "dynamic": problems.append("mode %r" % g.graph.get("mode"))
if g.number_of_nodes() != exp["nodes"]: problems.append("nodes: %d" % g.number_of_nodes())
if g.number_of_edges() != exp["edges"]: problems.append("edges: %d" % g.number_of_edges())
by_actor = {}
for n, d in g.nodes(data=True):
    by_actor.setdefault(d.get("actor_id"), []).append((n, d))
for aid, expected in exp["names"].items():
    got = sorted(d.get("name", "") for _, d in by_actor.get(aid, []))
    if got != expected: problems.append("actor %r: names %r, expected %r" % (aid, got, expected))
if len(by_actor) != len(exp["names"]): problems.append("actor ids: %r" % sorted(by_actor))
for u, v, d in g.edges(data=True):
    if not isinstance(d["weight"], float) or not isinstance(d["count"], int):
        problems.append("edge %s->%s: weight/count types %r" % (u, v, d))
    if d["weight"] != d["count"]: problems.append("weight != count on %s->%s" % (u, v))
    if sum(d["quad%d" % q] for q in range(1, 5)) != d["count"]:
        problems.append("quad counts do not add up on %s->%s" % (u, v))
    if "start" in d and sum(c for c, _, _ in d.get("window_count", [])) != d["count"]:
        problems.append("window counts do not add up on %s->%s: %r" % (u, v, d))
loop = g.get_edge_data("SYRGOV", "SYRGOV")
want = {"count": 60, "num_articles": 60, "start": "2017-03-20", "end": "2017-04-02",
        "window_count": [(30, "2017-03-20", "2017-03-31"), (30, "2017-04-01", "2017-04-02")]}
if not loop or any(loop.get(k) != v for k, v in want.items()):
    problems.append("self-loop: %r" % loop)
syria = g.nodes["SYRGOV"]
if syria.get("start") != "2016-01-15" or syria.get("end") != "2017-04-02" or syria["out_events"] != 61:
    problems.append("syria: %r" % syria)
m = nx.read_gexf(sys.argv[3])
e = m.get_edge_data("FRA", "DEU")
if m.number_of_edges() != 1 or not e or e["num_articles"] != 3 or e["articles"] != "a-1;a-2;a-3":
    problems.append("merge: %r" % e)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                            {w.gexf12, w.expected, merged});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// `diplograph export --format gexf|gexf12` and `diplograph build` (graph.gexf) on the fixtures.
TEST(gexf_test, cli_writes_gexf) {
  const auto shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "shared/ is absent";
  if (!dt::have_program("jing")) GTEST_SKIP() << "jing is not installed";
  dt::temp_dir tmp;
  const auto q = [](const fs::path& p) { return dt::shell_quote(p.string()); };
  const std::string cli = dt::shell_quote(dt::cli_path());
  const auto built_run = dt::run_command(cli + " build --dict-dir " + q(dt::dictionary_dir()) +
                                         " --db " + q(tmp / "d.db") + " -o " + q(tmp / "out") +
                                         ' ' + q(dt::fixture_dir() / "articles") + " 2>&1");
  ASSERT_EQ(built_run.exit_code, 0) << built_run.out;
  EXPECT_TRUE(contains(built_run.out, "wrote " + (tmp / "out" / "graph.gexf").string() + '\n'))
      << built_run.out;
  EXPECT_EQ(jing(shared / "schemas/gexf-1.3/gexf.rnc", tmp / "out" / "graph.gexf").exit_code, 0);
  for (const char* window : {"day", "week", "month", "quarter", "year"}) {
    const auto r =
        dt::run_command(cli + " export --db " + q(tmp / "d.db") + " --format gexf --window " +
                        window + " -o " + q(tmp / "w.gexf"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(jing(shared / "schemas/gexf-1.3/gexf.rnc", tmp / "w.gexf").exit_code, 0) << window;
    EXPECT_TRUE(contains(dt::read_file(tmp / "w.gexf"), std::string("window: ") + window));
  }
  const auto r12 = dt::run_command(cli + " export --db " + q(tmp / "d.db") +
                                   " --format gexf12 -o " + q(tmp / "x.gexf"));
  ASSERT_EQ(r12.exit_code, 0) << r12.out;
  EXPECT_EQ(jing(shared / "schemas/gexf-1.2draft/gexf.rnc", tmp / "x.gexf").exit_code, 0);
  const auto bad = dt::run_command(cli + " export --db " + q(tmp / "d.db") +
                                   " --format gexf --window fortnight 2>&1");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
}

}  // namespace
