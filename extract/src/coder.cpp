#include "diplograph/extract/coder.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "diplograph/extract/sentences.hpp"
#include "diplograph/extract/timex.hpp"

namespace diplograph::extract {
namespace {

using namespace std::string_view_literals;

// A stretch of tokens that names an actor, a person, a place or a role without a country.
struct mention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<core::actor> actor;  // resolved actor, when known
  bool location = false;             // a place ("in Geneva", "the Syrian city")
  bool pronoun = false;              // he/she: resolved through the last speaker
  bool person = false;
  bool role_only = false;            // "officials", "the government": a role with no country yet
  std::string role;                  // the role word's code, for role-only mentions
  bool bare_adjective = false;       // "Russian" alone, waiting for a role ("Russian and Belarusian soldiers")
  bool role_word = false;            // the role came from a word in the text ("minister"), not a capital
  // A known office holder: their dictionary entry and title, to code them again on an event
  // date other than the reference time ("In 2012, Barack Obama criticised Russia").
  std::uint32_t person_entry = static_cast<std::uint32_t>(-1);
  std::string title_role;
  bool usable() const { return actor && !location; }
};

struct verb_hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t entry = 0;
  bool reporting = false;
  bool modifier = false;  // a hyphenated participle: "U.S.-backed"
};

// One chain piece: a dictionary phrase inside a composed actor phrase.
struct piece {
  phrase_kind kind;
  std::uint32_t entry;
};

class article_coder {
 public:
  article_coder(const core::article& a, const dictionaries& d, const tokenized_text& t,
                std::vector<timex> times = {})
      : a_(a), d_(d), t_(t), times_(std::move(times)) {
    if (a.published) date_ = core::dated{*a.published, core::date_precision::day};
  }

  void code(std::size_t index, const sentence& s, std::vector<core::event>& out) {
    sentence_ = &s;
    index_ = index;
    find_mentions();
    find_verbs();
    if (!trace_) {
      assemble(out);
      return;
    }
    begin_trace();
    const std::size_t events_before = out.size(), stances_before = stances_.size();
    assemble(out);
    end_trace(std::vector<core::event>(out.begin() + static_cast<std::ptrdiff_t>(events_before), out.end()),
              stances_before);
  }

  // When set, code() records what it saw and why into *trace (explain_events).
  void trace_into(sentence_trace* trace) { trace_ = trace; }

  // What a short actor phrase names (`diplograph actor`): the mention that covers most of it.
  // A phrase with no coded actor takes its role from a role word and its country from any
  // place in it ("professor ... at a university in Scotland" -> GBREDU). People and groups we
  // cannot identify ("20 men", "he", "occupiers") have the role UNK.
  actor_resolution resolve_phrase(const sentence& s) {
    sentence_ = &s;
    index_ = 0;
    find_mentions();
    actor_resolution r;
    const mention* best = nullptr;
    // The longest coded mention; among equals the later one, the head of the phrase ("crowd
    // control police"). A place counts only when nothing else is there ("in Kenya" is where
    // the professor is, "Kenya" alone is the country).
    for (const bool places : {false, true}) {
      for (const auto& m : mentions_) {
        if (m.location && (!places || !m.actor)) continue;
        if (!best || (m.actor && !best->actor) ||
            (static_cast<bool>(m.actor) == static_cast<bool>(best->actor) && m.end - m.begin >= best->end - best->begin))
          best = &m;
      }
      if (best) break;
    }
    const auto add_roles = [&](std::string_view role) {
      for (std::size_t i = 0; i + 3 <= role.size(); i += 3) r.roles.emplace_back(role.substr(i, 3));
    };
    if (best && best->actor && !best->actor->code.empty()) {
      r.actor = best->actor;
      const std::string& code = best->actor->code;
      for (std::size_t i = 3; i + 3 <= code.size(); i += 3) {
        const std::string chunk = code.substr(i, 3);
        if (!d_.role_label(chunk).empty()) r.roles.push_back(chunk);
      }
      if (r.roles.empty()) add_roles(best->role);  // "the EU legislature"
      if (r.roles.empty()) {
        if (const auto* e = d_.find_actor(code); e && e->role != "IGO") add_roles(e->role);
      }
      return r;
    }
    if (!best) {
      // Nothing matched: a misspelt country word ("Kazahks") when it is one edit from one country.
      for (std::size_t i = s.first_token; i < s.end_token(); ++i) {
        if (!is_word(i) || !t_.tokens[i].capitalised) continue;
        const actor_match near = d_.near_country(key(i));
        if (near.length == 0) continue;
        r.actor = country_actor(d_.actors()[near.entry], near.kind == phrase_kind::government ? "GOV" : "");
        if (near.kind == phrase_kind::government) r.roles.emplace_back("GOV");
        return r;
      }
    }
    if (best) r.actor = best->actor;  // a named person we have no code for
    std::string role = best ? best->role : std::string();
    for (const auto& m : mentions_)
      if (role.empty() && m.role_only && !m.role.empty()) role = m.role;
    const actor_entry* country = nullptr;
    for (const auto& m : mentions_) {
      if (country || !m.actor || m.actor->country.empty()) continue;
      if (const actor_entry* c = d_.find_actor(m.actor->country); c && c->kind == core::actor_kind::country)
        country = c;
    }
    if (country && !role.empty()) {
      core::actor composed = country_actor(*country, role);
      if (r.actor && r.actor->kind == core::actor_kind::person) composed.name = r.actor->name;
      r.actor = std::move(composed);
    }
    add_roles(role);
    if (r.roles.empty() && !r.actor && unidentified_people(s)) r.roles.emplace_back("UNK");
    return r;
  }

 private:
  const core::article& a_;
  const dictionaries& d_;
  const tokenized_text& t_;
  core::dated date_;                 // the reference time: the publication date
  std::vector<timex> times_;         // the article's time expressions, in text order
  core::span clause_{};              // bytes of the clause being coded, and its verb
  std::size_t verb_byte_ = 0;
  const sentence* sentence_ = nullptr;
  std::size_t index_ = 0;
  std::vector<mention> mentions_;
  std::vector<verb_hit> verbs_;
  std::unordered_map<std::string, std::optional<core::actor>> people_;
  // The last person named in each role ("GOV" -> Syria government): "the minister" later on.
  std::unordered_map<std::string, core::actor> last_person_in_role_;
 public:
  std::vector<core::stance> stances_;  // collected over the article
 private:
  std::optional<core::actor> last_speaker_;
  sentence_trace* trace_ = nullptr;
  std::size_t trace_verb_ = static_cast<std::size_t>(-1);  // the verb being coded, for why()

  // ---------------------------------------------------------------- explain

  core::span token_span(std::size_t b, std::size_t e) const {
    return {t_.tokens[b].where.begin, t_.tokens[e - 1].where.end};
  }

  void begin_trace() {
    sentence_trace& tr = *trace_;
    tr = sentence_trace{};
    tr.index = index_;
    tr.where = sentence_->where;
    for (const auto& m : mentions_) {
      sentence_trace::actor_note n;
      n.where = token_span(m.begin, m.end);
      n.actor = m.actor;
      n.role = m.role;
      n.status = m.pronoun ? (m.actor ? "pronoun: the last named speaker" : "pronoun with no speaker yet: not coded")
                 : m.location ? "place: not an actor"
                 : m.role_only && !m.actor ? "role without a country or organisation: not coded"
                 : m.bare_adjective ? "nationality adjective"
                 : m.person ? (m.actor && !m.actor->code.empty() ? "person" : "person with no code: kept by name")
                 : "actor";
      tr.actors.push_back(std::move(n));
    }
    for (const auto& x : times_)
      if (x.where.begin >= sentence_->where.begin && x.where.end <= sentence_->where.end) tr.times.push_back(x);
    for (const auto& v : verbs_) {
      sentence_trace::verb_note n;
      n.where = token_span(v.begin, v.end);
      n.reporting = v.reporting;
      if (!v.reporting) {
        n.code = d_.verbs()[v.entry].code;
        n.pattern = d_.verbs()[v.entry].pattern;
      } else {
        n.outcomes.emplace_back("reporting verb: its subject is the speaker of the clause it reports");
      }
      tr.verbs.push_back(std::move(n));
    }
  }

  void end_trace(std::vector<core::event> events, std::size_t stances_before) {
    sentence_trace& tr = *trace_;
    for (auto& v : tr.verbs)
      if (v.outcomes.empty()) v.outcomes.emplace_back("no event: the verb lies outside every clause that was coded");
    tr.events = std::move(events);
    tr.stances.assign(stances_.begin() + static_cast<std::ptrdiff_t>(stances_before), stances_.end());
  }

