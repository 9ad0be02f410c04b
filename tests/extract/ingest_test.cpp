// Article ingest: every input kind, the default ids, metadata, and bad input that is reported
// with its file and line while the rest of the batch goes on.
#include <gtest/gtest.h>

#include <sstream>

#include "diplograph/core/utf8.hpp"
#include "diplograph/extract/ingest.hpp"
#include "test_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
using diplograph::testing::temp_dir;
using diplograph::testing::write_file;

namespace {

struct collected {
  std::vector<dc::article> articles;
  std::vector<dc::diagnostic> diagnostics;
  std::size_t failed = 0;
};

collected read(const std::vector<std::string>& inputs, dx::ingest_options opt = {}) {
  collected c;
  c.failed = dx::read_inputs(
      inputs, opt, [&](dc::article a) { c.articles.push_back(std::move(a)); },
      [&](dc::diagnostic d) { c.diagnostics.push_back(std::move(d)); });
  return c;
}

bool has_diagnostic(const collected& c, const std::string& needle) {
  for (const auto& d : c.diagnostics)
    if (dc::format(d).find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ingest_test, jsonl_fields_metadata_and_default_ids) {
  temp_dir dir;
  write_file(dir / "news.jsonl",
             R"({"id": "a1", "published": "2017-03-24", "title": "T", "text": "Body one.", "url": "http://x", "source": "Wire", "lang": "en", "tags": ["x", 1]})"
             "\n\n"
             R"({"published": "2017-03-25T08:00:00Z", "text": "Body two."})"
             "\n");
  auto c = read({(dir / "news.jsonl").string()});
  ASSERT_EQ(c.articles.size(), 2u);
  const auto& a = c.articles[0];
  EXPECT_EQ(a.id.value(), "a1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.url, "http://x");
  EXPECT_EQ(a.source, "Wire");
  EXPECT_EQ(dc::to_iso(*a.published), "2017-03-24");
  EXPECT_EQ(a.published_from, dc::date_source::metadata);
  ASSERT_EQ(a.metadata.size(), 2u);
  EXPECT_EQ(a.metadata[0].first, "lang");
  EXPECT_EQ(a.metadata[1].second, R"(["x",1])");
  EXPECT_EQ(c.articles[1].id.value(), "news.jsonl:3");
  EXPECT_EQ(dc::to_iso(*c.articles[1].published), "2017-03-25");
  EXPECT_EQ(c.failed, 0u);
}

TEST(ingest_test, malformed_record_names_file_and_line_and_the_rest_goes_on) {
  temp_dir dir;
  write_file(dir / "bad.jsonl",
             "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n"
             "{\"id\": \"broken\", \"text\": \"unterminated\n"
             "[1, 2]\n"
             "{\"id\": \"no-text\"}\n"
             "{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n");
  auto c = read({(dir / "bad.jsonl").string()});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[1].id.value(), "ok2");
  const std::string file = (dir / "bad.jsonl").string();
  EXPECT_TRUE(has_diagnostic(c, file + ":2: error: malformed JSON"));
  EXPECT_TRUE(has_diagnostic(c, file + ":3: error: JSON record is not an object"));
  EXPECT_TRUE(has_diagnostic(c, file + ":4: error: JSON record has no \"text\""));
}

TEST(ingest_test, binary_and_missing_files_are_reported_and_skipped) {
  temp_dir dir;
  write_file(dir / "a.txt", "GENEVA (Reuters) - Talks resumed on Friday.");
  write_file(dir / "b.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + std::string(200, '\0'));
  auto c = read({(dir / "a.txt").string(), (dir / "b.bin").string(), (dir / "missing.txt").string()});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id.value(), "a");
  EXPECT_EQ(c.failed, 2u);
  EXPECT_TRUE(has_diagnostic(c, (dir / "b.bin").string() + ":1: error: binary file"));
  EXPECT_TRUE(has_diagnostic(c, (dir / "missing.txt").string() + ": error: cannot read"));
}

TEST(ingest_test, directories_are_read_recursively_in_sorted_order) {
  temp_dir dir;
  std::filesystem::create_directories(dir / "z" / "deep");
  write_file(dir / "b.txt", "Second.");
  write_file(dir / "a.txt", "First.");
  write_file(dir / "z" / "deep" / "c.txt", "Third.");
  write_file(dir / ".hidden.txt", "Never.");
  std::filesystem::create_directory_symlink(dir.path(), dir / "z" / "loop");
  auto c = read({dir.path().string()});
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].id.value(), "a");
  EXPECT_EQ(c.articles[1].id.value(), "b");
  EXPECT_EQ(c.articles[2].id.value(), "c");
  EXPECT_TRUE(has_diagnostic(c, "symlink loop"));
}

