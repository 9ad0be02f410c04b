// Fuzz target: the whole extraction of one article, as `diplograph extract` does it:
// extract::prepare_article (UTF-8 repair, boilerplate, publication date), extract_events, and
// the JSONL writer of events and stances; every fourth input also through explain_events.
// The first byte chooses a --published date or none (the date is then found in the text).
// Property: events and stances point at sentences of the text (their `text` the bytes at
// their span), carry a CAMEO code of the table with its quad class, a Goldstein score in
// [-10, 10] and mentions >= 1, and are written as JSON that simdjson parses; no crash.

#include <simdjson.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "diplograph/export/jsonl.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/ingest.hpp"
#include "fuzz_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
using diplograph::fuzz::check;

namespace {

void check_span(const dc::article& a, dc::span where, const std::string& text, const char* what) {
  check(where.begin < where.end && where.end <= a.text.size(), what, a.text);
  check(text == a.text.substr(where.begin, where.end - where.begin), what, text);
}

void check_json(const std::string& line) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  check(parser.parse(line).get(doc) == simdjson::SUCCESS && doc.is_object(),
        "the JSONL writer wrote a line that is not a JSON object", line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::input in{data, size};
  const std::uint8_t flags = in.byte();
  const auto day = in.day();
  dc::article raw;
  raw.id = dc::article_id{"fuzz"};
  raw.origin = "fuzz.txt";
  raw.text = std::string(in.rest());
  dx::ingest_options options;
  if ((flags & 1) != 0) options.published_override = day;
  const dc::article a = dx::prepare_article(std::move(raw), options).article;
  const auto& dicts = diplograph::fuzz::builtin_dictionaries();
  const dx::extraction_result r = dx::extract_events(a, dicts);

  std::string line;
  for (const dc::event& e : r.events) {
    check_span(a, e.where, e.text, "an event's text is not the article bytes at its span");
    const auto* code = dicts.cameo().find(e.code);
    check(code != nullptr, "an event code outside the CAMEO table", e.code);
    check(code->quad == e.quad, "an event's quad class is not its code's", e.code);
    check(std::isfinite(e.goldstein) && e.goldstein >= -10 && e.goldstein <= 10,
          "a Goldstein score outside [-10, 10]", e.code);
    check(e.mentions >= 1, "an event with no mention", e.text);
    check(!e.rule.empty(), "an event without a rule", e.text);
    line.clear();
    diplograph::exporter::append_event_json(line, e);
    check_json(line);
  }
  for (const dc::stance& s : r.stances) {
    check_span(a, s.where, s.text, "a stance's text is not the article bytes at its span");
    line.clear();
    diplograph::exporter::append_stance_json(line, s);
    check_json(line);
  }
  if ((flags & 6) == 6) {
    for (const auto& trace : dx::explain_events(a, dicts))
      check(trace.where.end <= a.text.size(), "an explained sentence outside the text", a.text);
  }
  return 0;
}