  // Records why verb `vi` gave no event (or what it gave) when tracing.
  void why(std::size_t vi, std::string reason) const {
    if (trace_ && vi < trace_->verbs.size()) trace_->verbs[vi].outcomes.push_back(std::move(reason));
  }
  // The same, unless an outcome is already recorded for the verb (a more precise reason).
  void why_if_silent(std::size_t vi, std::string reason) const {
    if (trace_ && vi < trace_->verbs.size() && trace_->verbs[vi].outcomes.empty()) why(vi, std::move(reason));
  }

  // ---------------------------------------------------------------- tokens

  std::string_view key(std::size_t i) const { return t_.key(t_.tokens[i]); }
  std::string_view raw(std::size_t i) const {
    const auto& w = t_.tokens[i].where;
    return std::string_view(a_.text).substr(w.begin, w.end - w.begin);
  }
  std::size_t end() const { return sentence_->end_token(); }
  std::optional<core::calendar_day> on() const {
    return date_.known() ? std::optional<core::calendar_day>{date_.value} : std::nullopt;
  }
  std::size_t begin() const { return sentence_->first_token; }
  bool is(std::size_t i, word_class c) const { return i < end() && d_.match_class(t_, i, end(), c) > 0; }
  bool is_word(std::size_t i) const { return i < end() && t_.tokens[i].kind == token_kind::word; }
  bool punct(std::size_t i, std::string_view p) const {
    return i < end() && t_.tokens[i].kind != token_kind::word && raw(i) == p;
  }
  bool quote(std::size_t i) const {
    return i < end() && (t_.tokens[i].kind == token_kind::open_quote ||
                         t_.tokens[i].kind == token_kind::close_quote);
  }
  bool preposition(std::size_t i) const {
    const auto k = key(i);
    return k == "of"sv || k == "for"sv || k == "by"sv || k == "from"sv || k == "about"sv ||
           k == "against"sv || k == "on"sv || k == "at"sv;
  }
  static constexpr std::size_t no_mention = static_cast<std::size_t>(-1);
  static bool reduced_clause_opener(std::string_view w) {
    return w == "unless"sv || w == "if"sv || w == "once"sv || w == "although"sv || w == "though"sv ||
           w == "until"sv || w == "when"sv || w == "as"sv;
  }
  bool possessive_pronoun(std::size_t i) const {
    const auto k = key(i);
    return k == "his"sv || k == "her"sv || k == "its"sv || k == "their"sv || k == "our"sv ||
           k == "my"sv || k == "your"sv;
  }
  bool relative_pronoun(std::size_t i) const {
    const auto k = key(i);
    return k == "which"sv || k == "who"sv || k == "that"sv || k == "whose"sv;
  }
  bool determiner(std::size_t i) const {
    const auto k = key(i);
    return k == "the"sv || k == "a"sv || k == "an"sv;
  }

  // ---------------------------------------------------------------- actors

  core::actor country_actor(const actor_entry& e, std::string_view role) const {
    core::actor a;
    a.country = e.country;
    a.code = e.code + std::string(role);
    a.name = e.name;
    if (!role.empty()) {
      const std::string& label = d_.role_label(role);
      a.name += ' ';
      a.name += label.empty() ? std::string(role) : label;
    }
    a.kind = role.empty() ? core::actor_kind::country
             : (role == "GOV"sv || role == "MIL"sv || role == "COP"sv || role == "JUD"sv ||
                role == "LEG"sv)
                 ? core::actor_kind::government
                 : core::actor_kind::group;
    return a;
  }

  static core::actor entry_actor(const actor_entry& e) {
    core::actor a;
    a.code = e.code;
    a.name = e.name;
    a.country = e.country;
    a.kind = e.kind;
    return a;
  }

  // Composes the pieces of one actor phrase ("French" + "Defence Minister" -> FRAGOV).
  // A person from the leaders dictionary is coded by the office they hold on the event date
  // (Assad -> SYRGOV); before or after their term they are a former office holder (SYRELI).
  // Without a date, the person's latest term decides: ended means former. Before a person's
  // first term the title in the text ("US Senator Marco Rubio") or the country alone codes them.
  std::optional<core::actor> person_actor(const actor_entry& e, const std::string& title_role) const {
    return person_actor_on(e, title_role, date_);
  }
  std::optional<core::actor> person_actor_on(const actor_entry& e, const std::string& title_role,
                                             const core::dated& when) const {
    const bool holds = when.known() ? e.holds_on(when.value) : !e.to;
    const bool ended = when.known() ? (e.to && *e.to < when.value) : e.to.has_value();
    const actor_entry* country = e.country.empty() ? nullptr : d_.find_actor(e.country);
    if (country && country->kind != core::actor_kind::country) country = nullptr;
    if (!holds) {
      if (!country) return std::nullopt;
      if (!title_role.empty() && title_role != "ELI") return country_actor(*country, title_role);
      return country_actor(*country, ended ? "ELI" : "");
    }
    if (const actor_entry* org = d_.find_actor(e.code);
        org && (org->kind == core::actor_kind::igo || org->kind == core::actor_kind::armed_group))
      return entry_actor(*org);
    if (country) return country_actor(*country, e.role);
    core::actor a;
    a.code = e.code;
    a.name = e.name;
    a.kind = core::actor_kind::person;
    return a;
  }

  // "former", "ex-", "retired" before a phrase: a former office holder is an elite (ELI).
  bool former_before(std::size_t i) const {
    for (std::size_t k = i; k > begin() && i - k < 3; --k) {
      const auto w = key(k - 1);
      if (w == "former"sv || w == "ex"sv || w == "retired"sv) return true;
      if (!(w == "-"sv || determiner(k - 1))) return false;
    }
    return false;
  }

  mention resolve(const std::vector<piece>& pieces, bool owner_possessive, bool former,
                  std::string_view rank_role = {}) const {
    mention m;
    std::optional<std::uint32_t> country, org;
    std::string role{rank_role};
    bool government = false;
    for (const auto& p : pieces) {
      if (p.kind == phrase_kind::agent) {
        role = d_.role(p.entry);
        m.role_word = true;
        continue;
      }
      const actor_entry& e = d_.actors()[p.entry];
      if (e.kind == core::actor_kind::person) {
        // A known office holder names the actor, whatever title stands before them.
        m.actor = person_actor(e, role);
        m.person_entry = p.entry;
        m.title_role = role;
        m.person = true;
        m.role_only = !m.actor;
        return m;
      }
      if (e.kind == core::actor_kind::country) {
        if (!country) country = p.entry;
        if (p.kind == phrase_kind::government) government = true;
      } else if (!org) {
        org = p.entry;
      }
    }
    if (former && (!role.empty() || government)) role = "ELI";
    // "Russia's UN ambassador" is Russia's; "Israel's Knesset" is still the Knesset.
    const bool own_institution = org && country &&
                                 d_.actors()[*org].kind == core::actor_kind::organisation &&
                                 d_.actors()[*org].country == d_.actors()[*country].code;
    // Another country's institution name used with a country ("Chile's Defense Department"):
    // the name stands for its role in that country.
    if (org && country && !own_institution && d_.actors()[*org].kind == core::actor_kind::organisation &&
        d_.actors()[*org].code.size() == 6) {
      if (role.empty()) role = d_.actors()[*org].role;
      org.reset();
    }
    if (org && (!(owner_possessive && country) || own_institution)) {
      const actor_entry& o = d_.actors()[*org];
      const actor_entry* home = o.country.empty() ? nullptr : d_.find_actor(o.country);
      if (o.kind == core::actor_kind::organisation && o.code.size() == 6 && home &&
          home->kind == core::actor_kind::country) {
        m.actor = country_actor(*home, role.empty() || role == "GOV" ? o.role : role);  // "the Pentagon"
        role = o.role;
      } else {
        m.actor = entry_actor(o);
      }
    } else if (country) {
      if (role.empty() && government) role = "GOV";
      m.actor = country_actor(d_.actors()[*country], role);
    } else {
      m.role_only = true;
    }
    m.role = role;
    return m;
  }

