#include "diplograph/extract/ingest.hpp"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <set>

#include "diplograph/core/utf8.hpp"
#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/published.hpp"
#include "html.hpp"
#include "text_util.hpp"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

enum class input_kind { text, jsonl, html };

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::size_t sniff_bytes = 4096;  // how much of standard input decides its kind

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
  if (content.starts_with(utf8_bom)) content.remove_prefix(utf8_bom.size());
  const std::string_view t = detail::trim(content.substr(0, sniff_bytes));
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

// At most `limit` + 1 bytes of `in`, appended to `out`: enough to tell that it holds more than
// `limit`. False on a read error.
bool read_up_to(std::istream& in, std::size_t limit, std::string& out) {
  constexpr std::size_t block = 1u << 16;
  std::size_t wanted = limit + 1;
  while (wanted > 0 && in) {
    const std::size_t before = out.size();
    const std::size_t n = std::min(wanted, block);
    out.resize(before + n);
    in.read(out.data() + before, static_cast<std::streamsize>(n));
    const auto got = static_cast<std::size_t>(in.gcount());
    out.resize(before + got);
    wanted -= got;
  }
  return !in.bad();
}

// How many bytes are left in `in` (read and dropped).
std::size_t count_rest(std::istream& in) {
  std::size_t n = 0;
  while (in) {
    in.ignore(std::numeric_limits<std::streamsize>::max());
    n += static_cast<std::size_t>(in.gcount());
  }
  return n;
}

// The lines of an input: `prefix` (bytes already read from it), then the rest of `in` (when
// not null), read in blocks. A line longer than `keep` bytes keeps only its first `keep`, so
// an endless line costs no more memory than that; its whole length is still counted.
class line_reader {
 public:
  struct line {
    std::string_view text;  // at most `keep` bytes, without the '\n'; valid until next()
    std::size_t length = 0; // bytes of the whole line
  };

  line_reader(std::string_view prefix, std::istream* in, std::size_t keep)
      : pending_(prefix), in_(in), keep_(keep) {}

  std::optional<line> next() {
    if (pending_.empty() && !refill()) return std::nullopt;
    const std::size_t newline = pending_.find('\n');
    if (newline != std::string_view::npos) {  // the whole line is at hand: no copy
      line l{pending_.substr(0, std::min(newline, keep_)), newline};
      pending_.remove_prefix(newline + 1);
      return l;
    }
    long_line_.clear();
    std::size_t length = 0;
    while (!pending_.empty() || refill()) {
      const std::size_t end = std::min(pending_.find('\n'), pending_.size());
      length += end;
      if (long_line_.size() < keep_)
        long_line_.append(pending_.substr(0, std::min(end, keep_ - long_line_.size())));
      const bool done = end < pending_.size();
      pending_.remove_prefix(done ? end + 1 : end);
      if (done) break;
    }
    return line{long_line_, length};
  }

  bool failed() const { return in_ != nullptr && in_->bad(); }

 private:
  bool refill() {
    if (in_ == nullptr || !*in_) return false;
    block_.resize(1u << 16);
    in_->read(block_.data(), static_cast<std::streamsize>(block_.size()));
    pending_ = std::string_view(block_.data(), static_cast<std::size_t>(in_->gcount()));
    return !pending_.empty();
  }

