// PETRARCH/TABARI verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.txt) into our verb
// patterns. The format, as PETRARCH reads it:
//   &SYNSET_            a synonym set, members on the following `+WORD_OR_PHRASE` lines; a
//                       trailing '_' on the label or a member means "no plural"
//   --- NAME [CODE] --- a block; CODE (or ---) is the code of its verbs
//   VERB {FORMS} [CODE] a verb of the block, its irregular forms, its own code
//   +VERB_PARTICLE      a multi-word verb, '+' marking the inflected word
//   - PATTERN [CODE]    a pattern for every verb of the block: '*' the verb, '$' source, '+'
//                       target, '%' compound actor, '^' skip a word, {..} noun phrase, (..)
//                       prepositional phrase, &SYNSET any member of the set
//   ~ ...               verb transformations (ignored)
// Our model has one shape: a verb, inflected, then literal words; the source is the nearest actor
// before it and the target the first actor after it. So the verb alone, and `- * WORDS [CODE]`
// or `- * WORDS + [CODE]` (optionally `$` before the verb), become "verb/forms words"; anything
// else is counted and skipped. Codes like 042:043 keep the first; codes not in our CAMEO table are
// skipped. verb_collector does the translation; load_verbs is PETRARCH's front end to it and
// load_tabari_verbs (tabari.cpp) TABARI's.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/extract/dictionaries.hpp"
#include "petrarch_reader.hpp"
#include "text_util.hpp"

