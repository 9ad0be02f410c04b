// Importing PETRARCH dictionaries (dictionary_builder::load_petrarch): the validation set
// of PETRARCH's unit tests and the Phoenix set, both read from shared/ at run time (skipped when
// it is absent), and hand-written broken files.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>

#include "diplograph/core/date.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "dictionary_probe.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
using diplograph::testing::actor_of;
using diplograph::testing::day;
using diplograph::testing::dictionary_dir;
using diplograph::testing::shared_dir;
using diplograph::testing::temp_dir;
using diplograph::testing::verb_of;
using diplograph::testing::write_file;

namespace {

dx::dictionaries load_petrarch(const std::filesystem::path& dir) {
  return dx::dictionaries::load({{dir, dx::dictionary_format::petrarch}}, dictionary_dir());
}

std::filesystem::path validate_dir() { return shared_dir() / "dictionaries" / "petrarch-validate"; }
std::filesystem::path phoenix_dir() { return shared_dir() / "dictionaries" / "phoenix"; }

}  // namespace

TEST(petrarch_test, validation_actors_resolve_with_their_codes) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto d = load_petrarch(validate_dir());
  EXPECT_EQ(actor_of(d, "Arnor"), "ARN");              // ARNOR_  [ARN]
  EXPECT_EQ(actor_of(d, "Gondor"), "GON");
  EXPECT_EQ(actor_of(d, "Minas Tirith"), "GON");       // +MINAS_TIRITH synonym
  EXPECT_EQ(actor_of(d, "Interpol"), "IGOCOPITP");     // code on a line of its own
  EXPECT_EQ(actor_of(d, "Danish"), "DNK");
  EXPECT_EQ(actor_of(d, "Palestinian"), "PSE");        // [pse]: lower-case code
  EXPECT_EQ(actor_of(d, "the Shire"), "FRO");          // [FRO/BIL/SAM]: the first code
  EXPECT_EQ(actor_of(d, "U.N."), "UNO");
  EXPECT_EQ(actor_of(d, "UN"), "UNO");
  EXPECT_EQ(actor_of(d, "un"), "<no full match: 0>");  // acronyms need capitals
  EXPECT_EQ(actor_of(d, "Boromir"), "<no full match: 0>");  // [---]: never coded
  const auto* arnor = d.find_actor("ARN");
  ASSERT_NE(arnor, nullptr);
  EXPECT_EQ(arnor->kind, dc::actor_kind::country);
  EXPECT_EQ(arnor->name, "Arnor");
  const auto* itv = d.find_actor("ITHTV");
  ASSERT_NE(itv, nullptr);
  EXPECT_EQ(itv->country, "ITH");
  EXPECT_EQ(itv->role, "TV");
  const auto* igo = d.find_actor("IGOEEU");
  ASSERT_NE(igo, nullptr);
  EXPECT_EQ(igo->kind, dc::actor_kind::igo);
  EXPECT_TRUE(igo->country.empty());
}

TEST(petrarch_test, validation_people_take_the_code_of_the_date) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto d = load_petrarch(validate_dir());
  // GOLLUM [HOB < 950601] [HOBGOV 19950601 - 19990815] [HOBREB > 990816]
  EXPECT_EQ(actor_of(d, "Smeagol", day("1990-01-01")), "HOB");
  EXPECT_EQ(actor_of(d, "Gollum", day("1997-06-01")), "HOBGOV");
  EXPECT_EQ(actor_of(d, "Gollum", day("2005-06-01")), "HOBREB");
  // SAM_GAMGEE: five terms, one of them inside another's.
  EXPECT_EQ(actor_of(d, "Sam Gamgee", day("2007-01-01")), "HOBCIV");
  EXPECT_EQ(actor_of(d, "Sam Gamgee", day("2011-06-01")), "HOBMIL");
  EXPECT_EQ(actor_of(d, "Sam Gamgee", day("2014-06-01")), "HOBELI");
  for (const auto& e : d.actors())
    if (e.code == "HOBGOV" && e.name == "Gollum") {
      EXPECT_EQ(e.kind, dc::actor_kind::person);
      EXPECT_EQ(e.from, day("1995-06-01"));
      EXPECT_EQ(e.to, day("1999-08-15"));
    }
}

