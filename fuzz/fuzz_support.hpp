#pragma once
// Usage (in a fuzz target):
//   extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
//     fuzz::input in{data, size};
//     const bool flag = in.byte() & 1;          // fields first, then the rest
//     std::string name = in.text(16);
//     fuzz::check(property, "what is wrong", detail);   // prints and aborts when false
//     return 0;
//   }
// What every fuzz target shares: the built-in dictionaries (loaded once), a splitter of the
// input into fields, and a check that turns a broken property into a crash libFuzzer (or the
// CTest replay) reports.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diplograph/core/article.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"

namespace diplograph::fuzz {

// The fuzz input as fields. Every read succeeds: past the end, bytes are 0 and texts empty.
class input {
 public:
  input(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}  // NOLINT: bytes as chars

  std::uint8_t byte();
  // A length byte, then that many bytes (at most `max`, and at most what is left).
  std::string text(std::size_t max = 255);
  // A day from 1880 to 2059 (1970-01-01 plus or minus 32768 days), from two bytes.
  core::calendar_day day();
  // Everything not read yet.
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Prints `what` and `detail` (escaped) to stderr and aborts: a failed property is a crash.
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});
inline void check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// dictionaries/ as the CLI loads it by default; loaded on first use, kept for the process.
const extract::dictionaries& builtin_dictionaries();

// The source tree's dictionaries/ folder.
const char* builtin_dictionary_dir();

// Ingests `content` as one input called `name` (through standard input when `format` is
// detect, else extract::read_buffer) and checks what ingest promises: every article has an id,
// non-blank valid UTF-8 text and segments in order within it; every diagnostic names `name`
// (or "-" for standard input).
void ingest_and_check(std::string_view content, extract::input_format format, const std::string& name);

}  // namespace diplograph::fuzz
