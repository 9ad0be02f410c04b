// Pins: the `diplograph` command line end to end — help and usage errors (exit 2), the
// `extract` JSON contract (fields, types, code/quad consistency, byte spans, default ids),
// the seed article as acceptance test (GraphML valid and readable, DOT renders, the Syrian
// government's dyads), idempotent re-ingest, bad inputs reported as `file:line:` while good
// articles are kept (exit 1), `export` formats and the --from/--to range, and hostile text
// through every output. Oracles are real clients: xmllint with the GraphML XSD, networkx,
// igraph, Graphviz, Python's json and csv modules.
//
// Most cases call cli::run in-process; the seed, bad-input and hostile-text cases run the
// real binary.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "cli_run.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;

constexpr auto npos = std::string::npos;

// ------------------------------------------------------------------ running the CLI

using diplograph::testing::cli_result;
using diplograph::testing::describe;
using diplograph::testing::run_cli;

std::string quoted(const fs::path& p) { return dt::shell_quote(p.string()); }

// The real binary; stderr is merged into the output.
dt::command_result run_binary(const std::string& arguments) {
  return dt::run_command(dt::shell_quote(dt::cli_path()) + ' ' + arguments);
}

std::string describe(const dt::command_result& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- output:\n" + r.out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != npos; }

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

std::string hex(const std::string& bytes) {
  static constexpr std::string_view digits = "0123456789abcdef";
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return out;
}

// ------------------------------------------------------------------ Python oracles// Validates `diplograph extract` output against the contract. Argument 1: the JSONL file;
// argument 2 (optional): a manifest of "<hex article id> <file with the article text>" lines,
// for checking that each event's text is the article's bytes at its span.
// Prints one tab-separated EVENT line per event (article with unicode escapes, sentence, date,
// precision, source code, target code, code) and PROBLEM lines; exits 1 on any problem.
constexpr const char* check_events_py = R"PY(
import json, re, sys
sys.stdout.reconfigure(encoding='utf-8', errors='backslashreplace')
FIELDS = {'article', 'sentence', 'date', 'date_precision', 'source', 'target', 'code',
          'quad_class', 'goldstein', 'plover', 'negated', 'mentions', 'text', 'span', 'rule'}
DATE = {'day': r'\d{4}-\d{2}-\d{2}', 'week': r'\d{4}-W\d{2}', 'month': r'\d{4}-\d{2}',
        'quarter': r'\d{4}-Q[1-4]', 'year': r'\d{4}'}

def esc(s):
    return s.encode('unicode_escape').decode('ascii')

def reject_constant(name):
    raise ValueError('non-standard JSON constant ' + name)

def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError('duplicate key')
    return dict(pairs)

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)

def quad_of(root):
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

def actor_ok(a):
    if a is None:
        return True
    if not isinstance(a, dict) or 'code' not in a or 'name' not in a:
        return False
    return (a['code'] is None or (isinstance(a['code'], str) and a['code'] != '')) and isinstance(a['name'], str)

def code_of(a):
    return '' if a is None or a['code'] is None else a['code']

texts = {}
if len(sys.argv) > 2:
    for entry in open(sys.argv[2], encoding='ascii').read().splitlines():
        hex_id, path = entry.split(' ', 1)
        texts[bytes.fromhex(hex_id).decode('utf-8')] = open(path, 'rb').read()

problems = []
raw = open(sys.argv[1], 'rb').read()
try:
    data = raw.decode('utf-8')
except UnicodeDecodeError as x:
    print('PROBLEM output is not UTF-8:', x)
    sys.exit(1)
if data and not data.endswith('\n'):
    problems.append('output does not end with a newline')
lines = data.split('\n')
if lines[-1] == '':
    lines.pop()
rows = []
for n, line in enumerate(lines, 1):
    def bad(what):
        problems.append('line %d: %s: %s' % (n, what, esc(line[:400])))
    try:
        e = json.loads(line, parse_constant=reject_constant, object_pairs_hook=no_duplicates)
    except ValueError as x:
        bad('not JSON (%s)' % x)
        continue
    if not isinstance(e, dict):
        bad('not an object')
        continue
    if set(e) != FIELDS:
        bad('fields are %s' % sorted(e))
        continue
    if not isinstance(e['article'], str) or not e['article']:
        bad('article is not a non-empty string')
    if not is_int(e['sentence']) or e['sentence'] < 0:
        bad('sentence is not an index')
    p = e['date_precision']
    if p not in DATE and p != 'unknown':
        bad('date_precision %r' % (p,))
    elif p == 'unknown':
        if e['date'] is not None:
            bad('a date with unknown precision')
    elif not isinstance(e['date'], str) or not re.fullmatch(DATE[p], e['date']):
        bad('date does not fit its precision')
    for side in ('source', 'target'):
        if not actor_ok(e[side]):
            bad(side + ' is neither null nor {code, name, ...}')
    if not is_int(e['quad_class']) or not 1 <= e['quad_class'] <= 4:
        bad('quad_class is not 1-4')
    code = e['code']
    if not isinstance(code, str) or not re.fullmatch(r'\d{2,4}', code):
        bad('code is not a string of 2-4 digits')
    else:
        root = int(code[:2])
        if not 1 <= root <= 20:
            bad('code root is not 01-20')
        elif e['quad_class'] != quad_of(root):
            bad('quad_class does not match the code root')
    g = e['goldstein']
    if isinstance(g, bool) or not isinstance(g, (int, float)) or not -10 <= g <= 10:
        bad('goldstein is not a number in [-10, 10]')
    if not (e['plover'] is None or (isinstance(e['plover'], str) and e['plover'])):
        bad('plover is neither null nor a string')
    if not isinstance(e['negated'], bool):
        bad('negated is not a bool')
    if isinstance(e['mentions'], bool) or not isinstance(e['mentions'], int) or e['mentions'] < 1:
        bad('mentions is not a positive integer')
    if not isinstance(e['rule'], str) or not e['rule']:
        bad('rule is not a non-empty string')
    span, text = e['span'], e['text']
    if not isinstance(text, str):
        bad('text is not a string')
        continue
    if not (isinstance(span, list) and len(span) == 2 and all(is_int(v) for v in span)
            and 0 <= span[0] < span[1]):
        bad('span is not [begin, end) with begin < end')
        continue
    try:
        encoded = text.encode('utf-8')
    except UnicodeEncodeError:
        bad('text holds a lone surrogate')
        continue
    if len(encoded) != span[1] - span[0]:
        bad('text is %d bytes, its span %d' % (len(encoded), span[1] - span[0]))
    source = texts.get(e['article'])
    if source is not None and source[span[0]:span[1]] != encoded:
        bad('text is not the article bytes at its span (%r)' % (source[span[0]:span[1]],))
    rows.append('\t'.join(['EVENT', esc(e['article']), str(e['sentence']), e['date'] or '',
                           p, code_of(e['source']), code_of(e['target']), code]))
