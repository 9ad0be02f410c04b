#pragma once
// Usage (CLI tests): const auto r = run_cli({"extract", "-"}, input); EXPECT_EQ(r.code, 0) << describe(r);
// diplograph::cli::run in-process, with a string as standard input and the outputs captured.

#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace diplograph::testing {

struct cli_result {
  int code = -1;
  std::string out;
  std::string err;
};

// `args` without the program name ("extract", "--format", "jsonl", "-").
inline cli_result run_cli(std::vector<std::string> args, const std::string& input = {}) {
  args.insert(args.begin(), "diplograph");
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  cli_result r;
  r.code = diplograph::cli::run(args, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

inline std::string describe(const cli_result& r) {
  return "exit " + std::to_string(r.code) + "\n--- stdout:\n" + r.out + "\n--- stderr:\n" + r.err;
}

}  // namespace diplograph::testing
