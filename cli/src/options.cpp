#include "options.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>

namespace diplograph::cli {

std::optional<core::calendar_day> parse_day_option(const std::string& value, const char* name) {
  if (value.empty()) return std::nullopt;
  auto d = core::parse_iso_day(value);
  if (!d) throw usage_error(std::string("--") + name + " wants a date as YYYY-MM-DD, not '" + value + "'");
  return d;
}

extract::ingest_options ingest_options_from(const input_options& o, std::istream& in) {
  extract::ingest_options opt;
  opt.published_override = parse_day_option(o.published, "published");
  opt.max_article_bytes = o.max_article_bytes;
  opt.stdin_stream = &in;
  return opt;
}

extract::dictionaries load_dictionaries(const dictionary_options& o) {
  const std::filesystem::path builtin =
      o.dict_dir.empty() ? extract::dictionaries::default_directory() : std::filesystem::path(o.dict_dir);
  if (o.dicts.empty()) return extract::dictionaries::load(builtin);
  const auto format = o.dict_format == "petrarch" ? extract::dictionary_format::petrarch
                                                  : extract::dictionary_format::diplograph;
  std::vector<extract::dictionary_source> sources;
  for (const auto& d : o.dicts) sources.push_back({d, format});
  if (o.with_builtin) sources.push_back({builtin, extract::dictionary_format::diplograph});
  return extract::dictionaries::load(sources, builtin);
}

void add_dictionary_options(CLI::App& cmd, dictionary_options& o) {
  cmd.add_option("--dict-dir", o.dict_dir,
                 "Directory of our dictionaries (default: $DIPLOGRAPH_DICT_DIR, else the built-in ones)");
  // One directory per --dict, so the inputs that follow are not taken for directories.
  cmd.add_option("--dict", o.dicts,
                 "Use this dictionary directory instead of the built-in actors and verbs (repeat for more)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd.add_option("--dict-format", o.dict_format, "Format of --dict directories")
      ->check(CLI::IsMember({"diplograph", "petrarch"}))
      ->capture_default_str();
  cmd.add_flag("--with-builtin", o.with_builtin, "With --dict, also use the built-in actors and verbs");
}

void add_input_options(CLI::App& cmd, input_options& o) {
  cmd.add_option("inputs", o.inputs, "Files, directories (read recursively) or - for stdin")->required();
  cmd.add_option("--published", o.published,
                 "Publication date YYYY-MM-DD for every article (overrides metadata and text)");
  add_dictionary_options(cmd, o.dictionaries);
  cmd.add_option("--max-article-bytes", o.max_article_bytes, "Skip larger articles (reported)")
      ->capture_default_str();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  cmd.add_option("-j,--jobs", o.jobs,
                 "Threads coding articles; output is the same for any N (default 0: one per core, " +
                     std::to_string(cores) + " here)")
      ->check(CLI::Range(0u, 1024u));
}

}  // namespace diplograph::cli
