#pragma once
// Usage: diagnostic{severity::error, "in.jsonl", 12, "", {}, "malformed JSON: ..."}
//        format(d) -> "in.jsonl:12: error: malformed JSON: ..."
// Problems in the input are data, not exceptions: every stage returns them beside its results.

#include <cstddef>
#include <string>

namespace diplograph::core {

enum class severity { note, warning, error };

// A byte range [begin, end) into an article's text.
struct span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const span&, const span&) = default;
};

struct diagnostic {
  severity level = severity::warning;
  std::string file;       // input file ("-" for stdin); may be empty
  std::size_t line = 0;   // 1-based line in `file`, 0 when not applicable
  std::string article;    // article id, when the problem belongs to one
  span where{};           // byte span in the article text, when known
  std::string message;
};

// "file:line: level: message" (file and line omitted when unknown, article id added when known).
std::string format(const diagnostic& d);

}  // namespace diplograph::core
