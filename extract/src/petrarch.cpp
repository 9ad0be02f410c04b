// PETRARCH/TABARI dictionary import: see dictionary_builder::load_petrarch and load_tabari.
//
// The published dictionaries (Phoenix, PETR.Validate) are read at run time from a directory the
// user names; none of their content is part of this repository. What maps onto our model:
//   actors   `HEAD_PHRASE_ [CODE]`, `+SYNONYM_` lines, `[CODE]` lines, date-bounded codes
//            `[USAGOV 20090120-20170120]`, `[X <20090119]`, `[X >20170120]`, TABARI's
//            `[DEFAULT {CODE <YYMMDD} {CODE YYMMDD-YYMMDD}]` (one person entry per term, so the
//            coder picks the office held on the event date);
//   agents   `SOLDIER [~MIL]`, `{PLURAL}` or `{}`, `!MARKER! = A, B` substitution sets;
//   verbs    see petrarch_verbs.cpp.
// Discards and issues are counted, not used. Lines we cannot read are skipped and counted;
// more than a fifth of a file's lines skipped means it is not a PETRARCH dictionary: that throws.
// Where TABARI differs (comments, stems, sections), the readers ask tabari.cpp.
#include <algorithm>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <utility>

#include "diplograph/core/date.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "petrarch_reader.hpp"
#include "text_util.hpp"

