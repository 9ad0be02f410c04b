// `diplograph actor`: the contract the actor evaluation relies on.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_run.hpp"

namespace {

diplograph::testing::cli_result run(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> full{"actor"};
  full.insert(full.end(), args.begin(), args.end());
  return diplograph::testing::run_cli(full, input);
}

}  // namespace

TEST(actor_verb_test, phrases_resolve_to_codes_roles_and_names) {
  const auto r = run({"Syrian chief negotiator", "soldiers", "a cat named Frank", "the U.N."});
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string l1, l2, l3, l4;
  std::getline(lines, l1);
  std::getline(lines, l2);
  std::getline(lines, l3);
  std::getline(lines, l4);
  EXPECT_EQ(l1, R"({"id":"1","text":"Syrian chief negotiator","code":"SYRGOV","country":"SYR","roles":["GOV"],"name":"Syria government","kind":"government"})");
  EXPECT_EQ(l2, R"({"id":"2","text":"soldiers","code":null,"country":null,"roles":["MIL"],"name":null,"kind":"role"})");
  EXPECT_EQ(l3, R"({"id":"3","text":"a cat named Frank","code":null,"country":null,"roles":[],"name":null,"kind":"unknown"})");
  EXPECT_NE(l4.find(R"("code":"IGOUNO","country":"IGO")"), std::string::npos) << l4;
}

TEST(actor_verb_test, jsonl_on_stdin_keeps_ids_and_reports_bad_lines) {
  const auto r = run({"-"}, "{\"id\": \"a\", \"text\": \"French troops\"}\nnot json\n{\"id\": \"b\", \"text\": \"Daesh\", \"date\": \"2017-03-24\"}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find(R"({"id":"a","text":"French troops","code":"FRAMIL")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"({"id":"b","text":"Daesh","code":"IMGMUSISI")"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("-:2: error: malformed JSON"), std::string::npos) << r.err;
}

TEST(actor_verb_test, a_bad_date_is_a_usage_error) {
  EXPECT_EQ(run({"--date", "2017-02-30", "Syria"}).code, 2);
}

// --dict takes one directory each time, so the phrases after it stay phrases.
TEST(actor_verb_test, dict_option_takes_one_directory_and_leaves_the_phrases) {
  const std::string dir = DIPLOGRAPH_DICTIONARY_DIR;
  const auto r = run({"--dict", dir, "Syria", "French troops"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(R"("text":"Syria","code":"SYR")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("text":"French troops","code":"FRAMIL")"), std::string::npos) << r.out;
}
