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

inline std::filesystem::path fixture_dir() { return DIPLOGRAPH_FIXTURE_DIR; }
inline std::filesystem::path dictionary_dir() { return DIPLOGRAPH_DICTIONARY_DIR; }
inline std::string cli_path() { return DIPLOGRAPH_CLI; }
inline std::string python_path() { return DIPLOGRAPH_PYTHON; }

}  // namespace diplograph::testing
