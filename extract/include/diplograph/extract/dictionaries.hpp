#pragma once
// Usage:
//   auto dicts = extract::dictionaries::load("dictionaries");   // throws extract_error
//   auto m = dicts.match_actor(tokens, i, end);                  // longest actor phrase at i
//   auto v = dicts.match_verb(tokens, i, end);                   // longest verb pattern at i
// The plain-text files (format in dictionaries/README.md) are compiled into token tries, so a
// lookup costs one hash probe per token.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/cameo.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/extract/sentences.hpp"

namespace diplograph::extract {

struct extract_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An actor known by name: a country, an IGO, an armed group.
struct actor_entry {
  std::string code;       // SYR, IGOUNO, SYRREBSDF
  std::string name;       // display name: the first phrase of its line
  std::string country;    // ISO-3 code, empty for IGOs and transnational groups
  std::string role;       // first role for groups and IGOs (REB, IGO...), empty for countries
  core::actor_kind kind = core::actor_kind::unknown;
  // For people: the code holds from `from` to `to` (inclusive); outside it a person is a
  // former office holder (coded country + ELI).
  std::optional<core::calendar_day> from;
  std::optional<core::calendar_day> to;

  bool dated() const { return from.has_value() || to.has_value(); }
  bool holds_on(core::calendar_day d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

// What a matched phrase means.
enum class phrase_kind : std::uint8_t {
  name,        // "Syria", "the United Nations", "Hezbollah"
  adjective,   // "Syrian", "French": the country, and a modifier of a following role word
  government,  // "Damascus", "the Kremlin": the government of the country
  agent,       // "government", "troops", "chief negotiator": a role without a country
};

struct actor_match {
  std::size_t length = 0;  // tokens consumed (0 when nothing matched)
  phrase_kind kind = phrase_kind::name;
  std::uint32_t entry = 0; // index into actors() for name/adjective/government, role code index for agent
};

struct verb_entry {
  std::string code;     // CAMEO code, with leading zeros
  std::string pattern;  // as written in verbs.txt, for provenance
  bool literal = false; // a noun or adjective pattern ("!sponsors of terrorism")
};

struct verb_match {
  std::size_t length = 0;
  std::uint32_t entry = 0;  // index into verbs()
  std::size_t gap_begin = 0;  // tokens skipped inside the pattern (match_verb_gapped), else empty
  std::size_t gap_end = 0;
};

// Closed word classes from grammar.txt.
enum class word_class : std::uint8_t { reporting, locative, place, negation, subordinator, pronoun,
                                       particle, not_name, function, symmetric, oppose, support, judge,
                                       rank };

// An issue phrase ("foreign military presence", "the talks") found in text.
struct issue_match {
  std::size_t length = 0;
  std::uint32_t issue = 0;  // index for issue_key() and issue_label()
};

class dictionary_builder;

// Where dictionaries come from: our plain-text format, or PETRARCH's or TABARI's published one.
enum class dictionary_format { diplograph, petrarch, tabari };
struct dictionary_source {
  std::filesystem::path directory;
  dictionary_format format = dictionary_format::diplograph;
};

// What an import of another coder's dictionaries kept, and what it could not use.
struct import_report {
  std::size_t actors = 0;         // actor entries added (a person's terms count one each)
  std::size_t agent_phrases = 0;  // role phrases added, plurals included
  std::size_t verb_patterns = 0;  // verb patterns added
  // Well-formed entries with no equivalent in our model (patterns with words before the verb,
  // compound actors, skipped words; prefix roles; codes outside CAMEO), counted and left out.
  std::size_t not_expressible = 0;
  // Lines read but not used by design: TABARI's <TIME>, <ATTRIB>, <NOUN> and <ADJ> sections.
  std::size_t unused_lines = 0;
  // Every line that could not be read: a warning with its file, line and what is wrong.
  std::vector<core::diagnostic> skipped;
};

class dictionaries {
 public:
  // Loads countries.txt, igos.txt, groups.txt, agents.txt, verbs.txt, grammar.txt and
  // cameo_codes.tsv from
  // `dir`. Throws extract_error naming the file and line of the first malformed entry.
  static dictionaries load(const std::filesystem::path& dir);

  // Loads several sources in order (earlier ones win where a phrase means two things). The
  // CAMEO table and grammar.txt always come from `grammar_dir` (our built-in directory).
  static dictionaries load(const std::vector<dictionary_source>& sources,
                           const std::filesystem::path& grammar_dir);

  // The directory the binary was built with (or $DIPLOGRAPH_DICT_DIR when set).
  static std::filesystem::path default_directory();

  dictionaries(dictionaries&&) noexcept;
  dictionaries& operator=(dictionaries&&) noexcept;
  ~dictionaries();

  // Longest match starting at token `pos`, not reaching past `end`. Acronyms written in
  // capitals in the dictionary match only capitalised text.
  // With a date, a person's phrase resolves to the entry whose term covers it, or else to their
  // most recent earlier term (a former office holder).
  actor_match match_actor(const tokenized_text& t, std::size_t pos, std::size_t end,
                          std::optional<core::calendar_day> on = std::nullopt) const;
  verb_match match_verb(const tokenized_text& t, std::size_t pos, std::size_t end) const;
  // For a typed phrase that matched nothing: the country whose one-word name, demonym or
  // capital is one edit away from `key` (a match key: lower case; a swap of two neighbouring
  // letters counts as one edit), when the word has 6 letters or more and exactly one country is
  // that close ("Kazahks" -> Kazakhstan). Length 0 when none.
  actor_match near_country(std::string_view key) const;
  // A multi-word pattern with up to `max_gap` words between its verb and the rest: "fired
  // anti-aircraft batteries at" matches "fire at". Only matches that use a gap are returned.
  verb_match match_verb_gapped(const tokenized_text& t, std::size_t pos, std::size_t end,
                               std::size_t max_gap) const;

  // Length in tokens of a phrase of class `c` at `pos`, or 0.
  std::size_t match_class(const tokenized_text& t, std::size_t pos, std::size_t end, word_class c) const;

  // Longest issue phrase at `pos` (issues.txt), length 0 when none.
  issue_match match_issue(const tokenized_text& t, std::size_t pos, std::size_t end) const;
  const std::string& issue_key(std::uint32_t issue) const;
  const std::string& issue_label(std::uint32_t issue) const;

  const std::vector<actor_entry>& actors() const;
  const std::vector<verb_entry>& verbs() const;
  const std::string& role(std::uint32_t index) const;  // role code of an agent match
  // A readable word for a role code ("government" for GOV), empty when unknown.
  const std::string& role_label(std::string_view role) const;
  const core::cameo_table& cameo() const;
  // The actor entry with this code, or nullptr.
  const actor_entry* find_actor(std::string_view code) const;

  std::size_t phrase_count() const;

 private:
  dictionaries();
  struct impl;
  std::unique_ptr<impl> impl_;
  friend class dictionary_builder;
};

// Builds dictionaries entry by entry; the loaders of every format use it.
// Usage: dictionary_builder b; auto i = b.add_actor(entry); b.add_actor_phrase("Syria", i,
//        phrase_kind::name); ... auto d = std::move(b).build();
class dictionary_builder {
 public:
  dictionary_builder();
  ~dictionary_builder();
  dictionary_builder(dictionary_builder&&) noexcept;
  dictionary_builder& operator=(dictionary_builder&&) noexcept;

  // Reads a CAMEO table (cameo_codes.tsv) and grammar.txt from our directory.
  void load_grammar_and_cameo(const std::filesystem::path& builtin_dir);
  // Our plain-text files in `dir` (those present; countries.txt at least).
  void load_diplograph(const std::filesystem::path& dir);
  // PETRARCH/TABARI dictionaries in `dir` (*.actors, *.agents, *verbs*, issues), see petrarch.cpp.
  void load_petrarch(const std::filesystem::path& dir);
  // TABARI dictionaries in `dir` (*.actors, *.agents, *.verbs; see tabari.cpp). Lines that cannot
  // be read are skipped and reported. Throws extract_error when `dir` holds none of them, a file
  // cannot be opened, or more than a fifth of a file's lines cannot be read.
  import_report load_tabari(const std::filesystem::path& dir);

  // Returns the entry's index. Codes of non-person entries are unique; a second entry with
  // the same code returns the first one's index.
  std::uint32_t add_actor(actor_entry e);
  void add_actor_phrase(std::string_view phrase, std::uint32_t entry, phrase_kind kind);
  void add_agent_phrase(std::string_view phrase, std::string_view role);
  // `pattern` as in verbs.txt (first word inflected, "!" for literal). Throws extract_error.
  void add_verb_pattern(std::string_view code, std::string_view pattern);
  const core::cameo_table& cameo() const;

  dictionaries build() &&;

 private:
  std::unique_ptr<dictionaries::impl> impl_;
};

// The regular and listed forms of a verb head: "meet/met" -> meet, meets, meeting, met, ...
std::vector<std::string> verb_forms(std::string_view head);

}  // namespace diplograph::extract
