// Pins: the real `diplograph` binary on hostile input exits 0 or 1 (never a crash, a sanitizer
// report or an uncaught exception), reports each problem as `diplograph: FILE:LINE: ...` where
// a line applies, keeps memory bounded, and writes exports the real clients accept.
//
// Already covered elsewhere, and not repeated here: invalid UTF-8, byte order marks and CRLF
// (tests/extract/ingest_test.cpp; cli_test byte_order_mark_and_crlf_are_ignored), HTML with
// scripts, styles and entities (ingest_test html_body_text_without_scripts_navigation_or_styles),
// binary and empty files (cli_test ingest_reports_bad_inputs_by_file_and_line_and_keeps_the_good_ones,
// empty_inputs_are_reported_and_not_stored), hostile article text and ids through every output
// (cli_test hostile_text_survives_every_output), and hostile names in each writer
// (tests/export/*_test.cpp). Here: NUL bytes, a 100 MB single-line article, a million-line file,
// deep JSON and HTML nesting, a truncated last record, a directory loop, and hostile actor
// names (markup, quotes, backslashes, control characters, DOT keywords) from a dictionary
// through `build`, checked with xmllint (GraphML XSD), networkx, Graphviz.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "reliability_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;
namespace dr = diplograph::reliability;

using dr::describe;
using dr::has_line;

constexpr const char* day = "2017-03-24";
const std::string good_record = R"({"id":"good","text":"Syrian troops attacked Turkey on Monday."})";

// `line` written `count` times, then `tail`, in large blocks.
void write_repeated(const fs::path& file, const std::string& head, const std::string& line,
                    std::size_t count, const std::string& tail) {
  std::ofstream out(file, std::ios::binary);
  out << head;
  std::string block;
  for (std::size_t i = 0; i < 4096 && i < count; ++i) block += line;
  const std::size_t per_block = std::min<std::size_t>(4096, count);
  for (std::size_t done = 0; done < count; done += per_block)
    out.write(block.data(), static_cast<std::streamsize>(line.size() * std::min(per_block, count - done)));
  out << tail;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string err_prefix(const fs::path& file, std::size_t line) {
  return "diplograph: " + file.string() + ':' + std::to_string(line) + ": ";
}

TEST(hostile_input_test, nul_bytes_are_reported_by_file_and_line) {
  dt::temp_dir tmp;
  // A raw NUL in a text file marks it binary; an escaped one in JSON text is repaired and
  // reported; a raw one inside a JSON string is malformed JSON on its line.
  dt::write_file(tmp / "nul.txt", std::string("Syria\0 condemned Turkey.", 24));
  dt::write_file(tmp / "nul.jsonl", R"({"id":"esc","text":"Syria\u0000 condemned Turkey."})" "\n" +
                                        std::string("{\"id\":\"raw\",\"text\":\"a\0b\"}\n", 26) +
                                        good_record + "\n");
  const auto r = dr::run({"extract", "--published", day, (tmp / "nul.txt").string(),
                          (tmp / "nul.jsonl").string()});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "nul.txt", 1), "binary file")) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "nul.jsonl", 1), "article esc: invalid UTF-8")) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "nul.jsonl", 2), "malformed JSON")) << describe(r);
  EXPECT_NE(r.out.find(R"("article":"good")"), std::string::npos) << describe(r);
}