for r in rows:
    print(r)
for p in problems:
    print('PROBLEM', p)
sys.exit(1 if problems else 0)
)PY";

struct event_row {
  std::string article;
  int sentence = 0;
  std::string date;
  std::string precision;
  std::string source;
  std::string target;
  std::string code;
};

struct checked_events {
  bool ok = false;
  std::string report;  // the checker's output, for failure messages
  std::vector<event_row> events;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// Runs check_events_py over `jsonl`; `texts` maps article ids to their (valid UTF-8) text.
checked_events check_events(const fs::path& dir, const std::string& jsonl,
                            const std::map<std::string, std::string>& texts = {}) {
  static int counter = 0;
  const std::string stem = "events_" + std::to_string(counter++);
  const fs::path events_file = dir / (stem + ".jsonl");
  dt::write_file(events_file, jsonl);
  std::vector<std::string> args{events_file.string()};
  if (!texts.empty()) {
    std::string manifest;
    int i = 0;
    for (const auto& [id, text] : texts) {
      const fs::path text_file = dir / (stem + "_text_" + std::to_string(i++) + ".bin");
      dt::write_file(text_file, text);
      manifest += hex(id) + ' ' + text_file.string() + '\n';
    }
    const fs::path manifest_file = dir / (stem + ".manifest");
    dt::write_file(manifest_file, manifest);
    args.push_back(manifest_file.string());
  }
  const auto r = dt::run_python(dir, check_events_py, args);
  checked_events result;
  result.ok = r.exit_code == 0;
  result.report = r.out;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    const auto f = split(line, '\t');
    if (f.size() != 8 || f[0] != "EVENT") continue;
    result.events.push_back({f[1], std::stoi(f[2]), f[3], f[4], f[5], f[6], f[7]});
  }
  return result;
}

std::string rows_to_string(const std::vector<event_row>& rows) {
  std::string out;
  for (const auto& e : rows) {
    out += e.article + " #" + std::to_string(e.sentence) + ' ' + e.date + ' ' + e.precision + ' ' +
           e.source + " -> " + e.target + ' ' + e.code + '\n';
  }
  return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// ------------------------------------------------------------------ shared inputs

const std::string gaza_sentence = "Israeli troops attacked Hamas fighters in Gaza on Monday.";

// Two articles with different publication dates and no relative dates in the text, so
// every event is dated by its article.
const std::string summer_text = "Israeli troops attacked Hamas fighters in Gaza.";
const std::string spring_text =
    "French President Francois Hollande condemned Russia over the attack.";

// One JSONL line; empty `id` and `published` are left out. The values need no JSON escaping.
std::string jsonl_record(const std::string& id, const std::string& published,
                         const std::string& text) {
  std::string line = "{";
  if (!id.empty()) line += R"("id":")" + id + R"(",)";
  if (!published.empty()) line += R"("published":")" + published + R"(",)";
  return line + R"("text":")" + text + "\"}\n";
}

// How an event of article `id` starts its JSON object.
std::string article_field(const std::string& id) { return R"({"article":")" + id + '"'; }

std::string two_dated_articles() {
  return jsonl_record("summer", "2014-07-21", summer_text) +
         jsonl_record("spring", "2015-03-02", spring_text);
}

std::string stats_of(const fs::path& db) {
  const auto r = run_cli({"stats", "--db", db.string()});
  EXPECT_EQ(r.code, 0) << describe(r);
  return r.out;
}

// ------------------------------------------------------------------ 1. help and usage

TEST(cli_test, help_lists_every_verb_and_each_verbs_options) {
  const auto top = run_cli({"--help"});
  EXPECT_EQ(top.code, 0) << describe(top);
  EXPECT_TRUE(top.err.empty()) << describe(top);
  for (const char* verb : {"extract", "ingest", "build", "export", "stats"})
    EXPECT_TRUE(contains(top.out, verb)) << verb << " missing from\n" << top.out;

  const std::map<std::string, std::vector<std::string>> options{
      {"extract", {"inputs", "--published", "--dict-dir", "--max-article-bytes", "--format"}},
      {"ingest", {"inputs", "--published", "--dict-dir", "--max-article-bytes", "--db"}},
      {"build", {"inputs", "--published", "--dict-dir", "--max-article-bytes", "--db", "--output"}},
      {"export", {"--db", "--format", "--from", "--to", "--output"}},
      {"stats", {"--db"}},
  };
  for (const auto& [verb, wanted] : options) {
    const auto r = run_cli({verb, "--help"});
    EXPECT_EQ(r.code, 0) << verb << '\n' << describe(r);
    EXPECT_TRUE(r.err.empty()) << verb << '\n' << describe(r);
    EXPECT_TRUE(contains(r.out, "diplograph " + verb)) << r.out;
    for (const auto& option : wanted)
      EXPECT_TRUE(contains(r.out, option)) << verb << " lacks " << option << '\n' << r.out;
  }
  // Each verb shows its own options, not every verb's.
  const auto stats = run_cli({"stats", "--help"});
  EXPECT_FALSE(contains(stats.out, "--published")) << stats.out;
  EXPECT_FALSE(contains(stats.out, "--from")) << stats.out;
}

