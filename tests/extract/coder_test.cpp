// The first event coder, construction by construction, with the built-in dictionaries.
// Assertions are on dyads and CAMEO roots, the contract the evaluation scores.
#include <gtest/gtest.h>

#include <set>

#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/ingest.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;

namespace {

const dx::dictionaries& builtin() {
  static const dx::dictionaries d = dx::dictionaries::load(diplograph::testing::dictionary_dir());
  return d;
}

dx::extraction_result code_text(const std::string& text, const char* published = "2020-05-04") {
  dc::article a;
  a.id = dc::article_id{"t"};
  a.text = text;
  if (published) a.published = dc::parse_iso_day(published);
  dx::ingest_options opt;
  auto prepared = dx::prepare_article(std::move(a), opt);
  return dx::extract_events(prepared.article, builtin());
}

// "SRC>TGT:root" for every event.
std::set<std::string> dyads(const std::string& text) {
  std::set<std::string> out;
  for (const auto& e : code_text(text).events)
    out.insert(e.source->code + ">" + e.target->code + ":" + e.code.substr(0, 2));
  return out;
}

using S = std::set<std::string>;

}  // namespace

TEST(coder_test, subject_verb_object) {
  EXPECT_EQ(dyads("France accused Russia of lying."), (S{"FRA>RUS:11"}));
}

TEST(coder_test, nationality_and_role_compose) {
  EXPECT_EQ(dyads("Russian troops attacked Ukrainian soldiers near the river."), (S{"RUSMIL>UKRMIL:19"}));
}

TEST(coder_test, passive_voice_swaps_source_and_target) {
  EXPECT_EQ(dyads("Pakistani troops were attacked by Indian forces near the border."), (S{"INDMIL>PAKMIL:19"}));
}

TEST(coder_test, compound_targets_each_get_an_event) {
  EXPECT_EQ(dyads("Iran accused Britain, France and Germany of sabotage."),
            (S{"IRN>GBR:11", "IRN>FRA:11", "IRN>DEU:11"}));
}

TEST(coder_test, compound_sources_each_get_an_event) {
  EXPECT_EQ(dyads("Russia and Ukraine accused Turkey of delays."), (S{"RUS>TUR:11", "UKR>TUR:11"}));
}

TEST(coder_test, nested_speech_codes_the_inner_clause) {
  EXPECT_EQ(dyads("Israel said Hamas attacked Egypt."), (S{"PSEREBHMS>EGY:19"}));
}

TEST(coder_test, speaker_judges_what_the_clause_names) {
  EXPECT_EQ(dyads("A Turkish attack on Kurdish towns would be illegitimate, the Syrian foreign minister said."),
            (S{"SYRGOV>TUR:11"}));
}

TEST(coder_test, people_take_their_affiliation_and_keep_it_by_surname) {
  EXPECT_EQ(dyads("Maria Lopez, Chile's foreign minister, arrived on Monday.\n\nLopez accused Peru of spying."),
            (S{"CHLGOV>PER:11"}));
  EXPECT_EQ(dyads("German Chancellor Anna Weber met French envoys in Berlin."), (S{"DEUGOV>FRAGOV:04"}));
}

TEST(coder_test, pronoun_speaker_is_the_last_named_speaker) {
  EXPECT_EQ(dyads("Japan's prime minister said the talks went well.\n\n\"North Korea's missile tests are "
                  "illegitimate,\" he said."),
            (S{"JPNGOV>PRK:11"}));
}

TEST(coder_test, places_are_not_actors) {
  EXPECT_EQ(dyads("Envoys met in Geneva and Astana."), S{});
  EXPECT_EQ(dyads("Rebels attacked the Syrian city of Aleppo."), S{});
  EXPECT_EQ(dyads("Israeli jets struck targets in Gaza."), S{});
}

