#pragma once
// Usage:
//   auto t = extract::split_sentences(a.text, a.segments);
//   for (const auto& s : t.sentences) for (auto i = s.first_token; i < s.end_token(); ++i)
//     t.key(t.tokens[i])  // the match key: lower case, no full stops or apostrophes ("us" for "U.S.")
// Tokens and sentences carry byte spans into the original text. Boilerplate segments yield no
// sentences. Abbreviations (U.S., U.N., Mr., Gen., Jan., No.), initials and decimals do not end a
// sentence; a quotation that spans sentences keeps one quote id across them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/article.hpp"

namespace diplograph::extract {

enum class token_kind : std::uint8_t { word, number, punct, open_quote, close_quote };

struct token {
  core::span where;
  std::uint32_t key_begin = 0;  // into tokenized_text::keys
  std::uint32_t key_size = 0;
  token_kind kind = token_kind::word;
  bool capitalised = false;     // first letter upper case
  bool all_caps = false;        // every letter upper case (at least one letter)
  bool space_before = false;    // whitespace precedes it
};

inline constexpr std::size_t no_quote = static_cast<std::size_t>(-1);

struct sentence {
  core::span where;
  std::size_t first_token = 0;
  std::size_t token_count = 0;
  core::segment_kind segment = core::segment_kind::body;
  std::size_t quote = no_quote;  // the quotation this sentence opens inside of, if any
  std::size_t end_token() const { return first_token + token_count; }
};

struct tokenized_text {
  std::string keys;             // all match keys, back to back
  std::vector<token> tokens;
  std::vector<sentence> sentences;
  // Each token's id in a dictionaries' vocabulary, filled on the first lookup against those
  // dictionaries (`vocabulary_of` names them), so a token's key is hashed once per text instead
  // of once per lookup. A text is read by one thread at a time.
  mutable std::vector<std::uint32_t> vocabulary_ids;
  mutable std::uint64_t vocabulary_of = 0;

  std::string_view key(const token& t) const { return std::string_view(keys).substr(t.key_begin, t.key_size); }
};

// Requires: segments lie within text, in order.
tokenized_text split_sentences(std::string_view text, const std::vector<core::segment>& segments);

// The match key of a phrase written in a dictionary, token by token, built by the same rules as
// the text's keys (so "al-Qaeda" gives {"al", "qaeda"}, "U.S." gives {"us"}).
std::vector<std::string> phrase_keys(std::string_view phrase);

}  // namespace diplograph::extract
