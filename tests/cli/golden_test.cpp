// Golden tests: every article in fixtures/articles, run through `diplograph extract`, must give
// exactly fixtures/expected/<name>.events.jsonl (what each pins is listed in
// fixtures/README.md). Regenerate only deliberately: DIPLOGRAPH_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "commands.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using diplograph::testing::fixture_dir;
using diplograph::testing::read_file;
using diplograph::testing::write_file;

namespace {

std::vector<fs::path> fixture_articles() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fixture_dir() / "articles"))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

}  // namespace

class golden_test : public ::testing::TestWithParam<fs::path> {};

TEST_P(golden_test, extract_matches_expected_events) {
  const fs::path article = GetParam();
  const fs::path expected = fixture_dir() / "expected" / (article.stem().string() + ".events.jsonl");
  std::istringstream in;
  std::ostringstream out, err;
  const int code = diplograph::cli::run({"diplograph", "extract", article.string()}, in, out, err);
  ASSERT_EQ(code, 0) << err.str();
  if (const char* update = std::getenv("DIPLOGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    write_file(expected, out.str());
    GTEST_SKIP() << "updated " << expected;
  }
  ASSERT_TRUE(fs::exists(expected)) << "no golden file " << expected
                                    << "; run with DIPLOGRAPH_UPDATE_GOLDEN=1 and review it";
  const auto want = lines(read_file(expected));
  const auto got = lines(out.str());
  EXPECT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i)
    EXPECT_EQ(i < got.size() ? got[i] : "<missing>", i < want.size() ? want[i] : "<extra>") << "event " << i;
}

INSTANTIATE_TEST_SUITE_P(fixtures, golden_test, ::testing::ValuesIn(fixture_articles()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });
