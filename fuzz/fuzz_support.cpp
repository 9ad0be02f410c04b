#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "diplograph/core/utf8.hpp"

namespace diplograph::fuzz {

std::uint8_t input::byte() {
  if (rest_.empty()) return 0;
  const auto b = static_cast<std::uint8_t>(rest_.front());
  rest_.remove_prefix(1);
  return b;
}

std::string input::text(std::size_t max) {
  const std::size_t n = std::min({static_cast<std::size_t>(byte()), max, rest_.size()});
  std::string out{rest_.substr(0, n)};
  rest_.remove_prefix(n);
  return out;
}

core::calendar_day input::day() {
  const int high = byte();
  const int offset = (high << 8 | byte()) - 32768;
  return core::calendar_day{date::days{offset}};
}

void fail(std::string_view what, std::string_view detail) {
  std::string shown;
  for (const char ch : detail.substr(0, 2000)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      shown += ch;
    } else {
      static constexpr char digits[] = "0123456789abcdef";
      shown += "\\x";
      shown += digits[c >> 4];
      shown += digits[c & 0xF];
    }
  }
  std::fprintf(stderr, "fuzz check failed: %.*s\n  %s\n", static_cast<int>(what.size()), what.data(),
               shown.c_str());
  std::abort();
}

const char* builtin_dictionary_dir() { return DIPLOGRAPH_DICTIONARY_DIR; }

const extract::dictionaries& builtin_dictionaries() {
  static const extract::dictionaries dicts = extract::dictionaries::load(builtin_dictionary_dir());
  return dicts;
}

void ingest_and_check(std::string_view content, extract::input_format format, const std::string& name) {
  std::vector<core::article> articles;
  std::vector<core::diagnostic> diagnostics;
  extract::ingest_options options;
  options.max_html_depth = 48;  // reachable by small inputs
  const auto on_article = [&](core::article a) { articles.push_back(std::move(a)); };
  const auto on_diagnostic = [&](core::diagnostic d) { diagnostics.push_back(std::move(d)); };
  if (format == extract::input_format::detect) {
    std::istringstream in{std::string(content)};
    options.stdin_stream = &in;
    extract::read_inputs({"-"}, options, on_article, on_diagnostic);
  } else {
    extract::read_buffer(content, format, name, options, on_article, on_diagnostic);
  }
  const std::string expected_file = format == extract::input_format::detect ? "-" : name;
  for (const core::diagnostic& d : diagnostics)
    check(d.file == expected_file, "a diagnostic names another file", core::format(d));
  for (const core::article& a : articles) {
    check(!a.id.empty(), "an article without an id", a.text);
    check(core::is_valid_utf8(a.text), "article text is not valid UTF-8", a.text);
    check(core::is_valid_utf8(a.title), "article title is not valid UTF-8", a.title);
    check(a.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos, "an article with blank text",
          a.text);
    std::size_t end = 0;
    for (const core::segment& s : a.segments) {
      check(s.where.begin >= end && s.where.begin <= s.where.end && s.where.end <= a.text.size(),
            "segments out of order or outside the text", a.text);
      end = s.where.end;
    }
  }
}

}  // namespace diplograph::fuzz
