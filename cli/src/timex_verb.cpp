#include <iostream>
#include <optional>

#include "diplograph/core/date.hpp"
#include "diplograph/core/json.hpp"
#include "diplograph/extract/ingest.hpp"
#include "diplograph/extract/sentences.hpp"
#include "diplograph/extract/timex.hpp"
#include "verbs.hpp"

namespace diplograph::cli {

CLI::App* add_timex_verb(CLI::App& app, timex_options& o) {
  auto* cmd = app.add_subcommand("timex", "Tag and normalise time expressions (TIMEX3); one JSON object each");
  cmd->add_option("inputs", o.inputs, "Files, directories (read recursively) or - for stdin")->required();
  cmd->add_option("--published", o.published,
                  "Publication date YYYY-MM-DD for every article (overrides metadata and text)");
  cmd->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"jsonl"}))->capture_default_str();
  cmd->add_option("--max-article-bytes", o.max_article_bytes, "Skip larger articles (reported)")
      ->capture_default_str();
  return cmd;
}

int run_timex(const timex_options& o, std::istream& in, std::ostream& out, std::ostream& err) {
  extract::ingest_options opt;
  if (!o.published.empty()) {
    opt.published_override = core::parse_iso_day(o.published);
    if (!opt.published_override) {
      err << "diplograph: --published wants a date as YYYY-MM-DD, not '" << o.published << "'\n";
      return 2;
    }
  }
  opt.max_article_bytes = o.max_article_bytes;
  opt.stdin_stream = &in;
  std::size_t errors = 0;
  std::string line;
  extract::read_inputs(
      o.inputs, opt,
      [&](core::article a) {
        const auto tokens = extract::split_sentences(a.text, a.segments);
        const auto found = extract::tag_timex(a.text, tokens, a.published);
        line.clear();
        const std::string anchor = a.published ? core::to_iso(*a.published) : std::string();
        for (const auto& x : found) {
          line += "{\"article\":";
          core::append_json_string(line, a.id.value());
          line += ",\"start\":" + std::to_string(x.where.begin) + ",\"end\":" + std::to_string(x.where.end);
          line += ",\"text\":";
          core::append_json_string(line, x.text);
          line += ",\"type\":";
          core::append_json_string(line, extract::to_string(x.type));
          line += ",\"value\":";
          core::append_json_string(line, x.value);
          line += ",\"anchor\":";
          if (a.published) core::append_json_string(line, anchor);
          else line += "null";
          line += "}\n";
        }
        out << line;
      },
      [&](core::diagnostic d) {
        if (d.level == core::severity::error) ++errors;
        if (d.level != core::severity::note) err << "diplograph: " << core::format(d) << '\n';
      });
  out.flush();
  return errors > 0 ? 1 : 0;
}

}  // namespace diplograph::cli