TEST(coder_test, negated_cooperation_becomes_rejection_and_negated_conflict_no_event) {
  const auto r = code_text("China did not meet Japan.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].code.substr(0, 2), "12");
  EXPECT_TRUE(r.events[0].negated);
  EXPECT_EQ(dyads("China did not attack Japan."), S{});
}

TEST(coder_test, no_self_loops) {
  EXPECT_EQ(dyads("Syrian officials criticised the Syrian government."), S{});
}

TEST(coder_test, events_carry_date_and_provenance) {
  const std::string text = "CAIRO (Wire) - Egypt criticised Israel on Monday.";
  const auto r = code_text(text, "2023-10-09");
  ASSERT_EQ(r.events.size(), 1u);
  const auto& e = r.events[0];
  EXPECT_EQ(dc::to_iso(e.date), "2023-10-09");
  EXPECT_EQ(e.date.precision, dc::date_precision::day);
  EXPECT_EQ(e.article.value(), "t");
  EXPECT_EQ(e.sentence, 0u);
  EXPECT_EQ(e.text, "Egypt criticised Israel on Monday.");
  EXPECT_EQ(text.substr(e.where.begin, e.where.end - e.where.begin), e.text);
  EXPECT_EQ(e.code.size(), 3u);
  EXPECT_LT(e.goldstein, 0.0);
  EXPECT_EQ(e.quad, dc::quad_class::verbal_conflict);
  EXPECT_EQ(e.plover, "ACCUSE");
  EXPECT_FALSE(e.rule.empty());
}

TEST(coder_test, undated_articles_give_undated_events) {
  const auto r = code_text("Egypt criticised Israel.", nullptr);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_FALSE(r.events[0].date.known());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("undated"), std::string::npos);
}

TEST(coder_test, bylines_and_photo_credits_are_not_actors) {
  EXPECT_EQ(dyads("Leaders meet in Paris, France, May 4, 2020. REUTERS/Jean Martin\n\n"
                  "(Reporting by John Smith; Editing by Mary Jones)"),
            S{});
}

TEST(coder_test, coordinated_nationalities_share_the_role_word) {
  EXPECT_EQ(dyads("Russian and Belarusian soldiers attacked Ukrainian troops."),
            (S{"RUSMIL>UKRMIL:19", "BLRMIL>UKRMIL:19"}));
}

TEST(coder_test, the_government_in_reported_speech_is_the_speakers) {
  EXPECT_EQ(dyads("Iran's foreign minister said the government condemned Israel."), (S{"IRNGOV>ISR:11"}));
}

TEST(coder_test, former_office_holders_are_elites) {
  EXPECT_EQ(dyads("A former Egyptian minister criticised Israel."), (S{"EGYELI>ISR:11"}));
}

TEST(coder_test, function_words_do_not_join_actor_phrases) {
  EXPECT_EQ(dyads("Mali accused Algeria of sheltering rebel leaders."), (S{"MLI>DZA:11"}));
}

TEST(coder_test, the_minister_is_the_last_minister_named) {
  EXPECT_EQ(dyads("Greek Foreign Minister Nikos Pappas arrived in Ankara.\n\nThe minister criticised Turkey."),
            (S{"GRCGOV>TURGOV:04", "GRCGOV>TUR:11"}));
}

TEST(coder_test, events_take_the_date_of_their_clause) {
  // 2017-03-24 was a Friday.
  auto r = code_text("Egypt criticised Israel on Thursday.", "2017-03-24");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(dc::to_iso(r.events[0].date), "2017-03-23");
  r = code_text("Israeli troops attacked Hamas fighters in May 2010, officials said on Friday.", "2013-06-01");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(dc::to_iso(r.events[0].date), "2010-05");
  EXPECT_EQ(r.events[0].date.precision, dc::date_precision::month);
  r = code_text("Egypt criticised Israel.", "2017-03-24");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(dc::to_iso(r.events[0].date), "2017-03-24");
}

