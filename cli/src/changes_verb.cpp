#include "changes_verb.hpp"

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "diplograph/export/changes.hpp"
#include "diplograph/graph/changes.hpp"
#include "diplograph/graph/filter.hpp"
#include "diplograph/store/database.hpp"
#include "options.hpp"
#include "output.hpp"

namespace diplograph::cli {

CLI::App* add_changes_verb(CLI::App& app, changes_verb_options& o) {
  auto* cmd = app.add_subcommand(
      "changes",
      "Actor pairs whose relation turned between consecutive windows with events: the mean Goldstein changed "
      "sign or moved by more than --threshold; with the later window's events as evidence");
  cmd->add_option("--db", o.db, "SQLite database file")->capture_default_str();
  cmd->add_option("--window", o.window, "Windows: day, week, month, quarter or year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  cmd->add_option("--threshold", o.threshold, "A jump: the mean Goldstein moves by more than this")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--min-count", o.min_count,
                  "A window counts for a pair only with at least this many of its events (others are skipped)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
  cmd->add_option("--evidence", o.evidence, "Evidence events per change, most extreme first")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
      ->capture_default_str();
  cmd->add_option("--format", o.format, "md, csv (one row per evidence event) or jsonl (one object per change)")
      ->check(CLI::IsMember({"md", "csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--from", o.from, "First day YYYY-MM-DD (inclusive)");
  cmd->add_option("--to", o.to, "Last day YYYY-MM-DD (inclusive)");
  add_event_filter_options(*cmd, o.filters);
  cmd->add_option("-o,--output", o.output, "Output file (default: stdout)");
  return cmd;
}

int run_changes(const changes_verb_options& o, std::ostream& out) {
  const store::event_query q = date_range(o.from, o.to);
  const auto window = graph::parse_time_window(o.window);
  if (!window) throw usage_error("--window wants day, week, month, quarter or year, not '" + o.window + "'");
  if (!std::filesystem::exists(o.db)) throw std::runtime_error("no database at " + o.db + " (run diplograph ingest first)");

  const auto events = [&] {
    const store::database db{o.db, store::database::mode::read_only};
    return graph::filter_events(db.events(q), o.filters.event_filter());
  }();
  const graph::change_options opt{
      .window = *window, .threshold = o.threshold, .min_count = o.min_count, .evidence = o.evidence};
  const auto changes = graph::find_changes(events, opt);
  write_output(o.output, out, [&](std::ostream& f) {
    if (o.format == "csv") exporter::write_changes_csv(f, changes);
    else if (o.format == "jsonl") exporter::write_changes_jsonl(f, changes);
    else exporter::write_changes_md(f, changes, opt);
  });
  return exit_ok;
}

}  // namespace diplograph::cli
