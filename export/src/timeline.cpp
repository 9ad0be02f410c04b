// Timelines: Markdown, CSV, TimelineJS3 JSON, vis-timeline JSON and a self-contained HTML page.
//
// All writers share one chronological order (timeline_order) and one way of naming actors and
// codes. Escaping, per format:
//   Markdown  \-escapes \ ` * _ [ ] < > | # ~ &, control characters become spaces;
//   CSV       RFC 4180 quoting, LF row ends, invalid UTF-8 and NUL become U+FFFD;
//   JSON      core::append_json_string (control characters escaped, invalid UTF-8 -> U+FFFD);
//             text that TimelineJS or vis renders as HTML is HTML-escaped first;
//   HTML      & < > " ' become entities in markup; the embedded JSON has < > & written as
//             \u003c \u003e \u0026 so no text can end the <script> element or open a comment;
//             the script inserts every string with textContent, never as markup.
//
// With no labels and the default title the Markdown writer gives writers.hpp's
// write_timeline_md(out, events) output byte for byte: tables.cpp forwards that overload here
// (timeline_test pins the equality). Escaping, ordering and vocabulary helpers shared with
// tables.cpp live in text.hpp.

#include "diplograph/export/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "diplograph/core/date.hpp"
#include "diplograph/core/json.hpp"
#include "diplograph/graph/filter.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

using detail::append_csv_field;
using detail::append_markdown_text;
using detail::quad_words;
using detail::timeline_before;
using detail::trimmed;

using event_order = std::vector<const core::event*>;

// ---- order and vocabulary --------------------------------------------------------------------

event_order timeline_order(const std::vector<core::event>& events) {
  event_order order;
  order.reserve(events.size());
  for (const core::event& e : events) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(), timeline_before);
  return order;
}

std::size_t undated_count(const std::vector<core::event>& events) {
  return static_cast<std::size_t>(std::count_if(
      events.begin(), events.end(), [](const core::event& e) { return !e.date.known(); }));
}

// CSS class names (vis-timeline className, HTML legend).
std::string_view quad_css(core::quad_class q) {
  switch (q) {
    case core::quad_class::verbal_cooperation: return "verbal-cooperation";
    case core::quad_class::material_cooperation: return "material-cooperation";
    case core::quad_class::verbal_conflict: return "verbal-conflict";
    case core::quad_class::material_conflict: return "material-conflict";
  }
  return "unknown";
}

int quad_number(core::quad_class q) { return static_cast<int>(q); }

// "SYRGOV Syria government", "Syria government", "USA" or "unknown" (plain text).
std::string actor_text(const std::optional<core::actor>& a) {
  if (!a || (a->code.empty() && a->name.empty())) return "unknown";
  if (a->code.empty()) return a->name;
  if (a->name.empty() || a->name == a->code) return a->code;
  return a->code + ' ' + a->name;
}

// The shorter form for headlines: the name when there is one.
std::string actor_short(const std::optional<core::actor>& a) {
  if (!a || (a->code.empty() && a->name.empty())) return "unknown";
  return a->name.empty() ? a->code : a->name;
}

std::string goldstein_text(double g) { return std::isfinite(g) ? detail::format_rounded(g, 1) : "?"; }

// The code's label, or the quad class in words when the code has no label.
std::string event_label(const timeline_options& o, const core::event& e) {
  const std::string_view label = label_of(o, e.code);
  std::string text = e.negated ? "not " : "";
  text += label.empty() ? quad_words(e.quad) : label;
  return text;
}

std::string title_or_default(const timeline_options& o) { return o.title.empty() ? "Timeline" : o.title; }

// ---- Markdown --------------------------------------------------------------------------------

// "**SYRGOV Syria government**", "**Syria government**", "**USA**" or "_unknown_".
void append_markdown_actor(std::string& out, const std::optional<core::actor>& a) {
  if (!a || (a->code.empty() && a->name.empty())) {
    out += "_unknown_";
    return;
  }
  out += "**";
  append_markdown_text(out, actor_text(a));
  out += "**";
}