TEST(coder_test, office_holders_are_coded_by_the_event_date) {
  // Putin was prime minister, not president, in 2009; both are RUSGOV. Obama left office in 2017.
  EXPECT_EQ(dyads("Vladimir Putin criticised Georgia."), (S{"RUSGOV>GEO:11"}));
  const auto after = code_text("Barack Obama criticised Russia.", "2019-05-04");
  ASSERT_EQ(after.events.size(), 1u);
  EXPECT_EQ(after.events[0].source->code, "USAELI");
  const auto during = code_text("Barack Obama criticised Russia.", "2012-05-04");
  ASSERT_EQ(during.events.size(), 1u);
  EXPECT_EQ(during.events[0].source->code, "USAGOV");
  // The event's own date decides, not the publication date.
  const auto looking_back = code_text("In 2012, Barack Obama criticised Russia.", "2019-05-04");
  ASSERT_EQ(looking_back.events.size(), 1u);
  EXPECT_EQ(looking_back.events[0].source->code, "USAGOV");
  EXPECT_EQ(dc::to_iso(looking_back.events[0].date), "2012");
}

TEST(coder_test, a_role_of_an_organisation_is_that_organisation) {
  EXPECT_EQ(dyads("The president of the European Council criticised Belarus."), (S{"IGOEUR>BLR:11"}));
}

TEST(coder_test, coordinated_subjects_without_an_object_act_on_each_other) {
  EXPECT_EQ(dyads("Jordan and Britain have agreed to hold joint exercises."), (S{"JOR>GBR:03", "GBR>JOR:03"}));
}

TEST(coder_test, what_a_speaker_says_someone_must_do_is_a_demand) {
  const auto d = dyads("Britain said Libya must hand over the suspects.");
  EXPECT_TRUE(d.count("GBR>LBY:10")) << testing::PrintToString(d);
}

TEST(coder_test, demands_address_the_subject_of_their_that_clause) {
  const auto d = dyads("Greece demanded that Turkey withdraw its ships.");
  EXPECT_TRUE(d.count("GRC>TUR:10")) << testing::PrintToString(d);
  EXPECT_EQ(dyads("The Kremlin denied that Russian warships had blocked the ports."), S{});
}

TEST(coder_test, a_few_words_may_stand_inside_a_verb_pattern) {
  EXPECT_EQ(dyads("The United States fired anti-aircraft batteries at Russia."), (S{"USA>RUS:19"}));
}

TEST(coder_test, he_in_what_a_speaker_says_is_the_speaker) {
  const auto d = dyads("The Japanese prime minister said he would criticise China.");
  EXPECT_TRUE(d.count("JPNGOV>CHN:11")) << testing::PrintToString(d);
}

TEST(coder_test, threatened_or_intended_conflict_is_a_threat) {
  EXPECT_EQ(dyads("Pakistan threatened to break off diplomatic relations with Israel."), (S{"PAK>ISR:13"}));
  EXPECT_EQ(dyads("Donald Trump wants to attack Switzerland."), (S{"USAGOV>CHE:13"}));
  EXPECT_EQ(dyads("The United States will supply arms to Israel."), (S{"USA>ISR:07"}));
}

TEST(coder_test, fighting_between_two_parties_goes_both_ways) {
  EXPECT_EQ(dyads("Russia closed its borders because of fighting between Azerbaijan and Armenia."),
            (S{"AZE>ARM:19", "ARM>AZE:19"}));
}

TEST(coder_test, talks_with_someone_go_both_ways_and_appositions_name_their_actor) {
  const auto d = code_text("The US commander in Iraq, General John Smith, held talks with President Michel Suleiman.",
                           "2008-08-06");
  std::set<std::string> got;
  for (const auto& e : d.events) got.insert(e.source->code + ">" + e.target->code + ":" + e.code.substr(0, 2));
  EXPECT_EQ(got, (S{"USAMIL>LBNGOV:04", "LBNGOV>USAMIL:04"}));
}