TEST(ingest_test, html_body_text_without_scripts_navigation_or_styles) {
  temp_dir dir;
  write_file(dir / "page.html",
             "<!doctype html><html><head><title>Talks &amp; more</title>"
             "<meta property=\"article:published_time\" content=\"2019-05-02T10:00:00Z\">"
             "<style>p{color:red}</style></head><body><nav>Home | World</nav>"
             "<script>var x = \"France attacks\";</script>"
             "<article><p>France &amp; Germany met in Paris.</p><p>They agreed.</p></article>"
             "<footer>Cookie policy</footer></body></html>");
  auto c = read({(dir / "page.html").string()});
  ASSERT_EQ(c.articles.size(), 1u);
  const auto& a = c.articles[0];
  EXPECT_EQ(a.title, "Talks & more");
  EXPECT_EQ(a.text, "France & Germany met in Paris.\n\nThey agreed.");
  EXPECT_EQ(dc::to_iso(*a.published), "2019-05-02");
  EXPECT_EQ(a.published_from, dc::date_source::metadata);
}

TEST(ingest_test, stdin_detects_jsonl_or_plain_text) {
  std::istringstream jsonl("{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": \"Two.\"}\n");
  dx::ingest_options opt;
  opt.stdin_stream = &jsonl;
  auto c = read({"-"}, opt);
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[1].id.value(), "s2");

  std::istringstream text("Plain words from a pipe.");
  opt.stdin_stream = &text;
  auto t = read({"-"}, opt);
  ASSERT_EQ(t.articles.size(), 1u);
  EXPECT_EQ(t.articles[0].id.value(), "stdin");
  EXPECT_EQ(t.articles[0].text, "Plain words from a pipe.");
}

TEST(ingest_test, invalid_utf8_is_replaced_and_reported) {
  temp_dir dir;
  write_file(dir / "u.jsonl", "{\"id\": \"u1\", \"text\": \"Bad \xff byte.\"}\n");
  write_file(dir / "u.txt", "Also \xc3\x28 bad.");
  auto c = read({(dir / "u.jsonl").string(), (dir / "u.txt").string()});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].text, "Bad \xEF\xBF\xBD byte.");
  EXPECT_TRUE(dc::is_valid_utf8(c.articles[1].text));
  EXPECT_TRUE(has_diagnostic(c, (dir / "u.jsonl").string() + ":1: warning: article u1: invalid UTF-8"));
  EXPECT_TRUE(has_diagnostic(c, "article u: invalid UTF-8 at byte 5"));
}

TEST(ingest_test, published_override_beats_metadata_and_text) {
  temp_dir dir;
  write_file(dir / "p.jsonl", "{\"id\": \"p\", \"published\": \"2001-01-01\", \"text\": \"x\"}\n");
  dx::ingest_options opt;
  opt.published_override = dc::parse_iso_day("2020-02-02");
  auto c = read({(dir / "p.jsonl").string()}, opt);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(dc::to_iso(*c.articles[0].published), "2020-02-02");
  EXPECT_EQ(c.articles[0].published_from, dc::date_source::override_option);
}

TEST(ingest_test, no_date_found_is_unknown_never_today) {
  temp_dir dir;
  write_file(dir / "n.txt", "Officials met on Friday to discuss the border.");
  auto c = read({(dir / "n.txt").string()});
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_FALSE(c.articles[0].published);
  EXPECT_EQ(c.articles[0].published_from, dc::date_source::none);
  EXPECT_TRUE(has_diagnostic(c, "no publication date"));
}