TEST(cli_test, usage_errors_exit_2_and_say_what_is_wrong) {
  dt::temp_dir tmp;
  const std::string record = jsonl_record("a", "", gaza_sentence);
  struct usage_case {
    std::vector<std::string> args;
    std::string named;  // a part of the message that names the problem ("" = any message)
  };
  const std::vector<usage_case> cases{
      {{}, "subcommand"},
      {{"--bogus"}, ""},
      {{"frobnicate"}, ""},
      {{"extract"}, "inputs"},
      {{"extract", "--bogus", "-"}, "--bogus"},
      {{"extract", "--format", "csv", "-"}, "--format"},
      {{"extract", "--published", "2017-13-45", "-"}, "--published"},
      {{"extract", "--published", "2017-02-29", "-"}, "--published"},
      {{"extract", "--published", "yesterday", "-"}, "--published"},
      {{"ingest", "--published", "2017-13-45", "--db", (tmp / "u.db").string(), "-"},
       "--published"},
      {{"build", "-"}, "--output"},
      {{"export", "--db", (tmp / "u.db").string()}, "--format"},
      {{"export", "--format", "pdf"}, "--format"},
  };
  for (const auto& c : cases) {
    std::string shown = "diplograph";
    for (const auto& a : c.args) shown += ' ' + a;
    const auto r = run_cli(c.args, record);
    EXPECT_EQ(r.code, 2) << shown << '\n' << describe(r);
    EXPECT_FALSE(r.err.empty()) << shown << '\n' << describe(r);
    EXPECT_TRUE(contains(r.err, c.named)) << shown << ": message should name " << c.named << '\n'
                                          << describe(r);
    EXPECT_TRUE(r.out.empty()) << shown << ": no data on a usage error\n" << describe(r);
  }
}

// Whoever mistypes a verb or an option should be told which word was wrong.
TEST(cli_test, unknown_verbs_and_options_are_named_in_the_message) {
  for (const std::string word : {"--bogus", "frobnicate"}) {
    const auto r = run_cli({word});
    EXPECT_EQ(r.code, 2) << describe(r);
    EXPECT_TRUE(contains(r.err, word)) << "the message should name " << word << '\n' << describe(r);
  }
}

// An explicit option beats the environment variable that provides its default.
TEST(cli_test, dict_dir_option_beats_the_environment_variable) {
  dt::temp_dir tmp;
  dt::write_file(tmp / "in.jsonl", jsonl_record("", "", gaza_sentence));
  const auto r = dt::run_command("DIPLOGRAPH_DICT_DIR=" + quoted(tmp / "no-dictionaries") + ' ' +
                                 dt::shell_quote(dt::cli_path()) +
                                 " extract --published 2014-07-21 --dict-dir " +
                                 quoted(dt::dictionary_dir()) + ' ' + quoted(tmp / "in.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_FALSE(contains(r.out, "no-dictionaries")) << describe(r);
  EXPECT_TRUE(contains(r.out, "\"code\":")) << describe(r);
}

// A mistyped command line is a usage error whatever the state of the environment: the user
// should hear about the bad option, not about dictionaries or a database.
TEST(cli_test, usage_errors_are_reported_before_the_environment_is_touched) {
  dt::temp_dir tmp;
  const auto bad_date = run_cli({"extract", "--dict-dir", (tmp / "no-dictionaries").string(),
                                 "--published", "2017-13-45", "-"},
                                jsonl_record("", "", "x"));
  EXPECT_EQ(bad_date.code, 2) << describe(bad_date);
  EXPECT_TRUE(contains(bad_date.err, "--published")) << describe(bad_date);

  const fs::path fresh = tmp / "fresh.db";
  const auto ingest = run_cli({"ingest", "--published", "2017-13-45", "--db", fresh.string(), "-"},
                              jsonl_record("", "", "x"));
  EXPECT_EQ(ingest.code, 2) << describe(ingest);
  EXPECT_FALSE(fs::exists(fresh)) << "a usage error left a database behind";

  const auto reversed = run_cli({"export", "--db", (tmp / "missing.db").string(), "--format",
                                 "jsonl", "--from", "2017-03-24", "--to", "2017-03-01"});
  EXPECT_EQ(reversed.code, 2) << describe(reversed);
  EXPECT_TRUE(contains(reversed.err, "--to")) << describe(reversed);
}

// ------------------------------------------------------------------ 2. extract

TEST(cli_test, extract_writes_one_contract_object_per_event) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir tmp;
  const std::string second_text = gaza_sentence + " " + spring_text;
  const std::string input = jsonl_record("gaza-1", "", gaza_sentence) +
                            "\n" +  // a blank line still counts as a line
                            jsonl_record("", "", second_text);
  const auto r = run_cli({"extract", "--published", "2014-07-21", "-"}, input);
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_FALSE(contains(r.err, "error:")) << describe(r);

  const auto checked =
      check_events(tmp.path(), r.out, {{"gaza-1", gaza_sentence}, {"-:3", second_text}});
  EXPECT_TRUE(checked.ok) << checked.report;
  EXPECT_EQ(checked.events.size(), count_lines(r.out)) << checked.report;

  std::set<std::string> articles;
  for (const auto& e : checked.events) articles.insert(e.article);
  // A record without an id is named "<file name>:<line>"; standard input is "-".
  EXPECT_EQ(articles, (std::set<std::string>{"gaza-1", "-:3"})) << rows_to_string(checked.events);

  bool attack = false;
  for (const auto& e : checked.events) {
    if (e.article != "gaza-1") continue;
    if (starts_with(e.source, "ISR") && starts_with(e.target, "PSEREBHMS") &&
        (starts_with(e.code, "18") || starts_with(e.code, "19")) && e.date == "2014-07-21" &&
        e.precision == "day")
      attack = true;
  }
  EXPECT_TRUE(attack) << "expected ISR -> PSEREBHMS (Hamas), code 18x/19x, 2014-07-21 (day); got\n"
                      << rows_to_string(checked.events);
}

TEST(cli_test, extract_names_articles_after_their_file) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir tmp;
  fs::create_directory(tmp / "in");
  dt::write_file(tmp / "in" / "news.jsonl",
                 jsonl_record("named", "", summer_text) + jsonl_record("", "", gaza_sentence));
  dt::write_file(tmp / "in" / "gaza.txt", gaza_sentence + "\n");
  const auto r = run_cli({"extract", "--published", "2014-07-21", (tmp / "in").string()});
  ASSERT_EQ(r.code, 0) << describe(r);
  const auto checked = check_events(
      tmp.path(), r.out,
      {{"named", summer_text}, {"news.jsonl:2", gaza_sentence}, {"gaza", gaza_sentence + "\n"}});
  EXPECT_TRUE(checked.ok) << checked.report;
  std::set<std::string> articles;
  for (const auto& e : checked.events) articles.insert(e.article);
  // JSONL: the id field, else "<file name>:<line>"; plain text: the file's stem.
  EXPECT_EQ(articles, (std::set<std::string>{"named", "news.jsonl:2", "gaza"}))
      << rows_to_string(checked.events);
}

