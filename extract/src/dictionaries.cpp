#include "diplograph/extract/dictionaries.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <unordered_map>

#include "text_util.hpp"

#include <xxhash.h>

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

// Token keys are short (a few bytes): XXH3 hashes them several times faster than std::hash's
// murmur, and token lookups are most of the coder's time.
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return XXH3_64bits(s.data(), s.size()); }
};

// Trie edges are (node, token) pairs packed in 64 bits; a multiplicative mix spreads them.
struct edge_hash {
  std::size_t operator()(std::uint64_t x) const noexcept {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
  }
};

struct hit {
  std::uint32_t entry = 0;
  phrase_kind kind = phrase_kind::name;
  bool caps_only = false;
};

// The token keys of every dictionary phrase, numbered. All tries share one, so each token of
// a text is looked up once (token_ids) and the tries walk on numbers.
struct vocabulary {
  static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> ids;
  std::uint64_t generation = 0;  // changes whenever a key is added: cached text ids go stale

  std::uint32_t intern(const std::string& k) {
    const auto [it, inserted] = ids.emplace(k, static_cast<std::uint32_t>(ids.size()));
    if (inserted) generation = next_generation();
    return it->second;
  }
  std::uint32_t find(std::string_view k) const {
    const auto it = ids.find(k);
    return it == ids.end() ? none : it->second;
  }
  // Unique across every vocabulary of the process, so a text's cache never matches another one.
  static std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
  }
};

// The ids of `t`'s tokens in `v`, computed once per text and vocabulary state.
const std::uint32_t* token_ids(const tokenized_text& t, const vocabulary& v) {
  if (t.vocabulary_of != v.generation || t.vocabulary_ids.size() != t.tokens.size()) {
    t.vocabulary_ids.resize(t.tokens.size());
    for (std::size_t i = 0; i < t.tokens.size(); ++i) t.vocabulary_ids[i] = v.find(t.key(t.tokens[i]));
    t.vocabulary_of = v.generation;
  }
  return t.vocabulary_ids.data();
}

// (node, token) -> child node: open addressing with linear probing in a power-of-two table,
// kept at most half full. Lookups are the inner loop of every dictionary match.
class edge_table {
 public:
  edge_table() : slots_(64, slot{}) {}

  const std::uint32_t* find(std::uint64_t key) const {
    for (std::size_t i = edge_hash{}(key) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == empty) return nullptr;
    }
  }
  // Adds key -> value unless key is there; returns the stored value.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value) {
    if (const std::uint32_t* v = find(key)) return *v;
    if (2 * (size_ + 1) > slots_.size()) grow();
    place(key, value);
    ++size_;
    return value;
  }

 private:
  static constexpr std::uint64_t empty = static_cast<std::uint64_t>(-1);  // never a real key: node ids stay below 2^32 - 1
  struct slot {
    std::uint64_t key = empty;
    std::uint32_t value = 0;
  };
  std::vector<slot> slots_;
  std::size_t size_ = 0;

  void place(std::uint64_t key, std::uint32_t value) {
    std::size_t i = edge_hash{}(key) & (slots_.size() - 1);
    while (slots_[i].key != empty) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {key, value};
  }
  void grow() {
    std::vector<slot> old(slots_.size() * 2, slot{});
    old.swap(slots_);
    for (const slot& s : old)
      if (s.key != empty) place(s.key, s.value);
  }
};

// A trie over token ids: one hash probe per token.
class token_trie {
 public:
  explicit token_trie(vocabulary& v) : vocab_(&v) { hits_.emplace_back(); }

  void insert(const std::vector<std::string>& keys, hit h) {
    if (keys.empty()) return;
    std::uint32_t node = 0;
    for (const auto& k : keys) {
      const std::uint32_t tok = vocab_->intern(k);
      const std::uint64_t edge = (std::uint64_t{node} << 32) | tok;
      const auto child = static_cast<std::uint32_t>(hits_.size());
      node = edges_.insert(edge, child);
      if (node == child) hits_.emplace_back();
    }
    for (const auto& existing : hits_[node])
      if (existing.entry == h.entry && existing.kind == h.kind) return;
    hits_[node].push_back(h);
    ++phrases_;
  }