TEST(ingest_test, oversized_articles_are_skipped_with_a_reason) {
  temp_dir dir;
  write_file(dir / "big.txt", std::string(5000, 'a'));
  write_file(dir / "big.jsonl", "{\"id\": \"x\", \"text\": \"" + std::string(5000, 'a') + "\"}\n{\"id\": \"y\", \"text\": \"small\"}\n");
  dx::ingest_options opt;
  opt.max_article_bytes = 1000;
  auto c = read({(dir / "big.txt").string(), (dir / "big.jsonl").string()}, opt);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id.value(), "y");
  EXPECT_TRUE(has_diagnostic(c, (dir / "big.jsonl").string() + ":1: error: record of"));
}

TEST(ingest_test, byte_order_marks_are_dropped_and_empty_inputs_reported_not_kept) {
  temp_dir dir;
  write_file(dir / "bom.txt", "\xEF\xBB\xBFSyria met Iraq.");
  write_file(dir / "bom.jsonl", "\xEF\xBB\xBF{\"id\": \"b\", \"text\": \"Iraq met Syria.\"}\r\n{\"id\": \"e\", \"text\": \"  \"}\n");
  write_file(dir / "blank.txt", " \n\t\n");
  write_file(dir / "empty.html", "<html><body><script>x()</script></body></html>");
  auto c = read({(dir / "bom.txt").string(), (dir / "bom.jsonl").string(), (dir / "blank.txt").string(),
                 (dir / "empty.html").string()});
  ASSERT_EQ(c.articles.size(), 2u);
  EXPECT_EQ(c.articles[0].text, "Syria met Iraq.");
  EXPECT_EQ(c.articles[1].id.value(), "b");
  EXPECT_TRUE(has_diagnostic(c, (dir / "bom.jsonl").string() + ":2: warning: record e has empty text"));
  EXPECT_TRUE(has_diagnostic(c, (dir / "blank.txt").string() + ": warning: empty input"));
  EXPECT_TRUE(has_diagnostic(c, (dir / "empty.html").string() + ": warning: empty input"));
  EXPECT_EQ(c.failed, 0u);
}

TEST(ingest_test, read_buffer_reads_memory_as_a_file_of_its_format) {
  std::vector<dc::article> articles;
  std::vector<dc::diagnostic> diagnostics;
  const auto on_article = [&](dc::article a) { articles.push_back(std::move(a)); };
  const auto on_diagnostic = [&](dc::diagnostic d) { diagnostics.push_back(std::move(d)); };
  dx::ingest_options opt;
  EXPECT_EQ(dx::read_buffer("{\"id\":\"m1\",\"text\":\"Syria met Iraq.\"}\r\n{oops\n", dx::input_format::jsonl,
                            "mem.jsonl", opt, on_article, on_diagnostic),
            0U);
  EXPECT_EQ(dx::read_buffer("<p>Iraq &amp; Syria met.</p>", dx::input_format::html, "dir/page.html", opt,
                            on_article, on_diagnostic),
            0U);
  ASSERT_EQ(articles.size(), 2U);
  EXPECT_EQ(articles[0].id.value(), "m1");
  EXPECT_EQ(articles[1].id.value(), "page");
  EXPECT_EQ(articles[1].text, "Iraq & Syria met.");
  std::vector<std::string> messages;
  for (const auto& d : diagnostics) messages.push_back(dc::format(d));
  ASSERT_EQ(messages.size(), 3U);  // line 2, and no publication date twice
  EXPECT_EQ(messages[1].rfind("mem.jsonl:2: error: malformed JSON", 0), 0U) << messages[1];
  EXPECT_EQ(messages[2].rfind("dir/page.html: warning: article page: no publication date", 0), 0U) << messages[2];

  // Deeper than max_html_depth: skipped before parsing, on the line where it gets too deep.
  opt.max_html_depth = 3;
  diagnostics.clear();
  EXPECT_EQ(dx::read_buffer("<div>\n<div><b>ok</b></div>\n<div><p><span><i>deep", dx::input_format::html,
                            "deep.html", opt, on_article, on_diagnostic),
            1U);
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(dc::format(diagnostics[0]), "deep.html:3: error: HTML elements nested more than 3 deep, skipped");
}
