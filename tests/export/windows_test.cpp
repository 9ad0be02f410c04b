// Pins: the per-window dyad table (export --format windows) — header, one row per window and
// directed dyad in window order, window ends, means rounded to two decimals and empty when
// unscored, quad counts — and the `diplograph changes` writers: Markdown sections with both
// windows, the change and the evidence; CSV with one row per evidence event; JSON Lines with one
// object per change. Hostile actor names and sentences; real clients: Python's csv and json
// modules read every row and object back.

#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/utf8.hpp"
#include "diplograph/export/changes.hpp"
#include "diplograph/export/windows.hpp"
#include "diplograph/graph/changes.hpp"
#include "diplograph/graph/windows.hpp"
#include "event_builder.hpp"
#include "test_support.hpp"

namespace {

using namespace diplograph;
using diplograph::testing::make_event;
namespace dt = diplograph::testing;

const core::actor fra{"FRA", "France, \"la\" <b>*", "FRA", core::actor_kind::country};
const core::actor deu{"DEU", "Germany", "DEU", core::actor_kind::country};
const core::actor odd{"", "bad\xff name\n# heading", "", core::actor_kind::unknown};


// Every event is sentence 2 of its article, a hostile sentence.
std::vector<core::event> story() {
  std::vector<core::event> events = {
      make_event(fra, deu, 4, "2017-01-10", "j1"),          make_event(fra, deu, 3, "2017-01-20", "j2"),
      make_event(fra, deu, -2, "2017-03-02", "m1", "111"),  make_event(fra, deu, -10, "2017-03-05", "m2,\"x\"", "190"),
      make_event(odd, fra, 1, "2017-03-07", "o1"),          make_event(odd, fra, 2, "2017-04-07", "o2"),
      make_event(odd, fra, std::numeric_limits<double>::quiet_NaN(), "2017-05-07", "o3")};
  for (auto& e : events) {
    e.sentence = 2;
    e.text = "  They said \"no\", then *fired*\nat <x>\x01 \xfe.  ";
  }
  return events;
}

std::string windows_csv(const std::vector<core::event>& events) {
  std::ostringstream out;
  exporter::write_windows_csv(out, graph::window_rows(events, graph::time_window::month));
  return out.str();
}

TEST(windows_test, one_row_per_window_and_dyad) {
  const std::string csv = windows_csv(story());
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
            "window_start,window_end,source,target,source_name,target_name,count,goldstein_mean,quad1,quad2,quad3,"
            "quad4\n");
  EXPECT_NE(csv.find("\n2017-01-01,2017-01-31,FRA,DEU,\"France, \"\"la\"\" <b>*\",Germany,2,3.5,2,0,0,0\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n2017-03-01,2017-03-31,FRA,DEU,\"France, \"\"la\"\" <b>*\",Germany,2,-6,0,0,1,1\n"),
            std::string::npos)
      << csv;
  // The unscored event has no mean; invalid UTF-8 becomes U+FFFD; the newline is quoted.
  EXPECT_NE(csv.find("\n2017-05-01,2017-05-31,\"~bad\xEF\xBF\xBD name\n# heading\",FRA,\"bad\xEF\xBF\xBD name\n# "
                    "heading\","),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",1,,1,0,0,0\n"), std::string::npos) << csv;
  EXPECT_TRUE(core::is_valid_utf8(csv));
  EXPECT_EQ(windows_csv({}), csv.substr(0, csv.find('\n') + 1));  // a header alone
}

std::vector<graph::relation_change> changes() {
  return graph::find_changes(story(), {.window = graph::time_window::month, .min_count = 1, .evidence = 2});
}

std::string changes_text(const char* format) {
  const auto c = changes();
  std::ostringstream out;
  const std::string f = format;
  if (f == "md") exporter::write_changes_md(out, c, {.window = graph::time_window::month, .min_count = 1});
  else if (f == "csv") exporter::write_changes_csv(out, c);
  else exporter::write_changes_jsonl(out, c);
  return out.str();
}

