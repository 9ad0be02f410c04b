// Events CSV, the GDELT-like events table (events_table.hpp) and the Markdown timeline.
//
// CSV follows RFC 4180 except for the line end: every row, the header included, ends with a
// single LF ("\n"), which Python's csv module, pandas, R and spreadsheets all read. A field is
// quoted when it contains a comma, a double quote, CR or LF; quotes inside are doubled. Bytes
// that are not valid UTF-8 become U+FFFD (NUL too); other characters are kept as they are.
// Rows keep the caller's order. TSV has no quoting: what would break a line or a field
// (tabs, line breaks, other controls) becomes a space instead.
//
// The Markdown timeline is timeline.hpp's write_timeline_md with default options (no labels,
// title "Timeline"); see timeline.cpp.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/export/events_table.hpp"
#include "diplograph/export/timeline.hpp"
#include "diplograph/export/writers.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

// Appends the code, name and country of `a` (three empty fields when there is none).
void append_actor(std::vector<std::string>& fields, const std::optional<core::actor>& a) {
  fields.push_back(a ? a->code : std::string{});
  fields.push_back(a ? a->name : std::string{});
  fields.push_back(a ? a->country : std::string{});
}

// The Goldstein score as text, "" when it is not finite.
std::string goldstein_field(double goldstein) {
  return std::isfinite(goldstein) ? detail::format_number(goldstein) : std::string{};
}

// Appends one TSV field: invalid UTF-8 and NUL become U+FFFD; tab, line breaks (CR, LF, U+0085,
// U+2028, U+2029), the other C0 controls and DEL become a space.
void append_tsv_field(std::string& out, std::string_view raw) {
  detail::for_each_code_point(raw, [&out](std::string_view cp, bool valid) {
    const auto byte = static_cast<unsigned char>(cp.front());
    if (!valid || (cp.size() == 1 && byte == 0)) {
      out += detail::replacement_character;
    } else if ((cp.size() == 1 && (byte < 0x20 || byte == 0x7F)) || cp == "\xC2\x85" ||
               cp == "\xE2\x80\xA8" || cp == "\xE2\x80\xA9") {
      out += ' ';
    } else {
      out += cp;
    }
  });
}

// One row, LF-terminated, fields separated by ',' (CSV) or a tab (TSV).
void write_row(std::ostream& out, std::string& row, std::span<const std::string> fields,
               table_format f) {
  row.clear();
  if (f == table_format::csv) {
    detail::append_csv_row(row, fields.data(), fields.size());
  } else {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) row += '\t';
      append_tsv_field(row, fields[i]);
    }
    row += '\n';
  }
  out << row;
}

std::string actor_key(const std::optional<core::actor>& a) {
  return a ? a->id().value() : std::string{};
}

// What identifies a stored event among the evidence of the clusters: its dyad, article,
// sentence, code and dated date, each followed by a NUL byte.
std::string event_key(std::string_view source_id, std::string_view target_id,
                      std::string_view article, std::size_t sentence, std::string_view code,
                      const core::dated& date) {
  std::string key;
  for (const std::string_view part : {source_id, target_id, article}) {
    key += part;
    key += '\0';
  }
  key += std::to_string(sentence);
  key += '\0';
  key += code;
  key += '\0';
  key += core::to_iso(date);
  key += '\0';
  key += core::to_string(date.precision);
  return key;
}

// "e" and 16 lower-case hex digits of FNV-1a 64 over `key`: the id of an event no cluster lists.
std::string unclustered_id(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string id(17, '0');
  id[0] = 'e';
  for (std::size_t i = 16; i >= 1; --i, h >>= 4) id[i] = digits[h & 0xF];
  return id;
}

// Zero-padded decimal of at least `width` digits.
std::string padded(long long value, std::size_t width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  if (value < 0) digits.insert(0, 1, '-');
  return digits;
}

struct found_cluster {
  const core::event_cluster* cluster;
  const core::cluster_mention* mention;
};

}  // namespace

