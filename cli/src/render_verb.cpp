#include "render_verb.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "diplograph/export/dot.hpp"
#include "options.hpp"

namespace diplograph::cli {
namespace {

namespace fs = std::filesystem;

// Removes the files it names when it goes away (the temporaries of one run).
class scratch_files {
 public:
  scratch_files(const scratch_files&) = delete;
  scratch_files& operator=(const scratch_files&) = delete;
  explicit scratch_files(std::vector<fs::path> files) : files_(std::move(files)) {}
  ~scratch_files() {
    std::error_code ignored;
    for (const auto& f : files_) fs::remove(f, ignored);
  }

 private:
  std::vector<fs::path> files_;
};

// Runs `program` with `args` (argv[0] included), stdin and stdout on /dev/null and stderr into
// `stderr_file`; returns its exit status (128 + the signal when it was killed).
int run_program(const fs::path& program, const std::vector<std::string>& args,
                const fs::path& stderr_file) {
  std::vector<std::string> storage = args;
  std::vector<char*> argv;
  for (auto& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw std::runtime_error("cannot run " + program.string() + ": " + std::strerror(spawned));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      throw std::runtime_error("cannot wait for " + program.string() + ": " + std::strerror(errno));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string format_of(const render_verb_options& o) {
  if (!o.format.empty()) return o.format;
  return fs::path(o.output).extension() == ".png" ? "png" : "svg";
}

}  // namespace

CLI::App* add_render_verb(CLI::App& app, render_verb_options& o) {
  auto* cmd = app.add_subcommand(
      "render", "Draw the stored actor graph with Graphviz (SVG or PNG, with a legend)");
  cmd->add_option("--db", o.db, "SQLite database file")->capture_default_str();
  cmd->add_option("--format", o.format,
                  "svg or png (default: png when FILE ends in .png, else svg)")
      ->check(CLI::IsMember({"svg", "png"}));
  cmd->add_option("--engine", o.engine,
                  "Graphviz layout program: sfdp or dot (default: sfdp above " +
                      std::to_string(render_sfdp_above) + " actors, else dot)")
      ->check(CLI::IsMember({"sfdp", "dot"}));
  cmd->add_option("--dot-cluster", o.cluster,
                  "none, or country: one box per country (issues and IGOs in their own); dot draws "
                  "them, sfdp ignores them")
      ->check(CLI::IsMember({"none", "country"}))
      ->capture_default_str();
  cmd->add_option("--from", o.from, "First day YYYY-MM-DD (inclusive; leaves out undated events)");
  cmd->add_option("--to", o.to, "Last day YYYY-MM-DD (inclusive; leaves out undated events)");
  cmd->add_option("-o,--output", o.output, "Image file to write")->required();
  return cmd;
}

std::optional<fs::path> find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr || program.empty()) return std::nullopt;
  std::string_view rest = path;
  for (;;) {
    const auto colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    const fs::path candidate = (dir.empty() ? fs::path(".") : fs::path(dir)) / program;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
}

int run_render(const render_verb_options& o, const std::function<graph::snapshot()>& load,
               std::ostream& out, std::ostream& err) {
  const auto from = parse_day_option(o.from, "from");
  const auto to = parse_day_option(o.to, "to");
  if (from && to && *to < *from) throw usage_error("--to is before --from");
  const std::string format = format_of(o);

  const graph::snapshot g = load();
  const std::string engine = !o.engine.empty()                    ? o.engine
                             : g.nodes.size() > render_sfdp_above ? "sfdp"
                                                                  : "dot";
  const auto program = find_on_path(engine);
  if (!program) {
    throw std::runtime_error("render needs the Graphviz program '" + engine +
                             "', which is not on PATH (install the Debian package graphviz: "
                             "apt-get install graphviz)");
  }

  exporter::dot_options dot;
  dot.layout = engine == "sfdp" ? exporter::dot_layout::sfdp : exporter::dot_layout::dot;
  dot.cluster = exporter::parse_dot_cluster(o.cluster).value_or(exporter::dot_cluster::none);
  dot.legend = true;

  const fs::path target{o.output};
  const std::string stem = o.output + "." + std::to_string(::getpid());
  const fs::path dot_file = stem + ".tmp.dot";
  const fs::path image = stem + ".tmp." + format;
  const fs::path messages = stem + ".tmp.err";
  const scratch_files cleanup({dot_file, image, messages});
  {
    std::ofstream f(dot_file, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + dot_file.string());
    exporter::write_dot(f, g, dot);
    f.flush();
    if (!f) throw std::runtime_error("cannot write " + dot_file.string() + " (disk full?)");
  }

  const int status = run_program(
      *program, {engine, "-T" + format, dot_file.string(), "-o", image.string()}, messages);
  const std::string said = read_text(messages);
  if (status != 0) {
    throw std::runtime_error(engine + " failed (exit status " + std::to_string(status) + ")" +
                             (said.empty() ? std::string{} : ": " + said));
  }
  std::istringstream lines(said);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) err << "diplograph: " << engine << ": " << line << '\n';
  std::error_code ec;
  if (!fs::is_regular_file(image, ec) || fs::file_size(image, ec) == 0)
    throw std::runtime_error(engine + " wrote no image");
  fs::rename(image, target);
  out << "wrote " << o.output << ": " << g.nodes.size() << " actors, " << g.edges.size()
      << " relations, drawn by " << engine << '\n';
  return exit_ok;
}

}  // namespace diplograph::cli
