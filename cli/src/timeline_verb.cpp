#include "timeline_verb.hpp"

#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "diplograph/core/cameo.hpp"
#include "diplograph/core/date.hpp"
#include "diplograph/export/timeline.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/store/database.hpp"
#include "options.hpp"
#include "output.hpp"

namespace diplograph::cli {
namespace {

namespace fs = std::filesystem;

// Labels for the codes that occur, each code's entry found as cameo_table::find does (falling
// back to its parents).
std::map<std::string, std::string, std::less<>> labels_for(const std::vector<core::event>& events,
                                                            const std::string& dict_dir) {
  const fs::path dir = dict_dir.empty() ? extract::dictionaries::default_directory() : fs::path(dict_dir);
  const auto table = core::cameo_table::load(dir / "cameo_codes.tsv");
  std::map<std::string, std::string, std::less<>> labels;
  for (const auto& e : events) {
    if (e.code.empty() || labels.count(e.code) > 0) continue;
    if (const core::cameo_code* c = table.find(e.code)) labels.emplace(e.code, c->label);
  }
  return labels;
}

std::string default_title(const timeline_verb_options& o) {
  std::string title = "Timeline";
  if (!o.actor.empty()) title += ": " + o.actor;
  if (!o.from.empty() || !o.to.empty()) {
    title += o.actor.empty() ? ": " : ", ";
    title += (o.from.empty() ? std::string("\xE2\x80\xA6") : o.from) + " \xE2\x80\x93 " +
             (o.to.empty() ? std::string("\xE2\x80\xA6") : o.to);
  }
  return title;
}

}  // namespace

CLI::App* add_timeline_verb(CLI::App& app, timeline_verb_options& o) {
  auto* cmd = app.add_subcommand(
      "timeline", "Stored events in date order: md, csv, json (TimelineJS), vis (vis-timeline) or html");
  cmd->add_option("--db", o.db, "SQLite database file")->capture_default_str();
  cmd->add_option("--actor", o.actor,
                  "Only events whose source or target code starts with CODE or whose name contains NAME "
                  "(case-insensitive)");
  cmd->add_option("--from", o.from, "First day YYYY-MM-DD (inclusive; leaves out undated events)");
  cmd->add_option("--to", o.to, "Last day YYYY-MM-DD (inclusive; leaves out undated events)");
  cmd->add_option("--format", o.format, "md, csv, json (TimelineJS3), vis (vis-timeline) or html")
      ->required()
      ->check(CLI::IsMember({"md", "csv", "json", "vis", "html"}));
  cmd->add_option("-o,--output", o.output, "Output file (default: stdout)");
  cmd->add_option("--title", o.title, "Title (default: Timeline, with the actor and range)");
  cmd->add_option("--dict-dir", o.dict_dir,
                  "Directory holding cameo_codes.tsv (default: $DIPLOGRAPH_DICT_DIR, else the built-in one)");
  return cmd;
}

int run_timeline(const timeline_verb_options& o, std::ostream& out) {
  const store::event_query q = date_range(o.from, o.to);
  if (!fs::exists(o.db)) throw std::runtime_error("no database at " + o.db + " (run diplograph ingest first)");

  const auto events = [&] {
    const store::database db{o.db, store::database::mode::read_only};
    return exporter::filter_by_actor(db.events(q), o.actor);
  }();
  exporter::timeline_options opt;
  opt.labels = labels_for(events, o.dict_dir);
  opt.title = o.title.empty() ? default_title(o) : o.title;

  const auto write = [&](std::ostream& f) {
    if (o.format == "md") exporter::write_timeline_md(f, events, opt);
    else if (o.format == "csv") exporter::write_timeline_csv(f, events, opt);
    else if (o.format == "json") exporter::write_timeline_json(f, events, opt);
    else if (o.format == "vis") exporter::write_timeline_vis(f, events, opt);
    else if (o.format == "html") exporter::write_timeline_html(f, events, opt);
    else throw usage_error("timeline --format wants md, csv, json, vis or html, not '" + o.format + "'");
  };
  write_output(o.output, out, write);
  return exit_ok;
}

}  // namespace diplograph::cli
