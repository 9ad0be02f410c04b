#include "text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <tuple>

namespace diplograph::exporter::detail {
namespace {

struct rgb {
  double r, g, b;
};

// ColorBrewer RdBu / PRGn end points: light for scores just past ±1, dark at ±10.
constexpr rgb conflict_light{244, 165, 130};
constexpr rgb conflict_dark{178, 24, 43};
constexpr rgb cooperation_light{166, 219, 160};
constexpr rgb cooperation_dark{27, 120, 55};
constexpr std::string_view neutral_grey = "#9e9e9e";

std::string hex(const rgb& c) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "#";
  for (const double channel : {c.r, c.g, c.b}) {
    const auto v = static_cast<unsigned>(std::clamp(std::lround(channel), 0L, 255L));
    out += digits[v >> 4];
    out += digits[v & 0xF];
  }
  return out;
}

rgb mix(const rgb& from, const rgb& to, double t) {
  return {from.r + (to.r - from.r) * t, from.g + (to.g - from.g) * t, from.b + (to.b - from.b) * t};
}

}  // namespace

bool is_xml_noncharacter(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

std::string format_number(double value) {
  if (!std::isfinite(value) || value == 0.0) return "0";
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc{}) return "0";
  return std::string(buf.data(), end);
}

std::string format_rounded(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  const double scale = std::pow(10.0, decimals);
  return format_number(std::round(value * scale) / scale);
}

std::string goldstein_color(double mean) {
  if (!std::isfinite(mean) || (mean >= -1.0 && mean <= 1.0)) return std::string(neutral_grey);
  const double t = std::clamp((std::fabs(mean) - 1.0) / 9.0, 0.0, 1.0);
  return mean < 0 ? hex(mix(conflict_light, conflict_dark, t))
                  : hex(mix(cooperation_light, cooperation_dark, t));
}

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

void append_csv_row(std::string& out, const std::string* fields, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += '\n';
}

void append_markdown_text(std::string& out, std::string_view text) {
  static constexpr std::string_view significant = "\\`*_[]<>|#~&";
  for_each_code_point(text, [&out](std::string_view cp, bool valid) {
    if (!valid) {
      out += replacement_character;
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

bool timeline_before(const core::event* a, const core::event* b) {
  const bool a_known = a->date.known();
  const bool b_known = b->date.known();
  if (a_known != b_known) return a_known;
  if (a_known && (a->date.value != b->date.value || a->date.precision != b->date.precision))
    return std::tie(a->date.value, a->date.precision) < std::tie(b->date.value, b->date.precision);
  return std::tie(a->article, a->sentence) < std::tie(b->article, b->sentence);
}


void append_xml_escaped(std::string& out, std::string_view text) {
  for_each_code_point(text, [&out](std::string_view cp, bool valid) {
    if (!valid || is_xml_noncharacter(cp)) {
      out += replacement_character;
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
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += replacement_character;
        else
          out += c;
    }
  });
}

void append_xml_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_xml_escaped(out, value);
  out += '"';
}

std::string stance_color(std::size_t supports, std::size_t opposes) {
  if (supports > opposes) return "#2166ac";
  if (opposes > supports) return "#e66101";
  return "#9e9e9e";
}

std::string joined_articles(const std::vector<std::string>& articles) {
  constexpr std::size_t max_listed_articles = 50;
  std::string out;
  const std::size_t listed = std::min(articles.size(), max_listed_articles);
  for (std::size_t i = 0; i < listed; ++i) {
    if (i > 0) out += ';';
    out += articles[i];
  }
  if (articles.size() > listed) {
    out += ";\xE2\x80\xA6+";  // "…+N": N more ids not listed
    out += std::to_string(articles.size() - listed);
  }
  return out;
}

std::vector<std::string> metric_values(const graph::node& n) {
  if (!n.metrics.computed) return {};
  const auto& m = n.metrics;
  return {std::to_string(m.out_degree), std::to_string(m.in_degree),  format_number(m.weighted_out),
          format_number(m.weighted_in), format_number(m.pagerank),    format_number(m.betweenness),
          std::to_string(m.component),  std::to_string(m.community)};
}

}  // namespace diplograph::exporter::detail
