#include "reliability_support.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "test_support.hpp"

extern char** environ;

namespace diplograph::reliability {
namespace {

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Sets the child up and runs the binary; never returns.
[[noreturn]] void exec_child(const std::vector<std::string>& args, const std::vector<std::string>& env,
                             bool as_nobody, int out_fd, int err_fd) {
  const int null_fd = ::open("/dev/null", O_RDWR);
  ::dup2(null_fd, STDIN_FILENO);
  ::dup2(out_fd < 0 ? null_fd : out_fd, STDOUT_FILENO);
  ::dup2(err_fd < 0 ? null_fd : err_fd, STDERR_FILENO);
  for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));  // NOLINT: the child's copy
  if (as_nobody && ::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
    ::_exit(125);
  std::vector<std::string> argv{testing::cli_path()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto c_argv = c_strings(argv);
  ::execve(c_argv[0], c_argv.data(), environ);
  ::_exit(127);
}

std::string drain(int fd) {
  std::string text;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      text.append(buffer.data(), static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  return text;
}

}  // namespace

run_result run(const std::vector<std::string>& args, const std::vector<std::string>& env, bool as_nobody) {
  // Output goes to files, so that a chatty child can never block on a full pipe.
  FILE* out_file = std::tmpfile();
  FILE* err_file = std::tmpfile();
  if (out_file == nullptr || err_file == nullptr) throw std::runtime_error("cannot make temporary files");
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) exec_child(args, env, as_nobody, ::fileno(out_file), ::fileno(err_file));
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run_result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.peak_rss_kib = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  for (auto [file, text] : {std::pair{out_file, &r.out}, std::pair{err_file, &r.err}}) {
    std::rewind(file);
    *text = drain(::fileno(file));
    std::fclose(file);
  }
  return r;
}

pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) exec_child(args, env, false, -1, -1);
  return pid;
}

bool exited_cleanly(const run_result& r) {
  if (r.exit_code != 0 && r.exit_code != 1) return false;
  for (const char* sign : {"Sanitizer", "runtime error:", "terminate called", "Assertion", "Aborted",
                           "Segmentation fault", "std::bad_alloc"}) {
    if (r.err.find(sign) != std::string::npos || r.out.find(sign) != std::string::npos) return false;
  }
  return true;
}

std::string describe(const run_result& r) {
  std::ostringstream s;
  s << "exit " << r.exit_code << ", " << r.seconds << " s, peak RSS " << r.peak_rss_kib / 1024
    << " MiB\n--- stderr:\n"
    << r.err.substr(0, 4000) << "\n--- stdout (" << r.out.size() << " bytes):\n"
    << r.out.substr(0, 2000);
  return s.str();
}

bool has_line(const std::string& text, const std::string& prefix, const std::string& part) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0 && line.find(part) != std::string::npos) return true;
  return false;
}

store_contents read_store(const std::filesystem::path& db) {
  store_contents c;
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {  // killed before SQLite made the file
    c.integrity = "ok";
    return c;
  }
  // Read-write (never creating), so that SQLite can recover the WAL of a killed writer.
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
  c.integrity = d.execAndGet("PRAGMA integrity_check").getString();
  if (d.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'articles'").getInt() == 0) return c;
  SQLite::Statement s(d, R"sql(
SELECT a.id,
       (SELECT count(*) FROM events e WHERE e.article = a.pk),
       (SELECT count(*) FROM stances s WHERE s.article = a.pk),
       (SELECT count(*) FROM mentions m WHERE m.article = a.pk)
FROM articles a)sql");
  while (s.executeStep()) {
    c.articles[s.getColumn(0).getString()] = {s.getColumn(1).getInt64(), s.getColumn(2).getInt64(),
                                              s.getColumn(3).getInt64()};
  }
  return c;
}

}  // namespace diplograph::reliability
