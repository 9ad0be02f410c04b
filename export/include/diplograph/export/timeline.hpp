#pragma once
// Usage:
//   exporter::timeline_options opt{.labels = {{"042", "Make a visit"}}, .title = "Syria, March 2017"};
//   auto picked = exporter::filter_by_actor(events, "SYR");    // code prefix or name substring
//   exporter::write_timeline_html(out, picked, opt);          // also _md, _csv, _json, _vis
//
// Timelines of coded events for people to read (Markdown, HTML), for spreadsheets (CSV) and for
// the timeline tools people already use (TimelineJS3 JSON, vis-timeline JSON). Every writer puts
// events in the same chronological order: dated events by (date, precision, article, sentence),
// then undated ones by (article, sentence). Labels come from the caller (the CLI reads
// dictionaries/cameo_codes.tsv), so this module does no file I/O. Any text — quotes, <>&,
// "</script>", backslashes, control characters, invalid UTF-8 — yields a valid document.

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/event.hpp"

namespace diplograph::exporter {

struct timeline_options {
  // CAMEO code -> label ("042" -> "Make a visit"). A code missing here falls back to its 3- and
  // 2-digit parents ("0421" -> "042" -> "04"); with no entry at all the label is empty.
  std::map<std::string, std::string, std::less<>> labels;
  std::string title = "Timeline";
};

// The label for `code` under the fallback rule above, or "" when there is none.
std::string_view label_of(const timeline_options& o, std::string_view code);

// True when `query` names the event's source or target: a case-insensitive prefix of its code
// ("syr" matches SYRGOV) or a case-insensitive (ASCII) substring of its name. An empty query
// matches every event. The same rule as graph::involves_actor (graph/filter.hpp), which it calls.
bool involves_actor(const core::event& e, std::string_view query);

// The events that involve `query` (as involves_actor), in the caller's order.
std::vector<core::event> filter_by_actor(const std::vector<core::event>& events, std::string_view query);

// Markdown: "# <title>", a count line, then one "## <ISO date>" heading per date ("## Undated"
// last) and one bullet per event: actors (code and name), code, label, quad class, Goldstein,
// the sentence and "(article, sentence N)". Markdown-significant characters are \-escaped and
// control characters become spaces. With no labels and the default title the output is the
// same as writers.hpp's write_timeline_md(out, events).
void write_timeline_md(std::ostream& out, const std::vector<core::event>& events,
                       const timeline_options& o);

// CSV (RFC 4180 quoting, LF row ends, invalid UTF-8 -> U+FFFD), header first:
// date,date_precision,source_code,source_name,target_code,target_name,code,label,quad_class,
// goldstein,negated,article,sentence,text — quad_class is 1-4 as in GDELT; date is "" when
// undated; goldstein is "" when not finite.
void write_timeline_csv(std::ostream& out, const std::vector<core::event>& events,
                        const timeline_options& o);

// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html):
// {"title":{"text":{headline,text}},"events":[{"start_date":{year,month?,day?},"display_date"?,
//  "text":{"headline","text"},"group","unique_id"}]}. TimelineJS renders headline and text as
// HTML, so both are HTML-escaped inside the JSON strings. TimelineJS needs a date on every
// event: undated events are left out and counted in the title slide's text. `group` is the quad
// class in words; unique_id is "ev-<n>", n the event's 1-based chronological position.
void write_timeline_json(std::ostream& out, const std::vector<core::event>& events,
                         const timeline_options& o);

// vis-timeline JSON: {"title", "groups":[{id,content,className}], "items":[{id,content,start,
// group,className,title}]} — load with new vis.Timeline(el, data.items, data.groups). Item ids
// match write_timeline_json's unique_id; group ids are the quad classes 1-4 (only those used);
// className is "verbal-cooperation", "material-cooperation", "verbal-conflict" or
// "material-conflict"; start is the ISO day the period starts on. content and title are
// HTML-escaped (vis renders them as HTML). Undated events are left out.
void write_timeline_vis(std::ostream& out, const std::vector<core::event>& events,
                        const timeline_options& o);

// One self-contained HTML5 page: inline CSS and vanilla JavaScript, no URL of any kind, and a
// Content-Security-Policy that forbids network access. The events are embedded as JSON in
// <script type="application/json" id="timeline-data"> with <, > and & written as \u003c,
// \u003e, \u0026; the script draws them (so a page whose script fails shows no events):
// an overview strip on a time axis, then a vertical list grouped by date with undated events
// last. Each event is an <li class="event q<1-4>"> with data-actors="<id>|<id>" (actor ids:
// the code, or "~" and the lower-cased name), coloured green (cooperation) or red (conflict),
// darker for material than verbal. A <select id="actor"> and quad-class checkboxes hide
// non-matching events; #count shows how many are visible. "#actor=<id>" in the URL preselects.
void write_timeline_html(std::ostream& out, const std::vector<core::event>& events,
                         const timeline_options& o);

}  // namespace diplograph::exporter
