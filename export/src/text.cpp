#include "text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

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

}  // namespace diplograph::exporter::detail
