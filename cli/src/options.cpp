#include "options.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <string>
#include <thread>

namespace diplograph::cli {

std::optional<core::calendar_day> parse_day_option(const std::string& value, const char* name) {
  if (value.empty()) return std::nullopt;
  auto d = core::parse_iso_day(value);
  if (!d) throw usage_error(std::string("--") + name + " wants a date as YYYY-MM-DD, not '" + value + "'");
  return d;
}

store::event_query date_range(const std::string& from, const std::string& to) {
  store::event_query q;
  q.from = parse_day_option(from, "from");
  q.to = parse_day_option(to, "to");
  if (q.from && q.to && *q.to < *q.from) throw usage_error("--to is before --from");
  return q;
}

extract::ingest_options ingest_options_from(const input_options& o, std::istream& in) {
  extract::ingest_options opt;
  opt.published_override = parse_day_option(o.published, "published");
  opt.max_article_bytes = o.max_article_bytes;
  opt.stdin_stream = &in;
  return opt;
}

namespace {

extract::dictionary_format format_of(const std::string& name) {
  if (name == "petrarch") return extract::dictionary_format::petrarch;
  if (name == "tabari") return extract::dictionary_format::tabari;
  return extract::dictionary_format::diplograph;
}

// The lines an import skipped, one warning each, and a count of what it could not express.
void report_import(const extract::import_report& r, const std::string& dir, std::ostream& warnings) {
  for (const auto& d : r.skipped) warnings << "diplograph: " << core::format(d) << " (line skipped)\n";
  if (r.skipped.empty() && r.not_expressible == 0) return;
  warnings << "diplograph: note: " << dir << ": " << r.actors << " actors, " << r.agent_phrases << " agent phrases, "
           << r.verb_patterns << " verb patterns; " << r.skipped.size() << " lines skipped, " << r.not_expressible
           << " entries our model cannot express\n";
}

}  // namespace

extract::dictionaries load_dictionaries(const dictionary_options& o, std::ostream& warnings) {
  const std::filesystem::path builtin =
      o.dict_dir.empty() ? extract::dictionaries::default_directory() : std::filesystem::path(o.dict_dir);
  if (o.dicts.empty()) return extract::dictionaries::load(builtin);
  const auto format = format_of(o.dict_format);
  if (format != extract::dictionary_format::tabari) {
    std::vector<extract::dictionary_source> sources;
    for (const auto& d : o.dicts) sources.push_back({d, format});
    if (o.with_builtin) sources.push_back({builtin, extract::dictionary_format::diplograph});
    return extract::dictionaries::load(sources, builtin);
  }
  // TABARI: built here rather than by dictionaries::load, to report the lines it skips.
  extract::dictionary_builder b;
  b.load_grammar_and_cameo(builtin);
  for (const auto& d : o.dicts) report_import(b.load_tabari(d), d, warnings);
  if (o.with_builtin) b.load_diplograph(builtin);
  return std::move(b).build();
}

extract::dictionaries load_dictionaries(const dictionary_options& o) { return load_dictionaries(o, std::cerr); }

void add_dictionary_options(CLI::App& cmd, dictionary_options& o) {
  cmd.add_option("--dict-dir", o.dict_dir,
                 "Directory of our dictionaries (default: $DIPLOGRAPH_DICT_DIR, else the built-in ones)");
  // One directory per --dict, so the inputs that follow are not taken for directories.
  cmd.add_option("--dict", o.dicts,
                 "Use this dictionary directory instead of the built-in actors and verbs (repeat for more)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd.add_option("--dict-format", o.dict_format, "Format of --dict directories")
      ->check(CLI::IsMember({"diplograph", "petrarch", "tabari"}))
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
