#include "diplograph/extract/ingest.hpp"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "diplograph/core/utf8.hpp"
#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/published.hpp"
#include "text_util.hpp"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

enum class input_kind { text, jsonl, html };

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

core::diagnostic make_diagnostic(core::severity level, std::string file, std::size_t line,
                                 std::string message) {
  core::diagnostic d;
  d.level = level;
  d.file = std::move(file);
  d.line = line;
  d.message = std::move(message);
  return d;
}

input_kind kind_from_extension(const fs::path& p) {
  std::string ext = detail::lower(p.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return input_kind::jsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return input_kind::html;
  return input_kind::text;
}

input_kind sniff_kind(std::string_view content) {
  const std::string_view t = detail::trim(content.substr(0, 4096));
  if (!t.empty() && t.front() == '{') return input_kind::jsonl;
  if (!t.empty() && t.front() == '<' &&
      (detail::contains_ci(t, "<html") || detail::contains_ci(t, "<!doctype html") ||
       detail::contains_ci(t, "<body") || detail::contains_ci(t, "<p>")))
    return input_kind::html;
  return input_kind::text;
}

// Binary content: NUL bytes or many control characters near the start.
bool looks_binary(std::string_view content) {
  const std::string_view head = content.substr(0, 8192);
  std::size_t control = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return head.size() >= 32 && control * 10 > head.size();
}

std::optional<std::string> read_whole(std::istream& in) {
  std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return content;
}

// ------------------------------------------------------------------ HTML

bool skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

struct html_walker {
  std::string out;
  bool pending_break = false;

  void text(std::string_view t) {
    for (char c : t) {
      if (detail::is_space(c)) {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        continue;
      }
      if (pending_break) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty()) out += "\n\n";
        pending_break = false;
      }
      out += c;
    }
  }

  // Iterative, so that deeply nested input cannot exhaust the stack.
  void walk(const GumboNode* root) {
    struct frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<frame> stack{{root, 0}};
    while (!stack.empty()) {
      frame& f = stack.back();
      const GumboNode* node = f.node;
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        text(node->v.text.text);
        stack.pop_back();
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
          node->type != GUMBO_NODE_TEMPLATE) {
        stack.pop_back();
        continue;
      }
      const GumboVector& children =
          node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
      const bool element = node->type != GUMBO_NODE_DOCUMENT;
      if (f.next_child == 0 && element) {
        if (skipped_tag(node->v.element.tag)) {
          stack.pop_back();
          continue;
        }
        if (block_tag(node->v.element.tag)) pending_break = true;
      }
      if (f.next_child < children.length) {
        const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        stack.push_back({child, 0});
        continue;
      }
      if (element && block_tag(node->v.element.tag)) pending_break = true;
      stack.pop_back();
    }
  }
};

// <title> and the publication date from <meta> tags.
void html_metadata(const GumboNode* root, core::article& a) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      if (node->v.element.tag == GUMBO_TAG_BODY) continue;
      if (node->v.element.tag == GUMBO_TAG_TITLE && a.title.empty() && children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) a.title = std::string(detail::trim(t->v.text.text));
      }
      if (node->v.element.tag == GUMBO_TAG_META) {
        const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "property");
        if (!name) name = gumbo_get_attribute(&node->v.element.attributes, "name");
        const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
        if (name && content) {
          const std::string key = detail::lower(name->value);
          if (key == "article:published_time" || key == "og:published_time" || key == "date" ||
              key == "pubdate" || key == "publishdate" || key == "dc.date" ||
              key == "dc.date.issued" || key == "dcterms.date") {
            if (!a.published)
              if (auto d = core::parse_iso_day(content->value)) {
                a.published = d;
                a.published_from = core::date_source::metadata;
              }
          } else if (key == "og:url" && a.url.empty()) {
            a.url = content->value;
          } else if (key == "og:site_name" && a.source.empty()) {
            a.source = content->value;
          }
        }
      }
    }
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

core::article article_from_html(std::string_view html) {
  core::article a;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  html_metadata(output->document, a);
  html_walker w;
  w.walk(output->root);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  a.text = std::move(w.out);
  return a;
}

// ------------------------------------------------------------------ JSON Lines

std::string json_text(simdjson::dom::element value) {
  if (value.is_string()) return std::string(std::string_view(value.get_string().value_unsafe()));
  return simdjson::minify(value);
}

class reader {
 public:
  reader(const ingest_options& options, const article_sink& on_article,
         const diagnostic_sink& on_diagnostic)
      : options_(options), on_article_(on_article), on_diagnostic_(on_diagnostic) {}