// A 100 MB article on one line is larger than --max-article-bytes (16 MiB by default; 4 MB
// here): it is measured and skipped, never held in memory whole, and the records after it are
// still coded. Peak RSS is compared with the same run on a small file, so that the check holds
// in the sanitizer build too.
TEST(hostile_input_test, a_100_mb_single_line_article_is_skipped_with_bounded_memory) {
  dt::temp_dir tmp;
  dt::write_file(tmp / "small.jsonl", good_record + "\n");
  const auto baseline = dr::run({"extract", "--published", day, "--max-article-bytes", "4000000",
                                 (tmp / "small.jsonl").string()});
  ASSERT_EQ(baseline.exit_code, 0) << describe(baseline);
  constexpr std::size_t mib = 1u << 20;
  const std::string sentence = "Syrian troops attacked Turkey on Monday and the talks stalled. ";
  const std::size_t repeats = 100 * mib / sentence.size();
  write_repeated(tmp / "big.txt", "", sentence, repeats, "");
  write_repeated(tmp / "big.jsonl", R"({"id":"big","text":")", sentence, repeats,
                 "\"}\n" + good_record + "\n");
  const auto r = dr::run({"extract", "--published", day, "--max-article-bytes", "4000000",
                          (tmp / "big.txt").string(), (tmp / "big.jsonl").string()});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "big.txt", 1),
                       "error: article of " + std::to_string(repeats * sentence.size()) +
                           " bytes exceeds --max-article-bytes (4000000), skipped"))
      << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "big.jsonl", 1),
                       "error: record of " + std::to_string(repeats * sentence.size() + 22) + " bytes exceeds"))
      << describe(r);
  EXPECT_NE(r.out.find(R"("article":"good")"), std::string::npos) << describe(r);
  // Neither file is ever held whole: at most the 4 MB kept of the long line, and its growth.
  EXPECT_LT(r.peak_rss_kib, baseline.peak_rss_kib + 24 * 1024) << describe(r) << "\nbaseline:\n"
                                                               << describe(baseline);
}

// A million lines: one record, blank lines, and a truncated record last.
TEST(hostile_input_test, a_million_line_file_reports_its_last_line) {
  dt::temp_dir tmp;
  const fs::path file = tmp / "million.jsonl";
  write_repeated(file, good_record + "\n", "\n", 999'998, R"({"id":"cut","text":"Syria and)");
  const fs::path db = tmp / "d.db";
  const auto r = dr::run({"ingest", "--published", day, "--db", db.string(), file.string()});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(file, 1'000'000), "error: malformed JSON record")) << describe(r);
  EXPECT_TRUE(has_line(r.out, "articles read: 1, added: 1,")) << describe(r);
  const auto store = dr::read_store(db);
  EXPECT_EQ(store.integrity, "ok");
  EXPECT_EQ(store.articles.size(), 1U);

  // A quarter of a million one-word lines of plain text are one article of as many sentences,
  // coded in one go (a million take the sanitizer build a minute).
  const fs::path text = tmp / "lines.txt";
  write_repeated(text, "", "Syria.\n", 250'000, "");
  const auto t = dr::run({"extract", "--published", day, text.string()});
  EXPECT_EQ(t.exit_code, 0) << describe(t);
  EXPECT_TRUE(dr::exited_cleanly(t)) << describe(t);
}

// simdjson refuses nesting past 1024 levels: the record is reported on its line, the next one
// is coded; nothing recurses per level.
TEST(hostile_input_test, deeply_nested_json_is_a_malformed_record_on_its_line) {
  dt::temp_dir tmp;
  const fs::path file = tmp / "deep.jsonl";
  const std::size_t depth = 200'000;
  std::string deep_array = R"({"id":"deep","text":"Syria.","meta":)" + std::string(depth, '[') +
                           std::string(depth, ']') + "}\n";
  std::string deep_object = R"({"id":"deeper","text":"Syria.","meta":)";
  for (std::size_t i = 0; i < depth / 4; ++i) deep_object += R"({"a":)";
  deep_object += "1" + std::string(depth / 4, '}') + "}\n";
  // A nesting simdjson accepts (1000 levels) is kept as metadata.
  const std::string fine = R"({"id":"fine","text":"Syrian troops attacked Turkey.","meta":)" +
                           std::string(1000, '[') + std::string(1000, ']') + "}\n";
  dt::write_file(file, deep_array + deep_object + fine + good_record + "\n");
  const fs::path db = tmp / "d.db";
  const auto r = dr::run({"ingest", "--published", day, "--db", db.string(), file.string()});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(file, 1), "error: malformed JSON record")) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(file, 2), "error: malformed JSON record")) << describe(r);
  EXPECT_TRUE(has_line(r.out, "articles read: 2, added: 2,")) << describe(r);
  const auto exported = dr::run({"export", "--db", db.string(), "--format", "jsonl"});
  EXPECT_EQ(exported.exit_code, 0) << describe(exported);
  EXPECT_NE(exported.out.find(R"("article":"fine")"), std::string::npos) << describe(exported);
}