  // An actor phrase at `i`: dictionary pieces, with up to two modifier words before a role
  // word ("Syrian Arab army", "Syrian chief negotiator"). Returns the mention or nothing.
  std::optional<mention> actor_phrase(std::size_t i) const {
    std::vector<piece> pieces;
    std::size_t j = i;
    bool possessive = false;
    while (j < end()) {
      const actor_match m = d_.match_actor(t_, j, end(), on());
      if (m.length > 0) {
        pieces.push_back({m.kind, m.entry});
        j += m.length;
        if (j < end() && (key(j) == "s"sv) && raw(j).size() >= 2 && pieces.size() == 1 &&
            m.kind != phrase_kind::agent) {
          possessive = true;  // "Russia's UN ambassador"
          ++j;
        }
        if (j + 1 < end() && punct(j, "-") && !t_.tokens[j].space_before &&
            (key(j + 1) == "based"sv || key(j + 1) == "led"sv) &&
            pieces.size() == 1 && m.kind != phrase_kind::agent && j + 2 < end() &&
            d_.match_actor(t_, j + 2, end()).kind == phrase_kind::agent &&
            d_.match_actor(t_, j + 2, end()).length > 0) {
          possessive = true;  // "a Somalia-based paramilitary group", "the Saudi-led coalition" are theirs
          j += 2;
          continue;
        }
        if (j < end() && punct(j, "-") && !t_.tokens[j].space_before && j + 1 < end() &&
            !t_.tokens[j + 1].space_before) {
          // "U.S.-backed": the hyphen ends the phrase; the participle follows.
          break;
        }
        continue;
      }
      if (pieces.empty() || pieces.back().kind == phrase_kind::agent) break;
      // Up to two modifiers between an adjective (or an organisation) and a role word:
      // "Syrian chief negotiator", "U.N. Syria humanitarian advisor", "Syrian Arab army".
      const piece& last = pieces.back();
      const bool modifiable = last.kind == phrase_kind::adjective || possessive ||
                              d_.actors()[last.entry].kind != core::actor_kind::country;
      std::size_t k = j;
      bool joined = false;
      const auto modifier_word = [&](std::size_t w) {
        const std::string_view kw = key(w);
        return is_word(w) && !is(w, word_class::reporting) && !is(w, word_class::place) &&
               !is(w, word_class::function) && !is(w, word_class::negation) &&
               d_.match_verb(t_, w, end()).length == 0 &&
               !(kw.size() > 4 && kw.substr(kw.size() - 3) == "ing"sv);
      };
      for (int skip = 0; modifiable && skip < 2 && k < end() && modifier_word(k); ++skip) {
        ++k;
        const actor_match next = d_.match_actor(t_, k, end());
        if (next.length > 0 && next.kind == phrase_kind::agent) {
          j = k;
          joined = true;
          break;
        }
      }
      if (!joined) break;
    }
    if (pieces.empty()) return std::nullopt;
    // A rank before a known person is their title ("Lt. Gen. Muhoozi Kainerugaba" before his term).
    const bool ranked = rank_before(i) < i;
    mention m = resolve(pieces, possessive, former_before(i), ranked ? "MIL" : "");
    m.begin = i;
    m.end = j;
    m.bare_adjective = pieces.size() == 1 && pieces.front().kind == phrase_kind::adjective;
    // "the Syrian city of Raqqa", "Syrian territory": a place, not an actor.
    const bool agentless = std::none_of(pieces.begin(), pieces.end(),
                                        [](const piece& p) { return p.kind == phrase_kind::agent; });
    if (agentless && j < end() && is(j, word_class::place)) m.location = true;
    // "the Tabqa dam", "Iranian nuclear sites": a nationality or place before a common noun that
    // is neither a role nor an event noun describes a thing, not an actor.
    if (m.bare_adjective && j < end() && is_word(j) && !t_.tokens[j].capitalised && !is(j, word_class::function) &&
        !is(j, word_class::reporting) && !is(j, word_class::negation) && d_.match_verb(t_, j, end()).length == 0 &&
        d_.match_verb_gapped(t_, j, end(), 3).length == 0)
      m.location = true;
    return m;
  }

  // A personal name at `i`: capitalised words with particles and hyphens ("Bashar al-Ja'afari",
  // "Jean-Yves Le Drian", "Staffan de Mistura"). Returns the end token or `i` when none.
  std::size_t name_end(std::size_t i) const {
    // Known people do not end a name: "Bashar al-Ja'afari" is not "Ibrahim al-Jaafari".
    const auto capital_word = [&](std::size_t k) {
      if (!is_word(k) || !t_.tokens[k].capitalised || is(k, word_class::not_name)) return false;
      const actor_match m = d_.match_actor(t_, k, end());
      return m.length == 0 || (m.kind != phrase_kind::agent && d_.actors()[m.entry].kind == core::actor_kind::person);
    };
    if (!capital_word(i)) return i;
    std::size_t j = i + 1, last = i + 1;
    while (j < end()) {
      if (capital_word(j)) {
        last = ++j;
      } else if ((is(j, word_class::particle) && !t_.tokens[j].capitalised) ||
                 (punct(j, "-") && !t_.tokens[j].space_before)) {
        ++j;
      } else {
        break;
      }
    }
    return last;
  }

  std::string name_key(std::size_t b, std::size_t e) const {
    std::string k;
    for (std::size_t i = b; i < e; ++i) {
      if (key(i) == "-"sv) continue;
      if (!k.empty()) k += ' ';
      k += key(i);
    }
    return k;
  }

  void find_mentions() {
    mentions_.clear();
    std::size_t i = begin();
    while (i < end()) {
      // A name the article already introduced ("Ja'afari" after "Bashar al-Ja'afari, Syrian chief
      // negotiator") or a longer name than a dictionary person's beats the dictionary.
      if (const std::size_t ne = name_end(i); ne > i && prefer_name(i, ne)) {
        person(i, ne);
        i = std::max(ne, mentions_.empty() ? ne : mentions_.back().end);
        continue;
      }
      if (auto m = actor_phrase(i)) {
        i = m->end;
        // "Lebanon's foreign minister ... The minister said": the last holder of each role.
        if (m->actor && m->role_word && !m->location) last_person_in_role_[m->role] = *m->actor;
        mentions_.push_back(std::move(*m));
        continue;
      }
      if (is(i, word_class::pronoun)) {
        mention m;
        m.begin = i;
        m.end = i + 1;
        m.pronoun = true;
        m.actor = last_speaker_;
        mentions_.push_back(std::move(m));
        ++i;
        continue;
      }
      const std::size_t ne = name_end(i);
      if (ne > i) {
        person(i, ne);
        i = std::max(ne, mentions_.empty() ? ne : mentions_.back().end);
        continue;
      }
      ++i;
    }
    share_roles();
    compose_role_of();
    mark_locations();
    resolve_definite_roles();
  }

  // "the president of the European Council", "leaders from France": a role word followed by
  // "of"/"from" and an organisation or country is that one's role holder.
  void compose_role_of() {
    for (std::size_t n = 0; n + 1 < mentions_.size(); ++n) {
      mention& role = mentions_[n];
      mention& owner = mentions_[n + 1];
      if (!role.role_only || role.actor || role.role.empty() || !owner.actor || owner.person || owner.pronoun) continue;
      std::size_t k = role.end;
      if (k >= end() || !(key(k) == "of"sv || key(k) == "from"sv)) continue;
      ++k;
      if (k < end() && determiner(k)) ++k;
      if (k != owner.begin) continue;
      const actor_entry* e = d_.find_actor(owner.actor->code);
      if (e && e->kind == core::actor_kind::country) {
        role.actor = country_actor(*e, role.role);
      } else {
        role.actor = owner.actor;  // keeps the organisation's code; the role stays in `role`
      }
      role.role_only = false;
      role.end = owner.end;
      owner.location = true;  // one actor, not two
    }
  }

  // "Russian and Belarusian soldiers", "Malian and Nigerien defence officials": the role word
  // belongs to every adjective in the coordination.
  void share_roles() {
    for (std::size_t n = mentions_.size(); n-- > 1;) {
      mention& left = mentions_[n - 1];
      const mention& right = mentions_[n];
      if (!left.bare_adjective || right.role.empty() || !right.actor || right.actor->country.empty()) continue;
      bool joined = right.begin > left.end;
      for (std::size_t k = left.end; k < right.begin && joined; ++k)
        joined = key(k) == "and"sv || key(k) == "or"sv || punct(k, ",");
      if (!joined || !left.actor) continue;
      const actor_entry* country = d_.find_actor(left.actor->country);
      if (!country) continue;
      left.actor = country_actor(*country, right.role);
      left.role = right.role;
      left.bare_adjective = false;
    }
  }

  bool prefer_name(std::size_t b, std::size_t e) const {
    const actor_match m = d_.match_actor(t_, b, end(), on());
    const bool dictionary_person = m.length > 0 && m.kind != phrase_kind::agent &&
                                   d_.actors()[m.entry].kind == core::actor_kind::person;
    if (m.length > 0 && !dictionary_person) return false;
    if (people_.count(name_key(b, e)) || (e == b + 1 && people_.count(std::string(key(b))))) return true;
    return dictionary_person && m.length < e - b;
  }