void append_markdown_bullet(std::string& out, const core::event& e, const timeline_options& o) {
  out += "- ";
  append_markdown_actor(out, e.source);
  out += " \xE2\x86\x92 ";  // →
  append_markdown_actor(out, e.target);
  out += " \xC2\xB7 ";  // ·
  if (e.negated) out += "not ";
  append_markdown_text(out, e.code.empty() ? std::string_view{"?"} : std::string_view{e.code});
  const std::string_view label = label_of(o, e.code);
  if (!label.empty()) {
    out += ' ';
    append_markdown_text(out, label);
    out += " \xC2\xB7";
  }
  out += ' ';
  out += quad_words(e.quad);
  out += " \xC2\xB7 Goldstein ";
  out += goldstein_text(e.goldstein);
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

// ---- HTML and JSON ---------------------------------------------------------------------------

// HTML text or attribute value: & < > " ' as entities, controls (but tab and newline) as
// spaces, invalid UTF-8 as U+FFFD.
void append_html(std::string& out, std::string_view text) {
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
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n': out += c; break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    }
  });
}

std::string html(std::string_view text) {
  std::string out;
  append_html(out, text);
  return out;
}

// JSON text that may sit inside a <script> element: <, > and & only ever occur inside JSON
// strings, where \u003c, \u003e and \u0026 mean the same characters.
std::string script_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

void append_actor_json(std::string& out, const std::optional<core::actor>& a) {
  if (!a) {
    out += "null";
    return;
  }
  out += "{\"code\":";
  core::append_json_string(out, a->code);
  out += ",\"name\":";
  core::append_json_string(out, a->name);
  out += '}';
}

std::string event_id(std::size_t position) { return "ev-" + std::to_string(position + 1); }

// The headline both JSON forms show: "Syria government → United States: Use force".
std::string headline_of(const core::event& e, const timeline_options& o) {
  return actor_short(e.source) + " \xE2\x86\x92 " + actor_short(e.target) + ": " + event_label(o, e);
}

// "<p>sentence</p><p>190 label · material conflict · Goldstein -10</p><p>article, sentence 3</p>"
std::string html_detail_of(const core::event& e, const timeline_options& o) {
  std::string out = "<p>";
  append_html(out, trimmed(e.text));
  out += "</p><p>";
  append_html(out, actor_text(e.source) + " \xE2\x86\x92 " + actor_text(e.target));
  out += "</p><p>";
  const std::string_view label = label_of(o, e.code);
  std::string line = (e.negated ? "not " : "") + (e.code.empty() ? std::string("?") : e.code);
  if (!label.empty()) line += ' ' + std::string(label);
  line += " \xC2\xB7 " + std::string(quad_words(e.quad)) + " \xC2\xB7 Goldstein " + goldstein_text(e.goldstein);
  append_html(out, line);
  out += "</p><p>";
  append_html(out, e.article.value() + ", sentence " + std::to_string(e.sentence));
  out += "</p>";
  return out;
}

struct actor_entry {
  std::string label;
  std::size_t events = 0;
};

