// `diplograph explain`: per sentence, what the coder found and why it coded or dropped each
// candidate; and explain_events agrees with extract_events.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_run.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/ingest.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
namespace dt = diplograph::testing;

namespace {

dt::cli_result run(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> full{"explain"};
  full.insert(full.end(), args.begin(), args.end());
  return dt::run_cli(full, input);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

constexpr const char* story =
    "{\"id\":\"x1\",\"published\":\"2021-06-10\",\"text\":\"Kenyan police arrested opposition protesters in "
    "Nairobi on Tuesday. Officials visited the camp. Ethiopia did not attack Eritrea, the minister said.\"}\n";

}  // namespace

TEST(explain_test, text_names_actors_times_rules_and_reasons) {
  const auto r = run({"-"}, story);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "== x1")) << r.out;
  EXPECT_TRUE(contains(r.out, "actor  \"Kenyan police\" -> KENCOP")) << r.out;
  EXPECT_TRUE(contains(r.out, "(place: not an actor)")) << r.out;            // Nairobi
  EXPECT_TRUE(contains(r.out, "time   \"Tuesday\" -> 2021-06-08")) << r.out;
  EXPECT_TRUE(contains(r.out, "EVENT  KENCOP")) << r.out;
  // "Officials visited the camp": a role with no country, and no target.
  EXPECT_TRUE(contains(r.out, "role without a country or organisation: not coded")) << r.out;
  EXPECT_TRUE(contains(r.out, "dropped: no coded target after the verb")) << r.out;
  // Negated conflict is no event, and says so.
  EXPECT_TRUE(contains(r.out, "negated 19")) << r.out;
}

TEST(explain_test, jsonl_has_one_object_per_sentence) {
  const auto r = run({"--format", "jsonl", "-"}, story);
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_EQ(line.rfind("{\"article\":\"x1\",\"sentence\":", 0), 0u) << line;
    EXPECT_TRUE(contains(line, "\"verbs\":[")) << line;
  }
  EXPECT_EQ(n, 3);
  if (dt::have_python()) {  // every line is JSON a real parser accepts
    const dt::temp_dir dir;
    dt::write_file(dir / "explain.jsonl", r.out);
    const auto check = dt::run_python(dir.path(), "import json,sys\nfor l in open(sys.argv[1]): json.loads(l)\n",
                                      {(dir / "explain.jsonl").string()});
    EXPECT_EQ(check.exit_code, 0) << check.out;
  }
}

TEST(explain_test, bad_input_names_the_file_and_the_rest_still_runs) {
  const dt::temp_dir dir;
  dt::write_file(dir / "bad.jsonl", "{\"id\":\"a\",\"text\":\"Russia attacked Ukraine.\"}\n{not json\n");
  const auto r = run({(dir / "bad.jsonl").string()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "bad.jsonl:2")) << r.err;
  EXPECT_TRUE(contains(r.out, "EVENT  RUS")) << r.out;
}

TEST(explain_test, explain_codes_what_extract_codes) {
  const dx::dictionaries d = dx::dictionaries::load(dt::dictionary_dir());
  dx::ingest_options opt;
  std::size_t articles = 0;
  dx::read_inputs({dt::fixture_dir().string() + "/articles"}, opt,
                  [&](dc::article a) {
                    ++articles;
                    const auto extracted = dx::extract_events(a, d);
                    std::size_t traced = 0, mentions = 0;
                    for (const auto& tr : dx::explain_events(a, d)) traced += tr.events.size();
                    for (const auto& e : extracted.events) mentions += e.mentions;
                    // Every extracted event is traced; the traces hold repeats before the merge.
                    EXPECT_GE(traced, extracted.events.size()) << a.id.value();
                    EXPECT_GE(traced, mentions) << a.id.value();
                  },
                  [](dc::diagnostic) {});
  EXPECT_GE(articles, 5u);
}
