#include "commands.hpp"

#include "actor_verb.hpp"
#include "changes_verb.hpp"
#include "graph_options.hpp"
#include "merge_verb.hpp"
#include "options.hpp"
#include "output.hpp"
#include "pipeline.hpp"
#include "render_verb.hpp"
#include "timeline_verb.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <iostream>
#include <optional>

#include "diplograph/core/date.hpp"
#include "diplograph/export/clusters.hpp"
#include "diplograph/export/dot.hpp"
#include "diplograph/export/events_table.hpp"
#include "diplograph/export/gexf.hpp"
#include "diplograph/export/jsonl.hpp"
#include "diplograph/export/network.hpp"
#include "diplograph/export/windows.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/metrics.hpp"
#include "diplograph/store/database.hpp"
#include "verbs.hpp"

namespace diplograph::cli {
namespace {

namespace fs = std::filesystem;

struct range_options {
  std::string from;
  std::string to;
  std::string window = "month";  // GEXF per-window weights
  int cluster_window = 1;        // days between events chained into one cluster
};

// --layout and --dot-cluster (export, build): how the DOT is laid out and grouped.
struct dot_cli_options {
  std::string layout = "auto";
  std::string cluster = "none";
  exporter::dot_options get() const {
    return {.layout = exporter::parse_dot_layout(layout).value_or(exporter::dot_layout::automatic),
            .cluster = exporter::parse_dot_cluster(cluster).value_or(exporter::dot_cluster::none)};
  }
};

void add_dot_options(CLI::App& cmd, dot_cli_options& o) {
  cmd.add_option("--layout", o.layout,
                 "DOT layout: auto (sfdp above " + std::to_string(exporter::sfdp_node_threshold) +
                     " actors, else dot), dot or sfdp (writes layout=sfdp, overlap=prism, splines=false)")
      ->check(CLI::IsMember({"auto", "dot", "sfdp"}))
      ->capture_default_str();
  cmd.add_option("--dot-cluster", o.cluster,
                 "DOT: none, or country (one cluster subgraph per country; issues and IGOs in their own)")
      ->check(CLI::IsMember({"none", "country"}))
      ->capture_default_str();
}

// The events of `events` as the GDELT-like table, each with its cluster (all of the store's,
// so an event finds its cluster even when the cluster began before a date range).
void write_events_table(std::ostream& f, const store::database& db, const std::vector<core::event>& events,
                        int cluster_window, exporter::table_format format) {
  exporter::write_events_table(f, events, db.clusters({}, cluster_window), format);
}

// Counts diagnostics by severity and prints them as `file:line: level: what`.
struct diagnostic_printer {
  std::ostream& err;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  void operator()(const core::diagnostic& d) {
    if (d.level == core::severity::error) ++errors;
    if (d.level == core::severity::warning) ++warnings;
    err << "diplograph: " << core::format(d) << '\n';
  }
};

// ------------------------------------------------------------------ extract

// -j N, with 0 (the default) meaning one thread per core.
unsigned thread_count(const input_options& o) { return o.jobs == 0 ? default_thread_count() : o.jobs; }

int run_extract(const input_options& o, const std::string& format, bool stances, std::istream& in,
                std::ostream& out, std::ostream& err) {
  if (format != "jsonl") throw usage_error("extract supports --format jsonl only");
  const auto dicts = load_dictionaries(o.dictionaries, err);
  diagnostic_printer diags{err};
  std::string buffer;
  // Articles are coded on worker threads; results come back here in input order.
  extract_in_order(
      o.inputs, ingest_options_from(o, in), dicts, thread_count(o), {},
      [&](core::article&, extract::extraction_result* result) {
        for (const auto& d : result->diagnostics) diags(d);
        buffer.clear();
        for (const auto& e : result->events) {
          exporter::append_event_json(buffer, e);
          buffer += '\n';
        }
        if (stances)
          for (const auto& st : result->stances) {
            exporter::append_stance_json(buffer, st);
            buffer += '\n';
          }
        out << buffer;
      },
      [&](const core::diagnostic& d) { diags(d); });
  out.flush();
  return diags.errors > 0 ? exit_bad_input : exit_ok;
}

// ------------------------------------------------------------------ ingest / build

struct ingest_counts {
  std::size_t read = 0;
  std::size_t added = 0;
  std::size_t already = 0;
  std::size_t events = 0;
  std::size_t undated = 0;
  std::size_t errors = 0;
  std::map<std::string, std::size_t> date_sources;  // where publication dates came from
};

// A positive count from the environment variable `name`, or nullopt.
std::optional<std::size_t> env_count(const char* name) {
  const char* value = std::getenv(name);
  std::size_t n = 0;
  if (value == nullptr || *value == '\0') return std::nullopt;
  const char* end = value + std::strlen(value);
  const auto [stop, error] = std::from_chars(value, end, n);
  if (error != std::errc{} || stop != end || n == 0) return std::nullopt;
  return n;
}

// Articles are coded on worker threads; the database is only touched on this thread, which
// checks for stored articles before dispatch and adds the results in input order, in batches.
ingest_counts ingest_into(const input_options& o, store::database& db, std::istream& in, std::ostream& err) {
  const auto dicts = load_dictionaries(o.dictionaries, err);
  diagnostic_printer diags{err};
  ingest_counts c;
  // Articles per transaction; $DIPLOGRAPH_INGEST_BATCH (a test hook) sets a smaller one, so
  // that the kill -9 tests (tests/reliability) can stop an ingest between commits.
  const std::size_t batch_size = env_count("DIPLOGRAPH_INGEST_BATCH").value_or(2000);
  std::optional<store::database::batch> batch;
  std::size_t in_batch = 0;
  extract_in_order(
      o.inputs, ingest_options_from(o, in), dicts, thread_count(o),
      [&](const core::article& a) { return !db.contains(a); },
      [&](core::article& a, extract::extraction_result* result) {
        ++c.read;
        if (!result) {  // stored before this run
          ++c.already;
          return;
        }
        if (!batch) batch.emplace(db);
        // add() is false for an article stored earlier in this run (a duplicate in the input,
        // dispatched before its twin was stored); a serial run would have skipped it
        // silently, so its coding diagnostics are dropped too.
        if (db.add(a, result->events, result->stances)) {
          for (const auto& d : result->diagnostics) diags(d);
          ++c.added;
          c.events += result->events.size();
          c.undated += a.published ? 0 : 1;
          ++c.date_sources[std::string(core::to_string(a.published_from))];
        } else {
          ++c.already;
        }
        if (++in_batch >= batch_size) {
          batch->commit();
          batch.reset();
          in_batch = 0;
        }
      },
      [&](const core::diagnostic& d) { diags(d); });
  if (batch) batch->commit();
  c.errors = diags.errors;
  return c;
}

void print_ingest(std::ostream& out, const ingest_counts& c, const store::counts& s, const std::string& db) {
  out << "articles read: " << c.read << ", added: " << c.added << ", already stored: " << c.already
      << ", undated: " << c.undated << ", rejected inputs: " << c.errors << '\n'
      << "events added: " << c.events << '\n';
  if (!c.date_sources.empty()) {
    out << "publication dates from:";
    const char* sep = " ";
    for (const auto& [source, n] : c.date_sources) {
      out << sep << source << ' ' << n;
      sep = ", ";
    }
    out << '\n';
  }
  out << "store " << db << ": " << s.articles << " articles, " << s.events << " events, " << s.actors
      << " actors\n";
}

int run_ingest(const input_options& o, const std::string& db_path, std::istream& in, std::ostream& out,
               std::ostream& err) {
  store::database db{db_path};
  const auto c = ingest_into(o, db, in, err);
  print_ingest(out, c, db.stats(), db_path);
  return c.errors > 0 ? exit_bad_input : exit_ok;
}

template <typename Writer>
void write_file(const fs::path& file, Writer&& write) {
  write_atomically(file, write);  // output.hpp: readers never see half a file
}

int run_build(const input_options& o, const std::string& db_path, const std::string& out_dir,
              const dot_cli_options& dot, const graph_filter_options& gf, std::istream& in, std::ostream& out,
              std::ostream& err) {
  store::database db{db_path};
  const auto c = ingest_into(o, db, in, err);
  const auto stored = db.events();
  const auto selected = select_events(stored, db.stances(), gf);  // the filters, then metrics and decay
  const auto& events = selected.events;
  const auto& stances = selected.stances;
  const auto snap = finished_graph(selected, gf, stored);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error("cannot create output directory " + out_dir + ": " + ec.message());
  const fs::path dir{out_dir};
  write_file(dir / "graph.graphml", [&](std::ostream& f) { exporter::write_graphml(f, snap); });
  write_file(dir / "graph.gexf", [&](std::ostream& f) { exporter::write_gexf(f, snap, events); });
  write_file(dir / "graph.dot", [&](std::ostream& f) { exporter::write_dot(f, snap, dot.get()); });
  write_file(dir / "events.csv",
             [&](std::ostream& f) { write_events_table(f, db, events, 1, exporter::table_format::csv); });
  write_file(dir / "timeline.md", [&](std::ostream& f) { exporter::write_timeline_md(f, events); });
  print_ingest(out, c, db.stats(), db_path);
  out << "graph: " << snap.nodes.size() << " actors, " << snap.edges.size() << " relations from "
      << snap.events_used << " events and " << stances.size() << " stances\n";
  for (const char* name : {"graph.graphml", "graph.gexf", "graph.dot", "events.csv", "timeline.md"})
    out << "wrote " << (dir / name).string() << '\n';
  return c.errors > 0 ? exit_bad_input : exit_ok;
}

// ------------------------------------------------------------------ export / stats

int run_export(const std::string& db_path, const std::string& format, const range_options& r,
               const dot_cli_options& dot, const graph_filter_options& gf, const std::string& output,
               std::ostream& out) {
  const bool cluster_format = format == "clusters" || format == "mentions";  // they read what they need
  if (cluster_format && gf.any()) throw usage_error("--format " + format + " takes no filter or --decay option");
  if (!fs::exists(db_path)) throw std::runtime_error("no database at " + db_path + " (run diplograph ingest first)");
  store::database db{db_path, store::database::mode::read_only};
  const auto snapshot = db.read_snapshot();  // events and stances as of one commit, while an ingest runs
  const store::event_query q = date_range(r.from, r.to);
  const auto range_events = cluster_format ? std::vector<core::event>{} : db.events(q);
  const auto selected =
      select_events(range_events, cluster_format ? std::vector<core::stance>{} : db.stances(q), gf);
  const auto& events = selected.events;
  const auto graph_of = [&] { return finished_graph(selected, gf, range_events); };  // metrics after filters
  const exporter::gexf_options gexf{.window = exporter::parse_time_window(r.window).value_or(exporter::time_window::month)};
  const auto write = [&](std::ostream& f) {
    if (format == "graphml") exporter::write_graphml(f, graph_of());
    else if (format == "gexf") exporter::write_gexf(f, graph_of(), events, gexf);
    else if (format == "gexf12") exporter::write_gexf_12draft(f, graph_of(), events, gexf);
    else if (format == "gephi-nodes") exporter::write_gephi_nodes_csv(f, graph_of());
    else if (format == "gephi-edges") exporter::write_gephi_edges_csv(f, graph_of());
    else if (format == "nodelink") exporter::write_node_link_json(f, graph_of());
    else if (format == "dot") exporter::write_dot(f, graph_of(), dot.get());
    else if (format == "csv") exporter::write_events_csv(f, events);
    else if (format == "windows") exporter::write_windows_csv(f, graph::window_rows(events, gexf.window));
    else if (format == "events-csv") write_events_table(f, db, events, r.cluster_window, exporter::table_format::csv);
    else if (format == "events-tsv") write_events_table(f, db, events, r.cluster_window, exporter::table_format::tsv);
    else if (format == "timeline" || format == "md") exporter::write_timeline_md(f, events);
    else if (format == "clusters") exporter::write_clusters_csv(f, db.clusters(q, r.cluster_window));
    else if (format == "mentions") exporter::write_cluster_mentions_csv(f, db.clusters(q, r.cluster_window));
    else if (format == "jsonl") {
      std::string line;
      for (const auto& e : events) {
        line.clear();
        exporter::append_event_json(line, e);
        line += '\n';
        f << line;
      }
    }
  };
  write_output(output, out, write);
  return exit_ok;
}

// The stored graph for `render`, as export makes it: the range, the filters, then metrics.
graph::snapshot stored_graph(const render_verb_options& o, const graph_filter_options& gf) {
  if (!fs::exists(o.db)) throw std::runtime_error("no database at " + o.db + " (run diplograph ingest first)");
  const store::database db{o.db, store::database::mode::read_only};
  const auto snapshot = db.read_snapshot();  // events and stances as of one commit
  const store::event_query q{.from = parse_day_option(o.from, "from"), .to = parse_day_option(o.to, "to")};
  const auto range_events = db.events(q);
  return finished_graph(select_events(range_events, db.stances(q), gf), gf, range_events);
}

int run_stats(const std::string& db_path, std::ostream& out) {
  if (!fs::exists(db_path)) throw std::runtime_error("no database at " + db_path);
  store::database db{db_path, store::database::mode::read_only};
  const auto s = db.stats();
  out << "database: " << db_path << " (schema version " << db.schema_version() << ")\n"
      << "articles: " << s.articles << "\nevents: " << s.events << "\nactors: " << s.actors
      << "\nmentions: " << s.mentions << '\n';
  if (s.first_event) out << "first event: " << core::to_iso(*s.first_event) << '\n';
  if (s.last_event) out << "last event: " << core::to_iso(*s.last_event) << '\n';
  return exit_ok;
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"diplograph: news articles to dated CAMEO events, actors and an actor graph"};
  app.name("diplograph");
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every verb");