// gumbo frees its tree recursively and checks scopes in time quadratic in the depth: a page
// nested deeper than 1000 elements is skipped, on the line where it gets too deep, before
// gumbo sees it; shallower pages, scripts holding markup and many siblings are read.
TEST(hostile_input_test, deeply_nested_html_is_skipped_on_its_line) {
  dt::temp_dir tmp;
  std::string deep = "<!doctype html>\n<html><body>\n<p>Syria and Turkey met.</p>\n";
  for (int i = 0; i < 1'000'000; ++i) deep += "<span>";
  dt::write_file(tmp / "deep.html", deep + "text");
  std::string wide = "<html><body><script>var a = '<div><div><div>';</script>\n";
  for (int i = 0; i < 900; ++i) wide += "<div>";
  wide += "Syrian troops attacked Turkey on Monday.";
  for (int i = 0; i < 900; ++i) wide += "</div>";
  for (int i = 0; i < 20'000; ++i) wide += "<p>Talks &amp; more &#8212; &eacute;</p><br><img src=x>";
  dt::write_file(tmp / "wide.html", wide + "</body></html>");
  const auto r = dr::run({"extract", "--published", day, (tmp / "deep.html").string(),
                          (tmp / "wide.html").string()});
  EXPECT_EQ(r.exit_code, 1) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  EXPECT_TRUE(has_line(r.err, err_prefix(tmp / "deep.html", 4),
                       "error: HTML elements nested more than 1000 deep, skipped"))
      << describe(r);
  EXPECT_NE(r.out.find(R"("article":"wide")"), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, 60.0) << describe(r);
}

TEST(hostile_input_test, a_directory_loop_is_read_once_and_reported) {
  dt::temp_dir tmp;
  fs::create_directories(tmp / "in" / "sub");
  dt::write_file(tmp / "in" / "a.txt", "Syrian troops attacked Turkey on Monday.");
  dt::write_file(tmp / "in" / "sub" / "b.txt", "Turkey condemned Syria on Tuesday.");
  fs::create_directory_symlink(tmp / "in", tmp / "in" / "sub" / "loop");
  fs::create_directory_symlink(tmp / "in" / "sub", tmp / "in" / "again");
  const fs::path db = tmp / "d.db";
  const auto r = dr::run({"ingest", "--published", day, "--db", db.string(), (tmp / "in").string()});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);
  // in/again (a link to in/sub) sorts first: through it, again/loop leads back to in; then
  // in/sub itself has been read.
  EXPECT_TRUE(has_line(r.err, "diplograph: " + (tmp / "in" / "again" / "loop").string() + ": warning:",
                       "symlink loop"))
      << describe(r);
  EXPECT_TRUE(has_line(r.err, "diplograph: " + (tmp / "in" / "sub").string() + ": warning:", "already read"))
      << describe(r);
  EXPECT_TRUE(has_line(r.out, "articles read: 2, added: 2,")) << describe(r);
}

