// TABARI dictionary import: see dictionary_builder::load_tabari.
//
// TABARI, PETRARCH's C++ predecessor, defined the formats PETRARCH's derive from, so the actor
// and agent readers of petrarch.cpp and the verb_collector of petrarch_verbs.cpp do the work.
// This file holds what TABARI does differently (TABARI manual, ch. 5; its input.cp):
//   comments  ';' to the end of a line; lines starting with '/' or '#'; '~' in the first column
//             ends the file (~~FINISH);
//   stems     a word without a final '_' matches every word that begins with it ("AFGHAN" also
//             "Afghans", "Afghanistan"). We have no prefix matching: an actor phrase ending in a
//             stem also gets its last word's regular plural, and no more;
//   actors    date-restricted codes on the head line or on lines of their own, with TABARI's
//             two-digit years (00-30 are 20YY, 31-99 19YY): `[AFGGOV >011222]`, `[X <YYMMDD]`,
//             `[X YYMMDD-YYMMDD]`, `[DEFAULT {CODE dates} {CODE dates}]`; <NOUN> and <ADJ>
//             sections are skipped;
//   verbs     `VERB [CODE]` starts a verb with a pattern list of its own; `{FORM FORM}`, on the
//             verb's line or the next, lists its irregular forms; `- PATTERN [CODE]` must hold
//             the verb marker '*'; `{ A | B }` in a pattern is a choice, expanded; `&SYNSET`
//             sets (in a <SYNSETS> section or not) as in PETRARCH; <TIME> and <ATTRIB> sections
//             are skipped.
// A line we cannot read is skipped, counted and reported with its file and line; more than a
// fifth of a file's lines unreadable throws, as for PETRARCH.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/extract/dictionaries.hpp"
#include "petrarch_reader.hpp"
#include "text_util.hpp"

