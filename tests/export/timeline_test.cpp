// Pins: the timeline writers of diplograph/export/timeline.hpp — label lookup with parent
// fallback; the actor filter (code prefix, name substring, case-insensitive); one chronological
// order in every format; Markdown equal to writers.hpp's timeline when there are no labels;
// CSV read back by Python's csv module; TimelineJS3 and vis-timeline JSON read back by Python's
// json module (start_date by precision, display_date, unique ids, HTML-escaped text); and the
// self-contained HTML page: no URL outside the data, an embedded JSON block that hostile text
// cannot close, and — in headless Chromium when installed — every event drawn by the page's
// script, #count showing them, and hostile text shown as text, never run.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/export/timeline.hpp"
#include "diplograph/export/writers.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
namespace dt = diplograph::testing;
namespace fs = std::filesystem;

constexpr auto npos = std::string::npos;

// Every character that could break one of the formats, and two invalid UTF-8 bytes.
const std::string hostile =
    "Quote \" back\\slash </script><script>document.title='pwned'</script> "
    "<img src=x onerror=\"document.title='pwned'\"> & <!-- \x01\x1f tab\t nl\n bad\xff\xfe "
    "line\xE2\x80\xA8sep ]]> end";
// What survives in JSON and CSV: the invalid bytes become U+FFFD, one each.
const std::string hostile_clean =
    "Quote \" back\\slash </script><script>document.title='pwned'</script> "
    "<img src=x onerror=\"document.title='pwned'\"> & <!-- \x01\x1f tab\t nl\n bad\xEF\xBF\xBD\xEF\xBF\xBD "
    "line\xE2\x80\xA8sep ]]> end";

core::dated on(const char* iso, core::date_precision p = core::date_precision::day) {
  return core::dated{*core::parse_iso_day(iso), p};
}

core::actor actor(std::string code, std::string name) {
  return core::actor{std::move(code), std::move(name), {}, core::actor_kind::unknown};
}

core::event event(std::string article, std::size_t sentence, core::dated date,
                  std::optional<core::actor> source, std::optional<core::actor> target,
                  std::string code, core::quad_class quad, double goldstein, std::string text) {
  core::event e;
  e.article = core::article_id{std::move(article)};
  e.sentence = sentence;
  e.date = date;
  e.source = std::move(source);
  e.target = std::move(target);
  e.code = std::move(code);
  e.quad = quad;
  e.goldstein = goldstein;
  e.text = std::move(text);
  return e;
}

const auto syr = actor("SYRGOV", "Syria government");
const auto usa = actor("USA", "United States");
const auto sdf = actor("", "Syrian Democratic Forces");

// Out of order on purpose; chronologically: ev-1 "March", ev-2 "first day" (2017-03-20),
// ev-3 "a1", ev-4 "a5", ev-5 "b2" (2017-03-24), ev-6 "week", ev-7 "quarter" (2017-04-01),
// ev-8 "year" (2018), ev-9 "undated".
std::vector<core::event> sample() {
  using q = core::quad_class;
  using p = core::date_precision;
  std::vector<core::event> events{
      event("b", 2, on("2017-03-24"), syr, usa, "112", q::verbal_conflict, -2, "b2"),
      event("z", 0, on("2017-03-20"), usa, syr, "190", q::material_conflict, -10, "first day"),
      event("c", 0, {}, syr, std::nullopt, "042", q::verbal_cooperation, 1.9, "undated"),
      event("a", 5, on("2017-03-24"), sdf, usa, "0421", q::verbal_cooperation, 1.9, "a5"),
      event("y", 0, on("2018-01-01", p::year), usa, sdf, "061", q::material_cooperation, 6.4, "year"),
      event("a", 1, on("2017-03-24"), syr, syr, "043", q::verbal_cooperation, 2.8, "a1"),
      event("q", 0, on("2017-04-01", p::quarter), sdf, syr, "070", q::material_cooperation, 7, "quarter"),
      event("m", 0, on("2017-03-01", p::month), usa, syr, "112", q::verbal_conflict, -2, "March"),
      event("w", 0, on("2017-03-27", p::week), usa, std::nullopt, "05", q::verbal_cooperation, 3.5, "week"),
  };
  events[3].negated = true;
  return events;
}

const std::vector<std::string> sample_order{"March", "first day", "a1", "a5", "b2",
                                            "week", "quarter", "year", "undated"};