  std::string_view pending_;
  std::istream* in_;
  std::size_t keep_;
  std::vector<char> block_;
  std::string long_line_;
};

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
    if (name == "-") return standard_input();
    std::error_code ec;
    const fs::path p{name};
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) return fail(name, 0, "cannot read: no such file or directory");
    if (fs::is_directory(status)) return directory(p);
    file(p);
  }

  void buffer(const std::string& name, input_format format, std::string_view content) {
    const input_kind kind = format == input_format::detect ? sniff_kind(content)
                            : format == input_format::jsonl ? input_kind::jsonl
                            : format == input_format::html  ? input_kind::html
                                                            : input_kind::text;
    if (kind == input_kind::jsonl) return jsonl_lines(name, line_reader{content, nullptr, line_limit()});
    if (content.size() > options_.max_article_bytes + utf8_bom.size())
      return too_large(name, content.size());
    content_of(name, fs::path(name).stem().string(), kind, std::string(content));
  }

 private:
  const ingest_options& options_;
  const article_sink& on_article_;
  const diagnostic_sink& on_diagnostic_;
  std::set<fs::path> visited_dirs_;

  // What a JSONL line may hold and still be parsed: the record's text plus its JSON.
  std::size_t line_limit() const { return options_.max_article_bytes; }

  void fail(const std::string& file, std::size_t line, std::string message) {
    ++failed_inputs;
    on_diagnostic_(make_diagnostic(core::severity::error, file, line, std::move(message)));
  }

  void too_large(const std::string& file, std::size_t bytes) {
    fail(file, 1, "article of " + std::to_string(bytes) + " bytes exceeds --max-article-bytes (" +
                      std::to_string(options_.max_article_bytes) + "), skipped");
  }

  // Standard input is read as it comes: JSONL line by line, other text up to the size limit.
  void standard_input() {
    std::istream& in = options_.stdin_stream ? *options_.stdin_stream : std::cin;
    std::string head;
    if (!read_up_to(in, sniff_bytes, head)) return fail("-", 0, "cannot read standard input");
    const input_kind kind = sniff_kind(head);
    if (kind == input_kind::jsonl) return jsonl_lines("-", line_reader{head, &in, line_limit()});
    const std::size_t limit = options_.max_article_bytes + utf8_bom.size();
    if (head.size() > sniff_bytes && !read_up_to(in, limit - std::min(limit, head.size()), head))
      return fail("-", 0, "cannot read standard input");
    if (head.size() > limit) return too_large("-", head.size() + count_rest(in));
    content_of("-", "stdin", kind, std::move(head));
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
    if (kind == input_kind::jsonl) return jsonl_lines(p.string(), line_reader{{}, &in, line_limit()});
    // A file larger than an article may be is measured, never read.
    const std::size_t limit = options_.max_article_bytes + utf8_bom.size();
    std::string content;
    if (!read_up_to(in, limit, content)) return fail(p.string(), 0, "read error");
    if (content.size() > limit) return too_large(p.string(), content.size() + count_rest(in));
    content_of(p.string(), p.stem().string(), kind, std::move(content));
  }

  // A text or HTML input read whole (at most max_article_bytes and a BOM).
  void content_of(const std::string& file, const std::string& id, input_kind kind,
                  std::string content) {
    if (content.rfind(utf8_bom, 0) == 0) content.erase(0, utf8_bom.size());
    if (looks_binary(content)) return fail(file, 1, "binary file (not text), skipped");
    if (content.size() > options_.max_article_bytes) return too_large(file, content.size());
    core::article a;
    if (kind == input_kind::html) {
      if (const auto line = detail::html_too_deep(content, options_.max_html_depth)) {
        return fail(file, *line,
                    "HTML elements nested more than " + std::to_string(options_.max_html_depth) +
                        " deep, skipped");
      }
      a = detail::article_from_html(content);
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

  // `lines` reads by value: it may point into a caller's buffer, which outlives this call.
  void jsonl_lines(const std::string& file, line_reader lines) {
    std::size_t number = 0;
    std::size_t records = 0;
    while (const auto l = lines.next()) {
      ++number;
      std::string_view line = l->text;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (number == 1 && line.starts_with(utf8_bom)) line.remove_prefix(utf8_bom.size());
      if (detail::trim(line).empty()) continue;
      ++records;
      if (l->length > line_limit()) {
        on_diagnostic_(make_diagnostic(core::severity::error, file, number,
                                       "record of " + std::to_string(l->length) +
                                           " bytes exceeds --max-article-bytes (" +
                                           std::to_string(options_.max_article_bytes) + "), skipped"));
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
    if (lines.failed()) fail(file, number, "read error");
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

std::string html_to_text(std::string_view html) { return detail::article_from_html(html).text; }

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

std::size_t read_buffer(std::string_view content, input_format format, const std::string& name,
                        const ingest_options& options, const article_sink& on_article,
                        const diagnostic_sink& on_diagnostic) {
  reader r{options, on_article, on_diagnostic};
  r.buffer(name, format, content);
  return r.failed_inputs;
}

}  // namespace diplograph::extract