namespace diplograph::extract {
namespace petrarch {
namespace {

namespace fs = std::filesystem;

// More ways of writing one pattern than this: skipped.
constexpr std::size_t max_alternatives = 256;

// Why the code of `t` cannot be read (`what` names the line), or nothing.
std::optional<std::string> code_problem(std::string_view t, std::string_view what) {
  const std::size_t open = t.find('[');
  if (open == std::string_view::npos) return std::string(what) + " needs a code in [...]";
  const std::size_t close = t.find(']', open);
  if (close == std::string_view::npos) return std::string("'[' without ']'");
  if (detail::trim(t.substr(open + 1, close - open - 1)).empty()) return std::string("no code between [ and ]");
  return std::nullopt;
}

// `verb` ("ACCUSE [112]" or "BREAK {BROKE} [---]") with `forms` added to its {...} list.
std::string with_forms(std::string verb, std::string_view forms) {
  if (const std::size_t close = verb.find('}'); close != std::string::npos) {
    verb.insert(close, ' ' + std::string(forms));
    return verb;
  }
  const std::size_t open = verb.find('[');
  verb.insert(open == std::string::npos ? verb.size() : open, " {" + std::string(forms) + "} ");
  return verb;
}

}  // namespace

namespace tabari {

std::vector<std::string> stem_phrases(std::string_view raw) {
  raw = detail::trim(raw);
  std::vector<std::string> out{std::string(raw)};
  if (raw.empty() || raw.back() == '_') return out;  // exact
  const std::size_t start = raw.find_last_of("_ \t") + 1;  // npos + 1 == 0
  const std::string last(raw.substr(start));
  // Acronyms, abbreviations and words that already end in 's' keep their one form.
  if (last.size() < 3) return out;
  for (char c : last)
    if (!detail::is_alpha(c)) return out;
  const char end = detail::to_lower(last.back());
  if (end == 's' && detail::to_lower(last[last.size() - 2]) != 's') return out;
  out.push_back(std::string(raw.substr(0, start)) + regular_plural(last));
  return out;
}

std::optional<std::vector<std::string>> expand_alternatives(std::string_view pattern) {
  const std::size_t open = pattern.find('{');
  if (open == std::string_view::npos) {
    if (pattern.find('}') != std::string_view::npos) return std::nullopt;
    return std::vector<std::string>{std::string(pattern)};
  }
  const std::size_t close = pattern.find('}', open);
  if (close == std::string_view::npos || pattern.substr(open + 1, close - open - 1).find('{') != std::string_view::npos)
    return std::nullopt;
  const auto tails = expand_alternatives(pattern.substr(close + 1));
  if (!tails) return std::nullopt;
  std::vector<std::string> out;
  std::string_view choices = pattern.substr(open + 1, close - open - 1);
  for (;;) {
    const std::size_t bar = choices.find('|');
    std::string head(pattern.substr(0, open));
    head += ' ';
    head += detail::trim(choices.substr(0, bar));
    head += ' ';
    for (const auto& tail : *tails) {
      if (out.size() == max_alternatives) return std::vector<std::string>{};
      out.push_back(head + tail);
    }
    if (bar == std::string_view::npos) break;
    choices.remove_prefix(bar + 1);
  }
  return out;
}

bool sections::skip(const content_line& l, summary& s) {
  const std::string_view t = detail::trim(l.text);
  if (!closing_.empty()) {
    ++s.section_lines;
    if (detail::starts_with_ci(t, closing_)) closing_.clear();
    return true;
  }
  if (t.front() != '<') return false;
  ++s.section_lines;
  // Sections whose lines we skip; a <SYNSETS> tag opens lines the verb readers do use.
  static constexpr std::array<std::string_view, 4> skipped{"TIME", "ATTRIB", "NOUN", "ADJ"};
  for (const auto name : skipped)
    if (detail::starts_with_ci(t.substr(1), name)) closing_ = "</" + std::string(name);
  return true;
}

void sections::finish(line_reporter& r, std::size_t last_line) const {
  if (!closing_.empty()) r.bad(last_line, "no " + closing_ + "> before the end of the file");
}

}  // namespace tabari

void load_tabari_verbs(dictionary_builder& b, const fs::path& file, summary& s) {
  const auto lines = read_content_lines(file, dialect::tabari);
  line_reporter report(file, s, dialect::tabari);
  verb_collector c(b, s);
  tabari::sections sections;
  // The verb line read last, held until we know whether a {FORMS} line follows it.
  std::string verb;
  std::size_t verb_number = 0;
  const auto flush_verb = [&] {
    if (!verb.empty()) c.verb(verb, verb_number);
    verb.clear();
  };
  for (const auto& l : lines) {
    const std::string_view t = detail::trim(l.text);
    if (t.front() == '{') {
      const std::size_t close = t.find('}');
      if (verb.empty()) report.bad(l.number, "verb forms with no verb before them");
      else if (close == std::string_view::npos) report.bad(l.number, "'{' without '}'");
      else if (detail::trim(t.substr(1, close - 1)).empty()) report.bad(l.number, "no verb forms inside {...}");
      else verb = with_forms(std::move(verb), t.substr(1, close - 1));
      continue;
    }
    flush_verb();
    if (sections.skip(l, s) || c.synset_line(t)) continue;
    const bool is_pattern = t.front() == '-';
    if (const auto problem = code_problem(t, is_pattern ? "a pattern" : "a verb")) {
      report.bad(l.number, *problem);
      continue;
    }
    const auto [text, code] = split_code(is_pattern ? t.substr(1) : t);
    if (!is_pattern) {
      c.begin_block(code);
      verb = std::string(t);
      verb_number = l.number;
      continue;
    }
    if (!c.in_block()) {
      report.bad(l.number, "a pattern with no verb before it");
      continue;
    }
    if (text.find('*') == std::string_view::npos) {
      report.bad(l.number, "no verb marker '*' in the pattern");
      continue;
    }
    const auto choices = tabari::expand_alternatives(text);
    if (!choices) {
      report.bad(l.number, "unbalanced { } in the pattern");
      continue;
    }
    if (choices->empty()) ++s.patterns_synset;  // too many ways to write it
    if (choices->size() > 1) ++s.alternatives;
    for (const auto& p : *choices) c.pattern(l.number, p, code);
  }
  flush_verb();
  sections.finish(report, lines.empty() ? 0 : lines.back().number);
  c.finish();
  report.check(lines.size());
}

}  // namespace petrarch

import_report dictionary_builder::load_tabari(const std::filesystem::path& dir) {
  const petrarch::summary s = petrarch::import_directory(*this, dir, petrarch::dialect::tabari);
  import_report r;
  r.actors = s.actor_entries + s.person_terms;
  r.agent_phrases = s.agent_phrases;
  r.verb_patterns = s.verb_patterns;
  r.not_expressible = s.agent_prefix_roles + s.verb_unknown_code + s.patterns_pre_verb + s.patterns_markers +
                      s.patterns_synset + s.patterns_rejected;
  r.unused_lines = s.section_lines;
  for (const auto& b : s.bad) r.skipped.push_back({core::severity::warning, b.file, b.line, "", {}, b.why});
  return r;
}

}  // namespace diplograph::extract
