// `diplograph changes` output: Markdown, CSV and JSON Lines. Checked with Python's csv and json
// modules (tests/export/changes_test.cpp).

#include "diplograph/export/changes.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include "diplograph/core/date.hpp"
#include "diplograph/core/json.hpp"
#include "diplograph/export/jsonl.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

std::string rounded(double value) {
  return std::isfinite(value) ? detail::format_rounded(value, 2) : std::string{};
}

// "FRAGOV France government", "France government" (no code) or the id.
std::string actor_words(const std::string& id, const core::actor& a) {
  if (a.code.empty()) return a.name.empty() ? id : a.name;
  if (a.name.empty() || a.name == a.code) return a.code;
  std::string words = a.code;
  words += ' ';
  words += a.name;
  return words;
}

// "cooperation to conflict", "toward cooperation"...
std::string kind_words(graph::change_kind k) {
  std::string words(graph::to_string(k));
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

std::string events_words(std::size_t n) { return std::to_string(n) + (n == 1 ? " event" : " events"); }

void append_window_md(std::string& out, std::string_view name, const graph::window_row& w) {
  out += "- ";
  out += name;
  out += ": ";
  out += core::to_iso(w.start);
  out += " \xE2\x80\x93 ";  // en dash
  out += core::to_iso(w.last);
  out += ", ";
  out += events_words(w.count);
  out += ", mean Goldstein ";
  out += rounded(w.goldstein_mean);
}

void append_evidence_md(std::string& out, const core::event& e) {
  out += "  - ";
  out += e.date.known() ? core::to_iso(e.date) : std::string("undated");
  out += " \xC2\xB7 ";  // middle dot
  detail::append_markdown_text(out, e.code);
  out += " \xC2\xB7 Goldstein ";
  out += rounded(e.goldstein);
  out += " \xC2\xB7 ";
  detail::append_markdown_text(out, e.article.value());
  out += ", sentence ";
  out += std::to_string(e.sentence);
  out += ": ";
  detail::append_markdown_text(out, detail::trimmed(e.text));
  out += '\n';
}

void append_window_json(std::string& out, const graph::window_row& w) {
  out += "{\"start\":";
  core::append_json_string(out, core::to_iso(w.start));
  out += ",\"end\":";
  core::append_json_string(out, core::to_iso(w.last));
  out += ",\"count\":";
  out += std::to_string(w.count);
  out += ",\"goldstein_mean\":";
  core::append_json_number(out, w.goldstein_mean);
  out += '}';
}

}  // namespace

void write_changes_md(std::ostream& out, const std::vector<graph::relation_change>& changes,
                      const graph::change_options& o) {
  std::string text = "# Relation changes\n\n";
  text += "Windows: ";
  text += graph::to_string(o.window);
  text += ". A pair's windows with at least ";
  text += events_words(o.min_count);
  text += " are compared, each with the one before it; a change is a mean Goldstein score that "
          "changes sign or moves by more than ";
  text += detail::format_number(o.threshold);
  text += ". ";
  text += std::to_string(changes.size());
  text += changes.size() == 1 ? " change.\n" : " changes.\n";
  if (changes.empty()) text += "\n_No changes._\n";
  out << text;
  for (const graph::relation_change& c : changes) {
    text = "\n## ";
    text += core::to_iso(c.after.start);
    text += ": ";
    detail::append_markdown_text(text, actor_words(c.after.source, c.after.source_actor));
    text += " \xE2\x86\x92 ";  // rightwards arrow
    detail::append_markdown_text(text, actor_words(c.after.target, c.after.target_actor));
    text += ": ";
    text += kind_words(c.kind);
    text += "\n\n";
    append_window_md(text, "before", c.before);
    text += '\n';
    append_window_md(text, "after", c.after);
    text += " (change ";
    if (c.delta > 0) text += '+';
    text += rounded(c.delta);
    text += ")\n- evidence:\n";
    for (const core::event& e : c.evidence) append_evidence_md(text, e);
    out << text;
  }
}

void write_changes_csv(std::ostream& out, const std::vector<graph::relation_change>& changes) {
  out << "change,source,target,source_name,target_name,kind,jump,before_start,before_end,before_count,"
         "before_mean,after_start,after_end,after_count,after_mean,delta,evidence_date,evidence_code,"
         "evidence_goldstein,evidence_article,evidence_sentence,evidence_text\n";
  std::string row;
  for (std::size_t n = 0; n < changes.size(); ++n) {
    const graph::relation_change& c = changes[n];
    for (const core::event& e : c.evidence) {
      const std::string fields[] = {std::to_string(n + 1),
                                    c.after.source,
                                    c.after.target,
                                    c.after.source_actor.name,
                                    c.after.target_actor.name,
                                    std::string(graph::to_string(c.kind)),
                                    c.jump ? "true" : "false",
                                    core::to_iso(c.before.start),
                                    core::to_iso(c.before.last),
                                    std::to_string(c.before.count),
                                    rounded(c.before.goldstein_mean),
                                    core::to_iso(c.after.start),
                                    core::to_iso(c.after.last),
                                    std::to_string(c.after.count),
                                    rounded(c.after.goldstein_mean),
                                    rounded(c.delta),
                                    e.date.known() ? core::to_iso(e.date) : std::string{},
                                    e.code,
                                    rounded(e.goldstein),
                                    e.article.value(),
                                    std::to_string(e.sentence),
                                    std::string(detail::trimmed(e.text))};
      row.clear();
      detail::append_csv_row(row, fields, std::size(fields));
      out << row;
    }
  }
}

void write_changes_jsonl(std::ostream& out, const std::vector<graph::relation_change>& changes) {
  std::string line;
  for (const graph::relation_change& c : changes) {
    line = "{\"source_id\":";
    core::append_json_string(line, c.after.source);
    line += ",\"target_id\":";
    core::append_json_string(line, c.after.target);
    line += ",\"source\":";
    append_actor_json(line, c.after.source_actor);
    line += ",\"target\":";
    append_actor_json(line, c.after.target_actor);
    line += ",\"kind\":";
    core::append_json_string(line, graph::to_string(c.kind));
    line += ",\"jump\":";
    line += c.jump ? "true" : "false";
    line += ",\"delta\":";
    core::append_json_number(line, c.delta);
    line += ",\"before\":";
    append_window_json(line, c.before);
    line += ",\"after\":";
    append_window_json(line, c.after);
    line += ",\"evidence\":[";
    for (std::size_t i = 0; i < c.evidence.size(); ++i) {
      if (i > 0) line += ',';
      append_event_json(line, c.evidence[i]);
    }
    line += "]}\n";
    out << line;
  }
}

}  // namespace diplograph::exporter
