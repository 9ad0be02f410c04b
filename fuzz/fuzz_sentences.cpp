// Fuzz target: sentence splitting and tokenizing (extract::split_sentences over the segments
// extract::segment_text finds) and the phrase keys dictionaries are built with, on raw bytes
// (invalid UTF-8 and NUL included).
// Property: tokens lie in the text, in order, their keys inside the key buffer; sentences are
// in order, each covering tokens that exist; no crash.

#include <cstddef>
#include <cstdint>

#include "diplograph/extract/clean.hpp"
#include "diplograph/extract/sentences.hpp"
#include "fuzz_support.hpp"

namespace dx = diplograph::extract;
using diplograph::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const diplograph::fuzz::input in{data, size};
  const std::string_view text = in.rest();
  const auto segments = dx::segment_text(text);
  const dx::tokenized_text t = dx::split_sentences(text, segments);

  std::size_t end = 0;
  for (const dx::token& tok : t.tokens) {
    check(tok.where.begin >= end && tok.where.begin < tok.where.end && tok.where.end <= text.size(),
          "a token out of order or outside the text", text);
    check(std::size_t{tok.key_begin} + tok.key_size <= t.keys.size(), "a token key outside the keys",
          text);
    end = tok.where.end;
  }
  std::size_t next_token = 0;
  std::size_t sentence_end = 0;
  for (const dx::sentence& s : t.sentences) {
    check(s.first_token >= next_token && s.end_token() <= t.tokens.size(),
          "sentences out of order or past the tokens", text);
    check(s.where.begin >= sentence_end && s.where.begin <= s.where.end && s.where.end <= text.size(),
          "a sentence span out of order or outside the text", text);
    next_token = s.end_token();
    sentence_end = s.where.end;
  }
  (void)dx::phrase_keys(text.substr(0, 512));
  return 0;
}