// Files saved by Windows tools start with a UTF-8 byte order mark and end lines with CRLF;
// neither may cost an article or an actor.
TEST(cli_test, byte_order_mark_and_crlf_are_ignored) {
  if (!dt::have_python()) GTEST_SKIP() << "python3 is not installed";
  dt::temp_dir tmp;
  fs::create_directory(tmp / "in");
  const std::string bom = "\xEF\xBB\xBF";
  dt::write_file(tmp / "in" / "bom.txt", bom + summer_text + "\r\n");
  std::string jsonl = bom + jsonl_record("bom-json", "", summer_text);
  jsonl.insert(jsonl.size() - 1, "\r");
  dt::write_file(tmp / "in" / "bom.jsonl", jsonl);
  const auto r = run_cli({"extract", "--published", "2014-07-21", (tmp / "in").string()});
  EXPECT_EQ(r.code, 0) << describe(r);
  const auto checked = check_events(tmp.path(), r.out);
  EXPECT_TRUE(checked.ok) << checked.report;
  for (const char* id : {"bom", "bom-json"}) {
    bool attack = false;
    for (const auto& e : checked.events) {
      attack = attack || (e.article == id && starts_with(e.source, "ISR") &&
                          starts_with(e.target, "PSEREBHMS"));
    }
    EXPECT_TRUE(attack) << "no ISR -> Hamas event from " << id << '\n'
                        << rows_to_string(checked.events) << describe(r);
  }
}

// ------------------------------------------------------------------ 3. the seed article

TEST(cli_test, seed_builds_a_valid_graph_with_the_required_dyads) {
  const fs::path shared = dt::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  for (const char* program : {"xmllint", "dot"})
    if (!dt::have_program(program)) GTEST_SKIP() << program << " is not installed";
  if (!dt::have_python("networkx") || !dt::have_python("igraph"))
    GTEST_SKIP() << "python3 networkx or igraph is not installed";

  dt::temp_dir tmp;
  const fs::path seed = shared / "seeds" / "000_00b348ee3a9163f0.txt";
  const fs::path out = tmp / "out";
  const auto built =
      run_binary("build " + quoted(seed) + " --db " + quoted(tmp / "d.db") + " -o " + quoted(out));
  ASSERT_EQ(built.exit_code, 0) << describe(built);

  std::smatch m;
  const std::regex graph_line{R"(graph: (\d+) actors, (\d+) relations)"};
  ASSERT_TRUE(std::regex_search(built.out, m, graph_line)) << built.out;
  const std::string actors = m[1];
  const std::string relations = m[2];
  const std::regex events_line{R"(events added: (\d+))"};
  std::smatch em;
  ASSERT_TRUE(std::regex_search(built.out, em, events_line)) << built.out;
  const std::string events_added = em[1];

  for (const char* name : {"graph.graphml", "graph.dot", "events.csv", "timeline.md"}) {
    ASSERT_TRUE(fs::exists(out / name)) << name;
    EXPECT_GT(fs::file_size(out / name), 0U) << name;
  }

  const auto schema = dt::run_command("xmllint --noout --nonet --schema " +
                                      quoted(shared / "schemas" / "graphml" / "graphml.xsd") + ' ' +
                                      quoted(out / "graph.graphml"));
  EXPECT_EQ(schema.exit_code, 0) << schema.out;

  // networkx and igraph both read it, agree on its size with what build reported, and the
  // Syrian government's out-neighbours are listed by code.
  const auto readers = dt::run_python(tmp.path(), R"PY(
import sys, networkx as nx, igraph
g = nx.read_graphml(sys.argv[1])
ig = igraph.Graph.Read_GraphML(sys.argv[1])
print('NX', g.number_of_nodes(), g.number_of_edges(), g.is_directed())
print('IG', ig.vcount(), ig.ecount())
for n, d in g.nodes(data=True):
    if str(d.get('code', '')).startswith('SYRGOV'):
        for _, m in g.out_edges(n):
            print('TARGET', g.nodes[m].get('code', ''))
)PY",
                                  {(out / "graph.graphml").string()});
  ASSERT_EQ(readers.exit_code, 0) << readers.out;
  EXPECT_TRUE(contains(readers.out, "NX " + actors + ' ' + relations + " True"))
      << readers.out << built.out;
  EXPECT_TRUE(contains(readers.out, "IG " + actors + ' ' + relations)) << readers.out << built.out;
  std::vector<std::string> targets;
  for (const auto& line : split(readers.out, '\n'))
    if (starts_with(line, "TARGET ")) targets.push_back(line.substr(7));
  for (const char* wanted : {"USA", "TUR", "GBR", "FRA", "QAT"}) {
    bool found = false;
    for (const auto& t : targets) found = found || starts_with(t, wanted);
    EXPECT_TRUE(found) << "no edge SYRGOV -> " << wanted << "; SYRGOV's targets: " << readers.out;
  }

  const auto svg =
      dt::run_command("dot -Tsvg " + quoted(out / "graph.dot") + " -o " + quoted(tmp / "g.svg"));
  EXPECT_EQ(svg.exit_code, 0) << svg.out;
  EXPECT_TRUE(fs::exists(tmp / "g.svg") && fs::file_size(tmp / "g.svg") > 0);

  // events.csv: one row per stored event, every row as wide as the header.
  const auto csv = dt::run_python(tmp.path(), R"PY(
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
print('ROWS', len(rows) - 1, 'RAGGED', sum(1 for r in rows if len(r) != len(rows[0])))
)PY",
                              {(out / "events.csv").string()});
  EXPECT_TRUE(contains(csv.out, "ROWS " + events_added + " RAGGED 0")) << csv.out << built.out;
  EXPECT_TRUE(contains(dt::read_file(out / "timeline.md"), "## 2017-03-24"))
      << dt::read_file(out / "timeline.md");

  // Without --published the date comes from the article (caption and "on Friday").
  const std::string seed_text = dt::read_file(seed);
  const auto extracted = run_cli({"extract", seed.string()});
  EXPECT_EQ(extracted.code, 0) << describe(extracted);
  const auto checked = check_events(tmp.path(), extracted.out, {{seed.stem().string(), seed_text}});
  EXPECT_TRUE(checked.ok) << checked.report;
  ASSERT_FALSE(checked.events.empty()) << describe(extracted);
  std::size_t on_the_day = 0;
  for (const auto& e : checked.events) {
    // Everything reported happened on Friday 24 March, except Egeland's "on Thursday".
    EXPECT_TRUE(e.date == "2017-03-24" || e.date == "2017-03-23") << rows_to_string({e});
    if (starts_with(e.source, "SYRGOV")) {
      EXPECT_EQ(e.date, "2017-03-24") << rows_to_string({e});
    }
    on_the_day += e.date == "2017-03-24" ? 1 : 0;
  }
  EXPECT_GT(on_the_day, 0U) << rows_to_string(checked.events);
}

