#pragma once
// Usage (tests/reliability):
//   auto r = reliability::run({"extract", file});        // the real binary, stdout and stderr apart
//   EXPECT_TRUE(reliability::exited_cleanly(r)) << reliability::describe(r);
//   auto s = reliability::read_store(db);                  // per-article counts, integrity_check
// Helpers for the tests that run the real `diplograph` binary on hostile input and stores.

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace diplograph::reliability {

struct run_result {
  int exit_code = -1;   // the process's exit status; 128 + N when killed by signal N
  std::string out;      // stdout
  std::string err;      // stderr
  long peak_rss_kib = 0;  // the child's peak resident set size
  double seconds = 0.0;
};

// Runs the diplograph binary with `args` (no shell), standard input from /dev/null, extra
// environment variables `env` ("NAME=value"); `as_nobody`, when the tests run as root, runs
// it as user and group 65534, for whom file permissions hold (root ignores them).
run_result run(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
               bool as_nobody = false);

// Starts the binary in the background (stdout and stderr to /dev/null); returns its pid.
pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// Exit status 0 or 1 (done, or done with bad input reported) and no crash, sanitizer report,
// uncaught exception or assertion in the output.
bool exited_cleanly(const run_result& r);
std::string describe(const run_result& r);

// True when some line of `text` starts with `prefix` and contains `part`.
bool has_line(const std::string& text, const std::string& prefix, const std::string& part = "");

// What a store holds, read with SQLite directly (never through diplograph).
struct article_counts {
  long events = 0;
  long stances = 0;
  long mentions = 0;
  friend bool operator==(const article_counts&, const article_counts&) = default;
};
struct store_contents {
  std::string integrity;                             // PRAGMA integrity_check: "ok" when sound
  std::map<std::string, article_counts> articles;    // by article id
};
// An empty `articles` when there is no file or it has no tables yet (killed before the schema
// was made). Opened read-write (never created) so that SQLite recovers a killed writer's WAL.
store_contents read_store(const std::filesystem::path& db);

}  // namespace diplograph::reliability