namespace diplograph::extract {
namespace petrarch {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (detail::is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_vowel(char c) { return std::string_view("aeiouyAEIOUY").find(c) != std::string_view::npos; }

// "BARACK OBAMA" -> "Barack Obama"; acronyms stay as they are.
std::string display_name(std::string_view phrase) {
  std::string out(phrase);
  bool has_lower = false;
  for (char c : out) has_lower = has_lower || detail::is_lower(c);
  if (!has_lower) return out;
  bool start = true;
  for (char& c : out) {
    if (start && detail::is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-' || c == '(';
  }
  return out;
}

// PETRARCH writes phrases in capitals with underscores for spaces. Our matcher ignores case,
// but a phrase in capitals with 2-6 letters is an acronym that matches only capitalised text.
// Keep the capitals only where they are an acronym ("U.S.", "UN", "PLO", "MSF"); otherwise
// lower-case the phrase so "IRAN" or "OBAMA" also match "Iran" and "Obama".
std::string phrase_from(std::string_view raw, bool agent) {
  std::string words;
  bool space = false;
  for (char c : raw) {
    if (c == '_' || detail::is_space(c)) {
      space = !words.empty();
      continue;
    }
    if (space) words += ' ';
    space = false;
    words += c;
  }
  std::size_t letters = 0;
  bool acronym_token = false;
  std::size_t token_letters = 0;
  bool token_vowel = false;
  bool token_dot = false;
  const auto end_token = [&] {
    if (token_letters > 0) {
      const bool short_word = agent ? token_letters <= 2 : token_letters <= 3;
      acronym_token = acronym_token || short_word || !token_vowel || (token_dot && token_letters >= 2);
    }
    token_letters = 0;
    token_vowel = token_dot = false;
  };
  bool has_lower = false;
  for (char c : words) {
    if (c == ' ') {
      end_token();
      continue;
    }
    if (detail::is_lower(c)) has_lower = true;
    if (detail::is_alpha(c)) {
      ++letters;
      ++token_letters;
      token_vowel = token_vowel || is_vowel(c);
    } else if (c == '.') {
      token_dot = true;
    }
  }
  end_token();
  if (has_lower) return words;  // written in mixed case: keep as written
  if (letters >= 2 && letters <= 6 && acronym_token) return words;
  // Names in title case, so that the tokenizer sees initials ("Rufus T. Firefly") and
  // abbreviations ("Mr. Obama") as it does in text; role nouns in lower case.
  return agent ? detail::lower(words) : display_name(detail::lower(words));
}

bool all_upper_alnum(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!detail::is_upper(c) && !detail::is_digit(c)) return false;
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!detail::is_digit(c)) return false;
  return true;
}

// YYYYMMDD, or TABARI's YYMMDD (00-30 is 20YY, else 19YY).
std::optional<core::calendar_day> parse_date(std::string_view s) {
  if (!all_digits(s) || (s.size() != 6 && s.size() != 8)) return std::nullopt;
  std::string year;
  if (s.size() == 6) {
    const int yy = (s[0] - '0') * 10 + (s[1] - '0');
    year = (yy <= 30 ? "20" : "19") + std::string(s.substr(0, 2));
    s.remove_prefix(2);
  } else {
    year = std::string(s.substr(0, 4));
    s.remove_prefix(4);
  }
  return core::parse_iso_day(year + '-' + std::string(s.substr(0, 2)) + '-' + std::string(s.substr(2, 2)));
}

// Codes that name no country although they have three letters.
bool transnational(std::string_view code) {
  static constexpr std::string_view prefixes[] = {"IGO", "IMG", "NGO", "NGM", "MNC", "UIS"};
  for (auto p : prefixes)
    if (code.substr(0, 3) == p) return true;
  return false;
}

bool null_code(std::string_view code) { return code == "---" || code == "+++" || code == "###" || code == "***"; }

actor_entry entry_for(const std::string& code, const std::string& name) {
  actor_entry e;
  e.code = code;
  e.name = name;
  const std::string role = code.size() > 3 ? code.substr(3, 3) : "";
  if (code.rfind("IGO", 0) == 0) {
    e.kind = core::actor_kind::igo;
    e.role = "IGO";
  } else if (code.rfind("IMG", 0) == 0) {
    e.kind = core::actor_kind::armed_group;
    e.role = role;
  } else if (transnational(code)) {
    e.kind = core::actor_kind::organisation;
    e.role = role;
  } else {
    e.country = code.substr(0, 3);
    e.role = role;
    if (code.size() == 3) e.kind = core::actor_kind::country;
    else if (role == "REB" || role == "INS" || role == "UAF") e.kind = core::actor_kind::armed_group;
    // Our coder counts these roles as the state (see country_actor in coder.cpp).
    else if (role == "GOV" || role == "MIL" || role == "COP" || role == "JUD" || role == "LEG" || role == "SPY")
      e.kind = core::actor_kind::government;
    else e.kind = core::actor_kind::organisation;
  }
  return e;
}

struct coded {
  std::string code;
  std::optional<core::calendar_day> from, to;
  bool dated = false;
};

class actor_reader : line_reporter {
 public:
  actor_reader(dictionary_builder& b, const fs::path& file, summary& s, dialect d)
      : line_reporter(file, s, d), b_(b) {}

  void run() {
    const auto lines = read_content_lines(file_, dialect_);
    for (const auto& l : lines) line(l);
    flush();
    sections_.finish(*this, lines.empty() ? 0 : lines.back().number);
    check(lines.size());
  }

 private:
  dictionary_builder& b_;
  bool open_ = false;
  std::vector<std::string> phrases_;
  std::vector<coded> codes_;
  tabari::sections sections_;

  void line(const content_line& l) {
    if (dialect_ == dialect::tabari && sections_.skip(l, s_)) return;
    const std::string_view t = detail::trim(l.text);
    if (t.front() == '[') {
      if (!open_) return bad(l.number, "a code with no actor before it");
      read_codes(t, l.number);
      return;
    }
    const std::size_t bracket = t.find('[');
    std::string_view phrase = detail::trim(t.substr(0, bracket));
    const bool synonym = phrase.front() == '+';
    if (synonym) {
      phrase.remove_prefix(1);
      if (!open_) return bad(l.number, "a synonym with no actor before it");
    } else {
      flush();
      open_ = true;
      ++s_.actor_blocks;
    }
    // A TABARI phrase ending in a stem also stands for its plural.
    const auto raw = dialect_ == dialect::tabari ? tabari::stem_phrases(phrase)
                                                 : std::vector<std::string>{std::string(phrase)};
    const std::string p = phrase_from(raw.front(), false);
    if (p.empty() || phrase_keys(p).empty()) {
      if (!synonym) open_ = false;
      return bad(l.number, "no phrase");
    }
    phrases_.push_back(p);
    if (raw.size() > 1) ++s_.stems;
    for (std::size_t i = 1; i < raw.size(); ++i) phrases_.push_back(phrase_from(raw[i], false));
    if (bracket != std::string_view::npos) read_codes(t.substr(bracket), l.number);
  }

  // One or more `[CODE]` / `[CODE dates]` groups.
  void read_codes(std::string_view t, std::size_t number) {
    while (!t.empty()) {
      const std::size_t open = t.find('[');
      if (open == std::string_view::npos) return;
      const std::size_t close = t.find(']', open);
      if (close == std::string_view::npos) return bad(number, "'[' without ']'");
      read_code(t.substr(open + 1, close - open - 1), number);
      t.remove_prefix(close + 1);
    }
  }

  void read_code(std::string_view inside, std::size_t number) {
    inside = detail::trim(inside);
    // TABARI: [DEFAULT {CODE dates} {CODE dates}], the default optional.
    if (const std::size_t brace = inside.find('{'); brace != std::string_view::npos) {
      if (!detail::trim(inside.substr(0, brace)).empty()) read_code(inside.substr(0, brace), number);
      for (std::string_view rest = inside.substr(brace); !detail::trim(rest).empty();) {
        const std::size_t open = rest.find('{');
        const std::size_t close = rest.find('}', open);
        if (open == std::string_view::npos || !detail::trim(rest.substr(0, open)).empty())
          return bad(number, "text between {...} groups");
        if (close == std::string_view::npos) return bad(number, "'{' without '}'");
        read_code(rest.substr(open + 1, close - open - 1), number);
        rest.remove_prefix(close + 1);
      }
      return;
    }
    const std::size_t space = inside.find_first_of(" \t");
    std::string code = upper(inside.substr(0, space));
    std::string dates;
    if (space != std::string_view::npos)
      for (char c : inside.substr(space))
        if (!detail::is_space(c)) dates += c;
    // A code with its dates glued on: [AAA950601-990815].
    if (const auto slash = code.find('/'); slash != std::string::npos) {
      ++s_.compound_codes;
      code.erase(slash);
    }
    if (null_code(code)) {
      ++s_.null_codes;
      return;
    }
    if (!all_upper_alnum(code) || code.size() < 3) return bad(number, "'" + code + "' is not an actor code");
    coded c;
    c.code = code;
    if (!dates.empty()) {
      c.dated = true;
      bool ok = true;
      if (dates.front() == '<') {
        c.to = parse_date(std::string_view(dates).substr(1));
        ok = c.to.has_value();
      } else if (dates.front() == '>') {
        c.from = parse_date(std::string_view(dates).substr(1));
        ok = c.from.has_value();
      } else if (const auto dash = dates.find('-'); dash != std::string::npos) {
        c.from = parse_date(std::string_view(dates).substr(0, dash));
        c.to = parse_date(std::string_view(dates).substr(dash + 1));
        ok = c.from && c.to && *c.from <= *c.to;
      } else {
        ok = false;
      }
      if (!ok) return bad(number, "'" + dates + "' is not a date range (YYYYMMDD-YYYYMMDD, <YYYYMMDD, >YYYYMMDD)");
    }
    codes_.push_back(std::move(c));
  }

  void add_phrases(std::uint32_t index, const std::vector<std::string>& phrases) {
    for (const auto& p : phrases) b_.add_actor_phrase(p, index, phrase_kind::name);
  }

  void flush() {
    if (!open_) return;
    open_ = false;
    const std::vector<std::string> phrases = std::exchange(phrases_, {});
    const std::vector<coded> codes = std::exchange(codes_, {});
    if (codes.empty()) {
      ++s_.uncoded_blocks;
      return;
    }
    s_.actor_phrases += phrases.size();
    const std::string name = display_name(phrases.front());
    const bool dated = std::any_of(codes.begin(), codes.end(), [](const coded& c) { return c.dated; });
    if (!dated) {
      for (const auto& c : codes) {
        add_phrases(b_.add_actor(entry_for(c.code, name)), phrases);
        ++s_.actor_entries;
      }
      return;
    }
    // A person: one entry per term, terms first so that the date decides. An undated code
    // among them is the default outside the terms: after the last one when every term ends,
    // and before the first when every term has a start (between terms, the coder's former
    // office holder rule applies).
    std::optional<core::calendar_day> last_end, first_start;
    bool all_end = true, all_start = true;
    for (const auto& c : codes) {
      if (!c.dated) continue;
      if (c.to) last_end = last_end ? std::max(*last_end, *c.to) : *c.to;
      else all_end = false;
      if (c.from) first_start = first_start ? std::min(*first_start, *c.from) : *c.from;
      else all_start = false;
    }
    const auto add_person = [&](const coded& c, std::optional<core::calendar_day> from,
                                std::optional<core::calendar_day> to) {
      actor_entry e = entry_for(c.code, name);
      e.kind = core::actor_kind::person;
      e.from = from;
      e.to = to;
      add_phrases(b_.add_actor(std::move(e)), phrases);
      ++s_.person_terms;
    };
    for (const auto& c : codes)
      if (c.dated) add_person(c, c.from, c.to);
    for (const auto& c : codes) {
      if (c.dated) continue;
      if (all_end && last_end) add_person(c, *last_end + date::days{1}, std::nullopt);
      if (all_start && first_start) add_person(c, std::nullopt, *first_start - date::days{1});
      // Otherwise the terms cover all time: the default never applies.
    }
  }
};

class agent_reader : line_reporter {
 public:
  agent_reader(dictionary_builder& b, const fs::path& file, summary& s, dialect d)
      : line_reporter(file, s, d), b_(b) {}

  void run() {
    const auto lines = read_content_lines(file_, dialect_);
    for (const auto& l : lines) line(l);
    sections_.finish(*this, lines.empty() ? 0 : lines.back().number);
    check(lines.size());
  }

 private:
  dictionary_builder& b_;
  std::unordered_map<std::string, std::vector<std::string>> markers_;
  tabari::sections sections_;

  void add(std::string_view raw, const std::string& role) {
    const std::string p = phrase_from(raw, true);
    if (p.empty() || phrase_keys(p).empty()) return;
    b_.add_agent_phrase(p, role);
    ++s_.agent_phrases;
  }

  void line(const content_line& l) {
    if (dialect_ == dialect::tabari && sections_.skip(l, s_)) return;
    const std::string_view t = detail::trim(l.text);
    const std::size_t bracket = t.find('[');
    if (bracket == std::string_view::npos && t.front() == '!' && t.find('=') != std::string_view::npos) {
      // !PERSON! = MAN, MEN, WOMAN
      const std::size_t close = t.find('!', 1);
      const std::size_t eq = t.find('=');
      if (close == std::string_view::npos || close > eq) return bad(l.number, "substitution marker without closing '!'");
      auto& forms = markers_[upper(t.substr(1, close - 1))];
      forms.clear();
      std::string_view rest = t.substr(eq + 1);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = detail::trim(rest.substr(0, comma));
        if (!item.empty()) forms.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      return;
    }
    ++s_.agent_lines;
    if (bracket == std::string_view::npos) return bad(l.number, "an agent needs a code in [...]");
    const std::size_t close = t.find(']', bracket);
    if (close == std::string_view::npos) return bad(l.number, "'[' without ']'");
    const std::string code = upper(detail::trim(t.substr(bracket + 1, close - bracket - 1)));
    std::string_view phrase = detail::trim(t.substr(0, bracket));
    if (phrase.empty()) return bad(l.number, "no phrase");
    std::string role;
    if (code.size() > 1 && code.front() == '~') {
      role = code.substr(1);
    } else if (code.size() > 1 && code.back() == '~') {
      ++s_.agent_prefix_roles;  // [NGO~]: a code before the actor's; our roles only follow it
      return;
    } else {
      return bad(l.number, "agent code '" + code + "' must start with '~'");
    }
    if (!all_upper_alnum(role) || role.size() < 3) return bad(l.number, "'" + role + "' is not a role code");
    // Substitution marker: each listed form replaces it, with no plural added.
    if (const std::size_t bang = phrase.find('!'); bang != std::string_view::npos) {
      const std::size_t bang2 = phrase.find('!', bang + 1);
      if (bang2 == std::string_view::npos) return bad(l.number, "substitution marker without closing '!'");
      const auto it = markers_.find(upper(phrase.substr(bang + 1, bang2 - bang - 1)));
      if (it == markers_.end()) return bad(l.number, "undefined substitution marker");
      std::string_view tail = phrase.substr(bang2 + 1);
      if (const auto brace = tail.find('{'); brace != std::string_view::npos) tail = tail.substr(0, brace);
      for (const auto& form : it->second)
        add(std::string(phrase.substr(0, bang)) + form + std::string(tail), role);
      return;
    }
    if (const std::size_t brace = phrase.find('{'); brace != std::string_view::npos) {
      const std::size_t brace2 = phrase.find('}', brace);
      if (brace2 == std::string_view::npos) return bad(l.number, "'{' without '}'");
      add(phrase.substr(0, brace), role);
      const std::string_view plural_form = detail::trim(phrase.substr(brace + 1, brace2 - brace - 1));
      if (!plural_form.empty()) add(plural_form, role);
      return;
    }
    std::string base(phrase);
    while (!base.empty() && base.back() == '_') base.pop_back();
    add(base, role);
    add(regular_plural(base), role);
  }
};

std::size_t count_lines_with(const fs::path& file, char c, dialect d) {
  std::size_t n = 0;
  for (const auto& l : read_content_lines(file, d))
    if (c == '\0' || l.text.find(c) != std::string::npos) ++n;
  return n;
}

}  // namespace

std::string dialect_name(dialect d) { return d == dialect::tabari ? "TABARI" : "PETRARCH"; }

std::string regular_plural(const std::string& phrase) {
  const std::size_t n = phrase.size();
  const auto ends = [&](std::string_view s) { return n >= s.size() && phrase.compare(n - s.size(), s.size(), s) == 0; };
  if (n >= 2 && (phrase[n - 1] == 'Y' || phrase[n - 1] == 'y') && !is_vowel(phrase[n - 2]))
    return phrase.substr(0, n - 1) + (phrase[n - 1] == 'Y' ? "IES" : "ies");
  const bool caps = n > 0 && detail::is_upper(phrase[n - 1]);
  if (ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH") || ends("s") || ends("x") || ends("z") ||
      ends("ch") || ends("sh"))
    return phrase + (caps ? "ES" : "es");
  return phrase + (caps ? "S" : "s");
}


void line_reporter::bad(std::size_t line, const std::string& why) {
  ++bad_;
  ++s_.bad_lines;
  s_.bad.push_back({file_.string(), line, why});
  if (first_bad_.empty()) first_bad_ = file_.string() + ':' + std::to_string(line) + ": " + why;
  if (s_.first_bad.empty()) s_.first_bad = first_bad_;
}

void line_reporter::check(std::size_t lines) const {
  if (bad_ * 5 > lines)
    throw extract_error(std::to_string(bad_) + " of " + std::to_string(lines) + " lines of " + file_.string() +
                        " are not " + dialect_name(dialect_) + " dictionary entries; first: " + first_bad_);
}

std::vector<content_line> read_content_lines(const fs::path& file, dialect d) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw extract_error("cannot open dictionary " + file.string());
  std::vector<content_line> out;
  std::string line;
  std::size_t number = 0;
  bool in_comment = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (d == dialect::tabari) {
      // TABARI: '~' in the first column ends the file (~~FINISH), '/' and '#' there start a
      // comment line, ';' a comment to the end of the line.
      if (!line.empty() && line.front() == '~') break;
      if (!line.empty() && (line.front() == '/' || line.front() == '#')) continue;
      if (const auto semicolon = line.find(';'); semicolon != std::string::npos) line.erase(semicolon);
      if (!detail::trim(line).empty()) out.push_back({number, line});
      continue;
    }
    if (in_comment) {
      const auto end = line.find("-->");
      if (end == std::string::npos) continue;
      in_comment = false;
      line.erase(0, end + 3);
    }
    if (detail::trim(line).substr(0, 2) == "<!") {
      if (line.find("-->") == std::string::npos) in_comment = true;
      continue;
    }
    // Inline <!-- ... --> comments.
    for (auto open = line.find("<!--"); open != std::string::npos; open = line.find("<!--")) {
      const auto close = line.find("-->", open);
      if (close == std::string::npos) {
        line.erase(open);
        in_comment = true;
        break;
      }
      line.erase(open, close + 3 - open);
    }
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (detail::trim(line).empty()) continue;
    out.push_back({number, line});
  }
  return out;
}

