// resolve_actor: short actor phrases to codes and roles (what `diplograph actor` prints), one
// convention per test, with the built-in dictionaries.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diplograph/extract/coder.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;

namespace {

const dx::dictionaries& builtin() {
  static const dx::dictionaries d = dx::dictionaries::load(diplograph::testing::dictionary_dir());
  return d;
}

struct resolved {
  std::string code, country;
  std::vector<std::string> roles;
};

resolved resolve(const std::string& phrase, const char* on = nullptr) {
  std::optional<dc::calendar_day> day;
  if (on) day = dc::parse_iso_day(on);
  const auto r = dx::resolve_actor(phrase, builtin(), day);
  resolved out;
  if (r.actor) {
    out.code = r.actor->code;
    out.country = r.actor->country;
  }
  out.roles = r.roles;
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(actor_resolution_test, a_military_rank_before_a_name_makes_the_person_military) {
  EXPECT_EQ(resolve("Lt. Gen. Eduardo Marquez").roles, V{"MIL"});
  EXPECT_EQ(resolve("Air Chief Marshal Tomas Ferreira").roles, V{"MIL"});
  const auto with_country = resolve("Ugandan Maj. Gen. Samuel Okello");
  EXPECT_EQ(with_country.code, "UGAMIL");
  // A civilian title is not a rank.
  EXPECT_EQ(resolve("Vice President Maria Lopez").roles, V{"GOV"});
}

TEST(actor_resolution_test, a_role_set_off_before_a_name_gives_the_name_its_role) {
  EXPECT_EQ(resolve("The provincial governor's spokesman, Ahmad Karimi").roles, V{"GOV"});
}

TEST(actor_resolution_test, a_role_takes_its_country_from_a_place_in_the_phrase) {
  const auto r = resolve("professor of economics at a university in Kenya");
  EXPECT_EQ(r.code, "KENEDU");
  EXPECT_EQ(r.roles, V{"EDU"});
}

TEST(actor_resolution_test, based_in_a_country_is_that_countrys_but_not_for_a_named_group) {
  EXPECT_EQ(resolve("a Kenya-based militia").code, "KENUAF");
  EXPECT_EQ(resolve("the London-based Syrian Observatory for Human Rights").code, "SYRHRI");
}

TEST(actor_resolution_test, insurgents_and_separatists_are_rebels_as_phoenix_codes_them) {
  EXPECT_EQ(resolve("Taliban", "2002-05-01").code, "AFGREBTAL");
  EXPECT_EQ(resolve("Syrian jihadists").code, "SYRREB");
  EXPECT_EQ(resolve("Tamil Tigers").roles, V{"REB"});
}

TEST(actor_resolution_test, breakaway_states_are_pre_states_of_the_country_they_left) {
  const auto t = resolve("Transnistria");
  EXPECT_EQ(t.country, "MDA");
  EXPECT_EQ(t.roles, V{"PRE"});
  EXPECT_EQ(resolve("the Turkish Republic of Northern Cyprus").country, "CYP");
  EXPECT_EQ(resolve("breakaway republic").roles, V{"PRE"});
  // The country itself is still the country.
  EXPECT_EQ(resolve("Cyprus").code, "CYP");
}

TEST(actor_resolution_test, state_media_speak_for_the_government) {
  const auto r = resolve("Somalia state news agency");
  EXPECT_EQ(r.country, "SOM");
  EXPECT_EQ(r.roles, (V{"GOV", "MED"}));
  EXPECT_EQ(resolve("journalists").roles, V{"MED"});
}

TEST(actor_resolution_test, eu_bodies_carry_country_eur) {
  const auto r = resolve("the EU legislature");
  EXPECT_EQ(r.code, "IGOEURPAR");
  EXPECT_EQ(r.country, "EUR");
  EXPECT_EQ(r.roles, V{"LEG"});
  const auto nato = resolve("NATO");
  EXPECT_TRUE(nato.country.empty()) << nato.country;  // other IGOs have no country
}

TEST(actor_resolution_test, people_we_cannot_identify_are_unk_and_nonsense_is_nothing) {
  EXPECT_EQ(resolve("a group of men").roles, V{"UNK"});
  EXPECT_EQ(resolve("20 men").roles, V{"UNK"});
  EXPECT_EQ(resolve("He").roles, V{"UNK"});
  EXPECT_EQ(resolve("occupiers").roles, V{"UNK"});
  EXPECT_TRUE(resolve("a cat named Frank").roles.empty());
  EXPECT_TRUE(resolve("the weather").roles.empty());
}
