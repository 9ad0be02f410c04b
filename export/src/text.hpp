#pragma once
// Usage (inside export/ only; not a public header):
//   for_each_code_point(text, [&](std::string_view cp, bool valid) { ... });
//   format_number(2.5) -> "2.5"; format_rounded(2.3333, 2) -> "2.33"
//   goldstein_color(-7.0) -> a dark red "#rrggbb"; goldstein_color(0.0) -> "#9e9e9e" (grey)
//   append_csv_field(row, "a,b") appends the quoted field; append_markdown_text(md, "*x*") appends \*x\*
//   trimmed("  hi\n") -> "hi"; quad_words(quad_class::verbal_conflict) -> "verbal conflict"
//   std::stable_sort(order.begin(), order.end(), timeline_before)  // order: const core::event*
// Shared by the GraphML, DOT, CSV, Markdown and timeline writers.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/core/utf8.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::exporter::detail {

inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// Calls f(sequence, valid) for each code point of `text`: a valid UTF-8 sequence is passed as
// it is with valid == true; each byte that does not start a valid sequence is passed alone with
// valid == false (the writers replace it by U+FFFD or an escape).
template <typename F>
void for_each_code_point(std::string_view text, F&& f) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = core::utf8_sequence_length(text, i);
    if (len == 0) {
      f(text.substr(i, 1), false);
      ++i;
    } else {
      f(text.substr(i, len), true);
      i += len;
    }
  }
}

// The node metrics every graph format writes (graph::add_metrics), in this order.
struct metric_field {
  std::string_view name;
  bool integer;
};
inline constexpr metric_field metric_fields[] = {
    {"out_degree", true},   {"in_degree", true},    {"weighted_out_degree", false},
    {"weighted_in_degree", false}, {"pagerank", false}, {"betweenness", false},
    {"component", true},    {"community", true},
};
// The values of metric_fields for `n` as text; empty when its metrics were not computed.
std::vector<std::string> metric_values(const graph::node& n);

// True for U+FFFE and U+FFFF, which XML 1.0 does not allow (sequence must be valid UTF-8).
bool is_xml_noncharacter(std::string_view sequence);

// Shortest round-trip form (std::to_chars); NaN and infinities become "0", -0 becomes "0".
std::string format_number(double value);

// `value` rounded to `decimals` places, then printed in shortest form ("2.33", "-2", "0").
std::string format_rounded(double value, int decimals);

// "#rrggbb" for a mean Goldstein score: below -1 shades of red (darker = more conflictual),
// above 1 shades of green (darker = more cooperative), otherwise grey; non-finite is grey.
std::string goldstein_color(double mean);

// Appends one CSV field (RFC 4180): invalid UTF-8 and NUL become U+FFFD; the field is quoted when
// it contains a comma, a double quote, CR or LF, with quotes inside doubled.
void append_csv_field(std::string& out, std::string_view raw);

// Appends fields[0..n) as one CSV row (append_csv_field each, comma-separated) ending in LF.
void append_csv_row(std::string& out, const std::string* fields, std::size_t n);

// Appends Markdown text that cannot form markup: \ ` * _ [ ] < > | # ~ & are \-escaped, control
// characters (newlines included) become spaces, invalid UTF-8 becomes U+FFFD.
void append_markdown_text(std::string& out, std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view trimmed(std::string_view text);

// "verbal cooperation", "material cooperation", "verbal conflict" or "material conflict".
std::string_view quad_words(core::quad_class q);

// The timeline order: dated events first by (date, precision, article, sentence), then undated
// ones by (article, sentence). A strict weak ordering for std::stable_sort.
bool timeline_before(const core::event* a, const core::event* b);

// Stance edge colour: blue when support outweighs opposition, orange when opposition does,
// grey when even.
std::string stance_color(std::size_t supports, std::size_t opposes);

// Article ids joined by ';', at most 50 of them, then "…+N" for the N left out.
std::string joined_articles(const std::vector<std::string>& articles);

// XML 1.0 text for element content and attribute values: & < > " ' escaped; tab, newline and CR
// as character references; other control characters, non-characters and invalid UTF-8 as U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text);

// Appends ` name="value"`, the value escaped as append_xml_escaped does.
void append_xml_attribute(std::string& out, std::string_view name, std::string_view value);

}  // namespace diplograph::exporter::detail
