#include <iostream>
#include <string>
#include <string_view>

#include "diplograph/core/json.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/ingest.hpp"
#include "diplograph/extract/timex.hpp"
#include "options.hpp"
#include "verbs.hpp"

namespace diplograph::cli {
namespace {

std::string_view slice(const core::article& a, core::span s) {
  return std::string_view(a.text).substr(s.begin, s.end - s.begin);
}

// One line of text: newlines and tabs inside the sentence become spaces.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

std::string actor_text(const std::optional<core::actor>& a) {
  if (!a) return "-";
  std::string s = a->code.empty() ? std::string("(no code)") : a->code;
  if (!a->name.empty()) s += " " + a->name;
  return s;
}

void write_text(const core::article& a, const std::vector<extract::sentence_trace>& traces, std::ostream& out) {
  out << "== " << a.id.value();
  if (!a.origin.empty()) out << "  (" << a.origin << ":" << a.origin_line << ")";
  out << "  published " << (a.published ? core::to_iso(*a.published) : std::string("unknown")) << "\n";
  for (const auto& tr : traces) {
    out << "\n[" << tr.index << "] " << one_line(slice(a, tr.where)) << "\n";
    if (tr.actors.empty() && tr.times.empty() && tr.verbs.empty()) {
      out << "  nothing to code: no actor, time expression or verb pattern\n";
      continue;
    }
    for (const auto& n : tr.actors)
      out << "  actor  \"" << one_line(slice(a, n.where)) << "\" -> " << actor_text(n.actor)
          << (n.role.empty() ? "" : " [role " + n.role + "]") << "  (" << n.status << ")\n";
    for (const auto& x : tr.times)
      out << "  time   \"" << one_line(x.text) << "\" -> " << x.value << " " << extract::to_string(x.type)
          << (x.date.known() ? " (" + std::string(core::to_string(x.date.precision)) + ")" : "")
          << (x.future ? " future" : "") << "\n";
    for (const auto& s : tr.speech)
      out << "  speech \"" << one_line(slice(a, s.where)) << "\" spoken by " << actor_text(s.speaker) << "\n";
    for (const auto& v : tr.verbs) {
      out << "  verb   \"" << one_line(slice(a, v.where)) << "\"";
      if (!v.reporting) out << " " << v.code << " (pattern \"" << v.pattern << "\")";
      out << "\n";
      for (const auto& o : v.outcomes) out << "           " << o << "\n";
    }
    for (const auto& e : tr.events)
      out << "  EVENT  " << actor_text(e.source) << " -> " << actor_text(e.target) << "  " << e.code
          << "  " << (e.date.known() ? core::to_iso(e.date) : std::string("undated")) << "  " << e.rule << "\n";
    for (const auto& s : tr.stances)
      out << "  STANCE " << actor_text(s.holder) << " " << core::to_string(s.polarity) << " " << s.issue
          << "  " << s.rule << "\n";
  }
  out << "\n";
}

void append_span(std::string& line, const core::article& a, core::span s) {
  line += "\"start\":" + std::to_string(s.begin) + ",\"end\":" + std::to_string(s.end) + ",\"text\":";
  core::append_json_string(line, slice(a, s));
}

void append_actor(std::string& line, const std::optional<core::actor>& a) {
  if (!a) {
    line += "null";
    return;
  }
  line += "{\"code\":";
  if (a->code.empty()) line += "null";
  else core::append_json_string(line, a->code);
  line += ",\"name\":";
  core::append_json_string(line, a->name);
  line += '}';
}

// `,"name":[{...},{...}]` with each object's fields written by `fields(line, item)`.
template <typename T, typename F>
void append_objects(std::string& line, std::string_view name, const std::vector<T>& items, F&& fields) {
  line += ",\"";
  line += name;
  line += "\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    line += i ? ",{" : "{";
    fields(line, items[i]);
    line += '}';
  }
  line += ']';
}

void append_field(std::string& line, std::string_view name, std::string_view value) {
  line += ",\"";
  line += name;
  line += "\":";
  core::append_json_string(line, value);
}

void write_jsonl(const core::article& a, const std::vector<extract::sentence_trace>& traces, std::ostream& out) {
  std::string line;
  for (const auto& tr : traces) {
    line = "{\"article\":";
    core::append_json_string(line, a.id.value());
    line += ",\"sentence\":" + std::to_string(tr.index) + ',';
    append_span(line, a, tr.where);
    append_objects(line, "actors", tr.actors, [&](std::string& l, const extract::sentence_trace::actor_note& n) {
      append_span(l, a, n.where);
      l += ",\"actor\":";
      append_actor(l, n.actor);
      append_field(l, "role", n.role);
      append_field(l, "status", n.status);
    });
    append_objects(line, "times", tr.times, [&](std::string& l, const extract::timex& x) {
      append_span(l, a, x.where);
      append_field(l, "type", extract::to_string(x.type));
      append_field(l, "value", x.value);
    });
    append_objects(line, "speech", tr.speech, [&](std::string& l, const extract::sentence_trace::speech_note& sp) {
      append_span(l, a, sp.where);
      l += ",\"speaker\":";
      append_actor(l, sp.speaker);
    });
    append_objects(line, "verbs", tr.verbs, [&](std::string& l, const extract::sentence_trace::verb_note& v) {
      append_span(l, a, v.where);
      l += ",\"code\":";
      if (v.reporting) l += "null";
      else core::append_json_string(l, v.code);
      append_field(l, "pattern", v.pattern);
      l += ",\"reporting\":";
      l += v.reporting ? "true" : "false";
      l += ",\"outcomes\":[";
      for (std::size_t k = 0; k < v.outcomes.size(); ++k) {
        if (k) l += ',';
        core::append_json_string(l, v.outcomes[k]);
      }
      l += ']';
    });
    append_objects(line, "events", tr.events, [&](std::string& l, const core::event& e) {
      l += "\"source\":";
      append_actor(l, e.source);
      l += ",\"target\":";
      append_actor(l, e.target);
      append_field(l, "code", e.code);
      l += ",\"date\":";
      if (e.date.known()) core::append_json_string(l, core::to_iso(e.date));
      else l += "null";
      append_field(l, "rule", e.rule);
    });
    line += "}\n";
    out << line;
  }
}

}  // namespace

CLI::App* add_explain_verb(CLI::App& app, explain_options& o) {
  auto* cmd = app.add_subcommand(
      "explain", "Show, sentence by sentence, the actors, times and verbs found, each candidate event and why it was "
                 "coded or dropped");
  cmd->add_option("inputs", o.input.inputs, "Files, directories (read recursively) or - for stdin")->required();
  cmd->add_option("--published", o.input.published, "Publication date YYYY-MM-DD for every article");
  cmd->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"text", "jsonl"}))->capture_default_str();
  cmd->add_option("--max-article-bytes", o.input.max_article_bytes, "Skip larger articles (reported)")
      ->capture_default_str();
  add_dictionary_options(*cmd, o.input.dictionaries);
  return cmd;
}

int run_explain(const explain_options& o, std::istream& in, std::ostream& out, std::ostream& err) {
  parse_day_option(o.input.published, "published");
  const auto dicts = load_dictionaries(o.input.dictionaries);
  std::size_t errors = 0;
  extract::read_inputs(
      o.input.inputs, ingest_options_from(o.input, in),
      [&](core::article a) {
        const auto traces = extract::explain_events(a, dicts);
        if (o.format == "jsonl") write_jsonl(a, traces, out);
        else write_text(a, traces, out);
      },
      [&](core::diagnostic d) {
        if (d.level == core::severity::error) ++errors;
        if (d.level != core::severity::note) err << "diplograph: " << core::format(d) << '\n';
      });
  out.flush();
  return errors > 0 ? exit_bad_input : exit_ok;
}

}  // namespace diplograph::cli
