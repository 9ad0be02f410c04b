#pragma once
// Private to the extract module: reading PETRARCH and TABARI dictionaries into a
// dictionary_builder. The two formats share most of their syntax; `dialect` selects the rules
// where they differ (comments, TABARI's stems, sections and one verb per pattern list).
// Usage: auto s = petrarch::import_directory(builder, dir, dialect::tabari);  // s counts what was kept and skipped
// dictionary_builder::load_petrarch calls it and drops the summary (the builder has no
// diagnostics channel); load_tabari turns it into an import_report; tools and scratch programs
// can keep it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diplograph/extract/dictionaries.hpp"

namespace diplograph::extract::petrarch {

enum class dialect : std::uint8_t { petrarch, tabari };

// "PETRARCH" or "TABARI", for messages.
std::string dialect_name(dialect d);

// A line that could not be read, and why.
struct bad_line {
  std::string file;
  std::size_t line = 0;
  std::string why;
};

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
  std::size_t patterns_markers = 0;   // $, %, ^, @ or words after '+' after the verb
  std::size_t patterns_synset = 0;    // an undefined synset, or too many expansions
  std::size_t patterns_redundant = 0; // verb + pattern with the code of the verb alone: not added
  std::size_t patterns_rejected = 0;  // add_verb_pattern threw
  std::string first_rejected;         // the first of them, with the reason
  std::size_t synsets = 0;
  std::size_t transformations = 0;    // '~' verb transformation lines, ignored
  // TABARI only.
  std::size_t stems = 0;              // phrases ending in a stem (no final '_'): the word and its plural are added
  std::size_t alternatives = 0;       // patterns written with { A | B }, one per alternative read
  std::size_t section_lines = 0;      // <TIME>, <ATTRIB>, <NOUN>, <ADJ> sections: read, not used
  // Ancillary files, ignored.
  std::size_t discards = 0;
  std::size_t issues = 0;
  // Lines that could not be read at all, with the first one's place.
  std::size_t bad_lines = 0;
  std::string first_bad;              // "file:line: why"
  std::vector<bad_line> bad;          // every one of them, in the order read
};

// One content line of a dictionary: comments removed, not empty.
// PETRARCH: `#...`, `<!-- ... -->` and lines starting `<!` are comments.
// TABARI: `;...` is a comment, lines starting with '/' or '#' are comments, a line starting
// with '~' ends the file.
struct content_line {
  std::size_t number = 0;
  std::string text;
};

// Throws extract_error when the file cannot be opened.
std::vector<content_line> read_content_lines(const std::filesystem::path& file, dialect d = dialect::petrarch);

// Counts and remembers the lines of one file that could not be read.
class line_reporter {
 public:
  line_reporter(const std::filesystem::path& file, summary& s, dialect d) : file_(file), s_(s), dialect_(d) {}

  void bad(std::size_t line, const std::string& why);
  // More than a fifth of `lines` unreadable: not a dictionary of this dialect, or a broken one.
  // Throws extract_error naming the first bad line.
  void check(std::size_t lines) const;

 protected:
  const std::filesystem::path& file_;
  summary& s_;
  dialect dialect_;
  std::size_t bad_ = 0;
  std::string first_bad_;
};

// Turns verb dictionary entries into our verb patterns (see petrarch_verbs.cpp). The PETRARCH
// and TABARI readers feed it line by line; finish() adds everything to the builder, since
// synsets may be defined after the patterns that use them.
class verb_collector {
 public:
  verb_collector(dictionary_builder& b, summary& s) : b_(b), s_(s) {}

  // A synset line: `&NAME` opens a set, `+MEMBER` adds to the open one. Returns false (and
  // closes the open set) for any other line.
  bool synset_line(std::string_view t);
  // A block of verbs sharing patterns; `code` is the code of its verbs ("---" for none).
  void begin_block(std::string_view code);
  bool in_block() const { return !blocks_.empty(); }
  // `VERB {FORMS} [CODE]`, `VERB_PARTICLE`, `WORD_+VERB`: a verb of the current block.
  void verb(std::string_view t, std::size_t number);
  // `text` between '-' and '[': a pattern for every verb of the current block.
  void pattern(std::size_t number, std::string_view text, std::string_view code);
  void finish();