TEST(petrarch_test, validation_agents_get_plurals_and_substitutions) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto d = load_petrarch(validate_dir());
  EXPECT_EQ(actor_of(d, "soldier"), "~MIL");
  EXPECT_EQ(actor_of(d, "soldiers"), "~MIL");                 // regular plural
  EXPECT_EQ(actor_of(d, "authorities"), "~GOV");              // AUTHORITY -> AUTHORITIES
  EXPECT_EQ(actor_of(d, "golden geese"), "~GGS");             // {GOLDEN_GEESE}
  EXPECT_EQ(actor_of(d, "attorneys general"), "~GOV");
  EXPECT_EQ(actor_of(d, "troops"), "~MIL");                   // TROOPS {}: no plural
  EXPECT_EQ(actor_of(d, "troopss"), "<no full match: 0>");
  EXPECT_EQ(actor_of(d, "congresswomen"), "~LEG");            // CONGRESS!PERSON!
  EXPECT_EQ(actor_of(d, "congresses"), "~LEG");
  EXPECT_EQ(actor_of(d, "ministry of silly walks"), "~GOV");  // !MINST!_OF_SILLY_WALKS
  EXPECT_EQ(actor_of(d, "foreign minister"), "~GOVFRM");
  EXPECT_EQ(actor_of(d, "police"), "~COP");                   // [ ~COP]
  EXPECT_EQ(actor_of(d, "MSF"), "<no full match: 0>");        // [NGO~]: a prefix role, skipped
}

TEST(petrarch_test, validation_verbs_become_patterns) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto d = load_petrarch(validate_dir());
  EXPECT_EQ(verb_of(d, "restores"), "064");                       // RESTORE [064]
  EXPECT_EQ(verb_of(d, "renewed relations"), "064");              // RENEW [---] - * RELATIONS [064]
  EXPECT_EQ(verb_of(d, "renew"), "<none>");
  EXPECT_EQ(verb_of(d, "restore diplomatic"), "<none>");          // 064 like RESTORE alone: not added
  EXPECT_EQ(verb_of(d, "banned"), "191");                         // BAN {BANS BANNED}
  EXPECT_EQ(verb_of(d, "arrived"), "032");                        // [032:033]: the first
  EXPECT_EQ(verb_of(d, "expressed concern"), "131");              // - * CONCERN [131]
  EXPECT_EQ(verb_of(d, "abandon military ties"), "<none>");       // &TIETYPES: code 902 is not CAMEO
  EXPECT_EQ(verb_of(d, "adopted revolutions"), "<none>");         // 802 is not CAMEO either
  EXPECT_EQ(verb_of(d, "asks for total boycotts"), "172");        // * FOR &ECONSANCT, plural
  EXPECT_EQ(verb_of(d, "ask for embargo"), "172");
  EXPECT_EQ(verb_of(d, "vow resist to the death"), "113");        // &TESTSYN3, multi-word members
  EXPECT_EQ(verb_of(d, "wire tapped"), "1711");                   // WIRE_+TAP in CONFISCATE [1711]
  EXPECT_EQ(verb_of(d, "breaks down"), "171");                    // BREAK [1717]: its parent 171
  EXPECT_EQ(verb_of(d, "broke deadlock"), "102");                 // block verbs share patterns
  EXPECT_EQ(verb_of(d, "lashed out"), "122");                     // LASH OUT: verb + particle
  EXPECT_EQ(verb_of(d, "accord"), "<none>");                      // [---]
  EXPECT_EQ(verb_of(d, "downplays"), "014");                      // DOWNPLAY [014] in the DELAY block
  EXPECT_EQ(verb_of(d, "postponed"), "120");                      // POSTPONE: the block's code
  // Patterns we cannot express are skipped, not guessed: words before the verb.
  EXPECT_EQ(verb_of(d, "said"), "023");
  EXPECT_EQ(verb_of(d, "forcibly dispersed"), "<none>");
}

TEST(petrarch_test, validation_works_with_our_own_dictionaries) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto d = dx::dictionaries::load(
      {{dictionary_dir(), dx::dictionary_format::diplograph}, {validate_dir(), dx::dictionary_format::petrarch}},
      dictionary_dir());
  EXPECT_EQ(actor_of(d, "Gondor"), "GON");
  EXPECT_EQ(actor_of(d, "France"), "FRA");  // ours first: both name FRA
  EXPECT_NE(d.find_actor("SYR"), nullptr);
}