// ------------------------------------------------------------------ 4. idempotent ingest

TEST(cli_test, reingesting_the_same_articles_adds_nothing) {
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  dt::write_file(tmp / "news.jsonl", two_dated_articles());

  const auto first = run_cli({"ingest", "--db", db.string(), (tmp / "news.jsonl").string()});
  ASSERT_EQ(first.code, 0) << describe(first);
  EXPECT_TRUE(contains(first.out, "articles read: 2, added: 2, already stored: 0")) << first.out;
  const std::string before = stats_of(db);
  EXPECT_TRUE(contains(before, "articles: 2\n")) << before;
  EXPECT_FALSE(contains(before, "events: 0\n")) << before;

  const auto second = run_cli({"ingest", "--db", db.string(), (tmp / "news.jsonl").string()});
  ASSERT_EQ(second.code, 0) << describe(second);
  EXPECT_TRUE(contains(second.out, "articles read: 2, added: 0, already stored: 2")) << second.out;
  EXPECT_TRUE(contains(second.out, "events added: 0\n")) << second.out;
  EXPECT_EQ(stats_of(db), before);

  // Identity is the content, not the file it came from: the same records on stdin add nothing.
  const auto third = run_cli({"ingest", "--db", db.string(), "-"}, two_dated_articles());
  ASSERT_EQ(third.code, 0) << describe(third);
  EXPECT_TRUE(contains(third.out, "added: 0,")) << third.out;
  EXPECT_EQ(stats_of(db), before);
}

// ------------------------------------------------------------------ 5. bad input

// good.txt, mixed.jsonl (line 2 malformed) and blob.dat (binary) in one directory.
fs::path write_bad_input_dir(const dt::temp_dir& tmp) {
  fs::path dir = tmp / "in";
  fs::create_directory(dir);
  dt::write_file(dir / "good.txt", summer_text + "\n");
  dt::write_file(dir / "mixed.jsonl", jsonl_record("m1", "", gaza_sentence) +
                                          R"({"id":"m2","text":"Israeli troops attacked)" + "\n" +
                                          jsonl_record("m3", "", spring_text));
  std::string blob =
      "\x7f"
      "ELF\x02\x01\x01";
  for (int i = 0; i < 200; ++i) blob += static_cast<char>(i % 7 == 0 ? 0 : i);
  dt::write_file(dir / "blob.dat", blob);
  return dir;
}

TEST(cli_test, ingest_reports_bad_inputs_by_file_and_line_and_keeps_the_good_ones) {
  dt::temp_dir tmp;
  const fs::path dir = write_bad_input_dir(tmp);
  const fs::path db = tmp / "d.db";
  const auto r =
      run_cli({"ingest", "--published", "2014-07-21", "--db", db.string(), dir.string()});
  EXPECT_EQ(r.code, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, (dir / "mixed.jsonl").string() + ":2:")) << describe(r);
  EXPECT_TRUE(contains(r.err, (dir / "blob.dat").string() + ":1:")) << describe(r);
  EXPECT_FALSE(contains(r.err, (dir / "mixed.jsonl").string() + ":1:")) << describe(r);
  EXPECT_FALSE(contains(r.err, (dir / "mixed.jsonl").string() + ":3:")) << describe(r);
  EXPECT_TRUE(contains(r.out, "added: 3,")) << describe(r);
  EXPECT_TRUE(contains(r.out, "rejected inputs: 2")) << describe(r);
  EXPECT_TRUE(contains(stats_of(db), "articles: 3\n")) << stats_of(db);

  // extract reports the same problems and still codes the good articles.
  const auto extracted = run_cli({"extract", "--published", "2014-07-21", dir.string()});
  EXPECT_EQ(extracted.code, 1) << describe(extracted);
  EXPECT_TRUE(contains(extracted.err, (dir / "mixed.jsonl").string() + ":2:"))
      << describe(extracted);
  EXPECT_TRUE(contains(extracted.err, (dir / "blob.dat").string() + ":1:")) << describe(extracted);
  for (const char* id : {"good", "m1", "m3"}) {
    EXPECT_TRUE(contains(extracted.out, article_field(id))) << id << " has no events in\n"
                                                            << extracted.out;
  }

  const auto exported = run_cli({"export", "--db", db.string(), "--format", "jsonl"});
  ASSERT_EQ(exported.code, 0) << describe(exported);
  for (const char* id : {"good", "m1", "m3"}) {
    EXPECT_TRUE(contains(exported.out, article_field(id))) << id << " has no events in\n"
                                                           << exported.out;
  }
  EXPECT_FALSE(contains(exported.out, article_field("m2"))) << exported.out;
}

