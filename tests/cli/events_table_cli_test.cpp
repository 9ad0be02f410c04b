// Pins: `diplograph export --format events-csv|events-tsv` and build's events.csv on a store of
// fixtures/articles: one row per stored event (as many as `export --format jsonl` lines), read by
// Python's csv module in strict mode, TSV one row per line; every GLOBALEVENTID is the id of a
// cluster of `export --format clusters`, with that cluster's NumArticles, NumMentions and
// NumSources; build writes the same table as export.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;

using diplograph::testing::describe;
using diplograph::testing::run_cli;

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

TEST(events_table_cli_test, events_tables_join_the_clusters) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir tmp;
  const std::string db = (tmp / "f.db").string();
  const fs::path out = tmp / "out";
  const auto built =
      run_cli({"build", "--db", db, "-o", out.string(), (dt::fixture_dir() / "articles").string()});
  ASSERT_EQ(built.code, 0) << describe(built);

  const auto export_of = [&](const std::string& format) {
    const auto r = run_cli({"export", "--db", db, "--format", format});
    EXPECT_EQ(r.code, 0) << format << '\n' << describe(r);
    dt::write_file(tmp / ("export." + format), r.out);
    return r.out;
  };
  const std::string jsonl = export_of("jsonl");
  const std::string csv = export_of("events-csv");
  const std::string tsv = export_of("events-tsv");
  export_of("clusters");
  ASSERT_GT(count_lines(jsonl), 10u);
  EXPECT_EQ(dt::read_file(out / "events.csv"), csv);
  EXPECT_EQ(
      csv.rfind("GLOBALEVENTID,SQLDATE,MonthYear,Year,EventDate,DatePrecision,Actor1Code,", 0), 0u)
      << csv;
  EXPECT_EQ(count_lines(tsv), count_lines(jsonl) + 1);

  const auto r = dt::run_python(tmp.path(), R"PY(
import csv, json, sys
d = sys.argv[1]
events = [json.loads(l) for l in open(d + "/export.jsonl", encoding="utf-8")]
with open(d + "/export.events-csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f, strict=True))
with open(d + "/export.clusters", newline="", encoding="utf-8") as f:
    clusters = {c["cluster_id"]: c for c in csv.DictReader(f, strict=True)}
tsv = open(d + "/export.events-tsv", encoding="utf-8", newline="").read().split("\n")[:-1]
header = tsv[0].split("\t")
problems = []
if len(rows) != len(events): problems.append("%d rows for %d events" % (len(rows), len(events)))
if len(tsv) - 1 != len(events): problems.append("%d TSV rows for %d events" % (len(tsv) - 1, len(events)))
for line in tsv:
    if len(line.split("\t")) != len(header): problems.append("ragged TSV line %r" % line)
for i, (row, event) in enumerate(zip(rows, events)):
    c = clusters.get(row["GLOBALEVENTID"])
    if c is None:
        problems.append("row %d: no cluster %s" % (i, row["GLOBALEVENTID"]))
        continue
    for ours, theirs in (("NumArticles", "num_articles"), ("NumMentions", "num_mentions"),
                         ("NumSources", "num_sources")):
        if row[ours] != c[theirs]: problems.append("row %d: %s %s, cluster %s" % (i, ours, row[ours], c[theirs]))
    if row["EventRootCode"] != c["root"]: problems.append("row %d: root %s" % (i, row["EventRootCode"]))
    if row["ArticleID"] != event["article"] or row["EventCode"] != event["code"]:
        problems.append("row %d: %r for %r" % (i, row, event))
    if row["Sentence"] != event["text"]: problems.append("row %d: sentence %r" % (i, row["Sentence"]))
    if event["date_precision"] == "day" and row["SQLDATE"] != event["date"].replace("-", ""):
        problems.append("row %d: SQLDATE %s for %s" % (i, row["SQLDATE"], event["date"]))
    tsv_row = dict(zip(header, tsv[i + 1].split("\t")))
    if tsv_row["GLOBALEVENTID"] != row["GLOBALEVENTID"]: problems.append("row %d: TSV id differs" % i)
print("ROWS", len(rows))
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                                {tmp.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

}  // namespace