TEST(windows_test, changes_as_markdown) {
  ASSERT_EQ(changes().size(), 1u);  // FRA -> DEU, January to March; ~bad... -> FRA moves by 1
  const std::string md = changes_text("md");
  EXPECT_EQ(md.rfind("# Relation changes\n\nWindows: month. A pair's windows with at least 1 event are compared", 0), 0u)
      << md;
  EXPECT_NE(md.find("more than 3. 1 change.\n"), std::string::npos) << md;
  EXPECT_NE(md.find("\n## 2017-03-01: FRA France, \"la\" \\<b\\>\\* \xE2\x86\x92 DEU Germany: cooperation to conflict\n\n"
                    "- before: 2017-01-01 \xE2\x80\x93 2017-01-31, 2 events, mean Goldstein 3.5\n"
                    "- after: 2017-03-01 \xE2\x80\x93 2017-03-31, 2 events, mean Goldstein -6 (change -9.5)\n"
                    "- evidence:\n"
                    "  - 2017-03-05 \xC2\xB7 190 \xC2\xB7 Goldstein -10 \xC2\xB7 m2,\"x\", sentence 2: They said"),
            std::string::npos)
      << md;
  // The sentence cannot break out of its bullet: newline and control characters become spaces.
  EXPECT_NE(md.find("then \\*fired\\* at \\<x\\>  \xEF\xBF\xBD.\n  - 2017-03-02"), std::string::npos) << md;
  EXPECT_TRUE(core::is_valid_utf8(md));
  std::ostringstream none;
  exporter::write_changes_md(none, {}, {});
  EXPECT_NE(none.str().find("0 changes.\n\n_No changes._\n"), std::string::npos) << none.str();
}

TEST(windows_test, python_reads_the_tables_and_the_json_lines) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  dt::write_file(dir / "windows.csv", windows_csv(story()));
  dt::write_file(dir / "changes.csv", changes_text("csv"));
  dt::write_file(dir / "changes.jsonl", changes_text("jsonl"));
  const auto r = dt::run_python(dir.path(), R"PY(
import csv, json, sys
problems = []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
if len(rows) != 5: problems.append("windows: %d rows" % len(rows))
if [r["window_start"] for r in rows] != sorted(r["window_start"] for r in rows): problems.append("window order")
for r in rows:
    if sum(int(r["quad%d" % q]) for q in range(1, 5)) != int(r["count"]): problems.append("quads %r" % r)
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    ev = list(csv.DictReader(f, strict=True))
if len(ev) != 2: problems.append("changes.csv: %d rows" % len(ev))
first = ev[0]
want = {"change": "1", "source": "FRA", "target": "DEU", "kind": "cooperation_to_conflict", "jump": "true",
        "before_start": "2017-01-01", "before_end": "2017-01-31", "before_count": "2", "before_mean": "3.5",
        "after_start": "2017-03-01", "after_count": "2", "after_mean": "-6", "delta": "-9.5",
        "evidence_date": "2017-03-05", "evidence_code": "190", "evidence_goldstein": "-10",
        "evidence_article": 'm2,"x"', "evidence_sentence": "2", "source_name": 'France, "la" <b>*'}
for k, v in want.items():
    if first.get(k) != v: problems.append("changes.csv %s: %r" % (k, first.get(k)))
if not first["evidence_text"].startswith('They said "no", then *fired*\nat <x>'): problems.append("text %r" % first["evidence_text"])
if ev[1]["evidence_article"] != "m1": problems.append("evidence order %r" % ev[1])
lines = open(sys.argv[3], encoding="utf-8").read().splitlines()
if len(lines) != 1: problems.append("jsonl: %d lines" % len(lines))
c = json.loads(lines[0])
if c["source"] != {"code": "FRA", "name": 'France, "la" <b>*', "country": "FRA"} or c["source_id"] != "FRA": problems.append("source %r" % c)
if c["target_id"] != "DEU" or c["target"]["name"] != "Germany": problems.append("target %r" % c)
if c["kind"] != "cooperation_to_conflict" or c["jump"] is not True or c["delta"] != -9.5: problems.append("change %r" % c)
if c["before"] != {"start": "2017-01-01", "end": "2017-01-31", "count": 2, "goldstein_mean": 3.5}: problems.append("before %r" % c["before"])
if [e["article"] for e in c["evidence"]] != ['m2,"x"', "m1"]: problems.append("evidence %r" % c["evidence"])
e = c["evidence"][0]
if e["date"] != "2017-03-05" or e["goldstein"] != -10 or e["code"] != "190" or e["sentence"] != 2 or e["source"]["code"] != "FRA":
    problems.append("evidence %r" % e)
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                                {(dir / "windows.csv").string(), (dir / "changes.csv").string(),
                                 (dir / "changes.jsonl").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
