#pragma once
// Usage (in commands.cpp):
//   timex_options tx;
//   auto* timex = add_timex_verb(app, tx);
//   ...
//   if (*timex) return run_timex(tx, in, out, err);
// Verbs that live in their own source file, registered by cli::run.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "options.hpp"

namespace diplograph::cli {

struct timex_options {
  std::vector<std::string> inputs;
  std::string published;
  std::string format = "jsonl";
  std::size_t max_article_bytes = 16u << 20;
};

// Adds `timex` to `app`, its options bound to `o`.
CLI::App* add_timex_verb(CLI::App& app, timex_options& o);

// Writes one JSON object per time expression: article, start, end (bytes into the text, [start,
// end)), text, type (DATE|TIME|DURATION|SET), value (TIMEX3) and anchor (the publication date
// used, or null). Returns 0, 1 when an input was bad (reported on `err`), 2 on a usage error.
int run_timex(const timex_options& o, std::istream& in, std::ostream& out, std::ostream& err);

struct explain_options {
  input_options input;
  std::string format = "text";
};

// Adds `explain` to `app`, its options bound to `o`.
CLI::App* add_explain_verb(CLI::App& app, explain_options& o);

// For each sentence of each article: the actors, time expressions and reported speech found,
// every verb pattern with the rule that coded it or the reason it was dropped, and the events
// and stances coded (text for people, or one JSON object per sentence). Returns 0, 1 when an
// input was bad (reported on `err`); throws usage_error on a bad --published.
int run_explain(const explain_options& o, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace diplograph::cli
