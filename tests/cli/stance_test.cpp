// Stances end to end: `extract --stances` writes stance records; `build` stores them and draws
// them as signed edges to issue nodes that the real clients still accept.
#include <gtest/gtest.h>

#include <sstream>

#include "commands.hpp"
#include "test_support.hpp"

namespace dt = diplograph::testing;

namespace {

const std::string article =
    "BEIRUT, May 4, 2019 (Meridian News) - \"Any foreign military presence on our soil is an illegitimate "
    "presence,\" Lebanon's foreign minister said on Saturday.\n\n"
    "The minister said his government would never walk away from the talks.";

}  // namespace

TEST(stance_test, extract_writes_stance_records_only_when_asked) {
  dt::temp_dir tmp;
  dt::write_file(tmp / "a.txt", article);
  std::istringstream in;
  std::ostringstream plain, with, err;
  ASSERT_EQ(diplograph::cli::run({"diplograph", "extract", (tmp / "a.txt").string()}, in, plain, err), 0) << err.str();
  EXPECT_EQ(plain.str().find("\"kind\":\"stance\""), std::string::npos);
  ASSERT_EQ(diplograph::cli::run({"diplograph", "extract", "--stances", (tmp / "a.txt").string()}, in, with, err), 0);
  const std::string s = with.str();
  EXPECT_NE(s.find(R"("actor":{"code":"LBNGOV","name":"Lebanon government","country":"LBN"},"issue":"foreign_military_presence","issue_label":"foreign military presence","polarity":"oppose")"),
            std::string::npos) << s;
  EXPECT_NE(s.find(R"("issue":"peace_talks","issue_label":"peace talks","polarity":"support")"), std::string::npos) << s;
  EXPECT_NE(s.find(R"("date":"2019-05-04")"), std::string::npos) << s;
}

TEST(stance_test, build_draws_stances_as_edges_to_issue_nodes) {
  dt::temp_dir tmp;
  dt::write_file(tmp / "a.txt", article);
  std::istringstream in;
  std::ostringstream out, err;
  ASSERT_EQ(diplograph::cli::run({"diplograph", "build", (tmp / "a.txt").string(), "--db", (tmp / "d.db").string(),
                                  "-o", (tmp / "out").string()},
                                 in, out, err),
            0)
      << err.str();
  EXPECT_NE(out.str().find("and 2 stances"), std::string::npos) << out.str();
  const std::string graphml = dt::read_file(tmp / "out" / "graph.graphml");
  EXPECT_NE(graphml.find("issue:peace_talks"), std::string::npos);
  EXPECT_NE(graphml.find(">stance<"), std::string::npos);
  const std::string dot = dt::read_file(tmp / "out" / "graph.dot");
  EXPECT_NE(dot.find("\"issue:foreign_military_presence\" [label="), std::string::npos) << dot;
  const auto shared = dt::shared_dir();
  if (shared.empty() || !dt::have_program("xmllint") || !dt::have_program("dot")) GTEST_SKIP() << "no validators";
  EXPECT_EQ(dt::run_command("xmllint --noout --schema " + dt::shell_quote((shared / "schemas/graphml/graphml.xsd").string()) +
                            " " + dt::shell_quote((tmp / "out" / "graph.graphml").string()))
                .exit_code,
            0);
  EXPECT_EQ(dt::run_command("dot -Tsvg " + dt::shell_quote((tmp / "out" / "graph.dot").string()) + " -o /dev/null").exit_code, 0);
}