  std::size_t failed_inputs = 0;

  void input(const std::string& name) {
    if (name == "-") {
      std::istream& in = options_.stdin_stream ? *options_.stdin_stream : std::cin;
      auto content = read_whole(in);
      if (!content) return fail("-", 0, "cannot read standard input");
      const input_kind kind = sniff_kind(*content);
      return content_of("-", "stdin", kind, std::move(*content));
    }
    std::error_code ec;
    const fs::path p{name};
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) return fail(name, 0, "cannot read: no such file or directory");
    if (fs::is_directory(status)) return directory(p);
    file(p);
  }

 private:
  const ingest_options& options_;
  const article_sink& on_article_;
  const diagnostic_sink& on_diagnostic_;
  std::set<fs::path> visited_dirs_;

  void fail(const std::string& file, std::size_t line, std::string message) {
    ++failed_inputs;
    on_diagnostic_(make_diagnostic(core::severity::error, file, line, std::move(message)));
  }

  void directory(const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec || !visited_dirs_.insert(canonical).second) {
      on_diagnostic_(make_diagnostic(core::severity::warning, dir.string(), 0,
                                     "directory already read (symlink loop?), skipped"));
      return;
    }
    std::vector<fs::path> entries;
    for (fs::directory_iterator it{dir, fs::directory_options::skip_permission_denied, ec}, end;
         !ec && it != end; it.increment(ec))
      entries.push_back(it->path());
    if (ec) return fail(dir.string(), 0, "cannot list directory: " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) {
      const std::string base = e.filename().string();
      if (!base.empty() && base.front() == '.') continue;  // hidden files and editors' droppings
      if (fs::is_directory(e, ec)) directory(e);
      else if (fs::is_regular_file(e, ec)) file(e);
    }
  }

  void file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return fail(p.string(), 0, "cannot open file");
    const input_kind kind = kind_from_extension(p);
    if (kind == input_kind::jsonl) return jsonl_stream(p.string(), in);
    auto content = read_whole(in);
    if (!content) return fail(p.string(), 0, "read error");
    content_of(p.string(), p.stem().string(), kind, std::move(*content));
  }

  void content_of(const std::string& file, const std::string& id, input_kind kind,
                  std::string content) {
    if (content.rfind(utf8_bom, 0) == 0) content.erase(0, utf8_bom.size());
    if (kind == input_kind::jsonl) {
      std::istringstream in(content);
      return jsonl_stream(file, in);
    }
    if (looks_binary(content)) return fail(file, 1, "binary file (not text), skipped");
    if (content.size() > options_.max_article_bytes)
      return fail(file, 1, "article of " + std::to_string(content.size()) +
                               " bytes exceeds --max-article-bytes, skipped");
    core::article a;
    if (kind == input_kind::html) {
      a = article_from_html(content);
    } else {
      a.text = std::move(content);
    }
    if (detail::trim(a.text).empty()) {
      on_diagnostic_(make_diagnostic(core::severity::warning, file, 0, "empty input, nothing stored"));
      return;
    }
    a.id = core::article_id{id};
    a.origin = file;
    a.origin_line = 0;
    emit(std::move(a));
  }

  void jsonl_stream(const std::string& file, std::istream& in) {
    std::string line;
    std::size_t number = 0;
    std::size_t records = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (number == 1 && line.rfind(utf8_bom, 0) == 0) line.erase(0, utf8_bom.size());
      if (detail::trim(line).empty()) continue;
      ++records;
      if (line.size() > options_.max_article_bytes) {
        on_diagnostic_(make_diagnostic(core::severity::error, file, number,
                                       "record of " + std::to_string(line.size()) +
                                           " bytes exceeds --max-article-bytes, skipped"));
        continue;
      }
      auto parsed = parse_jsonl_record(line, file, number);
      if (auto* d = std::get_if<core::diagnostic>(&parsed)) {
        on_diagnostic_(std::move(*d));
        continue;
      }
      auto& a = std::get<core::article>(parsed);
      if (detail::trim(a.text).empty()) {
        on_diagnostic_(make_diagnostic(core::severity::warning, file, number,
                                       "record " + a.id.value() + " has empty text, nothing stored"));
        continue;
      }
      emit(std::move(a));
    }
    if (in.bad()) fail(file, number, "read error");
    if (records == 0 && number == 0)
      on_diagnostic_(make_diagnostic(core::severity::warning, file, 0, "empty input"));
  }

  void emit(core::article a) {
    auto prepared = prepare_article(std::move(a), options_);
    for (auto& d : prepared.diagnostics) on_diagnostic_(std::move(d));
    on_article_(std::move(prepared.article));
  }
};

}  // namespace