 private:
  struct member {
    std::string text;   // lower case, words separated by spaces; may hold &SYNSET words
    bool plural = true;
  };
  struct verb_spec {
    std::size_t line = 0;
    std::vector<std::string> heads;  // our syntax: "break/broke/broken down"; or each literal form
    std::string code;                // its own code, or empty for the block's
    bool literal = false;            // heads are literal phrases ("wire tapped")
  };
  struct pattern_spec {
    std::size_t line = 0;
    std::string text;
    std::string code;
  };
  struct block {
    std::string code = "---";
    std::vector<verb_spec> verbs;
    std::vector<pattern_spec> patterns;
  };

  std::string usable_code(std::string_view code);
  std::string usable_code_quiet(std::string_view code) const;
  void add(const std::string& code, const std::string& pattern);
  bool expand(const std::vector<std::string>& words, std::vector<std::string>& out, int depth = 0) const;
  std::optional<std::vector<std::string>> pattern_words(const std::string& text);
  void emit(const block& bl);

  dictionary_builder& b_;
  summary& s_;
  std::string synset_;  // the set whose '+' members we are reading
  std::map<std::string, std::vector<member>, std::less<>> synsets_;
  std::map<std::string, bool, std::less<>> synset_plural_;
  std::vector<block> blocks_;
};

// Reads the PETRARCH verb dictionary `file` into `b`. Never throws for a pattern it cannot
// express; it counts it in `s` instead. Throws extract_error when the file cannot be opened.
void load_verbs(dictionary_builder& b, const std::filesystem::path& file, summary& s);
// The same for TABARI's verb file, where each verb has its own pattern list (tabari.cpp). Lines
// it cannot read are counted as bad lines; throws extract_error when more than a fifth are.
void load_tabari_verbs(dictionary_builder& b, const std::filesystem::path& file, summary& s);

// The text between the first '[' and the next ']' (trimmed), and the text before the '['.
std::pair<std::string_view, std::string_view> split_code(std::string_view t);

// A noun phrase's regular plural, in the case it is written in: SOLDIER -> SOLDIERS,
// AUTHORITY -> AUTHORITIES, BOSS -> BOSSES.
std::string regular_plural(const std::string& phrase);

// TABARI helpers (tabari.cpp).
namespace tabari {
// The phrase a TABARI phrase stands for, and when its last word is a stem (no final '_'), the
// same phrase with that word's regular plural: "AFGHAN" -> AFGHAN, AFGHANS. Underscores are kept.
std::vector<std::string> stem_phrases(std::string_view raw);
// Every way of writing `pattern` with one choice from each `{ A | B }`; nullopt when a brace is
// not closed, empty when there are too many ways.
std::optional<std::vector<std::string>> expand_alternatives(std::string_view pattern);
// Lines inside TABARI sections that we read but do not use (<TIME>, <ATTRIB>, <NOUN>, <ADJ>),
// and the section tags themselves (<SYNSETS> included). skip() is true for such a line.
class sections {
 public:
  bool skip(const content_line& l, summary& s);
  // Reports a section still open at the end of the file.
  void finish(line_reporter& r, std::size_t last_line) const;

 private:
  std::string closing_;  // "</TIME", ... while inside a section
};
}  // namespace tabari

// Every dictionary in `dir`, found by name: *actors*, *agents*, *verbs* or CAMEO*.txt, *discards*,
// *issue*. Throws extract_error when `dir` holds none of them, or when more than a fifth of the
// lines of an actors or agents file cannot be read.
summary import_directory(dictionary_builder& b, const std::filesystem::path& dir, dialect d = dialect::petrarch);

}  // namespace diplograph::extract::petrarch
