// Events CSV and Markdown timeline.
//
// CSV follows RFC 4180 except for the line end: every row, the header included, ends with a
// single LF ("\n"), which Python's csv module, pandas, R and spreadsheets all read. A field is
// quoted when it contains a comma, a double quote, CR or LF; quotes inside are doubled. Bytes
// that are not valid UTF-8 become U+FFFD (NUL too); other characters are kept as they are.
// Rows keep the caller's order.
//
// The timeline lists dated events first, ordered by (date, precision, article, sentence) and
// grouped under one "## <ISO date>" heading per date, then undated events under "## Undated".
// User text is escaped so it cannot form Markdown (\ ` * _ [ ] < > | # ~ & become \-escaped)
// and line breaks and other control characters become spaces.

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/export/writers.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

// ---- CSV -------------------------------------------------------------------------------------

void append_csv_field(std::string& out, std::string_view raw) {
  const std::string text = core::sanitize_utf8(raw).text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

struct actor_columns {
  std::string code, name, country;
};

actor_columns columns_of(const std::optional<core::actor>& a) {
  if (!a) return {};
  return {a->code, a->name, a->country};
}

// ---- Markdown --------------------------------------------------------------------------------

void append_markdown_text(std::string& out, std::string_view text) {
  static constexpr std::string_view significant = "\\`*_[]<>|#~&";
  detail::for_each_code_point(text, [&out](std::string_view cp, bool valid) {
    if (!valid) {
      out += detail::replacement_character;
      return;
    }
    if (cp.size() > 1) {
      out += cp;
      return;
    }
    const char c = cp.front();
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += ' ';  // newline, tab and other controls: Markdown lines must stay whole
    } else {
      if (significant.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  });
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view space = " \t\r\n\f\v";
  const auto begin = text.find_first_not_of(space);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

std::string_view quad_words(core::quad_class q) {
  switch (q) {
    case core::quad_class::verbal_cooperation: return "verbal cooperation";
    case core::quad_class::material_cooperation: return "material cooperation";
    case core::quad_class::verbal_conflict: return "verbal conflict";
    case core::quad_class::material_conflict: return "material conflict";
  }
  return "unknown quad class";
}

// "**SYRGOV Syria government**", "**Syria government**", "**USA**" or "_unknown_".
void append_actor(std::string& out, const std::optional<core::actor>& a) {
  if (!a || (a->code.empty() && a->name.empty())) {
    out += "_unknown_";
    return;
  }
  out += "**";
  append_markdown_text(out, a->code);
  if (!a->code.empty() && !a->name.empty() && a->name != a->code) {
    out += ' ';
    append_markdown_text(out, a->name);
  } else if (a->code.empty()) {
    append_markdown_text(out, a->name);
  }
  out += "**";
}

void append_bullet(std::string& out, const core::event& e) {
  out += "- ";
  append_actor(out, e.source);
  out += " \xE2\x86\x92 ";  // →
  append_actor(out, e.target);
  out += " \xC2\xB7 ";  // ·
  if (e.negated) out += "not ";
  append_markdown_text(out, e.code.empty() ? std::string_view{"?"} : std::string_view{e.code});
  out += ' ';
  out += quad_words(e.quad);
  out += " \xC2\xB7 Goldstein ";
  out += std::isfinite(e.goldstein) ? detail::format_rounded(e.goldstein, 1) : "?";
  const std::string_view sentence = trimmed(e.text);
  if (!sentence.empty()) {
    out += " \xC2\xB7 _";
    append_markdown_text(out, sentence);
    out += '_';
  }
  out += " (";
  append_markdown_text(out, e.article.value());
  out += ", sentence " + std::to_string(e.sentence) + ")\n";
}

bool timeline_before(const core::event* a, const core::event* b) {
  const bool a_known = a->date.known();
  const bool b_known = b->date.known();
  if (a_known != b_known) return a_known;
  if (a_known && (a->date.value != b->date.value || a->date.precision != b->date.precision))
    return std::tie(a->date.value, a->date.precision) < std::tie(b->date.value, b->date.precision);
  return std::tie(a->article, a->sentence) < std::tie(b->article, b->sentence);
}

}  // namespace

void write_events_csv(std::ostream& out, const std::vector<core::event>& events) {
  out << "article,sentence,date,date_precision,source_code,source_name,source_country,"
         "target_code,target_name,target_country,code,quad_class,goldstein,plover,negated,rule,"
         "text\n";
  std::string row;
  for (const core::event& e : events) {
    const actor_columns source = columns_of(e.source);
    const actor_columns target = columns_of(e.target);
    const std::string fields[] = {
        e.article.value(),
        std::to_string(e.sentence),
        core::to_iso(e.date),
        std::string(core::to_string(e.date.precision)),
        source.code,
        source.name,
        source.country,
        target.code,
        target.name,
        target.country,
        e.code,
        std::to_string(static_cast<int>(e.quad)),
        std::isfinite(e.goldstein) ? detail::format_number(e.goldstein) : std::string{},
        e.plover,
        e.negated ? "true" : "false",
        e.rule,
        e.text,
    };
    row.clear();
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) row += ',';
      append_csv_field(row, fields[i]);
    }
    row += '\n';
    out << row;
  }
}

void write_timeline_md(std::ostream& out, const std::vector<core::event>& events) {
  std::vector<const core::event*> order;
  order.reserve(events.size());
  for (const core::event& e : events) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(), timeline_before);

  const auto undated = static_cast<std::size_t>(std::count_if(
      events.begin(), events.end(), [](const core::event& e) { return !e.date.known(); }));
  std::string text = "# Timeline\n\n" + std::to_string(events.size()) +
                     (events.size() == 1 ? " event" : " events");
  if (undated > 0) text += ", " + std::to_string(undated) + " undated";
  text += ".\n";
  if (events.empty()) text += "\n_No events._\n";
  out << text;

  std::string heading;
  bool first = true;
  for (const core::event* e : order) {
    std::string current = e->date.known() ? core::to_iso(e->date) : "Undated";
    text.clear();
    if (first || current != heading) {
      text += "\n## " + current + "\n\n";
      heading = std::move(current);
      first = false;
    }
    append_bullet(text, *e);
    out << text;
  }
}

}  // namespace diplograph::exporter
