#pragma once
// Private to the extract module: reading PETRARCH/TABARI dictionaries into a dictionary_builder.
// Usage: auto s = petrarch::import_directory(builder, dir);   // s counts what was kept and skipped
// dictionary_builder::load_petrarch calls it and drops the summary (the builder has no
// diagnostics channel); tools and scratch programs can keep it.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/extract/dictionaries.hpp"

namespace diplograph::extract::petrarch {

// What an import kept and skipped, by kind of entry.
struct summary {
  std::size_t files = 0;
  // Actors.
  std::size_t actor_blocks = 0;       // head lines
  std::size_t actor_phrases = 0;      // head and '+' synonym phrases added
  std::size_t actor_entries = 0;      // add_actor calls for plain codes
  std::size_t person_terms = 0;       // date-bounded codes (one person entry each)
  std::size_t null_codes = 0;         // [---], [+++], [###]: phrases that must not be coded
  std::size_t uncoded_blocks = 0;     // a head without any code
  std::size_t compound_codes = 0;     // [A/B]: the first code is kept
  // Agents.
  std::size_t agent_lines = 0;
  std::size_t agent_phrases = 0;
  std::size_t agent_prefix_roles = 0; // [NGO~]: the code goes before the actor's, which we cannot express
  // Verbs.
  std::size_t verbs = 0;              // verb lines (with their forms)
  std::size_t verb_patterns = 0;      // add_verb_pattern calls that succeeded
  std::size_t verb_null = 0;          // verbs and patterns coded ---
  std::size_t verb_unknown_code = 0;  // codes with no 3- or 4-digit parent in our CAMEO table
  std::size_t verb_generalised_code = 0;  // codes replaced by their parent (1717 -> 171)
  std::size_t verb_not_first = 0;     // multi-word verbs whose inflected word is not the first (literal forms)
  std::size_t patterns_read = 0;
  std::size_t patterns_pre_verb = 0;  // words, target or compound marker before '*'
  std::size_t patterns_markers = 0;   // $, %, ^ or words after '+' after the verb
  std::size_t patterns_synset = 0;    // an undefined synset, or too many expansions
  std::size_t patterns_redundant = 0; // verb + pattern with the code of the verb alone: not added
  std::size_t patterns_rejected = 0;  // add_verb_pattern threw
  std::string first_rejected;         // the first of them, with the reason
  std::size_t synsets = 0;
  std::size_t transformations = 0;    // '~' verb transformation lines, ignored
  // Ancillary files, ignored.
  std::size_t discards = 0;
  std::size_t issues = 0;
  // Lines that could not be read at all (actors and agents), with the first one's place.
  std::size_t bad_lines = 0;
  std::string first_bad;              // "file:line: why"
};

// One content line of a dictionary: comments (`#...`, `<!-- ... -->`, lines starting `<!`)
// removed, not empty.
struct content_line {
  std::size_t number = 0;
  std::string text;
};

// Throws extract_error when the file cannot be opened.
std::vector<content_line> read_content_lines(const std::filesystem::path& file);

// Reads the verb dictionary `file` into `b`. Never throws for a pattern it cannot express; it
// counts it in `s` instead. Throws extract_error when the file cannot be opened.
void load_verbs(dictionary_builder& b, const std::filesystem::path& file, summary& s);

// Every dictionary in `dir`, found by name: *actors*, *agents*, *verbs* or CAMEO*.txt, *discards*,
// *issue*. Throws extract_error when `dir` holds none of them, or when more than a fifth of the
// lines of an actors or agents file cannot be read.
summary import_directory(dictionary_builder& b, const std::filesystem::path& dir);

}  // namespace diplograph::extract::petrarch
