#include "diplograph/core/utf8.hpp"

namespace diplograph::core {
namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const std::size_t n = bytes.size();
  const unsigned char c = at(pos);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return pos + 1 < n && continuation(at(pos + 1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (pos + 2 >= n) return 0;
    const unsigned char c1 = at(pos + 1);
    if (!continuation(c1) || !continuation(at(pos + 2))) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (pos + 3 >= n) return 0;
    const unsigned char c1 = at(pos + 1);
    if (!continuation(c1) || !continuation(at(pos + 2)) || !continuation(at(pos + 3))) return 0;
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

utf8_result sanitize_utf8(std::string_view bytes) {
  utf8_result r;
  r.text.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII.
    std::size_t j = i;
    while (j < bytes.size() && static_cast<unsigned char>(bytes[j]) < 0x80 && bytes[j] != '\0') ++j;
    r.text.append(bytes.substr(i, j - i));
    i = j;
    if (i >= bytes.size()) break;
    const std::size_t len = bytes[i] == '\0' ? 0 : utf8_sequence_length(bytes, i);
    if (len > 0) {
      r.text.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    if (r.replaced == 0) r.first_bad = i;
    ++r.replaced;
    r.text.append(replacement);
    // Skip the lead byte and any continuation bytes that belonged to the broken sequence.
    ++i;
    while (i < bytes.size() && continuation(static_cast<unsigned char>(bytes[i])) &&
           utf8_sequence_length(bytes, i) == 0)
      ++i;
  }
  return r;
}

}  // namespace diplograph::core
