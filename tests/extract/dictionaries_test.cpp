// The built-in dictionaries: coverage promised in dictionaries/README.md, the matching rules
// (case, punctuation, hyphens, acronyms), verb inflection, and clear errors for broken files.
#include <gtest/gtest.h>

#include <set>

#include "diplograph/extract/dictionaries.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
using diplograph::testing::dictionary_dir;
using diplograph::testing::temp_dir;
using diplograph::testing::write_file;

namespace {

const dx::dictionaries& builtin() {
  static const dx::dictionaries d = dx::dictionaries::load(dictionary_dir());
  return d;
}

// What the whole of `text` matches as an actor phrase: "CODE/kind" or "ROLE/agent".
std::string actor_of(const std::string& text) {
  const auto t = dx::split_sentences(text, {{{0, text.size()}, dc::segment_kind::body}});
  const auto m = builtin().match_actor(t, 0, t.tokens.size());
  if (m.length != t.tokens.size()) return "<no full match: " + std::to_string(m.length) + ">";
  if (m.kind == dx::phrase_kind::agent) return builtin().role(m.entry) + "/agent";
  const auto& e = builtin().actors()[m.entry];
  const char* kind = m.kind == dx::phrase_kind::adjective ? "adj" : m.kind == dx::phrase_kind::government ? "gov" : "name";
  return e.code + "/" + kind;
}

std::string verb_root_of(const std::string& text) {
  const auto t = dx::split_sentences(text, {{{0, text.size()}, dc::segment_kind::body}});
  const auto m = builtin().match_verb(t, 0, t.tokens.size());
  if (m.length != t.tokens.size()) return "<none>";
  return builtin().verbs()[m.entry].code.substr(0, 2);
}

}  // namespace

TEST(dictionaries_test, every_iso_country_and_the_major_igos_and_groups_are_there) {
  std::set<std::string> countries, igos;
  std::size_t groups = 0;
  for (const auto& e : builtin().actors()) {
    if (e.kind == dc::actor_kind::country) countries.insert(e.code);
    if (e.kind == dc::actor_kind::igo) igos.insert(e.code);
    if (e.kind == dc::actor_kind::armed_group) ++groups;
  }
  EXPECT_GE(countries.size(), 249u);
  for (const char* c : {"USA", "GBR", "FRA", "RUS", "CHN", "SYR", "TUR", "QAT", "IRN", "IRQ", "ISR", "PSE",
                        "UKR", "KEN", "NER", "MLI", "PRK", "KOR", "TWN", "VAT", "ATA", "ESH"})
    EXPECT_TRUE(countries.count(c)) << c;
  for (const auto& code : igos) EXPECT_EQ(code.substr(0, 3), "IGO") << code;
  for (const char* c : {"IGOUNO", "IGONAT", "IGOEUR", "IGOAFU"}) EXPECT_TRUE(igos.count(c)) << c;
  EXPECT_GE(groups, 150u);
}

TEST(dictionaries_test, names_are_case_and_punctuation_tolerant_but_acronyms_need_capitals) {
  EXPECT_EQ(actor_of("U.S."), "USA/name");
  EXPECT_EQ(actor_of("US"), "USA/name");
  EXPECT_EQ(actor_of("United States"), "USA/name");
  EXPECT_EQ(actor_of("UNITED STATES"), "USA/name");
  EXPECT_EQ(actor_of("us"), "<no full match: 0>");
  EXPECT_EQ(actor_of("Britain"), "GBR/name");
  EXPECT_EQ(actor_of("Holland"), "NLD/name");
  EXPECT_EQ(actor_of("al-Qaeda"), actor_of("al Qaeda"));
  EXPECT_EQ(actor_of("Syrian"), "SYR/adj");
  EXPECT_EQ(actor_of("the Kremlin"), "RUS/gov");
  EXPECT_EQ(actor_of("Downing Street"), "GBR/gov");
  EXPECT_EQ(actor_of("U.N."), "IGOUNO/name");
  EXPECT_EQ(actor_of("Daesh"), "IMGMUSISI/name");
  EXPECT_EQ(actor_of("Syrian Democratic Forces"), "SYRREBSDF/name");
  EXPECT_EQ(actor_of("chief negotiator"), "GOV/agent");
  EXPECT_EQ(actor_of("troops"), "MIL/agent");
  EXPECT_EQ(actor_of("rebels"), "REB/agent");
  EXPECT_EQ(actor_of("police"), "COP/agent");
}

TEST(dictionaries_test, verbs_are_inflected_and_cover_every_root) {
  EXPECT_EQ(dx::verb_forms("accuse"), (std::vector<std::string>{"accuse", "accuses", "accused", "accusing"}));
  EXPECT_EQ(dx::verb_forms("meet/met"), (std::vector<std::string>{"meet", "meets", "meeted", "meeting", "met"}));
  EXPECT_EQ(dx::verb_forms("deny"), (std::vector<std::string>{"deny", "denies", "denied", "denying"}));
  EXPECT_EQ(dx::verb_forms("clash"), (std::vector<std::string>{"clash", "clashes", "clashed", "clashing"}));
  std::set<std::string> roots;
  for (const auto& v : builtin().verbs()) roots.insert(v.code.substr(0, 2));
  for (int r = 1; r <= 20; ++r) {
    const std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_TRUE(roots.count(root)) << "no pattern for CAMEO root " << root;
  }
  EXPECT_EQ(verb_root_of("accused"), "11");
  EXPECT_EQ(verb_root_of("met"), "04");
  EXPECT_EQ(verb_root_of("attacked"), "19");
  EXPECT_EQ(verb_root_of("arrested"), "17");
  EXPECT_EQ(verb_root_of("said"), "<none>");  // reporting verbs are grammar, not events
}

TEST(dictionaries_test, a_malformed_line_names_file_and_line) {
  temp_dir dir;
  for (const char* f : {"cameo_codes.tsv", "countries.txt", "igos.txt", "groups.txt", "agents.txt", "verbs.txt", "grammar.txt"})
    std::filesystem::copy_file(dictionary_dir() / f, dir / f);
  write_file(dir / "groups.txt", "# a comment\nSYRREBSDF = Syrian Democratic Forces ; country = SYR\nbroken line without equals\n");
  try {
    dx::dictionaries::load(dir.path());
    FAIL() << "expected extract_error";
  } catch (const dx::extract_error& e) {
    EXPECT_NE(std::string(e.what()).find("groups.txt:3:"), std::string::npos) << e.what();
  }
  write_file(dir / "groups.txt", "");
  write_file(dir / "verbs.txt", "999 = explode\n");
  try {
    dx::dictionaries::load(dir.path());
    FAIL() << "expected extract_error";
  } catch (const dx::extract_error& e) {
    EXPECT_NE(std::string(e.what()).find("verbs.txt:1: '999' is not a CAMEO code"), std::string::npos) << e.what();
  }
}

TEST(dictionaries_test, a_missing_directory_is_an_error) {
  EXPECT_THROW(dx::dictionaries::load("/nonexistent/dictionaries"), dx::extract_error);
}
