#pragma once
// Usage: std::string out; append_json_string(out, "a \"quoted\" word"); -> "\"a \\\"quoted\\\" word\""
// Writing JSON only; parsing is simdjson's job in extract/.

#include <string>
#include <string_view>

namespace diplograph::core {

// Appends `text` as a JSON string literal, quotes included. Control characters are escaped,
// invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

// Appends a finite double in shortest round-trip form; NaN and infinities become null.
void append_json_number(std::string& out, double value);

}  // namespace diplograph::core