// The ids of the event's actors ("SYRGOV", "~syrian democratic forces"), each once.
std::vector<std::string> actor_keys(const core::event& e) {
  std::vector<std::string> keys;
  for (const auto* a : {&e.source, &e.target}) {
    if (!*a || ((*a)->code.empty() && (*a)->name.empty())) continue;
    std::string key = (*a)->id().value();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  return keys;
}

// Actor id -> display label and the number of events naming it.
std::map<std::string, actor_entry> actors_of(const event_order& order) {
  std::map<std::string, actor_entry> actors;
  for (const core::event* e : order) {
    for (const auto* a : {&e->source, &e->target}) {
      if (!*a || ((*a)->code.empty() && (*a)->name.empty())) continue;
      auto& entry = actors[(*a)->id().value()];
      if (entry.label.empty()) entry.label = actor_text(*a);
    }
    for (const std::string& key : actor_keys(*e)) ++actors[key].events;
  }
  return actors;
}

// The JSON the HTML page embeds and draws.
std::string page_data(const event_order& order, const timeline_options& o) {
  std::string out = "{\"title\":";
  core::append_json_string(out, title_or_default(o));
  out += ",\"actors\":[";
  bool first = true;
  for (const auto& [key, entry] : actors_of(order)) {
    out += first ? "" : ",";
    first = false;
    out += "{\"key\":";
    core::append_json_string(out, key);
    out += ",\"label\":";
    core::append_json_string(out, entry.label);
    out += ",\"count\":" + std::to_string(entry.events) + '}';
  }
  out += "],\"events\":[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const core::event& e = *order[i];
    out += i ? ",\n" : "\n";
    out += "{\"id\":";
    core::append_json_string(out, event_id(i));
    out += ",\"date\":";
    core::append_json_string(out, core::to_iso(e.date));
    out += ",\"day\":";
    if (e.date.known()) core::append_json_string(out, core::to_iso(e.date.value));
    else out += "null";
    out += ",\"quad\":" + std::to_string(quad_number(e.quad));
    out += ",\"quad_name\":";
    core::append_json_string(out, quad_words(e.quad));
    out += ",\"code\":";
    core::append_json_string(out, e.code);
    out += ",\"label\":";
    core::append_json_string(out, label_of(o, e.code));
    out += ",\"goldstein\":";
    core::append_json_number(out, e.goldstein);
    out += e.negated ? ",\"negated\":true" : ",\"negated\":false";
    out += ",\"source\":";
    append_actor_json(out, e.source);
    out += ",\"target\":";
    append_actor_json(out, e.target);
    out += ",\"actors\":[";
    const auto keys = actor_keys(e);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      out += k ? "," : "";
      core::append_json_string(out, keys[k]);
    }
    out += "],\"article\":";
    core::append_json_string(out, e.article.value());
    out += ",\"sentence\":" + std::to_string(e.sentence);
    out += ",\"text\":";
    core::append_json_string(out, trimmed(e.text));
    out += '}';
  }
  out += "\n]}";
  return out;
}

