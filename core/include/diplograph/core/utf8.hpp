#pragma once
// Usage: auto r = sanitize_utf8(bytes); r.text is valid UTF-8; r.replaced counts bad sequences.

#include <cstddef>
#include <string>
#include <string_view>

namespace diplograph::core {

struct utf8_result {
  std::string text;
  std::size_t replaced = 0;        // number of invalid sequences replaced by U+FFFD
  std::size_t first_bad = 0;       // byte offset (in the input) of the first one
};

// Ensures: the result is valid UTF-8 with no NUL bytes; each maximal invalid subsequence
// becomes U+FFFD (as the Unicode standard recommends); NUL becomes U+FFFD too.
utf8_result sanitize_utf8(std::string_view bytes);

// Length of the valid UTF-8 sequence at `pos`, or 0 if the bytes there are not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos);

bool is_valid_utf8(std::string_view bytes);

}  // namespace diplograph::core