void write_events_csv(std::ostream& out, const std::vector<core::event>& events) {
  out << "article,sentence,date,date_precision,source_code,source_name,source_country,"
         "target_code,target_name,target_country,code,quad_class,goldstein,plover,negated,rule,"
         "text\n";
  std::string row;
  std::vector<std::string> fields;
  for (const core::event& e : events) {
    fields = {e.article.value(), std::to_string(e.sentence), core::to_iso(e.date),
              std::string(core::to_string(e.date.precision))};
    append_actor(fields, e.source);
    append_actor(fields, e.target);
    fields.insert(fields.end(),
                  {e.code, std::to_string(static_cast<int>(e.quad)), goldstein_field(e.goldstein),
                   e.plover, e.negated ? "true" : "false", e.rule, e.text});
    write_row(out, row, fields, table_format::csv);
  }
}

void write_events_table(std::ostream& out, const std::vector<core::event>& events,
                        const std::vector<core::event_cluster>& clusters, table_format format) {
  std::unordered_map<std::string, found_cluster> by_event;
  for (const core::event_cluster& c : clusters) {
    const std::string source_id = actor_key(c.source);
    const std::string target_id = actor_key(c.target);
    for (const core::cluster_mention& m : c.mentions)
      by_event.try_emplace(
          event_key(source_id, target_id, m.article.value(), m.sentence, m.code, m.date),
          found_cluster{&c, &m});
  }

  static const std::string header[] = {
      "GLOBALEVENTID",     "SQLDATE",         "MonthYear",     "Year",
      "EventDate",         "DatePrecision",   "Actor1Code",    "Actor1Name",
      "Actor1CountryCode", "Actor2Code",      "Actor2Name",    "Actor2CountryCode",
      "EventCode",         "EventBaseCode",   "EventRootCode", "QuadClass",
      "GoldsteinScale",    "NumMentions",     "NumSources",    "NumArticles",
      "SOURCEURL",         "IsNegated",       "PLOVER",        "ArticleID",
      "SentenceIndex",     "ArticleMentions", "Rule",          "Sentence"};
  std::string row;
  write_row(out, row, header, format);
  std::vector<std::string> fields;
  for (const core::event& e : events) {
    const std::string key = event_key(actor_key(e.source), actor_key(e.target), e.article.value(),
                                      e.sentence, e.code, e.date);
    const auto found = by_event.find(key);
    const core::event_cluster* c = found == by_event.end() ? nullptr : found->second.cluster;
    std::string sql_date, month_year, year;
    if (e.date.known()) {
      const date::year_month_day ymd{e.date.value};
      year = padded(static_cast<int>(ymd.year()), 4);
      month_year = year;
      month_year += padded(static_cast<unsigned>(ymd.month()), 2);
      sql_date = month_year;
      sql_date += padded(static_cast<unsigned>(ymd.day()), 2);
    }
    fields = {c != nullptr ? c->id : unclustered_id(key),
              sql_date,
              month_year,
              year,
              core::to_iso(e.date),
              std::string(core::to_string(e.date.precision))};
    append_actor(fields, e.source);
    append_actor(fields, e.target);
    fields.insert(
        fields.end(),
        {e.code, e.code.substr(0, 3), e.code.substr(0, 2), std::to_string(static_cast<int>(e.quad)),
         goldstein_field(e.goldstein), std::to_string(c != nullptr ? c->num_mentions : e.mentions),
         std::to_string(c != nullptr ? c->num_sources : 0),
         std::to_string(c != nullptr ? c->num_articles : 1),
         c != nullptr ? found->second.mention->url : std::string{}, e.negated ? "1" : "0", e.plover,
         e.article.value(), std::to_string(e.sentence), std::to_string(e.mentions), e.rule,
         e.text});
    write_row(out, row, fields, format);
  }
}

void write_timeline_md(std::ostream& out, const std::vector<core::event>& events) {
  write_timeline_md(out, events, timeline_options{});
}

}  // namespace diplograph::exporter
