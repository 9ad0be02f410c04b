// Fuzz target: actor phrases (extract::resolve_actor with the built-in dictionaries), as
// `diplograph actor` resolves them from its arguments (any bytes), with and without a date.
// Property: a resolved actor has a code or a name; no crash.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "diplograph/extract/coder.hpp"
#include "fuzz_support.hpp"

namespace dx = diplograph::extract;
using diplograph::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::input in{data, size};
  const bool dated = (in.byte() & 1) != 0;
  const auto day = in.day();
  const std::string_view phrase = in.rest();
  const auto r = dx::resolve_actor(phrase, diplograph::fuzz::builtin_dictionaries(),
                                   dated ? std::optional{day} : std::nullopt);
  if (r.actor) check(!r.actor->code.empty() || !r.actor->name.empty(), "an actor with neither code nor name", phrase);
  for (const auto& role : r.roles) check(!role.empty(), "an empty role", phrase);
  return 0;
}