constexpr std::string_view page_style = R"css(
:root{--q1:#5aae61;--q1bg:#f0f8ee;--q2:#1b7837;--q2bg:#dcefd7;--q3:#e0784f;--q3bg:#fdf0ea;
--q4:#b2182b;--q4bg:#f9e0e2;--ink:#1d2430;--muted:#5f6b7a;--line:#d5dae1}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#f5f6f8}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:14px 24px 12px}
h1{margin:0 0 2px;font-size:21px}
.summary{margin:0 0 10px;color:var(--muted)}
#count{font-weight:600;color:var(--ink)}
.controls{display:flex;flex-wrap:wrap;gap:8px 22px;align-items:center}
select{font:inherit;padding:3px 6px;max-width:30em}
.legend label{display:inline-flex;align-items:center;gap:5px;margin-right:12px;cursor:pointer;user-select:none}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px}
.swatch.q1,.mark.q1,.event.q1::before{background:var(--q1)}
.swatch.q2,.mark.q2,.event.q2::before{background:var(--q2)}
.swatch.q3,.mark.q3,.event.q3::before{background:var(--q3)}
.swatch.q4,.mark.q4,.event.q4::before{background:var(--q4)}
#overview{position:relative;height:92px;margin:16px 24px 0;max-width:980px;background:#fff;
border:1px solid var(--line);border-radius:8px;overflow:hidden}
.axis{position:absolute;left:0;right:0;bottom:24px;border-top:1px solid #9aa3ae}
.tick{position:absolute;bottom:5px;font-size:11px;color:var(--muted);white-space:nowrap;transform:translateX(-50%)}
.tick.first{transform:none}.tick.last{transform:translateX(-100%)}
.mark{position:absolute;width:11px;height:11px;margin-left:-5px;border-radius:50%;border:1px solid #fff;
cursor:pointer;box-shadow:0 0 0 1px rgba(0,0,0,.12)}
main,.notes{padding:6px 24px 0;max-width:1028px}
.notes{padding-bottom:48px}
.day h2{font-size:14px;font-weight:600;margin:22px 0 8px;color:var(--muted);letter-spacing:.02em}
ol{list-style:none;margin:0;padding:0 0 0 18px;border-left:2px solid var(--line)}
.event{position:relative;margin:0 0 10px;padding:9px 14px 10px;border-radius:7px;border-left:6px solid;
box-shadow:0 1px 2px rgba(0,0,0,.07);transition:outline-color .6s}
.event::before{content:"";position:absolute;left:-30px;top:14px;width:10px;height:10px;border-radius:50%;
border:2px solid #f5f6f8}
.event.q1{border-color:var(--q1);background:var(--q1bg)}
.event.q2{border-color:var(--q2);background:var(--q2bg)}
.event.q3{border-color:var(--q3);background:var(--q3bg)}
.event.q4{border-color:var(--q4);background:var(--q4bg)}
.event.flash{outline:3px solid #3b82f6}
.head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.code{font:12px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:0 5px;border-radius:4px;background:rgba(0,0,0,.07)}
.label{font-weight:600}
.quad,.when,.where{color:var(--muted);font-size:13px}
.gold{margin-left:auto;font-size:13px;font-variant-numeric:tabular-nums}
.dyad{margin:3px 0}
.dyad b{font-weight:600}
.sentence{margin:4px 0;font-style:italic;color:#2f3a48}
.where{font-size:12px}
.empty{color:var(--muted);font-style:italic}
)css";

constexpr std::string_view page_script = R"js(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  function $(id) { return document.getElementById(id); }
  function node(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function actorText(a) {
    if (!a || (!a.code && !a.name)) return "unknown";
    if (a.code && a.name && a.name !== a.code) return a.code + " " + a.name;
    return a.code || a.name;
  }
  var select = $("actor"), list = $("timeline"), strip = $("overview");
  data.actors.forEach(function (a) {
    var o = node("option", null, a.label + " (" + a.count + ")");
    o.value = a.key;
    select.appendChild(o);
  });

  var items = [], sections = [], section = null;
  data.events.forEach(function (ev) {
    var heading = ev.date || "Undated";
    if (section === null || section.heading !== heading) {
      var s = node("section", "day");
      s.appendChild(node("h2", null, heading));
      var ol = node("ol");
      s.appendChild(ol);
      list.appendChild(s);
      section = {heading: heading, el: s, list: ol, items: []};
      sections.push(section);
    }
    var li = node("li", "event q" + ev.quad);
    li.id = ev.id;
    li.setAttribute("data-actors", ev.actors.join("|"));
    li.setAttribute("data-quad", String(ev.quad));
    var head = node("div", "head");
    head.appendChild(node("span", "code", (ev.negated ? "not " : "") + (ev.code || "?")));
    head.appendChild(node("span", "label", ev.label || ev.quad_name));
    head.appendChild(node("span", "quad", ev.quad_name));
    head.appendChild(node("span", "when", ev.date || "undated"));
    head.appendChild(node("span", "gold", "Goldstein " + (ev.goldstein === null ? "?" : ev.goldstein)));
    li.appendChild(head);
    var dyad = node("div", "dyad");
    dyad.appendChild(node("b", null, actorText(ev.source)));
    dyad.appendChild(document.createTextNode(" \u2192 "));
    dyad.appendChild(node("b", null, actorText(ev.target)));
    li.appendChild(dyad);
    if (ev.text) li.appendChild(node("blockquote", "sentence", ev.text));
    li.appendChild(node("div", "where", ev.article + " \u00b7 sentence " + ev.sentence));
    section.list.appendChild(li);
    var item = {el: li, ev: ev, mark: null};
    items.push(item);
    section.items.push(item);
  });

  /* The overview: one dot per dated event on a linear time axis, stacked where they meet. */
  var dated = items.filter(function (it) { return it.ev.day; });
  function ms(day) { var p = day.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  if (dated.length === 0) {
    strip.hidden = true;
  } else {
    var lo = Infinity, hi = -Infinity;
    dated.forEach(function (it) { var t = ms(it.ev.day); lo = Math.min(lo, t); hi = Math.max(hi, t); });
    var span = hi - lo;
    var at = function (t) { return span === 0 ? 50 : 2 + 96 * (t - lo) / span; };
    strip.appendChild(node("div", "axis"));
    var digits = span > 2 * 365 * 864e5 ? 4 : span > 62 * 864e5 ? 7 : 10;
    var fractions = span === 0 ? [0.5] : [0, 0.25, 0.5, 0.75, 1], previous = "";
    fractions.forEach(function (f, i) {
      var label = new Date(lo + f * span).toISOString().slice(0, digits);
      if (label === previous) return;
      previous = label;
      var tick = node("span", "tick", label);
      if (span !== 0 && i === 0) tick.className += " first";
      if (span !== 0 && i === fractions.length - 1) tick.className += " last";
      tick.style.left = (span === 0 ? 50 : 100 * f) + "%";
      strip.appendChild(tick);
    });
    var stacks = {};
    dated.forEach(function (it) {
      var x = at(ms(it.ev.day)), bucket = Math.round(x * 2);
      var level = stacks[bucket] = (stacks[bucket] || 0) + 1;
      var mark = node("span", "mark q" + it.ev.quad);
      mark.style.left = x + "%";
      mark.style.top = (6 + ((level - 1) % 5) * 11) + "px";
      mark.title = it.ev.date + ": " + actorText(it.ev.source) + " \u2192 " + actorText(it.ev.target) +
          ", " + (it.ev.label || it.ev.quad_name);
      mark.addEventListener("click", function () {
        it.el.scrollIntoView({block: "center"});
        it.el.classList.add("flash");
        setTimeout(function () { it.el.classList.remove("flash"); }, 1200);
      });
      strip.appendChild(mark);
      it.mark = mark;
    });
    $("range").textContent = " \u00b7 " + dated[0].ev.date +
        (dated.length > 1 ? " \u2013 " + dated[dated.length - 1].ev.date : "");
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-quad]"));
  function apply() {
    var key = select.value, on = {}, shown = 0;
    boxes.forEach(function (b) { on[b.getAttribute("data-quad")] = b.checked; });
    items.forEach(function (it) {
      var show = (!key || it.ev.actors.indexOf(key) >= 0) && on[String(it.ev.quad)] !== false;
      it.el.hidden = !show;
      if (it.mark) it.mark.hidden = !show;
      if (show) shown += 1;
    });
    sections.forEach(function (s) {
      s.el.hidden = !s.items.some(function (it) { return !it.el.hidden; });
    });
    $("count").textContent = String(shown);
    $("empty").hidden = shown !== 0;
  }
  select.addEventListener("change", apply);
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (location.hash.indexOf("#actor=") === 0) {
    var wanted = "";
    try { wanted = decodeURIComponent(location.hash.slice(7)); } catch (e) { wanted = ""; }
    for (var i = 0; i < select.options.length; i += 1)
      if (select.options[i].value === wanted) select.value = wanted;
  }
  apply();
})();
)js";

}  // namespace

std::string_view label_of(const timeline_options& o, std::string_view code) {
  for (std::size_t len = code.size(); len >= 2; --len) {
    if (len < code.size() && len > 3) continue;  // the code itself, then its 3- and 2-digit parents
    const auto it = o.labels.find(code.substr(0, len));
    if (it != o.labels.end()) return it->second;
  }
  return {};
}

bool involves_actor(const core::event& e, std::string_view query) {
  return graph::involves_actor(e, query);
}

std::vector<core::event> filter_by_actor(const std::vector<core::event>& events, std::string_view query) {
  std::vector<core::event> picked;
  std::copy_if(events.begin(), events.end(), std::back_inserter(picked),
               [query](const core::event& e) { return involves_actor(e, query); });
  return picked;
}

void write_timeline_md(std::ostream& out, const std::vector<core::event>& events,
                       const timeline_options& o) {
  const event_order order = timeline_order(events);
  const std::size_t undated = undated_count(events);
  std::string text = "# ";
  append_markdown_text(text, title_or_default(o));
  text += "\n\n" + std::to_string(events.size()) + (events.size() == 1 ? " event" : " events");
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
    append_markdown_bullet(text, *e, o);
    out << text;
  }
}