  // A personal name [b, e): its affiliation comes from a title before it ("U.N. envoy Staffan
  // de Mistura"), an apposition after it ("Jihan Sheikh Ahmed, an SDF spokeswoman"), or an
  // earlier mention of the same name in the article.
  void person(std::size_t b, std::size_t e) {
    std::size_t words = 0;
    for (std::size_t k = b; k < e; ++k) words += is_word(k) && t_.tokens[k].capitalised ? 1 : 0;
    const std::string full = name_key(b, e);
    const std::string surname{key(e - 1)};
    mention m;
    m.begin = b;
    m.end = e;
    m.person = true;
    // A military rank before the name ("Lt. Gen. Muhoozi Kainerugaba"): the person is military.
    const std::size_t rank = rank_before(b);
    if (rank < b) m.role = "MIL";
    if (!mentions_.empty() && mentions_.back().end == rank && !mentions_.back().location &&
        !mentions_.back().pronoun && !mentions_.back().person) {
      // A title directly before the name: the title and the name are one mention.
      mention title = std::move(mentions_.back());
      mentions_.pop_back();
      m.begin = title.begin;
      m.actor = title.actor;
      m.role = title.role;
      if (rank < b && title.role.empty() && title.actor && !title.role_word) {
        // "Ugandan Maj. Gen. ...": the country's military.
        if (const actor_entry* c = d_.find_actor(title.actor->code); c && c->kind == core::actor_kind::country) {
          m.actor = country_actor(*c, "MIL");
          m.role = "MIL";
        }
      }
    } else if (rank < b) {
      m.begin = rank;
    } else if (e + 1 < end() && punct(e, ",")) {
      std::size_t k = e + 1;
      if (determiner(k)) ++k;
      if (auto app = actor_phrase(k); app && !app->location && !app->role_only) {
        m.actor = app->actor;
        m.role = app->role;
        m.end = app->end;
      }
    }
    // "The US commander in Iraq, General David Petraeus, held talks": a name set off by commas
    // after an actor is that actor.
    if (!m.actor && b >= 2 && e < end() && punct(e, ",") && !mentions_.empty()) {
      const mention* before = &mentions_.back();
      std::size_t k = b;  // back over a title ("General", "Gen.")
      while (k > before->end + 1 && is_word(k - 1) && t_.tokens[k - 1].capitalised && is(k - 1, word_class::not_name)) --k;
      if (k >= 1 && punct(k - 1, ",") && before->end + 1 == k) {
        // "the US commander in Iraq, ...": the place is not the one described.
        if (before->begin > begin() && is(before->begin - 1, word_class::locative) && mentions_.size() >= 2 &&
            mentions_[mentions_.size() - 2].end + 1 == before->begin)
          before = &mentions_[mentions_.size() - 2];
        if (before->usable() && !before->pronoun && !before->role_only) {
          m.actor = before->actor;
          m.role = before->role;
        } else if (before->role_only && !before->actor && !before->role.empty() && m.role.empty()) {
          m.role = before->role;  // "The provincial governor's spokesman, Mohammad Arif Nuri"
        }
      }
    }
    if (!m.actor) {
      if (auto it = people_.find(full); it != people_.end()) m.actor = it->second;
      else if (auto it2 = people_.find(surname); words == 1 && it2 != people_.end()) m.actor = it2->second;
    }
    if (words < 2 && !m.actor) return;  // a lone capitalised word that names no one we know
    if (!m.actor) {
      // Someone we have no code for is still an actor, known by name ("Grace Wanjiru").
      core::actor unknown;
      const auto& first = t_.tokens[b].where;
      const auto& last = t_.tokens[e - 1].where;
      unknown.name = std::string(std::string_view(a_.text).substr(first.begin, last.end - first.begin));
      unknown.kind = core::actor_kind::person;
      m.actor = std::move(unknown);
    }
    if (m.actor) {
      core::actor& who = *m.actor;
      who.name = who.name.empty() ? std::string(full) : who.name;
    }
    if (words >= 2) {
      people_[full] = m.actor;
      people_[surname] = m.actor;
    }
    if (m.actor && !m.role.empty()) last_person_in_role_[m.role] = *m.actor;
    mentions_.push_back(std::move(m));
  }

  // Where a capitalised military rank right before token `b` begins ("Lt. Gen.", "Air Chief
  // Marshal"), or `b` when there is none.
  std::size_t rank_before(std::size_t b) const {
    std::size_t first = b;
    for (std::size_t k = b; k > begin(); --k) {
      const std::size_t w = k - 1;
      if (punct(w, ".") && !t_.tokens[w].space_before) continue;
      if (!is_word(w) || !t_.tokens[w].capitalised || !is(w, word_class::rank)) break;
      first = w;
    }
    return first;
  }

