// Boilerplate and captions, publication dates from the text, and sentence splitting with byte
// offsets.
#include <gtest/gtest.h>

#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/published.hpp"
#include "diplograph/extract/sentences.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;

namespace {

std::string slice(std::string_view text, dc::span s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

std::vector<std::string> sentences_of(const std::string& text) {
  const auto segs = dx::segment_text(text);
  const auto t = dx::split_sentences(text, segs);
  std::vector<std::string> out;
  for (const auto& s : t.sentences) out.push_back(slice(text, s.where));
  return out;
}

const std::string web_page =
    "External Content\n\n"
    "The following content is sourced from external partners. We cannot guarantee that it is suitable.\n\n"
    "Delegates arrive for talks at the United Nations in Geneva, Switzerland March 24, 2017. REUTERS/Jane Roe\n\n"
    "GENEVA (Reuters) - Envoys met on Friday.\n\n"
    "(Reporting by John Doe; Editing by Mary Major)\n\n"
    "Neuer Inhalt\n\n"
    "Sign up for our free newsletters and get the top stories delivered to your inbox.\n\n"
    "Join us on Facebook!";

}  // namespace

TEST(text_test, boilerplate_captions_credits_and_datelines_are_segmented) {
  const auto segs = dx::segment_text(web_page);
  std::vector<std::pair<dc::segment_kind, std::string>> got;
  for (const auto& s : segs) got.emplace_back(s.kind, slice(web_page, s.where));
  ASSERT_EQ(got.size(), 10u);
  EXPECT_EQ(got[0].first, dc::segment_kind::boilerplate);
  EXPECT_EQ(got[1].first, dc::segment_kind::boilerplate);
  EXPECT_EQ(got[2].first, dc::segment_kind::caption);
  EXPECT_EQ(got[2].second, "Delegates arrive for talks at the United Nations in Geneva, Switzerland March 24, 2017. ");
  EXPECT_EQ(got[3].first, dc::segment_kind::boilerplate);
  EXPECT_EQ(got[3].second, "REUTERS/Jane Roe");
  EXPECT_EQ(got[4].second, "GENEVA (Reuters) - ");
  EXPECT_EQ(got[4].first, dc::segment_kind::boilerplate);
  EXPECT_EQ(got[5].second, "Envoys met on Friday.");
  EXPECT_EQ(got[5].first, dc::segment_kind::body);
  for (std::size_t i = 6; i < got.size(); ++i) EXPECT_EQ(got[i].first, dc::segment_kind::boilerplate) << got[i].second;
}

TEST(text_test, datelines_of_several_shapes) {
  EXPECT_EQ(dx::dateline_length("GENEVA (Reuters) - Talks"), 19u);
  EXPECT_EQ(dx::dateline_length("WASHINGTON, March 24 (AP) \xE2\x80\x94 The"), 30u);
  EXPECT_EQ(dx::dateline_length("BEIRUT, Lebanon -- Gunmen"), 19u);
  EXPECT_EQ(dx::dateline_length("U.S. officials said - today"), 0u);
  EXPECT_EQ(dx::dateline_length("The ceasefire held."), 0u);
}

TEST(text_test, publication_date_from_caption_dateline_or_opening) {
  {
    const auto segs = dx::segment_text(web_page);
    auto found = dx::infer_published(web_page, segs);
    ASSERT_TRUE(found);
    EXPECT_EQ(dc::to_iso(found->day), "2017-03-24");
    EXPECT_EQ(found->from, dc::date_source::caption);
    EXPECT_EQ(slice(web_page, found->where), "March 24, 2017");
  }
  {
    const std::string t = "PARIS, 5 June 2019 (Wire) - Ministers met.";
    auto found = dx::infer_published(t, dx::segment_text(t));
    ASSERT_TRUE(found);
    EXPECT_EQ(dc::to_iso(found->day), "2019-06-05");
    EXPECT_EQ(found->from, dc::date_source::dateline);
  }
  {
    const std::string t = "GENEVA, March 24 (Reuters) - The 2017 round of talks opened. Delegates met.";
    auto found = dx::infer_published(t, dx::segment_text(t));
    ASSERT_TRUE(found);
    EXPECT_EQ(dc::to_iso(found->day), "2017-03-24");
    EXPECT_EQ(found->from, dc::date_source::dateline);
  }
  {
    const std::string t = "Ministers met on Tuesday.\n\nThe meeting, held on 2020-11-03, was short.";
    auto found = dx::infer_published(t, dx::segment_text(t));
    ASSERT_TRUE(found);
    EXPECT_EQ(dc::to_iso(found->day), "2020-11-03");
    EXPECT_EQ(found->from, dc::date_source::opening_text);
  }
  {
    const std::string t = "GENEVA, March 24 (Reuters) - Talks opened with no year in sight.";
    EXPECT_FALSE(dx::infer_published(t, dx::segment_text(t)));
  }
}

TEST(text_test, abbreviations_initials_and_decimals_do_not_end_sentences) {
  const auto s = sentences_of(
      "The U.S. envoy met Mr. Smith and Gen. John F. Kennedy Jr. on Jan. 5 in No. 10 Downing Street. "
      "Prices rose 5.93 percent. It was the U.N. The talks ended.");
  ASSERT_EQ(s.size(), 4u) << testing::PrintToString(s);
  EXPECT_EQ(s[1], "Prices rose 5.93 percent.");
  EXPECT_EQ(s[2], "It was the U.N.");
  EXPECT_EQ(s[3], "The talks ended.");
}

TEST(text_test, quotations_stay_with_their_sentences) {
  const std::string text =
      "\"We will never leave. The talks go on,\" he said. \"Those who fight are here.\n\n"
      "\"Nothing serves peace,\" she said.";
  const auto segs = dx::segment_text(text);
  const auto t = dx::split_sentences(text, segs);
  std::vector<std::string> s;
  for (const auto& x : t.sentences) s.push_back(slice(text, x.where));
  ASSERT_EQ(s.size(), 4u) << testing::PrintToString(s);
  EXPECT_EQ(s[0], "\"We will never leave.");
  EXPECT_EQ(s[1], "The talks go on,\" he said.");
  EXPECT_EQ(s[2], "\"Those who fight are here.");
  EXPECT_EQ(s[3], "\"Nothing serves peace,\" she said.");
  // The second sentence starts inside the quotation the first one opened.
  EXPECT_NE(t.sentences[1].quote, dx::no_quote);
  EXPECT_EQ(t.sentences[1].quote, t.sentences[0].quote);
}

TEST(text_test, tokens_carry_byte_offsets_and_match_keys) {
  const std::string text = "Bashar al-Ja'afari met U.S. envoys in Assad's Damascus \xE2\x80\x94 didn't he?";
  const auto t = dx::split_sentences(text, dx::segment_text(text));
  std::vector<std::string> keys, raws;
  for (const auto& tok : t.tokens) {
    keys.emplace_back(t.key(tok));
    raws.push_back(slice(text, tok.where));
  }
  const std::vector<std::string> want_keys = {"bashar", "al", "-", "jaafari", "met", "us", "envoys", "in",
                                              "assad", "s", "damascus", "\xE2\x80\x94", "did", "nt", "he", "?"};
  EXPECT_EQ(keys, want_keys);
  EXPECT_EQ(raws[5], "U.S.");
  EXPECT_EQ(raws[9], "'s");
  EXPECT_TRUE(t.tokens[5].all_caps);
  EXPECT_TRUE(t.tokens[0].capitalised);
  EXPECT_EQ(dx::phrase_keys("al-Qaeda"), (std::vector<std::string>{"al", "qaeda"}));
  EXPECT_EQ(dx::phrase_keys("U.N. Security Council"), (std::vector<std::string>{"un", "security", "council"}));
}

TEST(text_test, latin_diacritics_fold_in_match_keys) {
  const std::string text = "Khürelsükh met Erdoğan at the Élysée in São Paulo.";
  const auto t = dx::split_sentences(text, dx::segment_text(text));
  std::vector<std::string> keys;
  for (const auto& tok : t.tokens) keys.emplace_back(t.key(tok));
  EXPECT_EQ(keys[0], "khurelsukh");
  EXPECT_EQ(keys[2], "erdogan");
  EXPECT_EQ(keys[5], "elysee");
  EXPECT_EQ(keys[7], "sao");
  EXPECT_TRUE(t.tokens[5].capitalised);  // É
  EXPECT_EQ(dx::phrase_keys("Erdogan"), dx::phrase_keys("Erdoğan"));
}
