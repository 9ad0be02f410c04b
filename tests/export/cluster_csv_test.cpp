// Pins: the cluster CSVs (`diplograph export --format clusters|mentions`): headers, GDELT-like
// columns, empty fields for undated clusters, absent actors and missing Goldstein, distinct URLs,
// one mention row per event in the caller's order, and RFC 4180 quoting of hostile text (quotes,
// commas, CR/LF, control characters, invalid UTF-8) read back field for field by Python's csv
// module in strict mode.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/core/cluster.hpp"
#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/export/clusters.hpp"
#include "test_support.hpp"

namespace {

namespace core = diplograph::core;
namespace exporter = diplograph::exporter;
namespace dt = diplograph::testing;

const std::string hostile = "say \"no\", then\r\nleave;\n\x01\x1f tab\there \xff end";
const std::string hostile_read = "say \"no\", then\r\nleave;\n\x01\x1f tab\there \xEF\xBF\xBD end";

core::cluster_mention mention(std::string article, std::string url, std::size_t sentence,
                              const char* iso, std::string code) {
  core::cluster_mention m;
  m.article = core::article_id{std::move(article)};
  m.url = std::move(url);
  m.publisher = "Wire";
  m.sentence = sentence;
  m.text = "Syria met Turkey.";
  m.date = {*core::parse_iso_day(iso), core::date_precision::day};
  m.code = std::move(code);
  m.goldstein = 1.9;
  return m;
}

std::vector<core::event_cluster> clusters() {
  core::event_cluster dated;
  dated.id = "0123456789abcdef";
  dated.first = core::parse_iso_day("2017-03-01");
  dated.last = core::parse_iso_day("2017-03-02");
  dated.source = core::actor{"SYRGOV", "Syria government", "SYR", core::actor_kind::government};
  dated.target = core::actor{"TUR", "Turkey", "TUR", core::actor_kind::country};
  dated.root = "04";
  dated.code = "042";
  dated.quad = core::quad_class::verbal_cooperation;
  dated.goldstein = (1.9 + 2.8 + 1.9) / 3;
  dated.num_events = 3;
  dated.num_articles = 2;
  dated.num_mentions = 4;
  dated.num_sources = 1;
  dated.mentions = {mention("a", "https://example.org/a", 0, "2017-03-01", "042"),
                    mention("a", "https://example.org/a", 2, "2017-03-01", "043"),
                    mention("b", "https://example.org/b?x=1,2", 1, "2017-03-02", "042")};
  dated.mentions[1].goldstein = 2.8;
  dated.mentions[1].mentions = 2;

  core::event_cluster odd;  // undated, hostile names, no target, no Goldstein, no URL
  odd.id = "fedcba9876543210";
  odd.source = core::actor{"", hostile, "", core::actor_kind::person};
  odd.root = "19";
  odd.code = "190";
  odd.quad = core::quad_class::material_conflict;
  odd.goldstein = std::numeric_limits<double>::quiet_NaN();
  odd.num_events = 1;
  odd.num_articles = 1;
  odd.num_mentions = 1;
  core::cluster_mention m;
  m.article = core::article_id{hostile};
  m.publisher = hostile;
  m.sentence = 7;
  m.text = hostile;
  m.code = "190";
  m.goldstein = std::numeric_limits<double>::quiet_NaN();
  odd.mentions = {m};
  return {dated, odd};
}

using table = std::vector<std::vector<std::string>>;

table clusters_expected() {
  return {
      {"cluster_id", "first_date", "last_date", "source_code", "source_name", "source_country",
       "target_code", "target_name", "target_country", "code", "root", "quad_class", "goldstein",
       "num_events", "num_articles", "num_mentions", "num_sources", "source_urls"},
      {"0123456789abcdef", "2017-03-01", "2017-03-02", "SYRGOV", "Syria government", "SYR", "TUR",
       "Turkey", "TUR", "042", "04", "1", "2.2", "3", "2", "4", "1",
       "https://example.org/a https://example.org/b?x=1,2"},
      {"fedcba9876543210", "", "", "", hostile_read, "", "", "", "", "190", "19", "4", "", "1", "1",
       "1", "0", ""},
  };
}

table mentions_expected() {
  return {
      {"cluster_id", "article", "url", "publisher", "sentence", "date", "date_precision", "code",
       "goldstein", "mentions", "text"},
      {"0123456789abcdef", "a", "https://example.org/a", "Wire", "0", "2017-03-01", "day", "042",
       "1.9", "1", "Syria met Turkey."},
      {"0123456789abcdef", "a", "https://example.org/a", "Wire", "2", "2017-03-01", "day", "043",
       "2.8", "2", "Syria met Turkey."},
      {"0123456789abcdef", "b", "https://example.org/b?x=1,2", "Wire", "1", "2017-03-02", "day",
       "042", "1.9", "1", "Syria met Turkey."},
      {"fedcba9876543210", hostile_read, "", hostile_read, "7", "", "unknown", "190", "", "1",
       hostile_read},
  };
}

std::string clusters_csv(const std::vector<core::event_cluster>& c) {
  std::ostringstream out;
  exporter::write_clusters_csv(out, c);
  return out.str();
}

std::string mentions_csv(const std::vector<core::event_cluster>& c) {
  std::ostringstream out;
  exporter::write_cluster_mentions_csv(out, c);
  return out.str();
}

// Python's csv module (strict) reads `csv` back as exactly `expected`.
void expect_python_reads(const std::string& csv, const table& expected) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir dir;
  dt::write_file(dir / "t.csv", csv);
  std::string json = "[";
  for (std::size_t i = 0; i < expected.size(); ++i) {
    json += i ? ", [" : "[";
    for (std::size_t j = 0; j < expected[i].size(); ++j) {
      if (j > 0) json += ", ";
      core::append_json_string(json, expected[i][j]);
    }
    json += ']';
  }
  json += ']';
  dt::write_file(dir / "expected.json", json);
  const auto r = dt::run_python(dir.path(), R"PY(
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, strict=True))
expected = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []
if len(rows) != len(expected): problems.append("%d rows, expected %d" % (len(rows), len(expected)))
for i, (got, want) in enumerate(zip(rows, expected)):
    if len(got) != len(rows[0]): problems.append("row %d has %d fields" % (i, len(got)))
    if got != want: problems.append("row %d: %r\n  expected %r" % (i, got, want))
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                                {(dir / "t.csv").string(), (dir / "expected.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << "\n--- csv:\n" << csv;
}

TEST(cluster_csv_test, clusters_rows_read_back_field_for_field) {
  const std::string csv = clusters_csv(clusters());
  EXPECT_TRUE(core::is_valid_utf8(csv));
  EXPECT_EQ(csv.back(), '\n');
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "cluster_id,first_date,last_date,source_code,source_name,source_country,target_code,"
            "target_name,target_country,code,root,quad_class,goldstein,num_events,num_articles,"
            "num_mentions,num_sources,source_urls");
  // Quoted only when needed: the first row has one quoted field, the URLs with a comma.
  EXPECT_NE(csv.find("\n0123456789abcdef,2017-03-01,2017-03-02,SYRGOV,Syria government,SYR,TUR,"
                     "Turkey,TUR,042,04,1,2.2,3,2,4,1,\"https://example.org/a "
                     "https://example.org/b?x=1,2\"\n"),
            std::string::npos)
      << csv;
  expect_python_reads(csv, clusters_expected());
}

TEST(cluster_csv_test, mentions_rows_read_back_field_for_field) {
  const std::string csv = mentions_csv(clusters());
  EXPECT_TRUE(core::is_valid_utf8(csv));
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "cluster_id,article,url,publisher,sentence,date,date_precision,code,goldstein,"
            "mentions,text");
  expect_python_reads(csv, mentions_expected());
}

TEST(cluster_csv_test, no_clusters_give_the_header_only) {
  const std::string clusters = clusters_csv({});
  EXPECT_EQ(std::count(clusters.begin(), clusters.end(), '\n'), 1);
  EXPECT_EQ(clusters.rfind("cluster_id,first_date,", 0), 0U);
  const std::string mentions = mentions_csv({});
  EXPECT_EQ(std::count(mentions.begin(), mentions.end(), '\n'), 1);
  EXPECT_EQ(mentions.rfind("cluster_id,article,", 0), 0U);
}

}  // namespace