// Actor names come from dictionaries; these hold markup, quotes, a backslash, control
// characters (a tab, U+0001, DEL) and DOT keywords, and still every export validates. (A
// dictionary line cannot hold a newline; the fuzz targets feed names with newlines to the
// writers.)
TEST(hostile_input_test, hostile_actor_names_survive_every_export) {
  for (const char* program : {"xmllint", "dot", "gc"})
    if (!dt::have_program(program)) GTEST_SKIP() << program << " is not installed";
  if (!dt::have_python("networkx")) GTEST_SKIP() << "python3 networkx is not installed";
  dt::temp_dir tmp;
  const fs::path dicts = tmp / "dicts";
  fs::create_directory(dicts);
  for (const char* name : {"agents.txt", "verbs.txt", "grammar.txt", "cameo_codes.tsv", "issues.txt"})
    fs::copy_file(dt::dictionary_dir() / name, dicts / name);
  dt::write_file(dicts / "igos.txt", "IGOUNO = <United \"Nations\"> & 'Co' \\ | United Nations\n");
  dt::write_file(dicts / "groups.txt", "");
  dt::write_file(dicts / "countries.txt",
                 "XXA = Fooland <&> \"Q\" 'r' \\ | Fooland ; adj = Foolandish\n"
                 "XXB = node | Nodeland\n"
                 "XXC = strict | Strictland\n"
                 "XXD = subgraph | Subland\n"
                 "XXE = Tab\tname \x01 del \x7f end | Ctrlland\n"
                 "XXF = digraph -> \"x\" [label=\"y\"] | Edgeland\n");
  dt::write_file(tmp / "news.txt",
                 "Fooland attacked Nodeland on Monday. Strictland condemned Subland. Ctrlland met "
                 "Fooland. Edgeland accused the United Nations. Nodeland praised Edgeland.\n");
  const fs::path out = tmp / "out";
  const fs::path db = tmp / "d.db";
  const auto r = dr::run({"build", "--published", day, "--dict-dir", dicts.string(), "--db", db.string(),
                          "-o", out.string(), (tmp / "news.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(dr::exited_cleanly(r)) << describe(r);

  const fs::path shared = dt::shared_dir();
  const std::string schema =
      shared.empty() ? "" : " --schema " + dt::shell_quote((shared / "schemas" / "graphml" / "graphml.xsd").string());
  const auto xml = dt::run_command("xmllint --noout --nonet" + schema + ' ' +
                                   dt::shell_quote((out / "graph.graphml").string()));
  EXPECT_EQ(xml.exit_code, 0) << xml.out << dt::read_file(out / "graph.graphml");
  const auto gexf12 = dr::run({"export", "--db", db.string(), "--format", "gexf12", "-o",
                               (tmp / "g12.gexf").string()});
  ASSERT_EQ(gexf12.exit_code, 0) << describe(gexf12);

  const auto py = dt::run_python(tmp.path(), R"PY(
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
names = sorted(str(d.get('name', '')) for _, d in g.nodes(data=True))
print('NODES', g.number_of_nodes(), 'EDGES', g.number_of_edges())
for n in names: print('NAME', ascii(n))
h = nx.read_gexf(sys.argv[2])
print('GEXF12', h.number_of_nodes(), h.number_of_edges())
)PY",
                                 {(out / "graph.graphml").string(), (tmp / "g12.gexf").string()});
  ASSERT_EQ(py.exit_code, 0) << py.out;
  EXPECT_NE(py.out.find("NAME 'Fooland <&> \"Q\" \\'r\\' \\\\'"), std::string::npos) << py.out;
  EXPECT_NE(py.out.find("NAME 'node'"), std::string::npos) << py.out;
  EXPECT_NE(py.out.find("NAME 'digraph -> \"x\" [label=\"y\"]'"), std::string::npos) << py.out;
  EXPECT_NE(py.out.find("NAME '<United \"Nations\"> & \\'Co\\' \\\\'"), std::string::npos) << py.out;
  const std::string nodes_line = py.out.substr(py.out.find("NODES"), py.out.find('\n') - py.out.find("NODES"));
  const std::string counts = nodes_line.substr(6, nodes_line.find(" EDGES") - 6);
  EXPECT_NE(py.out.find("GEXF12 " + counts + ' '), std::string::npos) << py.out;

  // Graphviz reads the DOT with one node per actor (no name swallowed as a keyword) and renders it.
  const auto gc = dt::run_command("gc -n " + dt::shell_quote((out / "graph.dot").string()));
  EXPECT_EQ(gc.exit_code, 0) << gc.out;
  EXPECT_NE(gc.out.find(' ' + counts + ' '), std::string::npos) << gc.out << py.out;
  const auto svg = dt::run_command("dot -Tsvg " + dt::shell_quote((out / "graph.dot").string()) + " -o " +
                                   dt::shell_quote((tmp / "g.svg").string()) + " && xmllint --noout " +
                                   dt::shell_quote((tmp / "g.svg").string()));
  EXPECT_EQ(svg.exit_code, 0) << svg.out << dt::read_file(out / "graph.dot");
}

}  // namespace
