#pragma once
// Usage:
//   extract::ingest_options opt;                       // opt.published_override = a day
//   extract::read_inputs({"news.jsonl", "dir/", "-"}, opt,
//       [&](core::article a) { ... },                  // each article, in input order
//       [&](core::diagnostic d) { ... });              // each problem, as `file:line: what`
// Input kinds: plain text, JSON Lines (id, published, title, text, url?, source?, others kept as
// metadata), HTML (body text without script/style/nav), directories (recursive, sorted), and "-"
// for stdin (JSONL or plain text, detected). Invalid UTF-8 is replaced and reported. A bad
// record or unreadable file is reported and the rest of the batch goes on. No database here.
// Memory stays bounded on any input: JSONL is read line by line (a line longer than
// max_article_bytes is measured and skipped, never held whole), a larger text or HTML file is
// never read, and HTML nested deeper than max_html_depth is skipped before it is parsed.

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diplograph/core/article.hpp"
#include "diplograph/core/diagnostic.hpp"

namespace diplograph::extract {

struct ingest_options {
  std::optional<core::calendar_day> published_override;  // --published
  std::size_t max_article_bytes = 16u << 20;               // larger articles are skipped
  std::size_t max_html_depth = 1000;                        // deeper HTML pages are skipped
  std::istream* stdin_stream = nullptr;                    // for "-"; std::cin when null
};

using article_sink = std::function<void(core::article)>;
using diagnostic_sink = std::function<void(core::diagnostic)>;

// Reads every input; returns the number of inputs that could not be read at all.
std::size_t read_inputs(const std::vector<std::string>& inputs, const ingest_options& options,
                        const article_sink& on_article, const diagnostic_sink& on_diagnostic);

// The format of one input: `detect` decides as for standard input (a '{' first: JSONL; a
// document starting with <html>, <!doctype html>, <body> or <p>: HTML; else plain text).
enum class input_format { detect, text, jsonl, html };

// Reads one input held in memory as read_inputs reads a file of that format called `name`:
// the same articles (a text or HTML article takes the stem of `name` as its id) and the same
// diagnostics, naming `name`. No file is touched. Returns 1 when the input could not be read at
// all (binary, larger than max_article_bytes, nested too deep), else 0.
std::size_t read_buffer(std::string_view content, input_format format, const std::string& name,
                        const ingest_options& options, const article_sink& on_article,
                        const diagnostic_sink& on_diagnostic);

// One JSONL record. `file` and `line` are used for the default id and for diagnostics.
// Ensures: an article with valid UTF-8 text, or a diagnostic saying what is wrong.
std::variant<core::article, core::diagnostic> parse_jsonl_record(std::string_view line,
                                                                 const std::string& file,
                                                                 std::size_t line_number);

// The visible text of an HTML document: body text with script, style, nav, header, footer,
// aside, form and noscript dropped; block elements become paragraph breaks; entities decoded.
std::string html_to_text(std::string_view html);

struct prepared_article {
  core::article article;
  std::vector<core::diagnostic> diagnostics;
};

// Finishes an article that has its text: replaces invalid UTF-8, finds boilerplate and
// captions (segments), and sets the publication date from the override, the metadata, or the
// text, saying where it came from. A diagnostic says when no date was found.
prepared_article prepare_article(core::article a, const ingest_options& options);

}  // namespace diplograph::extract
