// Fuzz target: standard input as `diplograph ingest -` reads it: the kind is sniffed (plain
// text, JSONL or HTML), then the article is cleaned, segmented and dated.
// Property: fuzz::ingest_and_check's (articles valid UTF-8 with ids and ordered segments,
// diagnostics naming the input), and no crash.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const diplograph::fuzz::input in{data, size};
  diplograph::fuzz::ingest_and_check(in.rest(), diplograph::extract::input_format::detect, "-");
  return 0;
}