// An input with no text is not an article: it is reported (as an empty JSONL file already
// is) and nothing is stored.
TEST(cli_test, empty_inputs_are_reported_and_not_stored) {
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  dt::write_file(tmp / "nothing.txt", "");
  dt::write_file(tmp / "blank.txt", " \n\n\t\n");
  dt::write_file(tmp / "void.jsonl", "");
  const std::vector<std::string> inputs{"-", (tmp / "nothing.txt").string(),
                                        (tmp / "blank.txt").string(),
                                        (tmp / "void.jsonl").string()};
  std::vector<std::string> args{"ingest", "--published", "2014-07-21", "--db", db.string()};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const auto r = run_cli(args, "");
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "added: 0,")) << describe(r);
  EXPECT_TRUE(contains(stats_of(db), "articles: 0\n")) << stats_of(db);
  for (const auto& input : inputs) {
    bool reported = false;
    for (const auto& line : split(r.err, '\n')) {
      reported =
          reported || (starts_with(line, "diplograph: " + input + ":") && contains(line, "empty"));
    }
    EXPECT_TRUE(reported) << input << " is not reported as empty\n" << describe(r);
  }
}

TEST(cli_test, build_reports_bad_inputs_and_still_writes_its_outputs) {
  dt::temp_dir tmp;
  const fs::path dir = write_bad_input_dir(tmp);
  const fs::path db = tmp / "d.db";
  const auto r = run_binary("build --published 2014-07-21 --db " + quoted(db) + " -o " +
                            quoted(tmp / "out") + ' ' + quoted(dir));
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(contains(r.out, (dir / "mixed.jsonl").string() + ":2:")) << describe(r);
  EXPECT_TRUE(contains(r.out, (dir / "blob.dat").string() + ":1:")) << describe(r);
  EXPECT_TRUE(contains(stats_of(db), "articles: 3\n")) << stats_of(db);
  for (const char* name : {"graph.graphml", "graph.dot", "events.csv", "timeline.md"})
    EXPECT_TRUE(fs::exists(tmp / "out" / name)) << name;
  const std::string csv =
      fs::exists(tmp / "out" / "events.csv") ? dt::read_file(tmp / "out" / "events.csv") : "";
  // events.csv is the GDELT-like table: the article id is its ArticleID column.
  EXPECT_TRUE(contains(csv, ",good,")) << csv;
  EXPECT_TRUE(contains(csv, ",m1,")) << csv;
  EXPECT_TRUE(contains(csv, ",m3,")) << csv;
}

// ------------------------------------------------------------------ 6. export

TEST(cli_test, export_formats_honour_the_date_range) {
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  for (const char* program : {"xmllint", "dot"})
    if (!dt::have_program(program)) GTEST_SKIP() << program << " is not installed";
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  const auto ingested = run_cli({"ingest", "--db", db.string(), "-"}, two_dated_articles());
  ASSERT_EQ(ingested.code, 0) << describe(ingested);
  const std::string db_arg = db.string();
  const auto export_of = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"export", "--db", db_arg};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  };

  // jsonl: the range selects events by date; the two halves make the whole.
  const auto all = export_of({"--format", "jsonl"});
  const auto later = export_of({"--format", "jsonl", "--from", "2015-01-01"});
  const auto earlier = export_of({"--format", "jsonl", "--to", "2014-12-31"});
  const auto one_day =
      export_of({"--format", "jsonl", "--from", "2014-07-21", "--to", "2014-07-21"});
  for (const auto* r : {&all, &later, &earlier, &one_day}) ASSERT_EQ(r->code, 0) << describe(*r);
  const auto all_rows =
      check_events(tmp.path(), all.out, {{"summer", summer_text}, {"spring", spring_text}});
  EXPECT_TRUE(all_rows.ok) << all_rows.report;
  std::set<std::string> dates;
  for (const auto& e : all_rows.events) dates.insert(e.date);
  EXPECT_EQ(dates, (std::set<std::string>{"2014-07-21", "2015-03-02"}))
      << rows_to_string(all_rows.events);
  EXPECT_GT(count_lines(later.out), 0U) << all.out;
  EXPECT_GT(count_lines(earlier.out), 0U) << all.out;
  EXPECT_LT(count_lines(later.out), count_lines(all.out));
  EXPECT_EQ(count_lines(later.out) + count_lines(earlier.out), count_lines(all.out)) << all.out;
  EXPECT_EQ(one_day.out, earlier.out);
  EXPECT_FALSE(contains(later.out, "2014-07-21")) << later.out;
  EXPECT_FALSE(contains(earlier.out, "2015-03-02")) << earlier.out;

  // -o writes the same bytes to a file, nothing to stdout.
  const auto to_file = export_of({"--format", "jsonl", "-o", (tmp / "all.jsonl").string()});
  ASSERT_EQ(to_file.code, 0) << describe(to_file);
  EXPECT_TRUE(to_file.out.empty()) << to_file.out;
  EXPECT_EQ(dt::read_file(tmp / "all.jsonl"), all.out);

  // csv: a header and one row per event in range.
  const auto csv_early = export_of({"--format", "csv", "--to", "2014-12-31"});
  ASSERT_EQ(csv_early.code, 0) << describe(csv_early);
  EXPECT_TRUE(starts_with(csv_early.out, "article,sentence,date,")) << csv_early.out;
  EXPECT_EQ(count_lines(csv_early.out), count_lines(earlier.out) + 1) << csv_early.out;
  EXPECT_FALSE(contains(csv_early.out, "2015-03-02")) << csv_early.out;

  // timeline (and its alias md): one heading per date in range.
  const auto timeline = export_of({"--format", "timeline"});
  const auto timeline_later = export_of({"--format", "timeline", "--from", "2015-01-01"});
  const auto md = export_of({"--format", "md"});
  ASSERT_EQ(timeline.code, 0) << describe(timeline);
  EXPECT_TRUE(contains(timeline.out, "## 2014-07-21")) << timeline.out;
  EXPECT_TRUE(contains(timeline.out, "## 2015-03-02")) << timeline.out;
  EXPECT_TRUE(contains(timeline_later.out, "## 2015-03-02")) << timeline_later.out;
  EXPECT_FALSE(contains(timeline_later.out, "## 2014-07-21")) << timeline_later.out;
  EXPECT_EQ(md.out, timeline.out);

  // graphml: valid against the schema; the range decides which actors appear.
  const fs::path xsd =
      dt::shared_dir().empty() ? fs::path{} : dt::shared_dir() / "schemas/graphml/graphml.xsd";
  const auto graphml_codes = [&](const std::vector<std::string>& range, const std::string& name) {
    std::vector<std::string> args{"--format", "graphml", "-o", (tmp / name).string()};
    args.insert(args.end(), range.begin(), range.end());
    const auto r = export_of(args);
    EXPECT_EQ(r.code, 0) << describe(r);
    if (!xsd.empty()) {
      const auto v = dt::run_command("xmllint --noout --nonet --schema " + quoted(xsd) + ' ' +
                                     quoted(tmp / name));
      EXPECT_EQ(v.exit_code, 0) << v.out;
    }
    const auto codes = dt::run_python(tmp.path(), R"PY(
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(' '.join(sorted(str(d.get('code', '')) for _, d in g.nodes(data=True))), g.number_of_edges())
)PY",
                                  {(tmp / name).string()});
    EXPECT_EQ(codes.exit_code, 0) << codes.out;
    return codes.out;
  };
  const std::string graph_all = graphml_codes({}, "all.graphml");
  const std::string graph_early = graphml_codes({"--to", "2014-12-31"}, "early.graphml");
  EXPECT_TRUE(contains(graph_all, "ISR") && contains(graph_all, "FRA") &&
              contains(graph_all, "RUS"))
      << graph_all;
  EXPECT_TRUE(contains(graph_early, "ISR")) << graph_early;
  EXPECT_FALSE(contains(graph_early, "FRA") || contains(graph_early, "RUS")) << graph_early;

  // dot: renders; the range decides which actors appear.
  const auto dot_later = export_of({"--format", "dot", "--from", "2015-01-01"});
  ASSERT_EQ(dot_later.code, 0) << describe(dot_later);
  dt::write_file(tmp / "later.dot", dot_later.out);
  const auto rendered = dt::run_command("dot -Tsvg " + quoted(tmp / "later.dot") + " -o /dev/null");
  EXPECT_EQ(rendered.exit_code, 0) << rendered.out << dot_later.out;
  EXPECT_TRUE(contains(dot_later.out, "FRA") && contains(dot_later.out, "RUS")) << dot_later.out;
  EXPECT_FALSE(contains(dot_later.out, "ISR")) << dot_later.out;
}

