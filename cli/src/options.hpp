#pragma once
// Usage: options shared by the verbs (input files, dates, dictionaries) and their CLI11 wiring.
//   input_options io; add_input_options(*cmd, io); ... auto dicts = load_dictionaries(io);

#include <CLI/CLI.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"
#include "diplograph/store/database.hpp"

namespace diplograph::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 1;
inline constexpr int exit_usage = 2;

// A mistake on the command line: reported with exit status 2.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Which dictionaries to load.
struct dictionary_options {
  std::string dict_dir;                 // our built-in format (and the grammar and CAMEO table)
  std::vector<std::string> dicts;       // --dict DIR, repeatable
  std::string dict_format = "diplograph";
  bool with_builtin = false;            // also load dict_dir's actors and verbs with --dict
};

// Options shared by the verbs that read articles.
struct input_options {
  std::vector<std::string> inputs;
  std::string published;
  dictionary_options dictionaries;
  std::size_t max_article_bytes = 16u << 20;
  unsigned jobs = 0;  // -j: threads coding articles; 0 means one per core
};

// Throws usage_error naming --`name` when `value` is not YYYY-MM-DD.
std::optional<core::calendar_day> parse_day_option(const std::string& value, const char* name);

// The --from/--to range ("" for an open end) as a store query. Throws usage_error for a
// malformed date and when --to is before --from.
store::event_query date_range(const std::string& from, const std::string& to);

extract::ingest_options ingest_options_from(const input_options& o, std::istream& in);

// Throws extract::extract_error when a dictionary is missing or malformed. Lines of TABARI
// dictionaries that cannot be read are skipped and reported to `warnings`.
extract::dictionaries load_dictionaries(const dictionary_options& o, std::ostream& warnings);
// The same, with the warnings on standard error.
extract::dictionaries load_dictionaries(const dictionary_options& o);

void add_dictionary_options(CLI::App& cmd, dictionary_options& o);
void add_input_options(CLI::App& cmd, input_options& o);

}  // namespace diplograph::cli