exporter::timeline_options labelled() {
  exporter::timeline_options o;
  o.labels = {{"04", "Consult"}, {"042", "Make a visit"}, {"112", "Accuse"},
              {"190", "Use conventional military force"}, {"05", "Engage in diplomatic cooperation"},
              {"061", "Cooperate economically"}, {"070", "Provide aid"}};
  o.title = "Syria & the \"US\" <2017>";
  return o;
}

core::event hostile_event() {
  auto e = event("x " + hostile, 7, on("2017-03-24"), actor("X<Y", hostile), actor("", "A & B"), "112",
                 core::quad_class::verbal_conflict, std::numeric_limits<double>::quiet_NaN(), hostile);
  return e;
}

std::string md(const std::vector<core::event>& events, const exporter::timeline_options& o) {
  std::ostringstream out;
  exporter::write_timeline_md(out, events, o);
  return out.str();
}
std::string csv(const std::vector<core::event>& e, const exporter::timeline_options& o) {
  std::ostringstream out;
  exporter::write_timeline_csv(out, e, o);
  return out.str();
}
std::string tljs(const std::vector<core::event>& e, const exporter::timeline_options& o) {
  std::ostringstream out;
  exporter::write_timeline_json(out, e, o);
  return out.str();
}
std::string vis(const std::vector<core::event>& e, const exporter::timeline_options& o) {
  std::ostringstream out;
  exporter::write_timeline_vis(out, e, o);
  return out.str();
}
std::string page(const std::vector<core::event>& e, const exporter::timeline_options& o) {
  std::ostringstream out;
  exporter::write_timeline_html(out, e, o);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// ------------------------------------------------------------------ Python as the oracle


// Checks of a JSON document: each is [path, expected]; a path step "#len" takes the length;
// the expected value "<absent>" asks that the last key be missing.
struct json_checks {
  std::string list;
  void add(const std::string& path, const std::string& value_json) {
    list += list.empty() ? "[" : ",";
    list += "[" + path + "," + value_json + "]";
  }
  void text(const std::string& path, const std::string& value) { add(path, core::json_string(value)); }
};

constexpr const char* check_json_py = R"PY(
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
checks = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
for path, want in checks:
    node, missing = doc, False
    for step in path:
        if step == "#len":
            node = len(node)
            continue
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            missing = True
            break
    if want == "<absent>":
        if not missing: problems.append("%r: present (%r), expected absent" % (path, node))
    elif missing:
        problems.append("%r: missing" % (path,))
    elif node != want or type(node) != type(want):
        problems.append("%r: %r, expected %r" % (path, node, want))
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY";

// Runs the checks on `document` with Python's json module (strict: raw control characters in
// strings are errors). Returns Python's complaints, or "" when all is well.
std::string python_json_problems(const std::string& document, const json_checks& checks) {
  dt::temp_dir dir;
  dt::write_file(dir / "doc.json", document);
  dt::write_file(dir / "checks.json", checks.list.empty() ? "[]" : checks.list + "]");
  dt::write_file(dir / "check.py", check_json_py);
  const auto r = dt::run_command(dt::shell_quote(dt::python_path()) + ' ' +
                                 dt::shell_quote((dir / "check.py").string()) + ' ' +
                                 dt::shell_quote((dir / "doc.json").string()) + ' ' +
                                 dt::shell_quote((dir / "checks.json").string()));
  return r.exit_code == 0 ? std::string{} : "python: exit " + std::to_string(r.exit_code) + '\n' + r.out;
}

// ------------------------------------------------------------------ labels and the actor filter

TEST(timeline_test, labels_fall_back_to_parent_codes) {
  const auto o = labelled();
  EXPECT_EQ(exporter::label_of(o, "042"), "Make a visit");
  EXPECT_EQ(exporter::label_of(o, "0421"), "Make a visit");
  EXPECT_EQ(exporter::label_of(o, "043"), "Consult");
  EXPECT_EQ(exporter::label_of(o, "04"), "Consult");
  EXPECT_EQ(exporter::label_of(o, "13"), "");
  EXPECT_EQ(exporter::label_of(o, "0"), "");
  EXPECT_EQ(exporter::label_of(o, ""), "");
  EXPECT_EQ(exporter::label_of({}, "042"), "");
}

TEST(timeline_test, actor_filter_matches_code_prefixes_and_name_substrings) {
  const auto events = sample();
  const auto texts = [](const std::vector<core::event>& es) {
    std::vector<std::string> t;
    for (const auto& e : es) t.push_back(e.text);
    std::sort(t.begin(), t.end());
    return t;
  };
  EXPECT_EQ(texts(exporter::filter_by_actor(events, "syr")),
            (std::vector<std::string>{"March", "a1", "a5", "b2", "first day", "quarter", "undated", "year"}));
  EXPECT_EQ(texts(exporter::filter_by_actor(events, "SYRGOV")),
            (std::vector<std::string>{"March", "a1", "b2", "first day", "quarter", "undated"}));
  EXPECT_EQ(texts(exporter::filter_by_actor(events, "democratic")),
            (std::vector<std::string>{"a5", "quarter", "year"}));
  EXPECT_EQ(texts(exporter::filter_by_actor(events, "united STATES")),
            (std::vector<std::string>{"March", "a5", "b2", "first day", "week", "year"}));
  EXPECT_TRUE(exporter::filter_by_actor(events, "GOVX").empty());
  EXPECT_TRUE(exporter::filter_by_actor(events, "RGOV").empty());  // codes match by prefix only
  EXPECT_EQ(exporter::filter_by_actor(events, "").size(), events.size());
  EXPECT_FALSE(exporter::involves_actor(core::event{}, "x"));
}

// ------------------------------------------------------------------ Markdown

TEST(timeline_test, markdown_without_labels_is_the_existing_timeline) {
  for (const auto& events : {sample(), std::vector<core::event>{hostile_event()}, std::vector<core::event>{}}) {
    std::ostringstream existing;
    exporter::write_timeline_md(existing, events);
    EXPECT_EQ(md(events, {}), existing.str());
  }
}

TEST(timeline_test, markdown_shows_labels_in_order_under_an_escaped_title) {
  const std::string text = md(sample(), labelled());
  const auto lines = lines_of(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "# Syria \\& the \"US\" \\<2017\\>");
  EXPECT_NE(std::find(lines.begin(), lines.end(), "9 events, 1 undated."), lines.end()) << text;
  std::vector<std::string> order;
  for (const auto& l : lines) {
    const auto at = l.find(" \xC2\xB7 _");
    if (l.rfind("- ", 0) == 0 && at != npos) order.push_back(l.substr(at + 5, l.find("_ (") - at - 5));
  }
  EXPECT_EQ(order, sample_order);
  EXPECT_NE(text.find("- **SYRGOV Syria government** \xE2\x86\x92 **USA United States** \xC2\xB7 112 Accuse "
                      "\xC2\xB7 verbal conflict \xC2\xB7 Goldstein -2 \xC2\xB7 _b2_ (b, sentence 2)\n"),
            npos)
      << text;
  // 0421 takes its parent's label; a negated event says so.
  EXPECT_NE(text.find("\xC2\xB7 not 0421 Make a visit \xC2\xB7 verbal cooperation"), npos) << text;
  EXPECT_NE(text.find("**Syrian Democratic Forces**"), npos) << text;
}

TEST(timeline_test, markdown_keeps_hostile_text_on_one_escaped_line) {
  const std::string text = md({hostile_event()}, labelled());
  EXPECT_TRUE(core::is_valid_utf8(text));
  std::size_t bullets = 0;
  for (const auto& l : lines_of(text)) bullets += l.rfind("- ", 0) == 0 ? 1 : 0;
  EXPECT_EQ(bullets, 1u) << text;
  for (auto at = text.find('<'); at != npos; at = text.find('<', at + 1))
    EXPECT_TRUE(at > 0 && text[at - 1] == '\\') << "unescaped < at " << at << " in\n" << text;
  EXPECT_NE(text.find("\\</script\\>"), npos) << text;
  EXPECT_NE(text.find("Goldstein ?"), npos) << text;
}

// ------------------------------------------------------------------ CSV

TEST(timeline_test, csv_rows_are_chronological_with_labels_and_read_back_by_python) {
  const std::string text = csv(sample(), labelled());
  const auto lines = lines_of(text);
  ASSERT_EQ(lines.size(), 10u) << text;
  EXPECT_EQ(lines[0],
            "date,date_precision,source_code,source_name,target_code,target_name,code,label,quad_class,"
            "goldstein,negated,article,sentence,text");
  EXPECT_EQ(lines[1], "2017-03,month,USA,United States,SYRGOV,Syria government,112,Accuse,3,-2,false,m,0,March");
  EXPECT_EQ(lines[4],
            "2017-03-24,day,,Syrian Democratic Forces,USA,United States,0421,Make a visit,1,1.9,true,a,5,a5");
  EXPECT_EQ(lines[6], "2017-W13,week,USA,United States,,,05,Engage in diplomatic cooperation,1,3.5,false,w,0,week");
  EXPECT_EQ(lines[9], ",unknown,SYRGOV,Syria government,,,042,Make a visit,1,1.9,false,c,0,undated");
  EXPECT_EQ(text.back(), '\n');

  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  auto events = sample();
  events.push_back(hostile_event());
  dt::temp_dir dir;
  dt::write_file(dir / "t.csv", csv(events, labelled()));
  std::string expected = "[";
  const auto add_row = [&expected](const std::vector<std::string>& row) {
    expected += expected.size() > 1 ? ",[" : "[";
    for (std::size_t i = 0; i < row.size(); ++i) expected += (i ? "," : "") + core::json_string(row[i]);
    expected += ']';
  };
  add_row({"2017-03-24", "day", "X<Y", hostile_clean, "", "A & B", "112", "Accuse", "3", "", "false",
           "x " + hostile_clean, "7", hostile_clean});
  dt::write_file(dir / "expected.json", expected + "]");
  dt::write_file(dir / "check.py", R"PY(
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
hostile = json.load(open(sys.argv[2], encoding="utf-8"))[0]
problems = []
if len(rows) != 11: problems.append("%d rows" % len(rows))
if any(len(r) != 14 for r in rows): problems.append("ragged rows")
dates = [r[0] for r in rows[1:] if r[0]]
texts = [r[13] for r in rows[1:]]
if hostile not in rows: problems.append("hostile row not read back; rows:\n%r" % rows)
if texts.index(hostile[13]) != 5: problems.append("hostile row out of order: %r" % texts)
print("\n".join(problems)); sys.exit(1 if problems else 0)
)PY");
  const auto r = dt::run_command(dt::shell_quote(dt::python_path()) + ' ' +
                                 dt::shell_quote((dir / "check.py").string()) + ' ' +
                                 dt::shell_quote((dir / "t.csv").string()) + ' ' +
                                 dt::shell_quote((dir / "expected.json").string()));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// ------------------------------------------------------------------ TimelineJS3 and vis-timeline

TEST(timeline_test, timelinejs_json_has_dated_events_in_order_with_escaped_html) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  auto events = sample();
  events.push_back(hostile_event());
  const std::string doc = tljs(events, labelled());
  EXPECT_TRUE(core::is_valid_utf8(doc));
  json_checks c;
  c.text(R"(["title","text","headline"])", "Syria &amp; the &quot;US&quot; &lt;2017&gt;");
  c.text(R"(["title","text","text"])", "<p>9 dated events; 1 undated not shown.</p>");
  c.add(R"(["events","#len"])", "9");
  // ev-1: month precision: no day, a display_date.
  c.add(R"(["events",0,"start_date"])", R"({"year":2017,"month":3})");
  c.text(R"(["events",0,"display_date"])", "2017-03");
  c.text(R"(["events",0,"unique_id"])", "ev-1");
  c.text(R"(["events",0,"group"])", "verbal conflict");
  c.text(R"(["events",0,"text","headline"])", "United States \xE2\x86\x92 Syria government: Accuse");
  c.add(R"(["events",1,"start_date"])", R"({"year":2017,"month":3,"day":20})");
  c.add(R"(["events",1,"display_date"])", R"("<absent>")");
  c.text(R"(["events",1,"text","text"])",
         "<p>first day</p><p>USA United States \xE2\x86\x92 SYRGOV Syria government</p>"
         "<p>190 Use conventional military force \xC2\xB7 material conflict \xC2\xB7 Goldstein -10</p>"
         "<p>z, sentence 0</p>");
  c.text(R"(["events",3,"text","headline"])",
         "Syrian Democratic Forces \xE2\x86\x92 United States: not Make a visit");
  // The hostile event (2017-03-24, article "x ..." sorts after "b"): every < > & " ' escaped once.
  c.text(R"(["events",5,"unique_id"])", "ev-6");
  c.text(R"(["events",5,"text","headline"])",
         "Quote &quot; back\\slash &lt;/script&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; "
         "&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt; &amp; &lt;!-- \x20\x20 tab\t nl\n bad"
         "\xEF\xBF\xBD\xEF\xBF\xBD line\xE2\x80\xA8sep ]]&gt; end \xE2\x86\x92 A &amp; B: Accuse");
  c.add(R"(["events",6,"start_date"])", R"({"year":2017,"month":3,"day":27})");
  c.text(R"(["events",6,"display_date"])", "2017-W13");
  c.add(R"(["events",7,"start_date"])", R"({"year":2017,"month":4})");
  c.text(R"(["events",7,"display_date"])", "2017-Q2");
  c.add(R"(["events",8,"start_date"])", R"({"year":2018})");
  c.text(R"(["events",8,"group"])", "material cooperation");
  c.text(R"(["events",8,"unique_id"])", "ev-9");
  EXPECT_EQ(python_json_problems(doc, c), "") << doc;
}

TEST(timeline_test, vis_json_has_items_and_the_groups_they_use) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  auto events = sample();
  events.push_back(hostile_event());
  const std::string doc = vis(events, labelled());
  json_checks c;
  c.text(R"(["title"])", "Syria & the \"US\" <2017>");
  c.add(R"(["groups"])",
        R"([{"id":1,"content":"Verbal cooperation","className":"verbal-cooperation"},)"
        R"({"id":2,"content":"Material cooperation","className":"material-cooperation"},)"
        R"({"id":3,"content":"Verbal conflict","className":"verbal-conflict"},)"
        R"({"id":4,"content":"Material conflict","className":"material-conflict"}])");
  c.add(R"(["items","#len"])", "9");
  c.add(R"(["items",1])",
        R"({"id":"ev-2","content":"United States \u2192 Syria government: Use conventional military force",)"
        R"("start":"2017-03-20","group":4,"className":"material-conflict","title":"2017-03-20 \u00b7 first day"})");
  c.text(R"(["items",0,"start"])", "2017-03-01");
  c.text(R"(["items",6,"start"])", "2017-03-27");
  c.text(R"(["items",8,"start"])", "2018-01-01");
  c.add(R"(["items",8,"group"])", "2");
  c.text(R"(["items",5,"className"])", "verbal-conflict");
  EXPECT_EQ(python_json_problems(doc, c), "") << doc;
  // Undated events only: valid, empty.
  json_checks empty;
  empty.add(R"(["items"])", "[]");
  empty.add(R"(["groups"])", "[]");
  EXPECT_EQ(python_json_problems(vis({sample()[2]}, {}), empty), "");
  json_checks none;
  none.add(R"(["events"])", "[]");
  none.text(R"(["title","text","headline"])", "Timeline");
  EXPECT_EQ(python_json_problems(tljs({}, {}), none), "");
}

// ------------------------------------------------------------------ HTML

struct page_parts {
  std::string before, data, after;
};

page_parts split_page(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"timeline-data\">";
  const auto begin = html.find(open);
  if (begin == npos) return {html, {}, {}};
  const auto data_begin = begin + open.size();
  const auto end = html.find("</script>", data_begin);
  if (end == npos) return {html, {}, {}};
  return {html.substr(0, begin), html.substr(data_begin, end - data_begin), html.substr(end)};
}

TEST(timeline_test, html_is_self_contained_and_its_data_cannot_close_the_script) {
  auto events = sample();
  events.push_back(hostile_event());
  const std::string html = page(events, labelled());
  EXPECT_TRUE(core::is_valid_utf8(html));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  const auto parts = split_page(html);
  ASSERT_FALSE(parts.data.empty()) << html;
  // The data never contains < (so neither </script> nor <!--), nor > or &.
  EXPECT_EQ(parts.data.find_first_of("<>&"), npos);
  // Exactly the two script elements we wrote, and no URL or external resource outside the data.
  EXPECT_EQ(count_of(html, "</script>"), 2u);
  EXPECT_EQ(count_of(html, "<script"), 2u);
  for (const auto* part : {&parts.before, &parts.after})
    for (const char* url : {"http:", "https:", "//", "src=", "href=", "url(", "@import", "<link", "<iframe"})
      EXPECT_EQ(part->find(url), npos) << url;
  EXPECT_NE(parts.before.find("Content-Security-Policy\" content=\"default-src 'none'"), npos);
  EXPECT_NE(parts.before.find("<title>Syria &amp; the &quot;US&quot; &lt;2017&gt;</title>"), npos);
  EXPECT_NE(parts.before.find("<span id=\"count\">0</span> of 10 events"), npos);
  EXPECT_NE(parts.before.find("<select id=\"actor\">"), npos);

  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  json_checks c;
  c.text(R"(["title"])", "Syria & the \"US\" <2017>");
  c.add(R"(["events","#len"])", "10");
  c.text(R"(["events",5,"text"])", hostile_clean);
  c.text(R"(["events",5,"article"])", "x " + hostile_clean);
  c.text(R"(["events",5,"source","name"])", hostile_clean);
  c.add(R"(["events",5,"goldstein"])", "null");
  c.add(R"(["events",5,"actors"])", R"(["X<Y","~a & b"])");
  c.add(R"(["events",2,"actors"])", R"(["SYRGOV"])");  // source and target the same: once
  c.add(R"(["events",3,"actors"])", R"(["~syrian democratic forces","USA"])");
  c.add(R"(["events",3,"negated"])", "true");
  c.text(R"(["events",3,"label"])", "Make a visit");
  c.text(R"(["events",9,"date"])", "");
  c.add(R"(["events",9,"day"])", "null");
  c.text(R"(["events",7,"date"])", "2017-Q2");
  c.text(R"(["events",7,"day"])", "2017-04-01");
  c.add(R"(["actors","#len"])", "5");
  c.add(R"(["actors",0])", R"({"key":"SYRGOV","label":"SYRGOV Syria government","count":6})");
  EXPECT_EQ(python_json_problems(parts.data, c), "") << parts.data;
}

// ------------------------------------------------------------------ HTML in a real browser

const fs::path chromium = "/usr/bin/chromium";

// The DOM after the page's scripts ran, from headless Chromium without network or GPU.
std::string rendered_dom(const fs::path& html, const std::string& fragment, const fs::path& profile) {
  const auto r = dt::run_command(
      "timeout 60 " + chromium.string() +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
      dt::shell_quote(profile.string()) + " --virtual-time-budget=2000 --dump-dom " +
      dt::shell_quote("file://" + html.string() + fragment) + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

std::size_t event_items(const std::string& dom, bool hidden_only = false) {
  static const std::regex item(R"(<li class="event q[1-4]"[^>]*>)");
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), item); it != std::sregex_iterator(); ++it)
    n += !hidden_only || it->str().find(" hidden=") != npos ? 1 : 0;
  return n;
}

std::string shown_count(const std::string& dom) {
  static const std::regex count(R"(<span id="count">([^<]*)</span>)");
  std::smatch m;
  return std::regex_search(dom, m, count) ? m[1].str() : "(no #count)";
}

TEST(timeline_test, chromium_draws_every_event_and_never_runs_hostile_text) {
  if (!fs::exists(chromium)) GTEST_SKIP() << "chromium is not installed (apt-get install chromium)";
  auto events = sample();
  events.push_back(hostile_event());
  dt::temp_dir dir;
  dt::write_file(dir / "t.html", page(events, labelled()));
  const std::string dom = rendered_dom(dir / "t.html", "", dir / "profile");
  EXPECT_EQ(event_items(dom), 10u) << dom;
  EXPECT_EQ(event_items(dom, true), 0u) << dom;
  EXPECT_EQ(shown_count(dom), "10") << dom;
  // The hostile text is there as text; its markup did not become elements or run.
  EXPECT_NE(dom.find("<title>Syria &amp; the \"US\" &lt;2017&gt;</title>"), npos) << dom;
  EXPECT_EQ(dom.find("<img"), npos) << dom;
  EXPECT_NE(dom.find("&lt;img src=x onerror="), npos) << dom;
  EXPECT_EQ(count_of(dom, "<script"), 2u) << dom;
  // One option per actor after "All actors", and an actor id in the URL filters.
  EXPECT_EQ(count_of(dom, "<option "), 6u) << dom;
  const std::string filtered = rendered_dom(dir / "t.html", "#actor=%7Esyrian%20democratic%20forces", dir / "profile");
  EXPECT_EQ(event_items(filtered), 10u);
  EXPECT_EQ(event_items(filtered, true), 7u) << filtered;
  EXPECT_EQ(shown_count(filtered), "3") << filtered;
}

}  // namespace
