// Fuzz target: JSON Lines through extract::read_buffer: records, bad records, long and blank lines, BOMs and CRLF.
// Property: fuzz::ingest_and_check's (articles valid UTF-8 with ids and ordered segments,
// diagnostics naming the input), and no crash.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const diplograph::fuzz::input in{data, size};
  diplograph::fuzz::ingest_and_check(in.rest(), diplograph::extract::input_format::jsonl, "fuzz.jsonl");
  return 0;
}