// A store whose articles gave no events still exports valid, empty documents.
TEST(cli_test, export_of_a_store_without_events_is_valid) {
  for (const char* program : {"xmllint", "dot"})
    if (!dt::have_program(program)) GTEST_SKIP() << program << " is not installed";
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  const auto ingested = run_cli({"ingest", "--published", "2014-07-21", "--db", db.string(), "-"},
                                jsonl_record("quiet", "", "Nothing happened here."));
  ASSERT_EQ(ingested.code, 0) << describe(ingested);
  EXPECT_TRUE(contains(stats_of(db), "events: 0\n")) << stats_of(db);
  std::map<std::string, std::string> outputs;
  for (const char* format : {"graphml", "dot", "csv", "timeline", "jsonl"}) {
    const auto r = run_cli({"export", "--db", db.string(), "--format", format});
    EXPECT_EQ(r.code, 0) << format << '\n' << describe(r);
    outputs[format] = r.out;
    dt::write_file(tmp / (std::string("empty.") + format), r.out);
  }
  EXPECT_TRUE(outputs["jsonl"].empty()) << outputs["jsonl"];
  EXPECT_EQ(count_lines(outputs["csv"]), 1U) << outputs["csv"];
  EXPECT_TRUE(contains(outputs["timeline"], "0 events")) << outputs["timeline"];
  const fs::path shared = dt::shared_dir();
  const std::string schema =
      shared.empty() ? "" : " --schema " + quoted(shared / "schemas" / "graphml" / "graphml.xsd");
  const auto xml =
      dt::run_command("xmllint --noout --nonet" + schema + ' ' + quoted(tmp / "empty.graphml"));
  EXPECT_EQ(xml.exit_code, 0) << xml.out << outputs["graphml"];
  const auto dot = dt::run_command("dot -Tsvg " + quoted(tmp / "empty.dot") + " -o /dev/null");
  EXPECT_EQ(dot.exit_code, 0) << dot.out << outputs["dot"];
}

TEST(cli_test, export_and_stats_fail_on_a_missing_database_without_creating_it) {
  dt::temp_dir tmp;
  const fs::path missing = tmp / "missing.db";
  const auto exported = run_cli({"export", "--db", missing.string(), "--format", "jsonl"});
  EXPECT_EQ(exported.code, 1) << describe(exported);
  EXPECT_TRUE(contains(exported.err, missing.string())) << describe(exported);
  EXPECT_TRUE(exported.out.empty()) << describe(exported);
  const auto stats = run_cli({"stats", "--db", missing.string()});
  EXPECT_EQ(stats.code, 1) << describe(stats);
  EXPECT_TRUE(contains(stats.err, missing.string())) << describe(stats);
  EXPECT_FALSE(fs::exists(missing));
}

TEST(cli_test, export_rejects_a_reversed_or_impossible_range) {
  dt::temp_dir tmp;
  const fs::path db = tmp / "d.db";
  ASSERT_EQ(run_cli({"ingest", "--db", db.string(), "-"}, two_dated_articles()).code, 0);
  const auto reversed = run_cli({"export", "--db", db.string(), "--format", "jsonl", "--from",
                                 "2015-01-01", "--to", "2014-12-31"});
  EXPECT_EQ(reversed.code, 2) << describe(reversed);
  EXPECT_TRUE(contains(reversed.err, "--to")) << describe(reversed);
  EXPECT_TRUE(reversed.out.empty()) << describe(reversed);
  const auto impossible =
      run_cli({"export", "--db", db.string(), "--format", "csv", "--from", "2015-02-30"});
  EXPECT_EQ(impossible.code, 2) << describe(impossible);
  EXPECT_TRUE(contains(impossible.err, "--from")) << describe(impossible);
  EXPECT_TRUE(impossible.out.empty()) << describe(impossible);
}