std::string html_to_text(std::string_view html) { return article_from_html(html).text; }

std::variant<core::article, core::diagnostic> parse_jsonl_record(std::string_view line,
                                                                 const std::string& file,
                                                                 std::size_t line_number) {
  const auto error = [&](std::string message) {
    return make_diagnostic(core::severity::error, file, line_number, std::move(message));
  };
  // simdjson rejects invalid UTF-8 outright; repair first so one bad byte costs no article.
  std::string repaired;
  std::size_t replaced = 0;
  if (!core::is_valid_utf8(line)) {
    auto fixed = core::sanitize_utf8(line);
    repaired = std::move(fixed.text);
    replaced = fixed.replaced;
    line = repaired;
  }
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto err = parser.parse(line.data(), line.size(), true).get(doc))
    return error(std::string("malformed JSON record: ") + simdjson::error_message(err));
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return error("JSON record is not an object");

  core::article a;
  a.origin = file;
  a.origin_line = line_number;
  bool have_text = false;
  for (auto field : obj) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == "text") {
      if (!value.is_string()) return error("field \"text\" is not a string");
      a.text = std::string(std::string_view(value.get_string().value_unsafe()));
      have_text = true;
    } else if (key == "id") {
      if (value.is_string()) a.id = core::article_id{json_text(value)};
      else if (value.is_number()) a.id = core::article_id{simdjson::minify(value)};
      else if (!value.is_null()) return error("field \"id\" is not a string or number");
    } else if (key == "title" && value.is_string()) {
      a.title = json_text(value);
    } else if (key == "url" && value.is_string()) {
      a.url = json_text(value);
    } else if (key == "source" && value.is_string()) {
      a.source = json_text(value);
    } else if ((key == "published" || key == "date") && value.is_string() && !a.published) {
      const std::string text = json_text(value);
      if (auto d = core::parse_iso_day(text)) {
        a.published = d;
        a.published_from = core::date_source::metadata;
      } else {
        a.metadata.emplace_back(std::string(key), simdjson::minify(value));
      }
    } else {
      a.metadata.emplace_back(std::string(key), simdjson::minify(value));
    }
  }
  if (!have_text) return error("JSON record has no \"text\" field");
  if (a.id.empty())
    a.id = core::article_id{fs::path(file).filename().string() + ':' + std::to_string(line_number)};
  if (replaced > 0)
    a.metadata.emplace_back("_invalid_utf8_replaced", std::to_string(replaced));
  return a;
}

prepared_article prepare_article(core::article a, const ingest_options& options) {
  prepared_article out;
  const auto note = [&](core::severity level, std::string message) {
    core::diagnostic d = make_diagnostic(level, a.origin, a.origin_line, std::move(message));
    d.article = a.id.value();
    out.diagnostics.push_back(std::move(d));
  };
  // Invalid UTF-8 found while parsing JSONL is recorded in the metadata; report it here.
  for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it) {
    if (it->first == "_invalid_utf8_replaced") {
      note(core::severity::warning, "invalid UTF-8: " + it->second + " byte sequence(s) replaced by U+FFFD");
      a.metadata.erase(it);
      break;
    }
  }
  if (!core::is_valid_utf8(a.text) || a.text.find('\0') != std::string::npos) {
    auto fixed = core::sanitize_utf8(a.text);
    note(core::severity::warning, "invalid UTF-8 at byte " + std::to_string(fixed.first_bad) + ": " +
                                      std::to_string(fixed.replaced) +
                                      " byte sequence(s) replaced by U+FFFD");
    a.text = std::move(fixed.text);
  }
  if (!core::is_valid_utf8(a.title)) a.title = core::sanitize_utf8(a.title).text;
  a.segments = segment_text(a.text);

  if (options.published_override) {
    a.published = options.published_override;
    a.published_from = core::date_source::override_option;
  } else if (!a.published) {
    if (auto found = infer_published(a.text, a.segments)) {
      a.published = found->day;
      a.published_from = found->from;
    } else {
      a.published_from = core::date_source::none;
      note(core::severity::warning, "no publication date in the metadata or the text; events are undated");
    }
  }
  out.article = std::move(a);
  return out;
}

std::size_t read_inputs(const std::vector<std::string>& inputs, const ingest_options& options,
                        const article_sink& on_article, const diagnostic_sink& on_diagnostic) {
  reader r{options, on_article, on_diagnostic};
  for (const auto& input : inputs) r.input(input);
  return r.failed_inputs;
}

}  // namespace diplograph::extract