void write_timeline_csv(std::ostream& out, const std::vector<core::event>& events,
                        const timeline_options& o) {
  out << "date,date_precision,source_code,source_name,target_code,target_name,code,label,quad_class,"
         "goldstein,negated,article,sentence,text\n";
  std::string row;
  for (const core::event* e : timeline_order(events)) {
    const std::string fields[] = {
        core::to_iso(e->date),
        std::string(core::to_string(e->date.precision)),
        e->source ? e->source->code : std::string{},
        e->source ? e->source->name : std::string{},
        e->target ? e->target->code : std::string{},
        e->target ? e->target->name : std::string{},
        e->code,
        std::string(label_of(o, e->code)),
        std::to_string(quad_number(e->quad)),
        std::isfinite(e->goldstein) ? detail::format_number(e->goldstein) : std::string{},
        e->negated ? "true" : "false",
        e->article.value(),
        std::to_string(e->sentence),
        e->text,
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

void write_timeline_json(std::ostream& out, const std::vector<core::event>& events,
                         const timeline_options& o) {
  const event_order order = timeline_order(events);
  const std::size_t undated = undated_count(events);
  const std::size_t dated = events.size() - undated;
  std::string text = "{\"title\":{\"text\":{\"headline\":";
  core::append_json_string(text, html(title_or_default(o)));
  std::string summary = "<p>" + std::to_string(dated) + (dated == 1 ? " dated event" : " dated events");
  if (undated > 0) summary += "; " + std::to_string(undated) + " undated not shown";
  summary += ".</p>";
  text += ",\"text\":";
  core::append_json_string(text, summary);
  text += "}},\n\"events\":[";
  out << text;
  bool first = true;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const core::event& e = *order[i];
    if (!e.date.known()) continue;
    const date::year_month_day ymd{e.date.value};
    text = first ? "\n" : ",\n";
    first = false;
    text += "{\"start_date\":{\"year\":" + std::to_string(static_cast<int>(ymd.year()));
    if (e.date.precision != core::date_precision::year)
      text += ",\"month\":" + std::to_string(static_cast<unsigned>(ymd.month()));
    if (e.date.precision == core::date_precision::day || e.date.precision == core::date_precision::week)
      text += ",\"day\":" + std::to_string(static_cast<unsigned>(ymd.day()));
    text += '}';
    if (e.date.precision != core::date_precision::day) {
      text += ",\"display_date\":";
      core::append_json_string(text, core::to_iso(e.date));
    }
    text += ",\"text\":{\"headline\":";
    core::append_json_string(text, html(headline_of(e, o)));
    text += ",\"text\":";
    core::append_json_string(text, html_detail_of(e, o));
    text += "},\"group\":";
    core::append_json_string(text, quad_words(e.quad));
    text += ",\"unique_id\":";
    core::append_json_string(text, event_id(i));
    text += '}';
    out << text;
  }
  out << "\n]}\n";
}

void write_timeline_vis(std::ostream& out, const std::vector<core::event>& events,
                        const timeline_options& o) {
  const event_order order = timeline_order(events);
  std::string text = "{\"title\":";
  core::append_json_string(text, title_or_default(o));
  text += ",\n\"groups\":[";
  bool used[5] = {};
  for (const core::event* e : order)
    if (e->date.known()) used[quad_number(e->quad)] = true;
  bool first = true;
  for (const auto q : {core::quad_class::verbal_cooperation, core::quad_class::material_cooperation,
                       core::quad_class::verbal_conflict, core::quad_class::material_conflict}) {
    if (!used[quad_number(q)]) continue;
    text += first ? "" : ",";
    first = false;
    std::string words{quad_words(q)};
    words.front() = static_cast<char>(words.front() - 'a' + 'A');
    text += "{\"id\":" + std::to_string(quad_number(q)) + ",\"content\":";
    core::append_json_string(text, words);
    text += ",\"className\":";
    core::append_json_string(text, quad_css(q));
    text += '}';
  }
  text += "],\n\"items\":[";
  out << text;
  first = true;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const core::event& e = *order[i];
    if (!e.date.known()) continue;
    text = first ? "\n" : ",\n";
    first = false;
    text += "{\"id\":";
    core::append_json_string(text, event_id(i));
    text += ",\"content\":";
    core::append_json_string(text, html(headline_of(e, o)));
    text += ",\"start\":";
    core::append_json_string(text, core::to_iso(e.date.value));
    text += ",\"group\":" + std::to_string(quad_number(e.quad));
    text += ",\"className\":";
    core::append_json_string(text, quad_css(e.quad));
    text += ",\"title\":";
    core::append_json_string(text, html(core::to_iso(e.date) + " \xC2\xB7 " + std::string(trimmed(e.text))));
    text += '}';
    out << text;
  }
  out << "\n]}\n";
}

void write_timeline_html(std::ostream& out, const std::vector<core::event>& events,
                         const timeline_options& o) {
  const event_order order = timeline_order(events);
  const std::string title = html(title_or_default(o));
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"diplograph timeline\">\n<title>" +
      title + "</title>\n<style>";
  page += page_style;
  page += "</style>\n</head>\n<body>\n<header>\n<h1>" + title + "</h1>\n";
  page += "<p class=\"summary\"><span id=\"count\">0</span> of " + std::to_string(events.size()) +
          (events.size() == 1 ? " event" : " events") + " shown<span id=\"range\"></span></p>\n";
  page +=
      "<div class=\"controls\">\n<label>Actor <select id=\"actor\"><option value=\"\">All actors"
      "</option></select></label>\n<span class=\"legend\">";
  for (const auto q : {core::quad_class::verbal_cooperation, core::quad_class::material_cooperation,
                       core::quad_class::verbal_conflict, core::quad_class::material_conflict}) {
    const std::string n = std::to_string(quad_number(q));
    page += "<label><input type=\"checkbox\" data-quad=\"" + n + "\" checked><span class=\"swatch q" + n +
            "\"></span>" + std::string(quad_words(q)) + "</label>";
  }
  page += "</span>\n</div>\n</header>\n<div id=\"overview\"></div>\n<main id=\"timeline\"></main>\n";
  page += "<div class=\"notes\"><p id=\"empty\" class=\"empty\" hidden>No events.</p>\n<noscript><p "
          "class=\"empty\">This timeline draws its events with JavaScript; the data are in the page "
          "source.</p></noscript></div>\n";
  page += "<script type=\"application/json\" id=\"timeline-data\">";
  page += script_safe(page_data(order, o));
  page += "</script>\n<script>";
  page += page_script;
  page += "</script>\n</body>\n</html>\n";
  out << page;
}

}  // namespace diplograph::exporter