namespace diplograph::extract::petrarch {
namespace {

namespace fs = std::filesystem;

// A pattern whose synsets expand to more alternatives than this is skipped.
constexpr std::size_t max_expansions = 4096;

bool is_vowel(char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }

// The words of `s`, split at white space and, unless `keep_underscores`, at '_'.
std::vector<std::string> split_words(std::string_view s, bool keep_underscores = false) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if ((c == '_' && !keep_underscores) || detail::is_space(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// The plural of a phrase's last word, as PETRARCH forms synset plurals (but "dollars" stays
// "dollars" rather than becoming "dollares").
std::string plural(const std::string& phrase) {
  const std::size_t n = phrase.size();
  if (n == 0) return phrase;
  const auto ends = [&](std::string_view s) { return n >= s.size() && phrase.compare(n - s.size(), s.size(), s) == 0; };
  if (n >= 2 && phrase[n - 1] == 'y' && !is_vowel(phrase[n - 2])) return phrase.substr(0, n - 1) + "ies";
  if (ends("ss") || ends("x") || ends("z") || ends("ch") || ends("sh")) return phrase + "es";
  if (ends("s")) return phrase;
  return phrase + "s";
}

}  // namespace

std::pair<std::string_view, std::string_view> split_code(std::string_view t) {
  const std::size_t open = t.find('[');
  if (open == std::string_view::npos) return {detail::trim(t), {}};
  const std::size_t close = t.find(']', open);
  const std::string_view code =
      detail::trim(t.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1));
  return {detail::trim(t.substr(0, open)), code};
}

bool verb_collector::synset_line(std::string_view t) {
  if (t.front() == '&') {
    synset_ = detail::lower(split_words(t).front());
    bool plural = true;
    if (synset_.back() == '_' || (t.size() > synset_.size() && t[synset_.size()] == '_')) plural = false;
    while (!synset_.empty() && synset_.back() == '_') synset_.pop_back();
    synsets_[synset_].clear();
    synset_plural_[synset_] = plural;
    ++s_.synsets;
    return true;
  }
  if (t.front() == '+' && !synset_.empty()) {
    std::string_view m = detail::trim(t.substr(1));
    member mem;
    mem.plural = synset_plural_[synset_];
    if (!m.empty() && m.back() == '_') mem.plural = false;
    mem.text = detail::lower(join(split_words(m)));
    std::replace(mem.text.begin(), mem.text.end(), '/', ' ');
    if (!mem.text.empty()) synsets_[synset_].push_back(std::move(mem));
    return true;
  }
  synset_.clear();
  return false;
}

void verb_collector::begin_block(std::string_view code) {
  blocks_.emplace_back();
  if (!code.empty()) blocks_.back().code = std::string(code);
}

void verb_collector::pattern(std::size_t number, std::string_view text, std::string_view code) {
  blocks_.back().patterns.push_back({number, std::string(text), std::string(code)});
  ++s_.patterns_read;
}

// Synsets may be defined after the blocks that use them: expand at the end.
void verb_collector::finish() {
  for (const auto& bl : blocks_) emit(bl);
}

void verb_collector::verb(std::string_view t, std::size_t number) {
  std::string_view rest = t;
  std::string code;
  if (const auto open = rest.find('['); open != std::string_view::npos) {
    code = std::string(split_code(rest).second);
    rest = rest.substr(0, open);
  }
  std::vector<std::string> forms;
  if (const auto brace = rest.find('{'); brace != std::string_view::npos) {
    const auto close = rest.find('}', brace);
    const auto inside = rest.substr(brace + 1, close == std::string_view::npos ? close : close - brace - 1);
    for (auto& f : split_words(inside, true)) forms.push_back(std::move(f));
    rest = rest.substr(0, brace);
  }
  const auto words = split_words(detail::trim(rest));
  if (words.empty()) return;
  // The inflected word: marked with '+', else the first. When it is not the first ("WIRE_+TAP",
  // "RE_+ARREST") our first-word inflection cannot say it: each form becomes a literal pattern.
  for (std::size_t i = 1; i < words.size(); ++i)
    if (words[i].front() == '+') {
      ++s_.verb_not_first;
      std::vector<std::string> inflected{detail::lower(words[i].substr(1))};
      for (const auto& f : forms)
        for (const auto& w : split_words(f))
          if (w.size() > 1 && w.front() == '+') inflected.push_back(detail::lower(w.substr(1)));
      if (forms.empty()) inflected = verb_forms(inflected.front());
      verb_spec v{number, {}, code, true};
      for (const auto& form : inflected) {
        std::vector<std::string> phrase;
        for (std::size_t k = 0; k < words.size(); ++k) phrase.push_back(k == i ? form : detail::lower(words[k]));
        v.heads.push_back(join(phrase));
      }
      blocks_.back().verbs.push_back(std::move(v));
      ++s_.verbs;
      return;
    }
  std::string head = detail::lower(words.front());
  if (!head.empty() && head.front() == '+') head.erase(0, 1);
  if (head.empty()) return;
  std::string pattern = head;
  for (const auto& f : forms) {
    // "+BROKE_DOWN" gives "broke"; a form whose inflected word is not first is dropped.
    const auto fw = split_words(f);
    if (fw.empty()) continue;
    std::string form = detail::lower(fw.front());
    if (!form.empty() && form.front() == '+') form.erase(0, 1);
    if (form.empty() || form == head || form.find('/') != std::string::npos) continue;
    pattern += '/' + form;
  }
  for (std::size_t i = 1; i < words.size(); ++i) pattern += ' ' + detail::lower(words[i]);
  blocks_.back().verbs.push_back({number, {pattern}, code, false});
  ++s_.verbs;
}

// The CAMEO code a dictionary code stands for, or empty (counted) when there is none.
std::string verb_collector::usable_code(std::string_view code) {
  if (const auto colon = code.find(':'); colon != std::string_view::npos) code = code.substr(0, colon);
  code = detail::trim(code);
  if (code.empty() || code == "---") {
    ++s_.verb_null;
    return {};
  }
  // An exact code, else its nearest parent in our table (TABARI-era 1010 -> 101), else none.
  const core::cameo_code* c = b_.cameo().find(code);
  if (!c || c->code.size() < 3) {
    ++s_.verb_unknown_code;
    return {};
  }
  if (c->code != code) ++s_.verb_generalised_code;
  return c->code;
}

std::string verb_collector::usable_code_quiet(std::string_view code) const {
  if (const auto colon = code.find(':'); colon != std::string_view::npos) code = code.substr(0, colon);
  const core::cameo_code* c = b_.cameo().find(detail::trim(code));
  return c && c->code.size() >= 3 ? c->code : std::string();
}

void verb_collector::add(const std::string& code, const std::string& pattern) {
  try {
    b_.add_verb_pattern(code, pattern);
    ++s_.verb_patterns;
  } catch (const extract_error& e) {
    if (s_.patterns_rejected++ == 0) s_.first_rejected = code + " '" + pattern + "': " + e.what();
  }
}

// Every way of writing `words` with its synsets replaced by their members (and plurals).
// Returns false when a synset is undefined or the alternatives are too many.
bool verb_collector::expand(const std::vector<std::string>& words, std::vector<std::string>& out, int depth) const {
  std::vector<std::string> partial{""};
  for (const auto& w : words) {
    std::vector<std::string> alternatives;
    if (w.front() == '&') {
      std::string name = w;
      while (!name.empty() && name.back() == '_') name.pop_back();
      const auto it = synsets_.find(name);
      if (it == synsets_.end() || depth > 4) return false;
      for (const auto& m : it->second) {
        std::vector<std::string> inner;
        if (!expand(split_words(m.text), inner, depth + 1)) return false;
        for (const auto& x : inner) {
          alternatives.push_back(x);
          if (m.plural && m.text.find('&') == std::string::npos) alternatives.push_back(plural(x));
        }
      }
    } else {
      alternatives.push_back(w);
    }
    std::vector<std::string> next;
    for (const auto& p : partial)
      for (const auto& a : alternatives) next.push_back(p.empty() ? a : p + ' ' + a);
    if (next.size() > max_expansions) return false;
    partial = std::move(next);
  }
  out.insert(out.end(), partial.begin(), partial.end());
  return true;
}

// The words after the verb, or nothing (counted) when the pattern does not fit our model.
std::optional<std::vector<std::string>> verb_collector::pattern_words(const std::string& text) {
  std::string spaced;
  for (char c : text) {
    if (c == '*') spaced += " * ";
    else if (c == '_' || c == '{' || c == '}' || c == '(' || c == ')' || c == '/') spaced += ' ';
    else spaced += c;
  }
  const auto tokens = split_words(spaced);
  std::size_t star = 0;
  while (star < tokens.size() && tokens[star] != "*") ++star;
  if (star == tokens.size()) {
    ++s_.patterns_pre_verb;
    return std::nullopt;
  }
  for (std::size_t i = 0; i < star; ++i)
    if (tokens[i] != "$") {
      ++s_.patterns_pre_verb;
      return std::nullopt;
    }
  std::vector<std::string> words;
  bool target = false;
  for (std::size_t i = star + 1; i < tokens.size(); ++i) {
    const std::string& w = tokens[i];
    if (target || w == "$" || w == "%" || w == "^" || w == "*" || w == "@" || w.front() == '$' || w.front() == '%') {
      ++s_.patterns_markers;
      return std::nullopt;
    }
    if (w == "+") {
      target = true;
      continue;
    }
    words.push_back(detail::lower(w));
  }
  return words;
}

void verb_collector::emit(const block& bl) {
  for (const auto& v : bl.verbs) {
    const std::string code = usable_code(v.code.empty() ? bl.code : v.code);
    if (!code.empty())
      for (const auto& h : v.heads) add(code, v.literal ? '!' + h : h);
  }
  for (const auto& p : bl.patterns) {
    const std::string code = usable_code(p.code);
    if (code.empty()) continue;
    const auto words = pattern_words(p.text);
    if (!words) continue;
    std::vector<std::string> tails;
    if (!expand(*words, tails)) {
      ++s_.patterns_synset;
      continue;
    }
    for (const auto& v : bl.verbs) {
      // The verb alone already gives this code: the longer pattern would add nothing.
      if (usable_code_quiet(v.code.empty() ? bl.code : v.code) == code) {
        s_.patterns_redundant += tails.size();
        continue;
      }
      for (const auto& h : v.heads)
        for (const auto& tail : tails) add(code, (v.literal ? "!" : "") + (tail.empty() ? h : h + ' ' + tail));
    }
  }
}

void load_verbs(dictionary_builder& b, const fs::path& file, summary& s) {
  verb_collector c(b, s);
  for (const auto& l : read_content_lines(file, dialect::petrarch)) {
    const std::string_view t = detail::trim(l.text);
    if (c.synset_line(t)) continue;
    if (t.substr(0, 3) == "---") {
      c.begin_block(split_code(t.substr(3)).second);
      continue;
    }
    if (t.front() == '~') {
      ++s.transformations;
      continue;
    }
    if (!c.in_block()) continue;  // stray text before the first block
    if (t.front() == '-') {
      const auto [text, code] = split_code(t.substr(1));
      c.pattern(l.number, text, code);
      continue;
    }
    c.verb(t, l.number);
  }
  c.finish();
}

}  // namespace diplograph::extract::petrarch