// ------------------------------------------------------------------ 7. hostile text

TEST(cli_test, hostile_text_survives_every_output) {
  const fs::path shared = dt::shared_dir();
  for (const char* program : {"xmllint", "dot", "nop"})
    if (!dt::have_program(program)) GTEST_SKIP() << program << " is not installed";
  if (!dt::have_python("networkx") || !dt::have_python("igraph"))
    GTEST_SKIP() << "python3 networkx or igraph is not installed";
  dt::temp_dir tmp;
  const fs::path dir = tmp / "in";
  fs::create_directory(dir);
  // Quotes, markup, a backslash, a control character and a byte that is not UTF-8, in the
  // sentence that carries the actors; and, in the JSONL record, in the article id too.
  const std::string hostile =
      "France & \"Britain\" <condemned> Russia\\ \x01 over \xff the attack.";
  dt::write_file(dir / "hostile.txt", hostile + "\n");
  const std::string jsonl_line = "{\"id\":\"a<&>\\\"'\\\\\\u0001 \xff\",\"title\":\"t<&>\\\"\"," +
                                 std::string(
                                     "\"text\":\"Britain & \\\"France\\\" <condemned> Russia\\\\ "
                                     "\\u0001 over \xff the <b>attack</b>.\"}\n");
  dt::write_file(dir / "hostile.jsonl", jsonl_line);
  // What the articles hold once invalid UTF-8 is replaced by U+FFFD.
  const std::string fffd = "\xEF\xBF\xBD";
  const std::string stored_txt =
      "France & \"Britain\" <condemned> Russia\\ \x01 over " + fffd + " the attack.\n";
  const std::string stored_jsonl =
      "Britain & \"France\" <condemned> Russia\\ \x01 over " + fffd + " the <b>attack</b>.";
  const std::string stored_id = "a<&>\"'\\\x01 " + fffd;

  const fs::path out = tmp / "out";
  const auto built = run_binary("build --published 2017-03-24 --db " + quoted(tmp / "d.db") +
                                " -o " + quoted(out) + ' ' + quoted(dir));
  ASSERT_EQ(built.exit_code, 0) << describe(built);
  EXPECT_TRUE(contains(built.out, "invalid UTF-8")) << built.out;

  // extract: every line is contract JSON, spans point into the stored text.
  const auto extracted = run_cli({"extract", "--published", "2017-03-24", dir.string()});
  EXPECT_EQ(extracted.code, 0) << describe(extracted);
  const auto checked =
      check_events(tmp.path(), extracted.out, {{"hostile", stored_txt}, {stored_id, stored_jsonl}});
  EXPECT_TRUE(checked.ok) << checked.report;
  std::set<std::string> articles;
  for (const auto& e : checked.events) articles.insert(e.article);
  EXPECT_TRUE(articles.count("hostile")) << "no event from hostile.txt:\n"
                                         << rows_to_string(checked.events);
  EXPECT_EQ(articles.size(), 2U) << "no event from hostile.jsonl:\n"
                                 << rows_to_string(checked.events);

  // GraphML: schema-valid; networkx and igraph read it; the hostile article id comes back
  // with the control character and the bad byte as U+FFFD and everything else intact.
  if (!shared.empty()) {
    const auto v = dt::run_command("xmllint --noout --nonet --schema " +
                                   quoted(shared / "schemas" / "graphml" / "graphml.xsd") + ' ' +
                                   quoted(out / "graph.graphml"));
    EXPECT_EQ(v.exit_code, 0) << v.out << dt::read_file(out / "graph.graphml");
  } else {
    const auto v = dt::run_command("xmllint --noout " + quoted(out / "graph.graphml"));
    EXPECT_EQ(v.exit_code, 0) << v.out;
  }
  const auto readers = dt::run_python(tmp.path(), R"PY(
import sys, networkx as nx, igraph
g = nx.read_graphml(sys.argv[1])
igraph.Graph.Read_GraphML(sys.argv[1])
expected = 'a<&>"\'\\\ufffd \ufffd'
ids = [a for _, _, d in g.edges(data=True) for a in str(d.get('articles', '')).split(';')]
print('EDGES', g.number_of_edges())
print('HOSTILE_ID', expected in ids)
print('IDS', ascii(ids))
)PY",
                                  {(out / "graph.graphml").string()});
  EXPECT_EQ(readers.exit_code, 0) << readers.out;
  EXPECT_FALSE(contains(readers.out, "EDGES 0\n")) << readers.out;
  EXPECT_TRUE(contains(readers.out, "HOSTILE_ID True")) << readers.out;

  // DOT: Graphviz parses it and renders SVG that is well-formed XML.
  const auto nop = dt::run_command("nop " + quoted(out / "graph.dot") + " >/dev/null");
  EXPECT_EQ(nop.exit_code, 0) << nop.out << dt::read_file(out / "graph.dot");
  const auto svg =
      dt::run_command("dot -Tsvg " + quoted(out / "graph.dot") + " -o " + quoted(tmp / "g.svg") +
                      " && xmllint --noout " + quoted(tmp / "g.svg"));
  EXPECT_EQ(svg.exit_code, 0) << svg.out << dt::read_file(out / "graph.dot");

  // CSV parses into even rows holding the sentence; the timeline is UTF-8 without controls.
  const auto tables = dt::run_python(tmp.path(), R"PY(
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
print('RAGGED', sum(1 for r in rows if len(r) != len(rows[0])))
print('SENTENCE', any('France & "Britain" <condemned> Russia\\' in f for r in rows for f in r))
md = open(sys.argv[2], 'rb').read().decode('utf-8')
print('CONTROLS', sum(1 for c in md if ord(c) < 0x20 and c != '\n'))
)PY",
                                 {(out / "events.csv").string(), (out / "timeline.md").string()});
  EXPECT_EQ(tables.exit_code, 0) << tables.out;
  EXPECT_TRUE(contains(tables.out, "RAGGED 0")) << tables.out;
  EXPECT_TRUE(contains(tables.out, "SENTENCE True"))
      << tables.out << dt::read_file(out / "events.csv");
  EXPECT_TRUE(contains(tables.out, "CONTROLS 0")) << tables.out;
}

}  // namespace