  struct match {
    std::size_t length = 0;
    const hit* h = nullptr;
    const std::vector<hit>* all = nullptr;
  };

  // The longest phrase at `pos` with an accepted meaning, and all of that node's meanings;
  // hyphens inside a phrase are skipped like spaces.
  template <typename Accept>
  match longest_with_all(const tokenized_text& t, std::size_t pos, std::size_t end, Accept accept) const {
    match best;
    const std::uint32_t* ids = token_ids(t, *vocab_);
    std::uint32_t node = 0;
    bool all_caps = true;
    for (std::size_t i = pos; i < end; ++i) {
      const token& tk = t.tokens[i];
      if (i > pos && tk.key_size == 1 && t.keys[tk.key_begin] == '-') continue;
      const auto next = step(node, ids[i]);
      if (!next) break;
      node = *next;
      all_caps = all_caps && (tk.all_caps || tk.kind == token_kind::number);
      for (const auto& h : hits_[node]) {
        if ((h.caps_only && !all_caps) || !accept(h)) continue;
        best = {i + 1 - pos, &h, &hits_[node]};
        break;
      }
    }
    return best;
  }

  // Like longest_with_all, but up to `max_gap` word tokens may stand between the pattern's
  // first word and the rest ("fired anti-aircraft batteries at" for "fire at"). Only matches
  // that use a gap and continue after it are returned; `gap` is the skipped range.
  struct gapped_match {
    std::size_t length = 0;
    const hit* h = nullptr;
    std::size_t gap_begin = 0;
    std::size_t gap_end = 0;
  };
  gapped_match longest_gapped(const tokenized_text& t, std::size_t pos, std::size_t end,
                              std::size_t max_gap) const {
    gapped_match best;
    const std::uint32_t* ids = token_ids(t, *vocab_);
    const auto head = pos < end ? step(0, ids[pos]) : std::nullopt;
    if (!head) return best;
    // Every split point after the head: skip g tokens, then walk the rest contiguously.
    // Hyphens inside the gap ("anti-aircraft") do not count as words.
    std::size_t words = 0;
    for (std::size_t g = 1; words < max_gap && pos + 1 + g < end; ++g) {
      const token& skipped = t.tokens[pos + g];
      const bool hyphen = t.key(skipped) == "-";
      if (skipped.kind != token_kind::word && skipped.kind != token_kind::number && !hyphen) break;
      if (!hyphen) ++words;
      std::uint32_t node = *head;
      for (std::size_t i = pos + 1 + g; i < end; ++i) {
        const auto next = step(node, ids[i]);
        if (!next) break;
        node = *next;
        for (const auto& h : hits_[node]) {
          if (h.caps_only) continue;
          if (i + 1 - pos > best.length) best = {i + 1 - pos, &h, pos + 1, pos + 1 + g};
          break;
        }
      }
    }
    return best;
  }

  template <typename Accept>
  std::pair<std::size_t, const hit*> longest(const tokenized_text& t, std::size_t pos,
                                             std::size_t end, Accept accept) const {
    const match m = longest_with_all(t, pos, end, accept);
    return {m.length, m.h};
  }

  std::size_t phrases() const { return phrases_; }

 private:
  vocabulary* vocab_;
  edge_table edges_;
  std::vector<std::vector<hit>> hits_;
  std::size_t phrases_ = 0;

  std::optional<std::uint32_t> step(std::uint32_t node, std::uint32_t token) const {
    if (token == vocabulary::none) return std::nullopt;
    const std::uint32_t* child = edges_.find((std::uint64_t{node} << 32) | token);
    if (!child) return std::nullopt;
    return *child;
  }
};

// An acronym: at least two letters, all of them capitals ("US", "U.N.", "SDF").
bool is_acronym(std::string_view phrase) {
  std::size_t letters = 0;
  for (char c : phrase) {
    if (detail::is_lower(c)) return false;
    if (detail::is_upper(c)) ++letters;
  }
  return letters >= 2 && letters <= 6;
}

