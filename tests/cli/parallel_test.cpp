// Pins: `-j N` changes only the speed. `extract` writes byte-identical stdout and stderr for
// -j 1, 2 and 8 over a few hundred generated articles with input problems in the middle (a
// malformed line, a record without text, undated articles, invalid UTF-8, duplicates);
// `ingest` with -j 4 stores what -j 1 stores (same summary, `stats` and `export --format
// jsonl`), re-ingest included. The ordered pipeline under them keeps input order with
// workers finishing out of order, bounds the articles in flight, and hands a worker's
// exception (std::bad_alloc) to the caller after every earlier result.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "pipeline.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace dt = diplograph::testing;
namespace cli = diplograph::cli;

struct cli_result {
  int code = -1;
  std::string out;
  std::string err;
};

cli_result run_cli(std::vector<std::string> args, const std::string& input = {}) {
  args.insert(args.begin(), "diplograph");
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  cli_result r;
  r.code = cli::run(args, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string describe(const cli_result& r) {
  return "exit " + std::to_string(r.code) + "\n--- stdout:\n" + r.out.substr(0, 2000) + "\n--- stderr:\n" +
         r.err.substr(0, 2000);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// ------------------------------------------------------------------ a generated corpus

// Wire-style sentences from a fixed pool of actors, verbs and circumstances; deterministic.
std::string sentence(std::size_t n) {
  static const std::vector<std::string> actors{
      "France", "Russia", "Germany", "China", "Japan", "The United States", "Iran", "Israel", "Syria",
      "Turkey", "Egypt", "India", "Pakistan", "Brazil", "North Korea", "South Korea", "Ukraine",
      "Iranian officials", "Turkish diplomats", "The Syrian government", "Russian troops",
      "Chinese Foreign Minister Wang Yi", "Israeli negotiators", "Palestinian officials"};
  static const std::vector<std::string> verbs{
      "criticised", "praised", "met with", "accused", "condemned", "threatened", "signed an agreement with",
      "imposed sanctions on", "hosted talks with", "called on", "thanked", "rejected a proposal from",
      "sent aid to", "expelled diplomats from", "welcomed", "warned"};
  static const std::vector<std::string> tails{
      " on Monday.", " on Tuesday in Geneva.", " over its nuclear programme.", " after the border clash.",
      ", officials said.", " for the second time this week.", " at a summit in Brussels.", "."};
  const auto& a = actors[n % actors.size()];
  auto b = actors[(n * 7 + 3) % actors.size()];
  if (b == a) b = "Canada";
  if (b.rfind("The ", 0) == 0) b = "the " + b.substr(4);
  const auto& v = verbs[(n * 5 + n / 3) % verbs.size()];
  const auto& t = tails[(n * 3 + n / 7) % tails.size()];
  return a + " " + v + " " + b + t;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// About 300 JSONL articles of 1-6 sentences, with problems spread through the middle.
std::string generated_corpus() {
  std::string jsonl;
  std::size_t s = 0;
  for (std::size_t i = 0; i < 300; ++i) {
    if (i == 150) jsonl += "{\"id\": \"broken\", \"text\": \"unterminated\n";  // malformed line
    if (i == 90) jsonl += "{\"id\": \"no-text\", \"title\": \"nothing here\"}\n";
    std::string text;
    const std::size_t sentences = 1 + (i * 7) % 6;
    for (std::size_t k = 0; k < sentences; ++k) text += (k ? " " : "") + sentence(s++);
    if (i % 41 == 40) text = sentence(3);  // seven articles with the same title and text
    const std::string month = (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1);
    const std::string day = (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    jsonl += "{\"id\": \"art-" + std::to_string(i) + "\"";
    if (i % 23 != 5) jsonl += ", \"published\": \"2014-" + month + "-" + day + "\"";  // some undated
    jsonl += ", \"title\": \"Story " + std::to_string(i % 41 == 40 ? 0 : i) + "\"";
    jsonl += ", \"source\": \"wire\", \"text\": \"" + json_escape(text) + "\"}\n";
    if (i == 200) jsonl += "{\"id\": \"bad-utf8\", \"published\": \"2014-05-05\", \"text\": \"France praised Japan \xff\xfe on Friday.\"}\n";
  }
  return jsonl;
}

struct corpus_file {
  dt::temp_dir tmp;
  fs::path file = tmp / "news.jsonl";
  corpus_file() {
    std::ofstream f(file, std::ios::binary);
    f << generated_corpus();
  }
};

// ------------------------------------------------------------------ extract

TEST(parallel_test, extract_output_is_byte_identical_for_any_number_of_jobs) {
  // Problems in the middle, and after the last article: reported in input order either way.
  const std::string input = generated_corpus() + "not json at all\n{\"id\": 5}\n";
  const auto serial = run_cli({"extract", "-j", "1", "-"}, input);
  ASSERT_EQ(serial.code, 1) << describe(serial);  // the malformed lines are errors
  EXPECT_GT(count_lines(serial.out), 300u) << describe(serial);
  const auto undated = serial.err.find("-:6: warning: article art-5: no publication date");
  const auto no_text = serial.err.find("-:91: error");
  const auto malformed = serial.err.find("-:152: error: malformed JSON");
  const auto utf8 = serial.err.find("article bad-utf8: invalid UTF-8");
  const auto trailing = serial.err.find("-:304: error");
  for (const auto at : {undated, no_text, malformed, utf8, trailing}) ASSERT_NE(at, std::string::npos) << serial.err;
  EXPECT_LT(undated, no_text);
  EXPECT_LT(no_text, malformed);
  EXPECT_LT(malformed, utf8);
  EXPECT_LT(utf8, trailing);
  EXPECT_TRUE(contains(serial.err.substr(trailing), "-:305: error")) << serial.err;

  for (const char* jobs : {"2", "8"}) {
    const auto parallel = run_cli({"extract", jobs[0] == '2' ? "-j" : "--jobs", jobs, "-"}, input);
    EXPECT_EQ(parallel.code, serial.code) << "-j " << jobs;
    EXPECT_TRUE(parallel.out == serial.out) << "-j " << jobs << " changed stdout";
    EXPECT_EQ(parallel.err, serial.err) << "-j " << jobs;
  }
}

TEST(parallel_test, jobs_option_is_validated_and_listed) {
  for (const char* verb : {"extract", "ingest", "build"}) {
    const auto help = run_cli({verb, "--help"});
    EXPECT_TRUE(contains(help.out, "-j,--jobs")) << help.out;
  }
  EXPECT_EQ(run_cli({"extract", "-j", "many", "-"}).code, 2);
  EXPECT_EQ(run_cli({"extract", "-j", "-3", "-"}).code, 2);
  EXPECT_EQ(run_cli({"extract", "-j", "100000", "-"}).code, 2);
  const auto zero = run_cli({"extract", "-j", "0", "-"}, "{\"id\": \"x\", \"published\": \"2014-01-02\", "
                                                         "\"text\": \"France criticised Russia on Monday.\"}\n");
  EXPECT_EQ(zero.code, 0) << describe(zero);
  EXPECT_EQ(count_lines(zero.out), 1u) << describe(zero);
}

// ------------------------------------------------------------------ ingest

TEST(parallel_test, ingest_with_four_jobs_stores_what_one_job_stores) {
  corpus_file corpus;
  const auto one_db = (corpus.tmp / "one.db").string();
  const auto four_db = (corpus.tmp / "four.db").string();
  const auto same = [&](const cli_result& serial, const cli_result& parallel, const char* what) {
    EXPECT_EQ(parallel.code, serial.code) << what;
    EXPECT_EQ(replace_all(parallel.out, four_db, "DB"), replace_all(serial.out, one_db, "DB")) << what;
    EXPECT_EQ(parallel.err, serial.err) << what;
  };

  const auto serial = run_cli({"ingest", "-j", "1", "--db", one_db, corpus.file.string()});
  const auto parallel = run_cli({"ingest", "-j", "4", "--db", four_db, corpus.file.string()});
  ASSERT_EQ(serial.code, 1) << describe(serial);
  // Duplicates in the input are found while their twins are still being coded.
  EXPECT_TRUE(contains(serial.out, "already stored: 6")) << serial.out;
  same(serial, parallel, "first ingest");

  same(run_cli({"stats", "--db", one_db}), run_cli({"stats", "--db", four_db}), "stats");
  const auto exported = run_cli({"export", "--db", one_db, "--format", "jsonl"});
  EXPECT_GT(count_lines(exported.out), 300u) << describe(exported);
  EXPECT_TRUE(run_cli({"export", "--db", four_db, "--format", "jsonl"}).out == exported.out);

  // Again: everything is already stored and nothing is coded.
  const auto serial_again = run_cli({"ingest", "-j", "1", "--db", one_db, corpus.file.string()});
  const auto parallel_again = run_cli({"ingest", "-j", "4", "--db", four_db, corpus.file.string()});
  EXPECT_TRUE(contains(serial_again.out, "added: 0,")) << serial_again.out;
  same(serial_again, parallel_again, "re-ingest");
  EXPECT_TRUE(run_cli({"export", "--db", four_db, "--format", "jsonl"}).out == exported.out);
}

// ------------------------------------------------------------------ the pipeline itself

cli::pipeline_job job_numbered(std::size_t n, bool admitted = true) {
  cli::pipeline_job job;
  job.article.id = diplograph::core::article_id{std::to_string(n)};
  job.admitted = admitted;
  return job;
}

TEST(parallel_test, pipeline_keeps_input_order_and_bounds_the_jobs_in_flight) {
  std::size_t pushed = 0;
  std::size_t max_in_flight = 0;
  std::vector<std::string> consumed;
  std::size_t consumed_count = 0;
  {
    cli::ordered_pipeline pipeline{
        3,
        [&](cli::pipeline_job& job) {
          // Later jobs often finish first.
          const auto n = std::stoul(job.article.id.value());
          std::this_thread::sleep_for(std::chrono::microseconds((n * 37) % 200));
          job.result.sentences = n;
        },
        [&](cli::pipeline_job& job) {
          EXPECT_EQ(job.result.sentences, job.admitted ? std::stoul(job.article.id.value()) : 0u);
          consumed.push_back(job.article.id.value());
          ++consumed_count;
        },
        5};
    for (std::size_t n = 0; n < 300; ++n) {
      pipeline.push(job_numbered(n, n % 10 != 3));
      ++pushed;
      max_in_flight = std::max(max_in_flight, pushed - consumed_count);
    }
    pipeline.finish();
  }
  ASSERT_EQ(consumed.size(), 300u);
  for (std::size_t n = 0; n < 300; ++n) EXPECT_EQ(consumed[n], std::to_string(n));
  EXPECT_LE(max_in_flight, 5u);
}

TEST(parallel_test, a_workers_exception_reaches_the_caller_after_every_earlier_result) {
  std::vector<std::size_t> consumed;
  bool caught = false;
  try {
    cli::ordered_pipeline pipeline{
        4,
        [](cli::pipeline_job& job) {
          const auto n = std::stoul(job.article.id.value());
          if (n == 57 || n == 80) throw std::bad_alloc();
          if (n == 120) throw std::runtime_error("never reached");
        },
        [&](cli::pipeline_job& job) { consumed.push_back(std::stoul(job.article.id.value())); }};
    for (std::size_t n = 0; n < 200; ++n) pipeline.push(job_numbered(n));
    pipeline.finish();
  } catch (const std::bad_alloc&) {
    caught = true;
  }
  EXPECT_TRUE(caught);
  ASSERT_EQ(consumed.size(), 57u);
  for (std::size_t n = 0; n < consumed.size(); ++n) EXPECT_EQ(consumed[n], n);
}

TEST(parallel_test, a_consumers_exception_stops_the_workers) {
  std::atomic<std::size_t> worked{0};
  std::string caught;
  try {
    cli::ordered_pipeline pipeline{2, [&](cli::pipeline_job&) { ++worked; },
                                   [](cli::pipeline_job& job) {
                                     if (job.article.id.value() == "10") throw std::runtime_error("disk full");
                                   }};
    for (std::size_t n = 0; n < 1000; ++n) pipeline.push(job_numbered(n));
    pipeline.finish();
  } catch (const std::runtime_error& e) {
    caught = e.what();
  }
  EXPECT_EQ(caught, "disk full");
  EXPECT_LT(worked.load(), 1000u);  // bounded: the reader stopped at the failure
}

}  // namespace
