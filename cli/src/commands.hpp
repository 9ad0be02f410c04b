#pragma once
// Usage: int code = cli::run({"diplograph", "extract", "news.jsonl"}, std::cin, std::cout, std::cerr);
// Parses the verb and dispatches to run_<verb>; data goes to `out`, diagnostics to `err`.
// Exit codes: 0 success, 1 bad input (reported; the rest of the batch still ran) or a failed
// environment (database, dictionaries), 2 usage error.

#include <iosfwd>
#include <string>
#include <vector>

namespace diplograph::cli {

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace diplograph::cli
