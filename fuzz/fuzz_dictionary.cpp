// Fuzz target: dictionary loading. The first byte chooses a file; the rest of the input
// becomes that file in a scratch copy of a small dictionary set (our formats: igos.txt,
// groups.txt, countries.txt, institutions.txt, leaders.txt, regions.txt, agents.txt, verbs.txt,
// and grammar.txt, issues.txt and cameo_codes.tsv beside the grammar; or a PETRARCH or TABARI
// .actors/.agents/.verbs file), which is then loaded as `--dict-dir` or `--dict` would load it.
// Property: a load either succeeds or throws extract_error (never another exception, never a
// crash); what loads then codes a sentence and resolves a phrase without crashing.

#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"
#include "fuzz_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
namespace fs = std::filesystem;

namespace {

// A few lines of each of our files, enough for a load to succeed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> stub_files{{
    {"igos.txt", "IGOUNO = United Nations | UN | U.N.\n"},
    {"groups.txt", "IMGMUSISI = Islamic State | ISIS ; role = REB\n"},
    {"countries.txt",
     "SYR = Syria ; adj = Syrian ; gov = Damascus\nTUR = Turkey ; adj = Turkish ; gov = Ankara\n"},
    {"agents.txt", "GOV = government | minister\nMIL = troops | army\n"},
    {"verbs.txt", "190 = attack | shell\n040 = meet/met with | hold talks with\n"},
}};

struct target_file {
  const char* directory;  // under the scratch root
  const char* name;
  dx::dictionary_format format;
};

constexpr std::array targets{
    target_file{"ours", "igos.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "groups.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "countries.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "institutions.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "leaders.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "regions.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "agents.txt", dx::dictionary_format::diplograph},
    target_file{"ours", "verbs.txt", dx::dictionary_format::diplograph},
    target_file{"grammar", "grammar.txt", dx::dictionary_format::diplograph},
    target_file{"grammar", "issues.txt", dx::dictionary_format::diplograph},
    target_file{"grammar", "cameo_codes.tsv", dx::dictionary_format::diplograph},
    target_file{"petrarch", "Fuzz.actors", dx::dictionary_format::petrarch},
    target_file{"petrarch", "Fuzz.agents", dx::dictionary_format::petrarch},
    target_file{"petrarch", "Fuzz.verbs", dx::dictionary_format::petrarch},
    target_file{"tabari", "Fuzz.actors", dx::dictionary_format::tabari},
    target_file{"tabari", "Fuzz.agents", dx::dictionary_format::tabari},
    target_file{"tabari", "Fuzz.verbs", dx::dictionary_format::tabari},
};

void write(const fs::path& file, std::string_view content) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) diplograph::fuzz::fail("cannot write the scratch dictionary", file.string());
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The scratch dictionaries, made once per process and removed at exit.
class scratch {
 public:
  scratch() {
    root_ = fs::temp_directory_path() / ("diplograph-fuzz-dictionary-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    for (const char* d : {"ours", "grammar", "petrarch", "tabari"}) fs::create_directories(root_ / d);
    for (const auto& [name, content] : stub_files) write(root_ / "ours" / name, content);
    const fs::path builtin = diplograph::fuzz::builtin_dictionary_dir();
    for (const char* name : {"grammar.txt", "issues.txt", "cameo_codes.tsv"})
      write(root_ / "grammar" / name, read(builtin / name));
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;

  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

// Codes one sentence and resolves one phrase with freshly loaded dictionaries.
void use(const dx::dictionaries& dicts, std::string_view phrase) {
  dc::article a;
  a.id = dc::article_id{"d"};
  a.text = "Syrian troops attacked Turkey on Monday, the government said. " + std::string(phrase);
  dx::ingest_options options;
  options.published_override = dc::parse_iso_day("2017-03-24");
  (void)dx::extract_events(dx::prepare_article(std::move(a), options).article, dicts);
  (void)dx::resolve_actor(phrase, dicts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const scratch dir;
  diplograph::fuzz::input in{data, size};
  const target_file& t = targets[in.byte() % targets.size()];
  const fs::path file = dir.root() / t.directory / t.name;
  const std::string saved = fs::exists(file) ? read(file) : std::string();
  const bool existed = fs::exists(file);
  const std::string_view content = in.rest();
  write(file, content);
  const fs::path grammar = dir.root() / "grammar";
  try {
    if (t.format == dx::dictionary_format::tabari) {
      dx::dictionary_builder b;
      b.load_grammar_and_cameo(grammar);
      const auto report = b.load_tabari(dir.root() / "tabari");
      for (const auto& d : report.skipped)
        diplograph::fuzz::check(d.line > 0, "a skipped TABARI line without its line number", d.message);
      use(std::move(b).build(), content.substr(0, 64));
    } else {
      const fs::path source = dir.root() / t.directory;
      const fs::path ours = dir.root() / "ours";
      use(dx::dictionaries::load({{t.format == dx::dictionary_format::petrarch ? source : ours, t.format}},
                                 grammar),
          content.substr(0, 64));
    }
  } catch (const dx::extract_error&) {
    // A malformed file: what a user sees as "diplograph: file:line: what".
  }
  if (existed) write(file, saved);
  else fs::remove(file);
  return 0;
}