  // A phrase that names people without saying who: a pronoun, or a plural noun at its end
  // ("a group of men", "occupiers"); not "a cat named Frank".
  bool unidentified_people(const sentence& s) const {
    if (std::any_of(mentions_.begin(), mentions_.end(), [](const mention& m) { return m.pronoun; })) return true;
    std::size_t last = s.first_token + s.token_count;
    while (last > s.first_token && !is_word(last - 1)) --last;
    if (last == s.first_token || t_.tokens[last - 1].capitalised) return false;
    const std::string_view w = key(last - 1);
    return w.ends_with("men") || (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"));
  }

  // "the minister", "the envoy": the last person named in that role.
  void resolve_definite_roles() {
    for (auto& m : mentions_) {
      if (!m.role_only || m.actor || m.role.empty() || m.begin == begin() || key(m.begin - 1) != "the"sv) continue;
      if (const auto it = last_person_in_role_.find(m.role); it != last_person_in_role_.end()) {
        m.actor = it->second;
        m.role_only = false;
      }
    }
  }

  // Countries and capitals after "in", "at"... are places; so is the next one in "in Geneva
  // and Astana". "(SDF)" after "Syrian Democratic Forces" is the same mention.
  void mark_locations() {
    for (std::size_t n = 0; n < mentions_.size(); ++n) {
      mention& m = mentions_[n];
      if (m.person || m.pronoun || m.role_only) continue;
      std::size_t k = m.begin;
      while (k > begin() && determiner(k - 1)) --k;
      if (k > begin() && is(k - 1, word_class::locative) && !verb_ends_at(k)) {
        // "rebel groups in Syria": a role word before "in" takes the country.
        if (n > 0 && mentions_[n - 1].role_only && mentions_[n - 1].end + 1 == k && m.actor &&
            !m.actor->country.empty() && key(k - 1) == "in"sv) {
          mention& role = mentions_[n - 1];
          const actor_entry* country = d_.find_actor(m.actor->country);
          const actor_match rm = d_.match_actor(t_, role.begin, role.end);
          if (country && rm.length > 0 && rm.kind == phrase_kind::agent) {
            role.actor = country_actor(*country, d_.role(rm.entry));
            role.role_only = false;
          }
        }
        m.location = true;
        continue;
      }
      if (n > 0 && mentions_[n - 1].location && k >= 1 &&
          (key(k - 1) == "and"sv || key(k - 1) == "or"sv || punct(k - 1, ",")) &&
          mentions_[n - 1].end + 1 == k)
        m.location = true;
    }
    // Parenthesised repeats: "Syrian Democratic Forces (SDF)".
    for (std::size_t n = 1; n < mentions_.size(); ++n) {
      mention& m = mentions_[n];
      const mention& prev = mentions_[n - 1];
      if (m.begin >= 1 && punct(m.begin - 1, "(") && prev.end + 1 == m.begin && m.actor && prev.actor &&
          m.actor->id() == prev.actor->id())
        m.location = true;  // not a second actor: drop it from coding
    }
  }

  // True when a verb pattern ends just before token `k` ("fired rockets at | Israel"): the
  // preposition belongs to the verb, and what follows is its target, not a place.
  bool verb_ends_at(std::size_t k) const {
    for (std::size_t s = k; s > begin() && k - s < 9; --s) {
      if (d_.match_verb(t_, s - 1, k).length == k - (s - 1)) return true;
      if (d_.match_verb_gapped(t_, s - 1, k, 3).length == k - (s - 1)) return true;
    }
    return false;
  }

  // A coded actor at token i (role words such as "military" in "military presence" do not count).
  bool coded_at(std::size_t i) const {
    const mention* m = mention_at(i);
    return m && m->usable();
  }

  const mention* mention_at(std::size_t i) const {
    for (const auto& m : mentions_)
      if (m.begin <= i && i < m.end) return &m;
    return nullptr;
  }

  // ---------------------------------------------------------------- verbs

  void find_verbs() {
    verbs_.clear();
    for (std::size_t i = begin(); i < end();) {
      if (mention_at(i) || !is_word(i)) {
        ++i;
        continue;
      }
      // "the state", "his note": a reporting word after a determiner is a noun.
      const bool after_determiner = i > begin() && (determiner(i - 1) || possessive_pronoun(i - 1));
      if (const std::size_t r = d_.match_class(t_, i, end(), word_class::reporting); r > 0 && !after_determiner) {
        verbs_.push_back({i, i + r, 0, true, false});
        i += r;
        continue;
      }
      verb_match v = d_.match_verb(t_, i, end());
      // "fired anti-aircraft batteries at Russia": a few words may stand inside a pattern,
      // never an actor.
      if (const verb_match g = d_.match_verb_gapped(t_, i, end(), 3); g.length > v.length) {
        bool clean = true;
        for (std::size_t k = g.gap_begin; k < g.gap_end && clean; ++k) {
          const mention* inside = mention_at(k);
          clean = !inside || (inside->role_only && !inside->actor);  // "batteries": an instrument
        }
        if (clean) v = g;
      }
      // After "the", "a" or a possessive the word is a noun ("with the help of"): not a verb,
      // unless the pattern is a noun pattern itself.
      // After a preposition it is a noun or a gerund inside a phrase ("accused Iran of sabotage",
      // "without coordinating with"), not the verb of a clause.
      const bool noun_use = v.length > 0 && !d_.verbs()[v.entry].literal && i > begin() &&
                            (determiner(i - 1) || possessive_pronoun(i - 1) || preposition(i - 1));
      if (v.length > 0 && !noun_use) {
        const bool modifier = i > begin() && punct(i - 1, "-") && !t_.tokens[i].space_before &&
                              !t_.tokens[i - 1].space_before;
        verbs_.push_back({i, i + v.length, v.entry, false, modifier});
        i += v.length;
        continue;
      }
      ++i;
    }
  }

  bool negated_before(std::size_t v, std::size_t floor) const {
    for (std::size_t k = v; k > floor && v - k < 4; --k)
      if (d_.match_class(t_, k - 1, v, word_class::negation) > 0) return true;
    return false;
  }

  // ---------------------------------------------------------------- events

  struct region {
    std::size_t begin;
    std::size_t end;
    std::optional<core::actor> speaker;  // who judges what the region says
    bool tail = false;                   // the attribution's own tail ("told reporters after ...")
  };

  // Mentions in [b, e) joined to mention `n` by "and", "or", commas, "as well as".
  std::vector<const mention*> coordinated(std::size_t n, std::size_t b, std::size_t e) const {
    std::vector<const mention*> out{&mentions_[n]};
    const auto joiner = [&](std::size_t from, std::size_t to) {
      if (to <= from) return false;
      for (std::size_t k = from; k < to; ++k) {
        const auto w = key(k);
        if (!(w == "and"sv || w == "or"sv || w == ","sv || w == "-"sv || w == "as"sv || w == "well"sv ||
              w == "such"sv || w == "the"sv))
          return false;
      }
      return true;
    };
    for (std::size_t m = n + 1; m < mentions_.size() && mentions_[m].end <= e; ++m) {
      if (!joiner(mentions_[m - 1].end, mentions_[m].begin)) break;
      if (mentions_[m].usable()) out.push_back(&mentions_[m]);
    }
    for (std::size_t m = n; m > 0 && mentions_[m - 1].begin >= b; --m) {
      if (!joiner(mentions_[m - 1].end, mentions_[m].begin)) break;
      if (mentions_[m - 1].usable()) out.push_back(&mentions_[m - 1]);
    }
    return out;
  }

  std::optional<std::size_t> first_mention_after(std::size_t from, std::size_t to) const {
    for (std::size_t n = 0; n < mentions_.size(); ++n) {
      const auto& m = mentions_[n];
      if (m.begin >= from && m.end <= to && m.usable()) return n;
      if (m.begin >= from && m.end <= to && (m.role_only || m.person)) return std::nullopt;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> last_mention_before(std::size_t to, std::size_t from) const {
    for (std::size_t n = mentions_.size(); n > 0; --n) {
      const auto& m = mentions_[n - 1];
      if (m.end <= to && m.begin >= from) {
        if (m.usable()) return n - 1;
        if (m.role_only || (m.person && !m.actor) || (m.pronoun && !m.actor)) return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The actor a mention names on the date of the event being coded: an office holder is coded
  // by the office they held then, which may differ from the one on the reference date.
  core::actor actor_of(const mention& m) const {
    if (m.person_entry == static_cast<std::uint32_t>(-1)) return *m.actor;
    const core::dated when = event_date();
    if (!when.known() || (date_.known() && when.value == date_.value)) return *m.actor;
    if (auto then = person_actor_on(d_.actors()[m.person_entry], m.title_role, when)) return *then;
    return *m.actor;
  }

  void emit(const core::actor& src, const core::actor& tgt, std::string code, bool negated,
            std::string rule, std::vector<core::event>& out) const {
    if (src.id() == tgt.id()) {
      why(trace_verb_, "dropped " + rule + ": source and target are the same actor (" + src.id().value() + ")");
      return;
    }
    if (negated) {
      const int root = std::stoi(code.substr(0, 2));
      if (root > 8 || root < 3) {  // a conflict that did not happen is no event
        why(trace_verb_, "dropped " + rule + ": negated " + code + " (only negated cooperation is coded, as 120)");
        return;
      }
      code = "120";
      rule += "+negated";
    }
    core::event e;
    e.article = a_.id;
    e.sentence = index_;
    e.date = event_date();
    e.source = src;
    e.target = tgt;
    e.code = code;
    if (const auto* c = d_.cameo().find(code)) {
      e.goldstein = c->goldstein;
      e.quad = c->quad;
      e.plover = c->plover;
    } else {
      e.quad = core::quad_of_root(std::stoi(code.substr(0, 2)));
    }
    e.negated = negated;
    e.where = sentence_->where;
    e.text = std::string(std::string_view(a_.text).substr(e.where.begin, e.where.end - e.where.begin));
    e.rule = std::move(rule);
    why(trace_verb_, "coded " + e.rule + ": " + src.id().value() + " -> " + tgt.id().value() + " " + e.code);
    out.push_back(std::move(e));
  }

  // The date of the event being coded: the time expression of its clause nearest the verb,
  // else the nearest in its sentence, else the reference time. Expressions about the future
  // ("will meet next week") date an intention, which is dated when it was stated.
  // "almost two years after fighting between A and B killed dozens": an event in a clause that
  // a duration and "after" place in the past happened that long before the reference time.
  std::optional<core::dated> historical_date() const {
    if (!date_.known()) return std::nullopt;
    for (const auto& x : times_) {
      if (x.type != timex_type::duration || x.where.begin < clause_.begin || x.where.end > verb_byte_) continue;
      std::size_t k = 0;  // the token after the expression
      while (k < t_.tokens.size() && t_.tokens[k].where.begin < x.where.end) ++k;
      if (k >= end() || key(k) != "after"sv || t_.tokens[k].where.begin >= verb_byte_) continue;
      // P<n><unit>, whole numbers only ("P2Y", "P18M", "P3W", "P10D").
      const std::string_view v = x.value;
      if (v.size() < 3 || v[0] != 'P') continue;
      int n = 0;
      std::size_t i = 1;
      for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && n < 100000; ++i) n = n * 10 + (v[i] - '0');
      if (i == 1 || i + 1 != v.size() || n == 0) continue;
      const date::year_month_day ref{date_.value};
      switch (v[i]) {
        case 'Y': {
          const date::year y = ref.year() - date::years{n};
          return core::dated{core::calendar_day{y / date::January / 1}, core::date_precision::year};
        }
        case 'M': {
          const date::year_month ym = date::year_month{ref.year(), ref.month()} - date::months{n};
          return core::dated{core::calendar_day{ym / 1}, core::date_precision::month};
        }
        case 'W': {
          const core::calendar_day d = date_.value - date::days{7 * n};
          return core::dated{d - (date::weekday{d} - date::Monday), core::date_precision::week};
        }
        case 'D':
          return core::dated{date_.value - date::days{n}, core::date_precision::day};
        default:
          break;
      }
    }
    return std::nullopt;
  }

  core::dated event_date() const {
    if (const auto past = historical_date()) return *past;
    const timex* best = nullptr;
    std::size_t best_distance = 0;
    bool best_in_clause = false;
    for (const auto& x : times_) {
      if (x.where.begin < sentence_->where.begin || x.where.end > sentence_->where.end) continue;
      if (!x.date.known() || x.future || (x.type != timex_type::date && x.type != timex_type::time)) continue;
      const bool in_clause = x.where.begin >= clause_.begin && x.where.end <= clause_.end;
      const std::size_t distance = x.where.begin > verb_byte_ ? x.where.begin - verb_byte_ : verb_byte_ - x.where.end;
      if (!best || (in_clause && !best_in_clause) || (in_clause == best_in_clause && distance < best_distance)) {
        best = &x;
        best_distance = distance;
        best_in_clause = in_clause;
      }
    }
    return best ? best->date : date_;
  }

  bool verbal(const std::string& code) const {
    const auto* c = d_.cameo().find(code);
    return c && (c->quad == core::quad_class::verbal_conflict || c->quad == core::quad_class::verbal_cooperation);
  }

  static bool be_form(std::string_view w) {
    return w == "was"sv || w == "were"sv || w == "is"sv || w == "are"sv || w == "been"sv ||
           w == "being"sv || w == "be"sv;
  }

  // True when mention `n` is the first actor after a content verb that comes before verb `vi`.
  bool object_of_earlier_verb(std::size_t n, std::size_t vi) const {
    for (std::size_t k = 0; k < vi; ++k) {
      const verb_hit& earlier = verbs_[k];
      if (earlier.reporting || earlier.modifier || earlier.end > mentions_[n].begin) continue;
      std::optional<std::size_t> first;
      for (std::size_t m = 0; m < mentions_.size() && !first; ++m)
        if (mentions_[m].begin >= earlier.end && mentions_[m].usable()) first = m;
      if (first && *first == n) {
        bool verb_between = false;
        for (std::size_t j = k + 1; j < vi; ++j)
          verb_between = verb_between || (!verbs_[j].modifier && verbs_[j].begin >= earlier.end &&
                                          verbs_[j].end <= mentions_[n].begin);
        if (!verb_between) return true;
      }
    }
    return false;
  }

  // "the government", "our territory", "his delegation" inside what a speaker says: the
  // speaker's own country or organisation.
  void resolve_by_speaker(const region& r) {
    // "Obama said he would not ...": he is the speaker of what he says.
    if (r.speaker)
      for (auto& m : mentions_)
        if (m.pronoun && m.begin >= r.begin && m.end <= r.end) m.actor = r.speaker;
    if (!r.speaker || r.speaker->country.empty()) return;
    const actor_entry* country = d_.find_actor(r.speaker->country);
    if (!country || country->kind != core::actor_kind::country) return;
    for (auto& m : mentions_) {
      if (!m.role_only || m.actor || m.role.empty() || m.begin < r.begin || m.end > r.end || m.begin == begin()) continue;
      if (m.role == "PRE") continue;  // "the breakaway region" is never the speaker's own
      const std::string_view before = key(m.begin - 1);
      if (!(before == "the"sv || before == "our"sv || before == "his"sv || before == "her"sv || before == "its"sv ||
            before == "their"sv || before == "my"sv))
        continue;
      m.actor = country_actor(*country, m.role);
      m.role_only = false;
    }
  }

  // Conflict that is threatened, vowed or only would happen ("threatened to break off relations
  // with", "would blockade", "wants to attack") is a threat (13x) of that kind, not the act.
  std::string threatened_code(std::size_t vi, const std::string& code) const {
    const int root = std::stoi(code.substr(0, 2));
    if (root < 14) return code;
    const verb_hit& v = verbs_[vi];
    bool threat = false;
    for (std::size_t k = v.begin; k > begin() && v.begin - k < 3 && !threat; --k) {
      const std::string_view w = key(k - 1);
      threat = w == "would"sv || w == "will"sv || w == "could"sv || w == "might"sv || w == "may"sv ||
               w == "ll"sv;
      if (w == "to"sv && k >= 2) {
        const std::string_view lead = key(k - 2);
        threat = lead == "want"sv || lead == "wants"sv || lead == "wanted"sv || lead == "plan"sv ||
                 lead == "plans"sv || lead == "planned"sv || lead == "intends"sv || lead == "intend"sv;
        for (std::size_t j = 0; j < vi && !threat; ++j)  // "threatened to", "vowed to"
          threat = !verbs_[j].reporting && verbs_[j].end + 1 == v.begin &&
                   d_.verbs()[verbs_[j].entry].code.substr(0, 2) == "13";
      }
    }
    if (!threat) return code;
    switch (root) {
      case 14: return "133";
      case 16: return "131";
      case 17: return "137";
      default: return "138";
    }
  }

  // The coordinated subject sits right before the verb (auxiliaries and adverbs aside), so the
  // actors really are the ones acting: "Jordan and Britain have agreed".
  // Verbs whose subjects act on each other even with an object: "A and B signed a deal".
  bool symmetric_verb(const verb_hit& v) const {
    return is(v.begin, word_class::symmetric) || key(v.begin).starts_with("agree"sv);
  }

  // A noun phrase right after the verb ("welcomed the agreement", "killed dozens of soldiers"):
  // the verb acts on it, not the coordinated subjects on each other.
  bool object_follows(std::size_t k, std::size_t stop) const {
    if (k >= stop || !is_word(k)) return false;
    const std::string_view w = key(k);
    if (determiner(k) || possessive_pronoun(k) || w == "this"sv || w == "these"sv || w == "those"sv) return true;
    if (is(k, word_class::function) || is(k, word_class::locative) || is(k, word_class::negation)) return false;
    if (w.size() > 4 && w.ends_with("ly"sv)) return false;  // an adverb
    for (const auto& x : times_)
      if (x.where.begin <= t_.tokens[k].where.begin && t_.tokens[k].where.end <= x.where.end) return false;
    return true;
  }

  bool reciprocal_subject(std::size_t subject, std::size_t verb) const {
    const std::size_t gap = verb - mentions_[subject].end;
    if (gap > 4) return false;
    for (std::size_t k = mentions_[subject].end; k < verb; ++k) {
      const std::string_view w = key(k);
      const bool auxiliary = w == "have"sv || w == "has"sv || w == "had"sv || w == "will"sv || w == "would"sv ||
                             w == "can"sv || w == "could"sv || w == "may"sv || w == "might"sv || w == "did"sv ||
                             w == "do"sv || w == "does"sv || w == "are"sv || w == "were"sv || w == "been"sv ||
                             w == "is"sv || w == "was"sv || w == "also"sv || w == "both"sv || w == "nt"sv ||
                             w == "not"sv || w == "on"sv || is(k, word_class::negation) ||
                             (w.size() > 4 && w.substr(w.size() - 2) == "ly"sv);
      // "met on Monday": a weekday or a date between the subject and the verb is fine too.
      const bool time_word = t_.tokens[k].capitalised && k > mentions_[subject].end && key(k - 1) == "on"sv;
      if (!auxiliary && !time_word) return false;
    }
    return true;
  }

  // "X said Y must withdraw": the speaker demands something of Y.
  void code_obligations(const region& r, std::vector<core::event>& out) {
    if (!r.speaker || r.tail) return;
    for (std::size_t n = 0; n < mentions_.size(); ++n) {
      const mention& m = mentions_[n];
      if (!m.usable() || m.begin < r.begin || m.end > r.end || m.end >= end()) continue;
      const std::string_view next = key(m.end);
      if (next != "must"sv && next != "should"sv) continue;
      verb_byte_ = t_.tokens[m.end].where.begin;
      clause_ = {t_.tokens[r.begin].where.begin, t_.tokens[r.end - 1].where.end};
      for (const mention* t : coordinated(n, r.begin, r.end))
        emit(*r.speaker, actor_of(*t), "100", false, "speech:must", out);
    }
  }

  // Stances: a cue (OPPOSE, SUPPORT, JUDGE in grammar.txt) and an issue (issues.txt) in one
  // clause. The holder is the speaker, or the clause's coded subject; a subject we cannot code
  // ("a rebel offensive") means no stance, never the speaker's.
  void code_stances(const region& r) {
    for (std::size_t c = r.begin; c < r.end; ++c) {
      word_class kind = word_class::oppose;
      std::size_t cue = 0;
      for (const word_class k : {word_class::judge, word_class::oppose, word_class::support})
        if (const std::size_t n = d_.match_class(t_, c, r.end, k); n > cue) {
          cue = n;
          kind = k;
        }
      if (cue == 0 || mention_at(c)) continue;
      // The issue: after an OPPOSE/SUPPORT cue ("walk away from the talks"), else, and for JUDGE
      // cues always, the first issue of the clause.
      std::optional<issue_match> issue;
      std::size_t issue_at = 0;
      if (kind != word_class::judge)
        for (std::size_t k = c + cue; k < std::min(r.end, c + cue + 6) && !issue; ++k)
          if (const auto m = d_.match_issue(t_, k, r.end); m.length > 0 && !coded_at(k)) {
            issue = m;
            issue_at = k;
          }
      if (!issue && kind == word_class::judge)
        for (std::size_t k = r.begin; k < c && !issue; ++k)
          if (const auto m = d_.match_issue(t_, k, c); m.length > 0 && !coded_at(k)) {
            issue = m;
            issue_at = k;
          }
      if (!issue) {
        c += cue - 1;
        continue;
      }
      // A judgement ("illegitimate") is the speaker's; a stance verb's holder is its subject
      // when the clause has one before the issue, else the speaker.
      std::optional<core::actor> holder = r.speaker;
      bool uncodable_subject = false;
      const bool speaker_cue = kind == word_class::judge || key(c) == "against"sv;  // "the fight against"
      if (!speaker_cue || !r.speaker) {
        const std::size_t subject_end = std::min(issue_at, c);
        for (const auto& m : mentions_) {
          if (m.begin < r.begin || m.end > subject_end) continue;
          if (m.usable()) holder = m.actor;
          else if (m.role_only || (m.person && !m.actor)) uncodable_subject = true;
        }
      }
      if (!holder || uncodable_subject) {
        c += cue - 1;
        continue;
      }
      // Negation right before the cue only: "would never walk away from", "did not oppose";
      // "does not serve the fight against" does not negate "against".
      bool negated = false;
      for (std::size_t k = c; k > r.begin && c - k < 2 && !negated; --k)
        negated = d_.match_class(t_, k - 1, c, word_class::negation) > 0;
      core::polarity p = kind == word_class::support ? core::polarity::support : core::polarity::oppose;
      if (negated) p = p == core::polarity::support ? core::polarity::oppose : core::polarity::support;
      core::stance st;
      st.article = a_.id;
      st.sentence = index_;
      verb_byte_ = t_.tokens[c].where.begin;
      clause_ = {t_.tokens[r.begin].where.begin, t_.tokens[r.end - 1].where.end};
      st.date = event_date();
      st.holder = *holder;
      st.issue = d_.issue_key(issue->issue);
      st.issue_label = d_.issue_label(issue->issue);
      st.polarity = p;
      st.where = sentence_->where;
      st.text = std::string(std::string_view(a_.text).substr(st.where.begin, st.where.end - st.where.begin));
      st.rule = std::string("stance:") + std::string(raw(c)) + (negated ? "+negated" : "");
      const bool seen = std::any_of(stances_.begin(), stances_.end(), [&](const core::stance& o) {
        return o.sentence == st.sentence && o.issue == st.issue && o.holder.id() == st.holder.id() && o.article == st.article;
      });
      if (!seen) stances_.push_back(std::move(st));
      c += cue - 1;
    }
  }

  void code_region(const region& r, std::vector<core::event>& out) {
    resolve_by_speaker(r);
    if (trace_ && r.speaker && r.end > r.begin) trace_->speech.push_back({token_span(r.begin, r.end), r.speaker});
    code_stances(r);
    trace_verb_ = no_mention;
    code_obligations(r, out);
    for (std::size_t vi = 0; vi < verbs_.size(); ++vi) {
      const verb_hit& v = verbs_[vi];
      if (v.reporting || v.begin < r.begin || v.end > r.end) continue;
      trace_verb_ = vi;
      const std::size_t coded_before = out.size();
      const verb_entry& entry = d_.verbs()[v.entry];
      verb_byte_ = t_.tokens[v.begin].where.begin;
      clause_ = {t_.tokens[r.begin].where.begin, t_.tokens[r.end - 1].where.end};
      // "unless coordinated with X", "if approved by": a reduced passive with no actor subject.
      if (!entry.literal && v.begin > r.begin && raw(v.begin).size() > 3 &&
          raw(v.begin).substr(raw(v.begin).size() - 2) == "ed"sv && reduced_clause_opener(key(v.begin - 1)) &&
          !(v.end < end() && key(v.end) == "by"sv)) {
        why(vi, "dropped: a reduced clause (\"if approved by\") has no actor subject");
        continue;
      }
      const bool negated = negated_before(v.begin, r.begin);
      // The next clause verb bounds the object.
      std::size_t object_end = r.end;
      for (std::size_t k = vi + 1; k < verbs_.size(); ++k)
        if (!verbs_[k].modifier && verbs_[k].begin >= v.end) {
          object_end = std::min(object_end, verbs_[k].begin);
          break;
        }
      if (v.modifier) {
        // "U.S.-backed Syrian Democratic Forces": the modifier's owner acts on the head noun.
        const mention* owner = v.begin >= 2 ? mention_at(v.begin - 2) : nullptr;
        if (!owner || !owner->usable() || v.end >= end()) {
          why(vi, "dropped: a hyphenated modifier (\"U.S.-backed\") needs a coded actor before the hyphen");
          continue;
        }
        const mention* head = mention_at(v.end);
        if (!head || !head->usable() || head->begin != v.end) {
          why(vi, "dropped: a hyphenated modifier needs a coded actor right after it");
          continue;
        }
        const std::size_t owner_index = static_cast<std::size_t>(owner - mentions_.data());
        for (const mention* s : coordinated(owner_index, r.begin, v.begin))
          emit(actor_of(*s), actor_of(*head), entry.code, negated, "modifier:" + entry.pattern, out);
        continue;
      }
      // A judgement in reported speech: the speaker judges what the clause is about.
      if (entry.literal && verbal(entry.code) && r.speaker) {
        for (const auto& m : mentions_)
          if (m.begin >= r.begin && m.end <= v.begin && m.usable())
            emit(*r.speaker, actor_of(m), entry.code, negated, "speech:" + entry.pattern, out);
        if (out.size() == coded_before) why_if_silent(vi, "dropped: a judgement in reported speech with no coded actor before it");
        continue;
      }
      // Passive: "was attacked by X".
      const bool passive = v.begin >= 1 && (be_form(key(v.begin - 1)) || (v.begin >= 2 && be_form(key(v.begin - 2)))) &&
                           ((v.end < end() && key(v.end) == "by"sv) || (v.end + 1 < end() && key(v.end + 1) == "by"sv));
      std::optional<std::size_t> src, tgt;
      if (passive) {
        const std::size_t by = key(v.end) == "by"sv ? v.end : v.end + 1;
        src = first_mention_after(by + 1, object_end);
        tgt = last_mention_before(v.begin, r.begin);
      } else if (entry.literal && key(v.end - 1) == "between"sv) {
        // "fighting between Azerbaijanis and Armenians", "talks between A and B": the parties
        // act on each other.
        if (const auto first = first_mention_after(v.end, object_end)) {
          const auto parties = coordinated(*first, v.end, object_end);
          for (const mention* a : parties)
            for (const mention* b : parties)
              if (a != b) emit(actor_of(*a), actor_of(*b), entry.code, negated, "between:" + entry.pattern, out);
        }
        if (out.size() == coded_before) why_if_silent(vi, "dropped: \"between\" needs two coded parties after it");
        continue;
      } else if (entry.literal) {
        // A noun carries the event: its owner is right before it ("Israel's bombardment of",
        // "a U.S.- or Turkish-backed attack on"), never a distant subject.
        tgt = first_mention_after(v.end, object_end);
        src = last_mention_before(v.begin, r.begin);
        if (src && v.begin - mentions_[*src].end > 3) src.reset();
      } else {
        // "denied that Russian warships had ...": a clause follows, not an object; but what an
        // appeal, demand or threat is addressed to is the clause's subject ("demanded that its
        // partners refuse ...").
        const int root = std::stoi(entry.code.substr(0, 2));
        const bool that_clause = v.end < end() && key(v.end) == "that"sv;
        if (that_clause && root != 2 && root != 10 && root != 13) {
          why(vi, "dropped: a that-clause follows, not an object (only appeals, demands and threats address its subject)");
          continue;
        }
        if (that_clause) {
          for (std::size_t k = vi + 1; k < verbs_.size(); ++k)
            if (verbs_[k].begin > v.end + 1) {
              object_end = std::max(object_end, std::min<std::size_t>(r.end, verbs_[k].begin));
              break;
            }
        }
        tgt = first_mention_after(v.end, object_end);
        src = last_mention_before(v.begin, r.begin);
        // "A attacked B and killed C", "nobody fought B without coordinating with C": the object
        // of an earlier verb is not the subject of a later one, unless a relative pronoun
        // makes it so ("B, which fired at C").
        while (src && object_of_earlier_verb(*src, vi)) {
          bool relative = false;
          for (std::size_t k = mentions_[*src].end; k < v.begin; ++k) relative = relative || relative_pronoun(k);
          if (relative) break;
          src = last_mention_before(mentions_[*src].begin, r.begin);
        }
      }
      std::optional<core::actor> subject_override;
      if (!src && !passive && r.speaker && v.begin > r.begin && is(v.begin - 1, word_class::subordinator)) {
        bool none_between = true;
        for (const auto& m : mentions_) none_between = none_between && !(m.begin >= r.begin && m.end <= v.begin && m.usable());
        if (none_between) subject_override = r.speaker;
      }
      // "Jordan and Britain have agreed to ...": with no object, coordinated subjects act on each
      // other, both ways.
      if (!tgt && src && !passive && !entry.literal) {
        const auto subjects = coordinated(*src, r.begin, v.begin);
        if (subjects.size() >= 2 && reciprocal_subject(*src, v.begin) && (symmetric_verb(v) || !object_follows(v.end, r.end))) {
          for (const mention* a : subjects)
            for (const mention* b : subjects)
              if (a != b) emit(actor_of(*a), actor_of(*b), entry.code, negated, "reciprocal:" + entry.pattern, out);
        }
        if (out.size() == coded_before)
          why_if_silent(vi, "dropped: no coded target after the verb (and no coordinated subjects to act on each other)");
        continue;
      }
      if (!tgt) {
        why(vi, "dropped: no coded target after the verb");
        continue;
      }
      if (!src && !subject_override) {
        why(vi, passive ? "dropped: no coded agent after \"by\"" : "dropped: no coded source before the verb in its clause");
        continue;
      }
      const std::size_t subject = src.value_or(no_mention);
      const auto targets = coordinated(*tgt, v.end, object_end);
      const std::string code = entry.literal ? entry.code : threatened_code(vi, entry.code);
      const std::string rule = std::string(passive               ? "passive:"
                                           : subject_override    ? "clause-subject:"
                                           : entry.literal       ? "noun:"
                                           : code != entry.code  ? "threat:"
                                                                 : "svo:") +
                               entry.pattern;
      if (subject_override) {
        for (const mention* t : targets) emit(*subject_override, actor_of(*t), code, negated, rule, out);
        continue;
      }
      if (subject == no_mention) continue;
      // "A held talks with B": talks are held both ways.
      const bool both_ways = !passive && !entry.literal && !negated && code.substr(0, 2) <= "06" &&
                             is(v.begin, word_class::symmetric) && key(v.end - 1) == "with"sv;
      for (const mention* s : coordinated(subject, r.begin, v.begin))
        for (const mention* t : targets) {
          emit(actor_of(*s), actor_of(*t), code, negated, rule, out);
          if (both_ways) emit(actor_of(*t), actor_of(*s), code, negated, "reciprocal:" + entry.pattern, out);
        }
    }
  }

  // Splits the sentence into regions around reported speech and codes each.
  void assemble(std::vector<core::event>& out) {
    std::vector<region> regions;
    std::size_t content_from = begin();
    std::optional<core::actor> previous_speaker;
    bool any_reporting = false;
    for (const verb_hit& v : verbs_) {
      if (!v.reporting) continue;
      any_reporting = true;
      // "... and said ...": the same speaker again.
      std::size_t k = v.begin;
      if (k > begin() && key(k - 1) == "and"sv && previous_speaker) {
        if (content_from < k - 1) regions.push_back({content_from, k - 1, std::nullopt, false});
        content_from = v.end;
        continue;
      }
      // The speaker: the nearest mention before the verb, a few tokens away at most.
      const mention* speaker = nullptr;
      for (std::size_t n = mentions_.size(); n > 0; --n) {
        const mention& m = mentions_[n - 1];
        if (m.end > v.begin || m.begin < content_from) continue;
        bool close = v.begin - m.end <= 6;
        for (std::size_t j = m.end; j < v.begin && close; ++j)
          close = !quote(j) && !(punct(j, ",") && j + 1 != v.begin);
        for (const auto& other : verbs_) close = close && !(other.begin >= m.end && other.end <= v.begin);
        if (close) speaker = &m;
        break;
      }
      std::optional<core::actor> who;
      if (speaker && speaker->actor && !speaker->location) who = speaker->actor;
      if (who) last_speaker_ = who;
      previous_speaker = who;
      // Attribution after the content: '"...," he said' or '..., officials said'.
      std::size_t speaker_begin = speaker ? speaker->begin : v.begin;
      while (speaker_begin > content_from && determiner(speaker_begin - 1)) --speaker_begin;
      std::size_t b = speaker_begin;
      while (b > content_from && (punct(b - 1, ",") || quote(b - 1))) --b;
      if (b < speaker_begin && b > content_from) {
        regions.push_back({content_from, b, who, false});
        regions.push_back({v.end, end(), who, true});
        content_from = end();
      } else {
        // "A criticised B, and C said ...": what precedes the speaker is a clause of its own.
        std::size_t before = speaker_begin;
        while (before > content_from && (punct(before - 1, ",") || key(before - 1) == "and"sv)) --before;
        if (speaker && before > content_from) regions.push_back({content_from, before, std::nullopt, false});
        content_from = v.end;
        regions.push_back({v.end, end(), who, false});
        // A later reporting verb cuts this region short.
        for (const verb_hit& later : verbs_)
          if (later.reporting && later.begin > v.begin) {
            regions.back().end = later.begin;
            break;
          }
      }
    }
    if (!any_reporting) regions.push_back({begin(), end(), std::nullopt, false});
    else if (content_from < end() && (regions.empty() || regions.back().end < end()))
      regions.push_back({content_from, end(), previous_speaker, false});
    for (const auto& r : regions) code_region(r, out);
  }
};

}  // namespace

actor_resolution resolve_actor(std::string_view phrase, const dictionaries& dicts,
                               std::optional<core::calendar_day> on) {
  actor_resolution r;
  core::article a;
  a.text = std::string(phrase);
  a.published = on;
  a.segments = {core::segment{{0, a.text.size()}, core::segment_kind::body}};
  const tokenized_text t = split_sentences(a.text, a.segments);
  if (t.sentences.empty()) return r;
  // A phrase is one unit even when it holds a full stop ("Chile's Defense Dept. chief").
  sentence whole = t.sentences.front();
  whole.token_count = t.tokens.size();
  whole.where = {0, a.text.size()};
  article_coder coder{a, dicts, t};
  return coder.resolve_phrase(whole);
}

std::vector<sentence_trace> explain_events(const core::article& a, const dictionaries& dicts) {
  const tokenized_text t = split_sentences(a.text, a.segments);
  article_coder coder{a, dicts, t, tag_timex(a.text, t, a.published)};
  std::vector<sentence_trace> traces(t.sentences.size());
  std::vector<core::event> events;
  for (std::size_t i = 0; i < t.sentences.size(); ++i) {
    coder.trace_into(&traces[i]);
    coder.code(i, t.sentences[i], events);
  }
  return traces;
}

extraction_result extract_events(const core::article& a, const dictionaries& dicts) {
  extraction_result result;
  const tokenized_text t = split_sentences(a.text, a.segments);
  article_coder coder{a, dicts, t, tag_timex(a.text, t, a.published)};
  result.sentences = t.sentences.size();
  for (std::size_t i = 0; i < t.sentences.size(); ++i) coder.code(i, t.sentences[i], result.events);
  result.stances = std::move(coder.stances_);
  // Within an article the same dyad, code and date is one event; it counts the sentences that
  // state it (a repeat inside one sentence is not a second mention).
  std::vector<core::event> unique;
  std::vector<std::size_t> last_sentence;  // per unique event, the last sentence that stated it
  for (auto& e : result.events) {
    const auto same = std::find_if(unique.begin(), unique.end(), [&](const core::event& u) {
      return u.code == e.code && u.date == e.date && u.source->id() == e.source->id() &&
             u.target->id() == e.target->id();
    });
    if (same == unique.end()) {
      last_sentence.push_back(e.sentence);
      unique.push_back(std::move(e));
    } else if (std::size_t& last = last_sentence[static_cast<std::size_t>(same - unique.begin())];
               last != e.sentence) {
      last = e.sentence;
      ++same->mentions;
    }
  }
  result.events = std::move(unique);
  if (!a.published) {
    core::diagnostic d;
    d.level = core::severity::note;
    d.article = a.id.value();
    d.file = a.origin;
    d.line = a.origin_line;
    d.message = "events are undated: the publication date is unknown";
    if (!result.events.empty()) result.diagnostics.push_back(std::move(d));
  }
  return result;
}

}  // namespace diplograph::extract
