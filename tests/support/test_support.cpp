#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace diplograph::testing {

temp_dir::temp_dir() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = std::filesystem::temp_directory_path() /
                     ("diplograph-test-" + std::to_string(::getpid()) + '-' +
                      std::to_string(counter++) + '-' + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

command_result run_command(const std::string& command) {
  command_result result;
  const std::string full = command + " 2>&1";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::filesystem::path& file, const std::string& content) {
  std::ofstream out(file, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::filesystem::path shared_dir() {
  std::filesystem::path p = DIPLOGRAPH_SHARED_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(p / "seeds", ec)) return p;
  return {};
}

bool have_program(const std::string& program) {
  if (program.empty()) return false;
  if (program.front() == '/') return ::access(program.c_str(), X_OK) == 0;
  return run_command("command -v " + shell_quote(program) + " >/dev/null").exit_code == 0;
}

bool have_python(const std::string& module) {
  const std::string python = python_path();
  if (python.empty() || !have_program(python)) return false;
  return module.empty() ||
         run_command(shell_quote(python) + " -c " + shell_quote("import " + module)).exit_code == 0;
}

command_result run_python(const std::filesystem::path& dir, const std::string& script,
                          const std::vector<std::string>& args) {
  static std::atomic<unsigned> counter{0};
  const auto file = dir / ("check_" + std::to_string(counter++) + ".py");
  write_file(file, script);
  std::string command = shell_quote(python_path()) + ' ' + shell_quote(file.string());
  for (const auto& a : args) command += ' ' + shell_quote(a);
  return run_command(command);
}

std::string json_rows(const std::vector<std::vector<std::string>>& rows) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string json = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    json += i > 0 ? ", [" : "[";
    for (std::size_t j = 0; j < rows[i].size(); ++j) {
      json += j > 0 ? ", \"" : "\"";
      for (const char c : rows[i][j]) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
          json += '\\';
          json += c;
        } else if (byte < 0x20) {
          json += "\\u00";
          json += digits[byte >> 4];
          json += digits[byte & 0xF];
        } else {
          json += c;
        }
      }
      json += '"';
    }
    json += ']';
  }
  json += ']';
  return json;
}

command_result python_reads_rows(const std::filesystem::path& dir, const std::string& table,
                                 const std::string& reader,
                                 const std::vector<std::vector<std::string>>& expected) {
  write_file(dir / "table", table);
  write_file(dir / "expected.json", json_rows(expected));
  return run_python(dir, "import csv, json, sys\nproblems = []\n" + reader + R"PY(
expected = json.load(open(sys.argv[2], encoding="utf-8"))
if len(rows) != len(expected): problems.append("%d rows, expected %d" % (len(rows), len(expected)))
for i, (got, want) in enumerate(zip(rows, expected)):
    if got != want: problems.append("row %d: %r\n  expected %r" % (i, got, want))
print("\n".join(problems))
sys.exit(1 if problems else 0)
)PY",
                    {(dir / "table").string(), (dir / "expected.json").string()});
}

}  // namespace diplograph::testing
