#pragma once
// Usage:
//   const std::string& text = bench::news_text();              // ~3 KB wire story, ours
//   const auto events = bench::synthetic_events(10'000);       // same events every run
//   const auto* dicts = bench::built_in_dictionaries(state);   // nullptr: state is skipped
//   bench::counting_stream out; exporter::write_dot(out, snap); out.bytes();
// Inputs shared by the microbenchmarks. Everything is generated in code, deterministically, so
// numbers from two machines or two commits measure the same work.

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "diplograph/core/event.hpp"
#include "diplograph/extract/dictionaries.hpp"

namespace diplograph::bench {

// An invented wire story (dateline, quotes, abbreviations, decimals, a photo caption and a
// credit line) of about 3 KB. Written for these benchmarks; it reports no real event.
const std::string& news_text();

// `n` events among a pool of a few hundred actors drawn with a skewed (Zipf-like) frequency,
// as news coverage is; about 5% lack a target and 10% a date. Seeded std::mt19937, so the same
// `n` and `seed` give the same events. Event text is left empty: the graph never reads it.
std::vector<core::event> synthetic_events(std::size_t n, std::uint32_t seed = 20190314U);

// $DIPLOGRAPH_DICT_DIR when set (as for the CLI), else the source tree's dictionaries/
// (DIPLOGRAPH_BENCH_DICT_DIR, from CMake).
std::filesystem::path dictionary_directory();

// The dictionaries in dictionary_directory(), loaded once per process. When they cannot be
// loaded (a file missing or malformed) calls state.SkipWithError with the reason and returns
// nullptr; the caller returns without entering its loop.
const extract::dictionaries* built_in_dictionaries(benchmark::State& state);

// An ostream that discards what it is given and counts the bytes. It buffers like a file
// stream, so formatting costs what it would against a file, without the system calls.
class counting_buffer : public std::streambuf {
 public:
  counting_buffer();
  [[nodiscard]] std::size_t bytes() const;

 protected:
  int_type overflow(int_type c) override;

 private:
  std::array<char, 8192> buffer_{};
  std::size_t flushed_ = 0;
};

// The buffer is a base listed before std::ostream so that it is built before the stream that
// points at it (base-from-member).
struct counting_buffer_holder {
  counting_buffer buffer;
};

class counting_stream : private counting_buffer_holder, public std::ostream {
 public:
  counting_stream() : std::ostream(&buffer) {}
  [[nodiscard]] std::size_t bytes() const { return buffer.bytes(); }
};

}  // namespace diplograph::bench
