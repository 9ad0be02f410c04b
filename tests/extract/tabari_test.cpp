// Importing TABARI dictionaries (dictionary_builder::load_tabari, `--dict-format tabari`): the
// small TABARI-format dictionaries we wrote in fixtures/dictionaries/tabari (actors with
// date-restricted codes and two-digit years, synonyms and stems, agents with roles, verbs with
// forms, synsets, { A | B } choices and skipped sections), hand-written broken files whose
// lines are reported with their place, and the command line end to end.
#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <regex>
#include <set>
#include <string>

#include "diplograph/core/date.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"
#include "dictionary_probe.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
namespace dt = diplograph::testing;

namespace {

std::filesystem::path demo_dir() { return dt::fixture_dir() / "dictionaries" / "tabari"; }

const dx::dictionaries& demo() {
  static const dx::dictionaries d =
      dx::dictionaries::load({{demo_dir(), dx::dictionary_format::tabari}}, dt::dictionary_dir());
  return d;
}

// The report of loading `dir` alone.
dx::import_report load_report(const std::filesystem::path& dir) {
  dx::dictionary_builder b;
  b.load_grammar_and_cameo(dt::dictionary_dir());
  return b.load_tabari(dir);
}

// The message of the extract_error loading `dir` throws, or "" when it loads.
std::string load_error(const std::filesystem::path& dir) {
  try {
    load_report(dir);
  } catch (const dx::extract_error& e) {
    return e.what();
  }
  return "";
}

// "SRC>TGT:CODE" for every event coded in `text`, published on `published`.
std::set<std::string> events(const std::string& text, const char* published) {
  dc::article a;
  a.id = dc::article_id{"t"};
  a.text = text;
  a.published = dc::parse_iso_day(published);
  const auto prepared = dx::prepare_article(std::move(a), dx::ingest_options{});
  std::set<std::string> out;
  for (const auto& e : dx::extract_events(prepared.article, demo()).events)
    out.insert((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" + e.code);
  return out;
}

const dx::actor_entry* term(const dx::dictionaries& d, const std::string& code, const std::string& name) {
  for (const auto& e : d.actors())
    if (e.code == code && e.name == name) return &e;
  return nullptr;
}

// A phrase, what it should match, and the date it is read on.
struct probe {
  const char* text;
  const char* want;
  const char* on = nullptr;
};

void expect_actors(const dx::dictionaries& d, std::initializer_list<probe> probes) {
  for (const auto& p : probes)
    EXPECT_EQ(dt::actor_of(d, p.text, p.on ? std::optional(dt::day(p.on)) : std::nullopt), p.want)
        << p.text << " on " << (p.on ? p.on : "no date");
}

void expect_verbs(const dx::dictionaries& d, std::initializer_list<probe> probes) {
  for (const auto& p : probes) EXPECT_EQ(dt::verb_of(d, p.text), p.want) << p.text;
}

using S = std::set<std::string>;

}  // namespace

TEST(tabari_test, actors_synonyms_and_stems) {
  const auto& d = demo();
  expect_actors(d, {{"Afghanistan", "AFG"},
                    {"Afghan", "AFG"},        // +AFGHAN
                    {"Afghans", "AFG"},       // a stem: its plural too
                    {"Pakistanis", "PAK"},
                    {"Islamabad", "PAK"},
                    {"Islamabads", "<no full match: 0>"},  // ISLAMABAD_ is exact
                    {"New Delhi", "IND"},
                    {"Washington", "USA"},
                    {"Taleban", "AFGGOV", "1998-08-21"}});
  const auto* afg = d.find_actor("AFG");
  ASSERT_NE(afg, nullptr);
  EXPECT_EQ(afg->name, "Afghanistan");
  EXPECT_EQ(afg->kind, dc::actor_kind::country);
  const auto* un = d.find_actor("IGOUNO");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->kind, dc::actor_kind::igo);
  // Comment lines (';', '/') and everything after ~~FINISH are not read.
  EXPECT_EQ(d.find_actor("ZZZ"), nullptr);
}

TEST(tabari_test, date_restricted_codes_follow_the_event_date) {
  const auto& d = demo();
  expect_actors(d, {// PERVEZ_MUSHARRAF_ [PAKMIL <991011] [PAKGOV 991012-080818] [PAKELI >080819]
                    {"Pervez Musharraf", "PAKMIL", "1998-05-28"},
                    {"Pervez Musharraf", "PAKMIL", "1999-10-11"},  // '<' includes its date
                    {"Pervez Musharraf", "PAKGOV", "1999-10-12"},
                    {"General Musharraf", "PAKGOV", "2003-02-20"},
                    {"President Musharraf", "PAKELI", "2010-03-01"},
                    // Codes on lines of their own, and an undated default outside the terms.
                    {"Nawaz Sharif", "PAKELI", "1985-01-01"},
                    {"Nawaz Sharif", "PAKGOV", "1991-06-01"},
                    {"Nawaz Sharif", "PAKGOV", "1998-05-28"},
                    {"Nawaz Sharif", "PAKELI", "2005-01-01"},
                    // [AFGINS {AFGGOV 960927-011113}]: the default on both sides of the term.
                    {"Taliban", "AFGINS", "1995-03-01"},
                    {"Taliban", "AFGGOV", "1998-08-21"},
                    {"Taliban", "AFGINS", "2008-06-01"},
                    {"Hamid Karzai", "AFGGOV", "2005-01-01"}});
  // Two-digit years: 00-30 are 20YY, the others 19YY.
  const auto* gov = term(d, "PAKGOV", "Pervez Musharraf");
  ASSERT_NE(gov, nullptr);
  EXPECT_EQ(gov->kind, dc::actor_kind::person);
  EXPECT_EQ(gov->from, dt::day("1999-10-12"));
  EXPECT_EQ(gov->to, dt::day("2008-08-18"));
  const auto* karzai = term(d, "AFGGOV", "Hamid Karzai");
  ASSERT_NE(karzai, nullptr);
  EXPECT_EQ(karzai->from, dt::day("2001-12-22"));
  EXPECT_FALSE(karzai->to.has_value());
}

TEST(tabari_test, agents_carry_their_roles) {
  expect_actors(demo(), {{"soldier", "~MIL"},
                         {"soldiers", "~MIL"},  // regular plural
                         {"troops", "~MIL"},    // TROOPS_ {}: no plural
                         {"troopses", "<no full match: 0>"},
                         {"police", "~COP"},
                         {"militants", "~REB"},
                         {"foreign minister", "~GOVFRM"},
                         {"ministries", "~GOV"},  // {MINISTRIES}
                         {"refugees", "~REF"},
                         {"aid agency", "<no full match: 0>"}});  // [NGO~]: a prefix role, counted
}

TEST(tabari_test, verbs_forms_synsets_and_choices) {
  expect_verbs(demo(), {{"accused", "112"},             // {ACCUSES ACCUSED ACCUSING}
                        {"accusing espionage", "1125"},  // - * ESPIONAGE [1125]
                        {"condemns", "111"},             // regular forms are ours
                        {"met", "040"},
                        {"held", "<none>"},              // HOLD [---]
                        {"held talks with", "046"},      // &TALKS_
                        {"holds peace talks with", "046"},
                        {"hold negotiation with", "<none>"},  // TALKS_: no plurals in the set
                        {"held consultations with", "040"},   // $ before '*' is the subject
                        {"sign accord with", "057"},          // { AGREEMENT | ACCORD | TREATY }
                        {"signed treaty with", "057"},
                        {"signing agreement with", "057"},
                        {"sign", "<none>"},
                        {"shelled", "194"},                   // forms on the verb's own line
                        {"accused of war crimes", "<none>"},  // * + OF ...: not expressible
                        {"yesterday", "<none>"}});            // <TIME> is skipped
  // What our model cannot express is counted, not guessed.
  const auto r = load_report(demo_dir());
  EXPECT_EQ(r.skipped.size(), 0u);
  EXPECT_EQ(r.not_expressible, 3u);  // * + OF WAR_CRIMES, % * +, [NGO~]
  EXPECT_EQ(r.unused_lines, 6u);     // <SYNSETS> and </SYNSETS>, and the four lines of <TIME>
  EXPECT_GT(r.verb_patterns, 10u);
  EXPECT_EQ(r.actors, 16u);          // 5 plain entries; 11 dated terms and defaults
  EXPECT_EQ(r.agent_phrases, 12u);
}

TEST(tabari_test, verb_patterns_code_sentences) {
  EXPECT_EQ(events("Pakistan accused Afghanistan of espionage on Thursday.", "2003-02-20"), (S{"PAK>AFG:112"}));
  EXPECT_EQ(events("The Taliban condemned the United States.", "1998-08-21"), (S{"AFGGOV>USA:111"}));
  EXPECT_EQ(events("The Taliban condemned the United States.", "2010-03-01"), (S{"AFGINS>USA:111"}));
  // The dyad follows the date of the event.
  EXPECT_EQ(events("Pervez Musharraf met Nawaz Sharif in Islamabad.", "1998-08-21"), (S{"PAKMIL>PAKGOV:040"}));
  EXPECT_EQ(events("Pervez Musharraf met Nawaz Sharif in Islamabad.", "2003-02-20"), (S{"PAKGOV>PAKELI:040"}));
  EXPECT_EQ(events("President Musharraf met Hamid Karzai.", "2003-02-20"), (S{"PAKGOV>AFGGOV:040"}));
  // Patterns with a synset and with a choice; an actor and a role compose.
  EXPECT_TRUE(events("India held talks with Pakistan.", "2003-02-20").count("IND>PAK:046"));
  EXPECT_TRUE(events("Pakistan signed a trade accord with India.", "2003-02-20").count("PAK>IND:057"));
  EXPECT_EQ(events("Pakistani soldiers shelled Indian troops.", "2003-02-20"), (S{"PAKMIL>INDMIL:194"}));
}

TEST(tabari_test, works_with_our_own_dictionaries) {
  const auto d = dx::dictionaries::load(
      {{demo_dir(), dx::dictionary_format::tabari}, {dt::dictionary_dir(), dx::dictionary_format::diplograph}},
      dt::dictionary_dir());
  expect_actors(d, {{"Taliban", "AFGGOV", "1998-08-21"}, {"Syria", "SYR"}, {"Pakistan", "PAK"}});
}

TEST(tabari_test, malformed_lines_are_reported_with_their_place) {
  dt::temp_dir dir;
  // Enough good verbs that the bad lines stay under a fifth of the file.
  std::string more_verbs;
  for (const char* v : {"ATTACK", "BOMB", "RAID", "STORM", "AMBUSH", "INVADE", "BOMBARD", "BLOCKADE", "BESIEGE",
                        "OCCUPY", "ABDUCT", "KIDNAP", "DETAIN", "EXPEL", "DEPORT", "SANCTION", "THREATEN", "WARN",
                        "PRAISE", "THANK", "WELCOME", "ENDORSE", "SUPPORT", "VISIT", "HOST", "CALL", "URGE",
                        "DEMAND", "REJECT", "DENY"})
    more_verbs += std::string(v) + " [---]\n";
  dt::write_file(dir / "Test.actors",
                 "; comment\n"
                 "FREEDONIA_ [FRD]\n"
                 "+FREEDONIAN\n"
                 "SYLVANIA_ [SYL\n"                    // line 4: no ']'
                 "RUFUS_T._FIREFLY_ [FRDGOV 330101-331331]\n"  // line 5: no 13th month
                 "MARX_BROTHERS_ [FRDBUS]\n"
                 "GROUCHO_ [FRDGOV]\n"
                 "HARPO_ [FRDGOV]\n"
                 "CHICO_ [FRDGOV]\n"
                 "ZEPPO_ [FRDGOV]\n"
                 "GRAND_FENWICK_ [GFW]\n");
  dt::write_file(dir / "Test.verbs",
                 "- * HARD [190]\n"                    // line 1: before any verb
                 "FIGHT [190]\n"
                 "{FOUGHT FIGHTS FIGHTING}\n"
                 "- * BACK [191]\n"
                 "- BACK [191]\n"                      // line 5: no '*'
                 "PUNCH\n"                             // line 6: a verb without a code
                 "{PUNCHED}\n"                         // line 7: forms of a verb that was skipped
                 "- * { HARD | SOFTLY [190]\n"         // line 8: unbalanced braces
                 "- * AT + []\n"                       // line 9: empty code
                 "KICK [190]\n" +
                     more_verbs +                      // lines 11-40
                     "<TIME>\n"
                     "TODAY [0]\n");                   // line 42: <TIME> never closed
  const auto r = load_report(dir.path());
  std::set<std::string> where;
  for (const auto& diag : r.skipped) {
    EXPECT_EQ(diag.level, dc::severity::warning);
    where.insert(std::filesystem::path(diag.file).filename().string() + ":" + std::to_string(diag.line));
  }
  EXPECT_EQ(where, (S{"Test.actors:4", "Test.actors:5", "Test.verbs:1", "Test.verbs:5", "Test.verbs:6",
                      "Test.verbs:7", "Test.verbs:8", "Test.verbs:9", "Test.verbs:42"}));
  ASSERT_FALSE(r.skipped.empty());
  const std::string first = dc::format(r.skipped.front());
  EXPECT_NE(first.find("Test.actors:4: warning: '[' without ']'"), std::string::npos) << first;
  // The good lines around them are kept.
  const auto d = dx::dictionaries::load({{dir.path(), dx::dictionary_format::tabari}}, dt::dictionary_dir());
  expect_actors(d, {{"Freedonians", "FRD"}, {"Marx Brothers", "FRDBUS"}});
  expect_verbs(d, {{"fought", "190"}, {"fights back", "191"}, {"kicked", "190"}, {"punched", "<none>"}});
}

TEST(tabari_test, a_file_that_is_mostly_garbage_throws_with_its_place) {
  dt::temp_dir dir;
  dt::write_file(dir / "Garbage.verbs",
                 "ATTACK [190]\n"
                 "this is not a dictionary\n"
                 "nor is this\n");
  const std::string what = load_error(dir.path());
  EXPECT_NE(what.find("Garbage.verbs:2: a verb needs a code in [...]"), std::string::npos) << what;
  EXPECT_NE(what.find("not TABARI dictionary entries"), std::string::npos) << what;
  EXPECT_THROW(load_report(dir / "missing"), dx::extract_error);
  dt::temp_dir empty;
  dt::write_file(empty / "README.txt", "nothing here\n");
  EXPECT_THROW(load_report(empty.path()), dx::extract_error);
}

TEST(tabari_test, command_line_codes_with_tabari_dictionaries) {
  dt::temp_dir tmp;
  dt::write_file(tmp / "in.jsonl",
                 R"({"id":"a1","published":"2003-02-20","text":"ISLAMABAD - President Musharraf met )"
                 R"(Hamid Karzai in Islamabad on Thursday. Syria accused Turkey of espionage."})"
                 "\n"
                 R"({"id":"a2","published":"1998-08-21","text":"KABUL - The Taliban condemned the United States."})"
                 "\n");
  const auto run = [&](const std::string& extra) {
    return dt::run_command(dt::shell_quote(dt::cli_path()) + " extract --dict-format tabari --dict " +
                           dt::shell_quote(demo_dir().string()) + extra + ' ' +
                           dt::shell_quote((tmp / "in.jsonl").string()) + " 2>&1");
  };
  const std::regex event(
      R"re("article":"(\w+)".*"source":\{"code":"(\w+)".*"target":\{"code":"(\w+)"[^}]*\},"code":"(\d+)")re");
  const auto dyads = [&](const std::string& out) {
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), event); it != std::sregex_iterator(); ++it)
      found.insert((*it)[1].str() + " " + (*it)[2].str() + ">" + (*it)[3].str() + ":" + (*it)[4].str());
    return found;
  };
  const auto alone = run("");
  EXPECT_EQ(alone.exit_code, 0) << alone.out;
  EXPECT_EQ(dyads(alone.out), (S{"a1 PAKGOV>AFGGOV:040", "a2 AFGGOV>USA:111"})) << alone.out;
  // Our own dictionaries beside them: Syria and Turkey are known too.
  const auto both = run(" --with-builtin");
  EXPECT_EQ(both.exit_code, 0) << both.out;
  EXPECT_TRUE(dyads(both.out).count("a1 SYR>TUR:112")) << both.out;
  EXPECT_TRUE(dyads(both.out).count("a1 PAKGOV>AFGGOV:040")) << both.out;
  // A broken line is reported as file:line on stderr, and the rest still codes.
  dt::temp_dir broken;
  dt::write_file(broken / "Mini.actors",
                 "PAKISTAN_ [PAK]\nAFGHANISTAN_ [AFG\nINDIA_ [IND]\nCHINA_ [CHN]\nIRAN_ [IRN]\n");
  dt::write_file(broken / "Mini.verbs", "ACCUSE [112]\n{ACCUSED}\n");
  dt::write_file(tmp / "in2.txt", "Pakistan accused India of espionage.\n");
  const auto r = dt::run_command(dt::shell_quote(dt::cli_path()) +
                                 " extract --published 2003-02-20 --dict-format tabari --dict " +
                                 dt::shell_quote(broken.path().string()) + ' ' +
                                 dt::shell_quote((tmp / "in2.txt").string()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Mini.actors:2: warning: '[' without ']'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("code":"112")"), std::string::npos) << r.out;
}
