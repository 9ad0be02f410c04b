// Fuzz target: time expressions (extract::tag_timex) on valid UTF-8 text, without an anchor and
// with one (a day from 1880 to 2059 taken from the first two bytes).
// Property: expressions in text order, not overlapping, inside the text, each with a value,
// its `text` the bytes at its span and its sentence one that exists; no crash.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "diplograph/core/utf8.hpp"
#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/sentences.hpp"
#include "diplograph/extract/timex.hpp"
#include "fuzz_support.hpp"

namespace dx = diplograph::extract;
namespace dc = diplograph::core;
using diplograph::fuzz::check;

namespace {

void check_timexes(const std::string& text, const dx::tokenized_text& t,
                   std::optional<dc::calendar_day> anchor) {
  std::size_t end = 0;
  for (const dx::timex& x : dx::tag_timex(text, t, anchor)) {
    check(x.where.begin >= end && x.where.begin < x.where.end && x.where.end <= text.size(),
          "a time expression out of order, overlapping or outside the text", text);
    check(x.text == text.substr(x.where.begin, x.where.end - x.where.begin),
          "a time expression's text is not the bytes at its span", x.text);
    check(x.sentence < t.sentences.size(), "a time expression in a sentence that does not exist", text);
    check(!x.value.empty(), "a time expression without a value", x.text);
    (void)dx::to_string(x.type);
    end = x.where.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::input in{data, size};
  const dc::calendar_day anchor = in.day();
  const std::string text = dc::sanitize_utf8(in.rest()).text;  // as prepare_article leaves it
  const auto t = dx::split_sentences(text, dx::segment_text(text));
  check_timexes(text, t, std::nullopt);
  check_timexes(text, t, anchor);
  return 0;
}