  input_options io;
  std::string format = "jsonl";
  std::string db_path = "diplograph.db";
  std::string out_dir;
  std::string output;
  range_options range;
  dot_cli_options dot;

  auto* extract = app.add_subcommand("extract", "Code events from articles; one JSON object per event on stdout");
  add_input_options(*extract, io);
  extract->add_option("--format", format, "Output format")->check(CLI::IsMember({"jsonl"}))->capture_default_str();
  bool with_stances = false;
  extract->add_flag("--stances", with_stances,
                    "Also write stance records ({\"kind\":\"stance\", actor, issue, polarity...}) after each article's events");

  auto* ingest = app.add_subcommand("ingest", "Code articles and store them in the database");
  add_input_options(*ingest, io);
  ingest->add_option("--db", db_path, "SQLite database file")->capture_default_str();

  auto* build = app.add_subcommand("build", "Ingest, then write graph.graphml, graph.gexf, graph.dot, events.csv and timeline.md");
  add_input_options(*build, io);
  build->add_option("--db", db_path, "SQLite database file")->capture_default_str();
  build->add_option("-o,--output", out_dir, "Output directory")->required();
  add_dot_options(*build, dot);
  graph_filter_options filters;
  add_graph_filter_options(*build, filters);

  auto* exp = app.add_subcommand("export", "Write the stored graph or events in one format");
  exp->add_option("--db", db_path, "SQLite database file")->capture_default_str();
  exp->add_option("--format", format,
                  "graphml, gexf (1.3, dynamic), gexf12 (1.2draft), gephi-nodes, gephi-edges (Gephi CSVs), "
                  "nodelink (networkx JSON), dot, csv, events-csv or events-tsv (GDELT-like columns), timeline, "
                  "jsonl, clusters (one CSV row per event reported across articles), mentions (one CSV row "
                  "per event of each cluster) or windows (one CSV row per actor pair and --window)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "gexf12", "gephi-nodes", "gephi-edges", "nodelink", "dot",
                             "csv", "events-csv", "events-tsv", "timeline", "md", "jsonl", "clusters",
                             "mentions", "windows"}));
  exp->add_option("--window", range.window,
                  "GEXF weight windows and the rows of --format windows: day, week, month, quarter or year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))
      ->capture_default_str();
  exp->add_option("--cluster-window", range.cluster_window,
                  "clusters, mentions: an event joins the cluster of the one before it (same actors and "
                  "CAMEO root) when at most DAYS later")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  exp->add_option("--from", range.from, "First day YYYY-MM-DD (inclusive)");
  exp->add_option("--to", range.to, "Last day YYYY-MM-DD (inclusive)");
  exp->add_option("-o,--output", output, "Output file (default: stdout)");
  add_dot_options(*exp, dot);
  add_graph_filter_options(*exp, filters);

  std::vector<std::string> phrases;
  std::string actor_date;
  auto* actor = app.add_subcommand("actor", "Resolve actor phrases to CAMEO codes; one JSON object per phrase");
  actor->add_option("phrases", phrases, "Actor phrases, or - for JSONL {id, text, date} on stdin")->required();
  actor->add_option("--date", actor_date, "Resolve as of this day YYYY-MM-DD (office holders change)");
  actor->add_option("--format", format, "Output format")->check(CLI::IsMember({"jsonl"}))->capture_default_str();
  add_dictionary_options(*actor, io.dictionaries);

  auto* stats = app.add_subcommand("stats", "Counts of what the database holds");
  stats->add_option("--db", db_path, "SQLite database file")->capture_default_str();

  timex_options tx;
  auto* timex = add_timex_verb(app, tx);

  timeline_verb_options tl;
  auto* timeline = add_timeline_verb(app, tl);

  merge_verb_options mg;
  auto* merge = add_merge_verb(app, mg);

  explain_options ex;
  auto* explain = add_explain_verb(app, ex);

  render_verb_options rd;
  auto* render = add_render_verb(app, rd);
  add_graph_filter_options(*render, filters);

  changes_verb_options ch;
  auto* changes = add_changes_verb(app, ch);

  // Name a mistyped verb or option ourselves: CLI11 would only say a subcommand is required.
  if (args.size() >= 2 && args[1] != "-h" && args[1] != "--help" && args[1] != "--help-all") {
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) known = known || sub->get_name() == args[1];
    if (!known) {
      err << "diplograph: unknown " << (args[1].rfind('-', 0) == 0 ? "option" : "verb") << " '" << args[1]
          << "' (verbs:";
      const char* sep = " ";
      for (const auto* sub : app.get_subcommands({})) {
        err << sep << sub->get_name();
        sep = ", ";
      }
      err << "; see diplograph --help)\n";
      return exit_usage;
    }
  }

  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err) == 0 ? exit_ok : exit_usage;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err) == 0 ? exit_ok : exit_usage;
  } catch (const CLI::ParseError& e) {
    app.exit(e, out, err);
    return exit_usage;
  }

  try {
    // Usage errors first, before any dictionary or database is touched.
    parse_day_option(io.published, "published");
    if (*exp) date_range(range.from, range.to);
    if (*extract) return run_extract(io, format, with_stances, in, out, err);
    if (*ingest) return run_ingest(io, db_path, in, out, err);
    if (*build || *exp || *render) check_graph_filter_options(filters);
    if (*build) return run_build(io, db_path, out_dir, dot, filters, in, out, err);
    if (*exp) return run_export(db_path, format, range, dot, filters, output, out);
    if (*stats) return run_stats(db_path, out);
    if (*timex) return run_timex(tx, in, out, err);
    if (*timeline) return run_timeline(tl, out);
    if (*merge) return run_merge(mg, out, err);
    if (*explain) return run_explain(ex, in, out, err);
    if (*changes) return run_changes(ch, out);
    if (*render) return run_render(rd, [&] { return stored_graph(rd, filters); }, out, err);
    if (*actor) {
      parse_day_option(actor_date, "date");
      return run_actor(phrases, actor_date, io.dictionaries, in, out, err);
    }
  } catch (const usage_error& e) {
    err << "diplograph: " << e.what() << '\n';
    return exit_usage;
  } catch (const std::exception& e) {
    err << "diplograph: " << e.what() << '\n';
    return exit_bad_input;
  }
  return exit_usage;
}

}  // namespace diplograph::cli
