// Pins the core vocabulary: dates and their precision, UTF-8 repair, JSON string writing, and
// the CAMEO table's lookups.
#include <gtest/gtest.h>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/cameo.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/json.hpp"
#include "diplograph/core/utf8.hpp"
#include "test_support.hpp"

namespace dc = diplograph::core;

TEST(core_test, parses_iso_days_and_rejects_impossible_ones) {
  auto d = dc::parse_iso_day("2017-03-24");
  ASSERT_TRUE(d);
  EXPECT_EQ(dc::to_iso(*d), "2017-03-24");
  EXPECT_TRUE(dc::parse_iso_day("2017-03-24T10:00:00Z"));
  EXPECT_FALSE(dc::parse_iso_day("2017-02-30"));
  EXPECT_FALSE(dc::parse_iso_day("24/03/2017"));
  EXPECT_FALSE(dc::parse_iso_day("2017-3-24"));
  EXPECT_FALSE(dc::parse_iso_day(""));
}

TEST(core_test, writes_dates_at_their_precision) {
  const auto d = *dc::parse_iso_day("2017-03-24");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::day}), "2017-03-24");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::month}), "2017-03");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::quarter}), "2017-Q1");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::year}), "2017");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::week}), "2017-W12");
  EXPECT_EQ(dc::to_iso({d, dc::date_precision::unknown}), "");
}

TEST(core_test, replaces_invalid_utf8_and_nul) {
  const std::string bad = std::string("ok \xff\xfe end ") + '\0' + "x \xe2\x82 \xed\xa0\x80";
  auto r = dc::sanitize_utf8(bad);
  EXPECT_TRUE(dc::is_valid_utf8(r.text));
  EXPECT_EQ(r.text.find('\0'), std::string::npos);
  EXPECT_EQ(r.first_bad, 3u);
  EXPECT_GE(r.replaced, 4u);
  EXPECT_EQ(dc::sanitize_utf8("Élysée – “quoted”").replaced, 0u);
}

TEST(core_test, json_strings_are_always_valid) {
  EXPECT_EQ(dc::json_string("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(dc::json_string("\xff"), "\"\\ufffd\"");
  EXPECT_EQ(dc::json_string("Élysée"), "\"Élysée\"");
  std::string n;
  dc::append_json_number(n, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(n, "null");
  n.clear();
  dc::append_json_number(n, -2.5);
  EXPECT_EQ(n, "-2.5");
}

TEST(core_test, cameo_table_falls_back_to_parent_codes) {
  const auto table = dc::cameo_table::load(diplograph::testing::dictionary_dir() / "cameo_codes.tsv");
  const auto* c = table.find("042");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "042");
  EXPECT_DOUBLE_EQ(c->goldstein, 1.9);
  EXPECT_EQ(c->quad, dc::quad_class::verbal_cooperation);
  EXPECT_EQ(c->plover, "CONSULT");
  const auto* fight = table.find("190");
  ASSERT_NE(fight, nullptr);
  EXPECT_DOUBLE_EQ(fight->goldstein, -10.0);
  EXPECT_EQ(fight->quad, dc::quad_class::material_conflict);
  EXPECT_EQ(table.find("9999"), nullptr);
}

TEST(core_test, cameo_table_rejects_malformed_lines) {
  diplograph::testing::temp_dir dir;
  diplograph::testing::write_file(dir / "bad.tsv", "042\tnot-a-number\t1\tCONSULT\tVisit\n");
  try {
    dc::cameo_table::load(dir / "bad.tsv");
    FAIL() << "expected core_error";
  } catch (const dc::core_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.tsv:1"), std::string::npos) << e.what();
  }
}

TEST(core_test, actor_id_is_code_or_name_key) {
  dc::actor a{"SYRGOV", "Syria government", "SYR", dc::actor_kind::government};
  EXPECT_EQ(a.id().value(), "SYRGOV");
  dc::actor b{"", "Jan Egeland", "", dc::actor_kind::person};
  EXPECT_EQ(b.id().value(), "~jan egeland");
}

TEST(core_test, diagnostics_never_send_control_characters_to_the_terminal) {
  dc::diagnostic d;
  d.level = dc::severity::error;
  d.file = "in.jsonl";
  d.line = 7;
  d.article = "a\x1b[31m\xff";
  d.message = "bad\nthing";
  EXPECT_EQ(dc::format(d), "in.jsonl:7: error: article a\\x1b[31m\xEF\xBF\xBD: bad\\x0athing");
}