TEST(petrarch_test, phoenix_obama_holds_the_office_of_the_date) {
  if (shared_dir().empty()) GTEST_SKIP() << "shared/ is absent";
  const auto start = std::chrono::steady_clock::now();
  const auto d = load_petrarch(phoenix_dir());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  RecordProperty("load_ms", static_cast<int>(ms.count()));
  RecordProperty("actors", static_cast<int>(d.actors().size()));
  RecordProperty("verbs", static_cast<int>(d.verbs().size()));
  RecordProperty("phrases", static_cast<int>(d.phrase_count()));
  // [USAELI 780101-000101] [USAGOV >090120]
  EXPECT_EQ(actor_of(d, "Barack Obama", day("2012-05-01")), "USAGOV");
  EXPECT_EQ(actor_of(d, "Barack Obama", day("2005-01-01")), "USAELI");  // after his earlier term
  EXPECT_EQ(actor_of(d, "President Obama", day("2012-05-01")), "USAGOV");
  EXPECT_EQ(actor_of(d, "United States"), "USA");
  EXPECT_EQ(actor_of(d, "U.S."), "USA");
  EXPECT_EQ(actor_of(d, "Afghanistan"), "AFG");
  EXPECT_EQ(actor_of(d, "AFGHANISTAN"), "AFG");
  EXPECT_EQ(actor_of(d, "soldiers"), "~MIL");
  EXPECT_EQ(verb_of(d, "attacked"), verb_of(d, "attack"));
  EXPECT_GT(d.actors().size(), 10000u);
  EXPECT_GT(d.verbs().size(), 10000u);
  const auto* usa = d.find_actor("USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->kind, dc::actor_kind::country);
}

TEST(petrarch_test, a_directory_without_dictionaries_throws) {
  temp_dir dir;
  write_file(dir / "README.txt", "nothing here\n");
  try {
    load_petrarch(dir.path());
    FAIL() << "expected extract_error";
  } catch (const dx::extract_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir.path().string()), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_petrarch(dir / "missing"), dx::extract_error);
}

TEST(petrarch_test, a_few_bad_actor_lines_are_skipped) {
  temp_dir dir;
  write_file(dir / "Test.actors.txt",
             "<!-- a comment\n"
             "   spanning lines -->\n"
             "FREEDONIA_ [FRD]  # a comment\n"
             "+FREEDONIAN\n"
             "SYLVANIA [SYL\n"            // bad: no ']'
             "[XYZ]\n"                    // fine: a second code for Sylvania
             "RUFUS_T._FIREFLY\n"
             "\t[FRDGOV 19330101-19331231]\n"
             "\t[FRDELI >1934]\n"         // bad: not a date
             "MARX BROTHERS [FRDBUS]\n"
             "GROUCHO [FRDGOV]\n"
             "HARPO [FRDGOV]\n"
             "CHICO [FRDGOV]\n"
             "ZEPPO [FRDGOV]\n");
  write_file(dir / "Test.agents.txt",
             "!PERSON! = MAN, WOMAN\n"
             "SPOKES!PERSON! [~GOV]\n"
             "MINISTER [~GOV]\n"
             "HEALTH_MINISTER [~GOV]\n"
             "GENERAL [~MIL]\n"
             "BROKEN [~GOV\n");           // bad
  const auto d = load_petrarch(dir.path());
  EXPECT_EQ(actor_of(d, "Freedonian"), "FRD");
  EXPECT_EQ(actor_of(d, "Rufus T. Firefly", day("1933-06-01")), "FRDGOV");
  EXPECT_EQ(actor_of(d, "Marx Brothers"), "FRDBUS");
  EXPECT_EQ(actor_of(d, "spokeswoman"), "~GOV");
  EXPECT_EQ(actor_of(d, "generals"), "~MIL");
}

TEST(petrarch_test, a_file_that_is_mostly_garbage_throws_with_its_place) {
  temp_dir dir;
  write_file(dir / "Garbage.actors.txt",
             "GOOD [GDD]\n"
             "[[[ \n"
             "]] [ not a code\n"
             "+\n"
             "BAD [12-34 <x]\n");
  try {
    load_petrarch(dir.path());
    FAIL() << "expected extract_error";
  } catch (const dx::extract_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("Garbage.actors.txt:2"), std::string::npos) << what;
  }
}

TEST(petrarch_test, unexpressible_verb_patterns_never_stop_the_import) {
  temp_dir dir;
  write_file(dir / "Test.verbs.txt",
             "&NOISE_\n"
             "+LOUD\n"
             "--- FIGHT [190] ---\n"
             "FIGHT {FOUGHT FIGHTING FIGHTS}\n"
             "+BEAT_UP {+BEATS_UP +BEATING_UP}\n"
             "WIRE_+TAP\n"
             "- * BACK [191]\n"
             "- SAID * [190]\n"
             "- + * FROM $ [190]\n"
             "- * &UNDEFINED [190]\n"
             "- * &NOISE DRUMS + [193]\n"
             "- * WITH ^ + [190]\n"
             "- * HARD [999]\n"
             "- * FIERCELY [---]\n"
             "~ a (a b ATTACK) SAY = a b 015\n");
  const auto d = load_petrarch(dir.path());
  EXPECT_EQ(verb_of(d, "fought"), "190");
  EXPECT_EQ(verb_of(d, "beating up"), "190");
  EXPECT_EQ(verb_of(d, "fights back"), "191");
  EXPECT_EQ(verb_of(d, "beat up back"), "191");
  EXPECT_EQ(verb_of(d, "fight loud drums"), "193");
  EXPECT_EQ(verb_of(d, "fight hard"), "<none>");
  EXPECT_EQ(verb_of(d, "wire taps"), "190");  // WIRE_+TAP: literal forms
  EXPECT_EQ(d.verbs()[0].code, "190");
}