TEST(coder_test, people_without_a_code_are_actors_known_by_name) {
  const auto r = code_text("Grace Wanjiru criticised Kenya.", "2024-03-03");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source->code, "");
  EXPECT_EQ(r.events[0].source->name, "Grace Wanjiru");
  EXPECT_EQ(r.events[0].source->kind, dc::actor_kind::person);
  EXPECT_EQ(r.events[0].source->id().value(), "~grace wanjiru");
}

namespace {
std::set<std::string> stances_of(const std::string& text) {
  std::set<std::string> out;
  for (const auto& s : code_text(text).stances)
    out.insert(s.holder.code + (s.polarity == dc::polarity::support ? " supports " : " opposes ") + s.issue);
  return out;
}
}  // namespace

TEST(coder_test, speakers_take_stances_on_issues) {
  EXPECT_EQ(stances_of("\"Any military presence on our territory without our approval is an illegitimate presence,\" "
                       "the Syrian foreign minister said."),
            (S{"SYRGOV opposes foreign_military_presence"}));
  EXPECT_EQ(stances_of("The Syrian foreign minister said his delegation would never walk away from the talks."),
            (S{"SYRGOV supports peace_talks"}));
  EXPECT_EQ(stances_of("Iran rejected the sanctions."), (S{"IRN opposes sanctions"}));
  EXPECT_EQ(stances_of("Jordan's king said a rebel offensive was designed to disrupt the peace talks."), S{});
}

TEST(coder_test, repeated_statements_of_one_event_are_one_event_with_mentions) {
  const auto r = code_text(
      "Russia attacked Ukraine on Monday. Kyiv said Russia attacked Ukraine on Monday. "
      "Russia attacked Ukraine again on Wednesday.",
      "2022-03-09");
  std::size_t monday = 0, wednesday = 0;
  for (const auto& e : r.events) {
    if (e.source->code != "RUS" || e.target->code != "UKR" || e.code.substr(0, 2) != "19") continue;
    if (dc::to_iso(e.date) == "2022-03-07") monday = e.mentions;
    if (dc::to_iso(e.date) == "2022-03-09") wednesday = e.mentions;
  }
  // The first two sentences state the same dyad, code and date; a different date is another event.
  EXPECT_EQ(monday, 2u);
  EXPECT_EQ(wednesday, 1u);
}

TEST(coder_test, coordinated_subjects_act_on_each_other_only_without_an_object) {
  EXPECT_EQ(dyads("Russia, France and the United States welcomed the agreement."), S{});
  EXPECT_EQ(dyads("Armenian and Azerbaijani troops killed dozens of soldiers."), S{});
  EXPECT_EQ(dyads("Armenia and Azerbaijan agreed on Tuesday to extend the ceasefire."),
            (S{"ARM>AZE:03", "AZE>ARM:03"}));
  // Symmetric verbs keep both directions even with an object.
  EXPECT_EQ(dyads("Armenia and Azerbaijan signed a peace treaty."), (S{"ARM>AZE:05", "AZE>ARM:05"}));
}

TEST(coder_test, a_country_led_coalition_is_that_countrys_military) {
  EXPECT_EQ(dyads("Saudi-led coalition warplanes bombed Yemen."), S{"SAUMIL>YEM:19"});
}

TEST(coder_test, an_event_a_duration_and_after_place_in_the_past_is_dated_to_its_time) {
  const auto r = code_text(
      "Armenia and Azerbaijan agreed on Tuesday to extend the ceasefire, almost two years after fighting "
      "between Armenian and Azerbaijani troops.",
      "2025-10-14");
  std::set<std::string> dates;
  for (const auto& e : r.events) dates.insert(e.code.substr(0, 2) + "@" + dc::to_iso(e.date));
  EXPECT_EQ(dates, (std::set<std::string>{"03@2025-10-14", "19@2023"}));
}

TEST(coder_test, a_breakaway_region_in_a_speakers_words_is_not_the_speakers) {
  EXPECT_EQ(dyads("A Turkish official said Ankara would never recognise the breakaway region."), S{});
}
