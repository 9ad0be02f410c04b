#pragma once
// Usage: helpers shared by the tests: unique temporary directories, reading files, running
// a command and capturing its output. Paths come from CMake definitions, never the cwd.

#include <filesystem>
#include <string>
#include <vector>

namespace diplograph::testing {

// A fresh directory under the system temp dir, removed when the object goes away.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct command_result {
  int exit_code = -1;
  std::string out;   // stdout and stderr interleaved
};

// Runs `command` through /bin/sh with stderr merged into stdout.
command_result run_command(const std::string& command);

std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& content);

// Quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text);

// The shared/ folder beside the project, or an empty path when it is absent.
std::filesystem::path shared_dir();

// True when `program` is on PATH (or an absolute path that exists).
bool have_program(const std::string& program);

// True when Debian's /usr/bin/python3 runs and, when `module` is given, can import it.
bool have_python(const std::string& module = "");

// Writes `script` to a new file in `dir` and runs it with /usr/bin/python3 and `args`.
command_result run_python(const std::filesystem::path& dir, const std::string& script,
                          const std::vector<std::string>& args = {});

// `rows` as a JSON array of arrays of strings, for a Python checker to json.load: quotes,
// backslashes and control characters escaped, other bytes as they are. Requires: every string
// is valid UTF-8.
std::string json_rows(const std::vector<std::vector<std::string>>& rows);

// Writes `table` and `expected` into `dir` and runs Python on them: `reader` (Python code, with
// csv, json and sys imported) must set `rows`, a list of lists of strings, from the file named
// sys.argv[1], and may append messages to `problems`. Exit code 0 when `rows` equals `expected`;
// otherwise the output lists the rows that differ.
command_result python_reads_rows(const std::filesystem::path& dir, const std::string& table,
                                 const std::string& reader,
                                 const std::vector<std::vector<std::string>>& expected);

inline std::filesystem::path fixture_dir() { return DIPLOGRAPH_FIXTURE_DIR; }
inline std::filesystem::path dictionary_dir() { return DIPLOGRAPH_DICTIONARY_DIR; }
inline std::string cli_path() { return DIPLOGRAPH_CLI; }
inline std::string python_path() { return DIPLOGRAPH_PYTHON; }

}  // namespace diplograph::testing