struct entry_line {
  std::size_t number = 0;
  std::string key;
  std::vector<std::string> phrases;
  std::vector<std::pair<std::string, std::vector<std::string>>> tags;

  const std::vector<std::string>* tag(std::string_view name) const {
    for (const auto& [k, v] : tags)
      if (k == name) return &v;
    return nullptr;
  }
};

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      const std::string_view part = detail::trim(s.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

// Reads `KEY = a | b ; tag = c | d` lines.
std::vector<entry_line> read_entries(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw extract_error("cannot open dictionary " + file.string());
  std::vector<entry_line> out;
  std::string line;
  std::size_t number = 0;
  const auto bad = [&](const std::string& why) {
    return extract_error(file.string() + ':' + std::to_string(number) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    const std::string_view l = detail::trim(line);
    if (l.empty()) continue;
    entry_line e;
    e.number = number;
    bool first = true;
    for (const auto& field : split_list(l, ';')) {
      const auto eq = field.find('=');
      if (eq == std::string::npos) throw bad("expected 'KEY = phrase | phrase' in '" + field + "'");
      const std::string key{detail::trim(std::string_view(field).substr(0, eq))};
      auto values = split_list(std::string_view(field).substr(eq + 1), '|');
      if (key.empty()) throw bad("empty key");
      if (values.empty()) throw bad("no phrases for '" + key + "'");
      if (first) {
        e.key = key;
        e.phrases = std::move(values);
        first = false;
      } else {
        e.tags.emplace_back(detail::lower(key), std::move(values));
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

bool all_upper_alnum(std::string_view s) {
  for (char c : s)
    if (!detail::is_upper(c) && !detail::is_digit(c)) return false;
  return !s.empty();
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!detail::is_digit(c)) return false;
  return !s.empty();
}

bool consonant(char c) { return detail::is_alpha(c) && std::string_view("aeiou").find(detail::to_lower(c)) == std::string_view::npos; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::vector<std::string> verb_forms(std::string_view head) {
  auto parts = split_list(head, '/');
  std::vector<std::string> forms;
  if (parts.empty()) return forms;
  const std::string base = parts[0];
  forms.push_back(base);
  const std::size_t n = base.size();
  const bool cy = n >= 2 && base[n - 1] == 'y' && consonant(base[n - 2]);
  // Third person singular.
  if (ends_with(base, "s") || ends_with(base, "x") || ends_with(base, "z") || ends_with(base, "ch") ||
      ends_with(base, "sh") || (n >= 2 && base[n - 1] == 'o' && consonant(base[n - 2])))
    forms.push_back(base + "es");
  else if (cy)
    forms.push_back(base.substr(0, n - 1) + "ies");
  else
    forms.push_back(base + "s");
  // Past and participle.
  if (ends_with(base, "e")) forms.push_back(base + "d");
  else if (cy) forms.push_back(base.substr(0, n - 1) + "ied");
  else forms.push_back(base + "ed");
  // Gerund.
  if (ends_with(base, "ie")) forms.push_back(base.substr(0, n - 2) + "ying");
  else if (ends_with(base, "e") && !ends_with(base, "ee") && !ends_with(base, "ye") && !ends_with(base, "oe") && n > 2)
    forms.push_back(base.substr(0, n - 1) + "ing");
  else forms.push_back(base + "ing");
  for (std::size_t i = 1; i < parts.size(); ++i) forms.push_back(parts[i]);
  return forms;
}

struct dictionaries::impl {
  impl() = default;
  impl(const impl&) = delete;  // the tries point at `vocab`: an impl never moves
  impl& operator=(const impl&) = delete;

  vocabulary vocab;  // before the tries, which keep a pointer to it
  token_trie actor_trie{vocab};
  token_trie verb_trie{vocab};
  std::vector<actor_entry> actors;
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> actor_index;
  std::vector<std::string> roles;
  std::vector<std::string> role_labels;  // the first phrase of each role's first line
  std::vector<verb_entry> verbs;
  token_trie grammar_trie{vocab};
  std::vector<std::uint32_t> class_starts;  // by vocabulary id: the word classes a phrase of which starts with it
  struct one_word {
    std::string key;
    std::uint32_t entry;
    phrase_kind kind;
  };
  std::vector<one_word> one_word_countries;  // for near_country()
  token_trie issue_trie{vocab};
  std::vector<std::string> issue_keys;
  std::vector<std::string> issue_labels;
  core::cameo_table cameo;

  void load_issues(const fs::path& file) {
    for (const auto& e : read_entries(file)) {
      const auto index = static_cast<std::uint32_t>(issue_keys.size());
      issue_keys.push_back(e.key);
      issue_labels.push_back(e.phrases.front());
      for (const auto& p : e.phrases) issue_trie.insert(phrase_keys(p), {index, phrase_kind::name, is_acronym(p)});
    }
  }

  void load_grammar(const fs::path& file) {
    static constexpr std::pair<std::string_view, word_class> classes[] = {
        {"REPORTING", word_class::reporting}, {"LOCATIVE", word_class::locative},
        {"PLACE", word_class::place},         {"NEGATION", word_class::negation},
        {"SUBORDINATOR", word_class::subordinator}, {"PRONOUN", word_class::pronoun},
        {"PARTICLE", word_class::particle},   {"NOT_NAME", word_class::not_name},
        {"FUNCTION", word_class::function},   {"SYMMETRIC", word_class::symmetric},
        {"OPPOSE", word_class::oppose},       {"SUPPORT", word_class::support},
        {"JUDGE", word_class::judge},         {"RANK", word_class::rank},
    };
    for (const auto& e : read_entries(file)) {
      const auto* c = std::find_if(std::begin(classes), std::end(classes),
                                   [&](const auto& p) { return p.first == e.key; });
      if (c == std::end(classes))
        throw extract_error(file.string() + ':' + std::to_string(e.number) + ": unknown word class '" +
                            e.key + "'");
      for (const auto& p : e.phrases) {
        auto keys = phrase_keys(p);
        if (keys.empty()) continue;
        const std::uint32_t first = vocab.intern(keys.front());
        if (class_starts.size() <= first) class_starts.resize(first + 1, 0);
        class_starts[first] |= 1U << static_cast<unsigned>(c->second);
        grammar_trie.insert(keys, {static_cast<std::uint32_t>(c->second), phrase_kind::name, false});
      }
    }
  }

  // A code twice in one file is a mistake; a code an earlier source (another file, or a
  // PETRARCH dictionary) already has gains this file's phrases.
  std::uint32_t add_actor(actor_entry e, const fs::path& file, std::size_t line,
                          std::unordered_map<std::string, std::size_t>& seen_in_file) {
    if (e.kind != core::actor_kind::person) {
      const auto [it, fresh] = seen_in_file.emplace(e.code, line);
      if (!fresh)
        throw extract_error(file.string() + ':' + std::to_string(line) + ": duplicate code " + e.code +
                            " (first on line " + std::to_string(it->second) + ")");
    }
    return add_actor(std::move(e));
  }

  std::uint32_t add_actor(actor_entry e) {
    if (e.kind != core::actor_kind::person) {
      if (auto it = actor_index.find(e.code); it != actor_index.end()) return it->second;
    }
    const auto index = static_cast<std::uint32_t>(actors.size());
    if (e.kind != core::actor_kind::person) actor_index.emplace(e.code, index);
    actors.push_back(std::move(e));
    return index;
  }

  std::uint32_t role_index(std::string_view role, std::string_view label) {
    std::uint32_t index = 0;
    while (index < roles.size() && roles[index] != role) ++index;
    if (index == roles.size()) {
      roles.emplace_back(role);
      role_labels.emplace_back(label);
    }
    return index;
  }

  // People with date-bounded roles: `SYRGOV = Bashar al-Assad | Assad ; from = 2000-07-17`.
  void load_leaders(const fs::path& file) {
    for (const auto& e : read_entries(file)) {
      const auto bad = [&](const std::string& why) {
        return extract_error(file.string() + ':' + std::to_string(e.number) + ": " + why);
      };
      if (!all_upper_alnum(e.key) || e.key.size() < 3) throw bad("code '" + e.key + "' must be capital letters");
      actor_entry a;
      a.code = e.key;
      a.name = e.phrases.front();
      a.kind = core::actor_kind::person;
      if (e.key.rfind("IGO", 0) != 0 && e.key.size() >= 3) a.country = e.key.substr(0, 3);
      if (const auto* known = find(e.key)) {
        if (known->kind != core::actor_kind::country) a.country = known->country;
      }
      a.role = e.key.size() >= 6 && e.key.rfind("IGO", 0) != 0 ? e.key.substr(3, 3) : "";
      for (const auto& [tag, values] : e.tags) {
        if (tag == "from" || tag == "to") {
          auto d = core::parse_iso_day(values.front());
          if (!d) throw bad("'" + values.front() + "' is not a date YYYY-MM-DD");
          (tag == "from" ? a.from : a.to) = d;
        } else if (tag != "role") {
          throw bad("unknown tag '" + tag + "'");
        }
      }
      if (a.from && a.to && *a.to < *a.from) throw bad("'to' is before 'from'");
      const std::uint32_t index = add_actor(std::move(a));
      add_phrases(e.phrases, index, phrase_kind::name);
    }
  }

  const actor_entry* find(std::string_view code) const {
    const auto it = actor_index.find(code);
    return it == actor_index.end() ? nullptr : &actors[it->second];
  }

  void add_phrases(const std::vector<std::string>& phrases, std::uint32_t entry, phrase_kind kind) {
    for (const auto& p : phrases) {
      auto keys = phrase_keys(p);
      // An agent's `entry` is a role index, not an actor's.
      if (kind != phrase_kind::agent && keys.size() == 1 && keys.front().size() >= 5 &&
          actors[entry].kind == core::actor_kind::country)
        one_word_countries.push_back({keys.front(), entry, kind});
      actor_trie.insert(std::move(keys), {entry, kind, is_acronym(p)});
    }
  }

  void load_actor_file(const fs::path& file, core::actor_kind kind) {
    std::unordered_map<std::string, std::size_t> seen_in_file;
    for (const auto& e : read_entries(file)) {
      const auto bad = [&](const std::string& why) {
        return extract_error(file.string() + ':' + std::to_string(e.number) + ": " + why);
      };
      if (!all_upper_alnum(e.key)) throw bad("code '" + e.key + "' must be capital letters");
      actor_entry a;
      a.code = e.key;
      a.name = e.phrases.front();
      a.kind = kind;
      if (kind == core::actor_kind::country) {
        if (e.key.size() != 3) throw bad("country code '" + e.key + "' must have 3 letters");
        a.country = e.key;
      } else {
        if (const auto* c = e.tag("country")) a.country = c->front();
        if (const auto* r = e.tag("role")) a.role = r->front();
        else if (kind == core::actor_kind::igo) a.role = "IGO";
        if (kind == core::actor_kind::organisation) {
          // institutions.txt: the code is country + role ("USAMIL" for the Pentagon).
          if (e.key.size() < 6) throw bad("institution code '" + e.key + "' must be a country and a role");
          if (a.country.empty()) a.country = e.key.substr(0, 3);
          if (a.role.empty()) a.role = e.key.substr(3);  // one role or two: USAGOVMIL
        }
      }
      for (const auto& [tag, values] : e.tags)
        if (tag != "adj" && tag != "gov" && tag != "country" && tag != "role" && tag != "kind")
          throw bad("unknown tag '" + tag + "'");
      const std::uint32_t index = add_actor(std::move(a), file, e.number, seen_in_file);
      add_phrases(e.phrases, index, phrase_kind::name);
      if (const auto* adj = e.tag("adj")) add_phrases(*adj, index, phrase_kind::adjective);
      if (const auto* gov = e.tag("gov")) add_phrases(*gov, index, phrase_kind::government);
    }
  }

  // Sub-national places: `MMR = Rakhine | Arakan`. A place stands for its country the way a
  // demonym does ("Rakhine rebels" -> MMRREB, "Idlib residents" -> SYRCVL; "in Rakhine" is a
  // place), so each phrase is an adjective phrase of the country entry.
  void load_regions(const fs::path& file) {
    for (const auto& e : read_entries(file)) {
      const auto bad = [&](const std::string& why) {
        return extract_error(file.string() + ':' + std::to_string(e.number) + ": " + why);
      };
      if (!e.tags.empty()) throw bad("unknown tag '" + e.tags.front().first + "'");
      const auto it = actor_index.find(e.key);
      if (it == actor_index.end() || actors[it->second].kind != core::actor_kind::country)
        throw bad("'" + e.key + "' is not a country code of countries.txt");
      add_phrases(e.phrases, it->second, phrase_kind::adjective);
    }
  }

  void load_agents(const fs::path& file) {
    for (const auto& e : read_entries(file)) {
      if ((e.key.size() != 3 && e.key.size() != 6) || !all_upper_alnum(e.key))
        throw extract_error(file.string() + ':' + std::to_string(e.number) + ": role '" + e.key +
                            "' must be a CAMEO role code of 3 letters (or two of them: GOVMED)");
      add_phrases(e.phrases, role_index(e.key, e.phrases.front()), phrase_kind::agent);
    }
  }

  void load_verbs(const fs::path& file) {
    for (const auto& e : read_entries(file)) {
      const auto bad = [&](const std::string& why) {
        return extract_error(file.string() + ':' + std::to_string(e.number) + ": " + why);
      };
      if (!all_digits(e.key) || e.key.size() < 2 || e.key.size() > 4 || !cameo.find(e.key))
        throw bad("'" + e.key + "' is not a CAMEO code in cameo_codes.tsv");
      for (const auto& p : e.phrases) {
        try {
          add_verb_pattern(e.key, p);
        } catch (const extract_error& err) {
          throw bad(err.what());
        }
      }
    }
  }

  void add_verb_pattern(std::string_view code, std::string_view p) {
    if (p.empty()) throw extract_error("empty pattern");
    verb_entry v;
    v.code = std::string(code);
    v.pattern = std::string(p);
    v.literal = p.front() == '!';
    const auto index = static_cast<std::uint32_t>(verbs.size());
    verbs.push_back(v);
    if (v.literal) {
      const auto keys = phrase_keys(p.substr(1));
      if (keys.empty()) throw extract_error("empty pattern");
      verb_trie.insert(keys, {index, phrase_kind::name, false});
      return;
    }
    const std::size_t space = p.find(' ');
    const std::string_view head = p.substr(0, space);
    const std::string rest = space == std::string_view::npos ? "" : std::string(p.substr(space));
    if (rest.find('/') != std::string::npos)
      throw extract_error("only the first word may list forms: '" + std::string(p) + "'");
    const auto tail = phrase_keys(rest);  // the literal words after the verb, keyed once
    for (const auto& form : verb_forms(head)) {
      auto keys = phrase_keys(form);
      if (keys.empty()) throw extract_error("empty pattern");
      keys.insert(keys.end(), tail.begin(), tail.end());
      verb_trie.insert(keys, {index, phrase_kind::name, false});
    }
  }

  void load_grammar_and_cameo(const fs::path& dir) {
    try {
      cameo = core::cameo_table::load(dir / "cameo_codes.tsv");
    } catch (const core::core_error& e) {
      throw extract_error(e.what());
    }
    load_grammar(dir / "grammar.txt");
    if (fs::exists(dir / "issues.txt")) load_issues(dir / "issues.txt");
  }

  void load_diplograph(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw extract_error("dictionary directory " + dir.string() + " not found");
    // Order matters where a phrase means two things: the earlier file wins.
    load_actor_file(dir / "igos.txt", core::actor_kind::igo);
    load_actor_file(dir / "groups.txt", core::actor_kind::armed_group);
    load_actor_file(dir / "countries.txt", core::actor_kind::country);
    if (fs::exists(dir / "institutions.txt")) load_actor_file(dir / "institutions.txt", core::actor_kind::organisation);
    if (fs::exists(dir / "leaders.txt")) load_leaders(dir / "leaders.txt");
    if (fs::exists(dir / "regions.txt")) load_regions(dir / "regions.txt");
    load_agents(dir / "agents.txt");
    load_verbs(dir / "verbs.txt");
  }
};

dictionaries::dictionaries() : impl_(std::make_unique<impl>()) {}
dictionaries::dictionaries(dictionaries&&) noexcept = default;
dictionaries& dictionaries::operator=(dictionaries&&) noexcept = default;
dictionaries::~dictionaries() = default;

fs::path dictionaries::default_directory() {
  if (const char* env = std::getenv("DIPLOGRAPH_DICT_DIR"); env && *env) return env;
  return DIPLOGRAPH_DEFAULT_DICTIONARY_DIR;
}

dictionaries dictionaries::load(const fs::path& dir) {
  return load({dictionary_source{dir, dictionary_format::diplograph}}, dir);
}

dictionaries dictionaries::load(const std::vector<dictionary_source>& sources, const fs::path& grammar_dir) {
  dictionary_builder b;
  std::error_code ec;
  if (!fs::is_directory(grammar_dir, ec))
    throw extract_error("dictionary directory " + grammar_dir.string() + " not found");
  b.load_grammar_and_cameo(grammar_dir);
  for (const auto& s : sources) {
    if (s.format == dictionary_format::petrarch) b.load_petrarch(s.directory);
    else if (s.format == dictionary_format::tabari) b.load_tabari(s.directory);
    else b.load_diplograph(s.directory);
  }
  return std::move(b).build();
}

dictionary_builder::dictionary_builder() : impl_(std::make_unique<dictionaries::impl>()) {}
dictionary_builder::~dictionary_builder() = default;
dictionary_builder::dictionary_builder(dictionary_builder&&) noexcept = default;
dictionary_builder& dictionary_builder::operator=(dictionary_builder&&) noexcept = default;

void dictionary_builder::load_grammar_and_cameo(const fs::path& dir) { impl_->load_grammar_and_cameo(dir); }
void dictionary_builder::load_diplograph(const fs::path& dir) { impl_->load_diplograph(dir); }
std::uint32_t dictionary_builder::add_actor(actor_entry e) { return impl_->add_actor(std::move(e)); }
void dictionary_builder::add_actor_phrase(std::string_view phrase, std::uint32_t entry, phrase_kind kind) {
  impl_->actor_trie.insert(phrase_keys(phrase), {entry, kind, is_acronym(phrase)});
}
void dictionary_builder::add_agent_phrase(std::string_view phrase, std::string_view role) {
  const std::uint32_t index = impl_->role_index(role, phrase);
  impl_->actor_trie.insert(phrase_keys(phrase), {index, phrase_kind::agent, is_acronym(phrase)});
}
void dictionary_builder::add_verb_pattern(std::string_view code, std::string_view pattern) {
  if (!impl_->cameo.find(code)) throw extract_error("'" + std::string(code) + "' is not a CAMEO code");
  impl_->add_verb_pattern(code, pattern);
}
const core::cameo_table& dictionary_builder::cameo() const { return impl_->cameo; }

dictionaries dictionary_builder::build() && {
  dictionaries d;
  d.impl_ = std::move(impl_);
  impl_ = std::make_unique<dictionaries::impl>();
  return d;
}

namespace {

// Optimal string alignment distance of at most one: equal, one substitution, insertion or
// deletion, or two neighbouring letters swapped.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // b has one letter more
}

}  // namespace

actor_match dictionaries::near_country(std::string_view key) const {
  actor_match best;
  if (key.size() < 6) return best;
  std::optional<std::uint32_t> found;
  for (const auto& w : impl_->one_word_countries) {
    if (!within_one_edit(key, w.key)) continue;
    if (found && *found != w.entry) return actor_match{};  // two countries are that close: no guess
    found = w.entry;
    best.length = 1;
    best.entry = w.entry;
    best.kind = w.kind;
  }
  return best;
}

actor_match dictionaries::match_actor(const tokenized_text& t, std::size_t pos, std::size_t end,
                                      std::optional<core::calendar_day> on) const {
  const auto& actors = impl_->actors;
  const auto m = impl_->actor_trie.longest_with_all(t, pos, end, [](const hit&) { return true; });
  const std::size_t length = m.length;
  const hit* h = m.h;
  if (!h) return {};
  if (h->kind != phrase_kind::agent && actors[h->entry].dated()) {
    // Among the people this phrase names, the one in office on the date; else the latest
    // earlier term; else the first listed.
    const hit* best = h;
    const hit* former = nullptr;
    for (const auto& other : *m.all) {
      if (other.kind == phrase_kind::agent) continue;
      const actor_entry& e = actors[other.entry];
      if (!e.dated()) continue;
      if (!on) {
        // No date: the latest term.
        const actor_entry& b = actors[best->entry];
        if (e.from && (!b.from || *b.from < *e.from)) best = &other;
        continue;
      }
      if (e.holds_on(*on)) {
        best = &other;
        former = nullptr;
        break;
      }
      if (e.to && *e.to < *on && (!former || *actors[former->entry].to < *e.to)) former = &other;
    }
    if (on && !actors[best->entry].holds_on(*on) && former) best = former;
    h = best;
  }
  return {length, h->kind, h->entry};
}

verb_match dictionaries::match_verb(const tokenized_text& t, std::size_t pos, std::size_t end) const {
  auto [length, h] = impl_->verb_trie.longest(t, pos, end, [](const hit&) { return true; });
  if (!h) return {};
  return {length, h->entry};
}

std::size_t dictionaries::match_class(const tokenized_text& t, std::size_t pos, std::size_t end,
                                      word_class c) const {
  // Most calls ask about a word no phrase of the class starts with: answer those from one bit.
  if (pos >= end) return 0;
  const std::uint32_t first = token_ids(t, impl_->vocab)[pos];
  if (first >= impl_->class_starts.size() || !(impl_->class_starts[first] & (1U << static_cast<unsigned>(c))))
    return 0;
  return impl_->grammar_trie
      .longest(t, pos, end, [c](const hit& h) { return h.entry == static_cast<std::uint32_t>(c); })
      .first;
}

verb_match dictionaries::match_verb_gapped(const tokenized_text& t, std::size_t pos, std::size_t end,
                                           std::size_t max_gap) const {
  const auto m = impl_->verb_trie.longest_gapped(t, pos, end, max_gap);
  if (!m.h) return {};
  return {m.length, m.h->entry, m.gap_begin, m.gap_end};
}

issue_match dictionaries::match_issue(const tokenized_text& t, std::size_t pos, std::size_t end) const {
  auto [length, h] = impl_->issue_trie.longest(t, pos, end, [](const hit&) { return true; });
  if (!h) return {};
  return {length, h->entry};
}
const std::string& dictionaries::issue_key(std::uint32_t issue) const { return impl_->issue_keys.at(issue); }
const std::string& dictionaries::issue_label(std::uint32_t issue) const { return impl_->issue_labels.at(issue); }

const std::vector<actor_entry>& dictionaries::actors() const { return impl_->actors; }
const std::vector<verb_entry>& dictionaries::verbs() const { return impl_->verbs; }
const std::string& dictionaries::role(std::uint32_t index) const { return impl_->roles.at(index); }
const std::string& dictionaries::role_label(std::string_view role) const {
  static const std::string none;
  for (std::size_t i = 0; i < impl_->roles.size(); ++i)
    if (impl_->roles[i] == role) return impl_->role_labels[i];
  return none;
}

const core::cameo_table& dictionaries::cameo() const { return impl_->cameo; }
std::size_t dictionaries::phrase_count() const {
  return impl_->actor_trie.phrases() + impl_->verb_trie.phrases();
}

const actor_entry* dictionaries::find_actor(std::string_view code) const { return impl_->find(code); }

}  // namespace diplograph::extract