summary import_directory(dictionary_builder& b, const fs::path& dir, dialect d) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw extract_error(dialect_name(d) + " dictionary directory " + dir.string() + " not found");
  std::vector<fs::path> actors, agents, verbs, discards, issues;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string name = detail::lower(entry.path().filename().string());
    if (name.empty() || name.front() == '.' || name.back() == '~') continue;
    if (name.find("actors") != std::string::npos) actors.push_back(entry.path());
    else if (name.find("agents") != std::string::npos) agents.push_back(entry.path());
    else if (name.find("verbs") != std::string::npos ||
             (name.rfind("cameo", 0) == 0 && entry.path().extension() == ".txt"))
      verbs.push_back(entry.path());
    else if (name.find("discards") != std::string::npos) discards.push_back(entry.path());
    else if (name.find("issue") != std::string::npos) issues.push_back(entry.path());
  }
  if (ec) throw extract_error("cannot list " + dir.string() + ": " + ec.message());
  if (actors.empty() && agents.empty() && verbs.empty())
    throw extract_error("no " + dialect_name(d) + " dictionaries (*actors*, *agents*, *verbs* or CAMEO*.txt) in " +
                        dir.string());
  for (auto* list : {&actors, &agents, &verbs, &discards, &issues}) std::sort(list->begin(), list->end());

  summary s;
  for (const auto& f : actors) {
    actor_reader(b, f, s, d).run();
    ++s.files;
  }
  for (const auto& f : agents) {
    agent_reader(b, f, s, d).run();
    ++s.files;
  }
  for (const auto& f : verbs) {
    if (d == dialect::tabari) load_tabari_verbs(b, f, s);
    else load_verbs(b, f, s);
    ++s.files;
  }
  for (const auto& f : discards) {
    s.discards += count_lines_with(f, '\0', d);
    ++s.files;
  }
  for (const auto& f : issues) {
    s.issues += count_lines_with(f, '[', d);
    ++s.files;
  }
  return s;
}

}  // namespace petrarch

void dictionary_builder::load_petrarch(const std::filesystem::path& dir) {
  // The summary has nowhere to go: the builder has no diagnostics channel (see the header).
  (void)petrarch::import_directory(*this, dir);
}

}  // namespace diplograph::extract
