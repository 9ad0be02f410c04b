#include "diplograph/extract/sentences.hpp"

#include <algorithm>
#include <array>

#include "text_util.hpp"

namespace diplograph::extract {
namespace {

using namespace std::string_view_literals;
using detail::is_alpha;
using detail::is_digit;
using detail::is_space;
using detail::is_upper;

// Abbreviations whose full stop never ends a sentence (they precede a name or a number).
constexpr std::array title_abbreviations = {
    "mr"sv, "mrs"sv, "ms"sv, "dr"sv, "gen"sv, "col"sv, "lt"sv, "sgt"sv, "capt"sv, "cpl"sv,
    "maj"sv, "adm"sv, "cmdr"sv, "sen"sv, "rep"sv, "gov"sv, "prof"sv, "st"sv, "rev"sv,
    "fr"sv, "pres"sv, "amb"sv, "hon"sv, "messrs"sv, "vs"sv, "jan"sv,
    "feb"sv, "aug"sv, "sept"sv, "sep"sv, "oct"sv, "nov"sv, "dec"sv, "gov"sv, "mt"sv, "ft"sv,
    "jr"sv, "sr"sv, "inc"sv, "corp"sv, "ltd"sv, "co"sv, "bros"sv, "approx"sv,
    "al"sv, "cf"sv, "e.g"sv, "i.e"sv, "a.m"sv, "p.m"sv,
};
// Words after which a full stop that follows an initialism ("the U.S.") does end the sentence.
constexpr std::array sentence_starters = {
    "the"sv, "a"sv, "an"sv, "he"sv, "she"sv, "it"sv, "they"sv, "we"sv, "i"sv, "but"sv,
    "in"sv, "on"sv, "this"sv, "that"sv, "there"sv, "its"sv, "his"sv, "her"sv, "their"sv,
    "however"sv, "meanwhile"sv, "officials"sv, "after"sv, "if"sv, "when"sv, "and"sv,
};

// Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F) folded to ASCII for match
// keys, so "Khürelsükh" matches "Khurelsukh"; generated from Unicode decompositions.
constexpr std::array<std::string_view, 192> latin_folds = {{
    "a"sv, "a"sv, "a"sv, "a"sv, "a"sv, "a"sv, "ae"sv, "c"sv, "e"sv, "e"sv, "e"sv, "e"sv,
    "i"sv, "i"sv, "i"sv, "i"sv, "d"sv, "n"sv, "o"sv, "o"sv, "o"sv, "o"sv, "o"sv, ""sv,
    "o"sv, "u"sv, "u"sv, "u"sv, "u"sv, "y"sv, "th"sv, "ss"sv, "a"sv, "a"sv, "a"sv, "a"sv,
    "a"sv, "a"sv, "ae"sv, "c"sv, "e"sv, "e"sv, "e"sv, "e"sv, "i"sv, "i"sv, "i"sv, "i"sv,
    "d"sv, "n"sv, "o"sv, "o"sv, "o"sv, "o"sv, "o"sv, ""sv, "o"sv, "u"sv, "u"sv, "u"sv,
    "u"sv, "y"sv, "th"sv, "y"sv, "a"sv, "a"sv, "a"sv, "a"sv, "a"sv, "a"sv, "c"sv, "c"sv,
    "c"sv, "c"sv, "c"sv, "c"sv, "c"sv, "c"sv, "d"sv, "d"sv, "d"sv, "d"sv, "e"sv, "e"sv,
    "e"sv, "e"sv, "e"sv, "e"sv, "e"sv, "e"sv, "e"sv, "e"sv, "g"sv, "g"sv, "g"sv, "g"sv,
    "g"sv, "g"sv, "g"sv, "g"sv, "h"sv, "h"sv, "h"sv, "h"sv, "i"sv, "i"sv, "i"sv, "i"sv,
    "i"sv, "i"sv, "i"sv, "i"sv, "i"sv, "i"sv, "ij"sv, "ij"sv, "j"sv, "j"sv, "k"sv, "k"sv,
    "k"sv, "l"sv, "l"sv, "l"sv, "l"sv, "l"sv, "l"sv, ""sv, ""sv, "l"sv, "l"sv, "n"sv,
    "n"sv, "n"sv, "n"sv, "n"sv, "n"sv, ""sv, "n"sv, "n"sv, "o"sv, "o"sv, "o"sv, "o"sv,
    "o"sv, "o"sv, "oe"sv, "oe"sv, "r"sv, "r"sv, "r"sv, "r"sv, "r"sv, "r"sv, "s"sv, "s"sv,
    "s"sv, "s"sv, "s"sv, "s"sv, "s"sv, "s"sv, "t"sv, "t"sv, "t"sv, "t"sv, "t"sv, "t"sv,
    "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv, "u"sv,
    "w"sv, "w"sv, "y"sv, "y"sv, "y"sv, "z"sv, "z"sv, "z"sv, "z"sv, "z"sv, "z"sv, "s"sv,
}};
// Whether each of those letters is upper case.
constexpr std::array<bool, 192> latin_upper = {{
    true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true,
    true, true, true, true, true, true, true, false, true, true, true, true, true, true, true, false,
    false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
    false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
    true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, false, true, false, true, false, true, false, true,
    false, true, false, true, false, true, false, true, false, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false,
    true, false, true, false, true, false, true, false, true, true, false, true, false, true, false, false,
}};

// The code point of a two-byte UTF-8 letter at `i` in U+00C0..U+017F, or 0.
unsigned latin_letter(std::string_view t, std::size_t i) {
  if (i + 1 >= t.size()) return 0;
  const auto c0 = static_cast<unsigned char>(t[i]);
  const auto c1 = static_cast<unsigned char>(t[i + 1]);
  if (c0 < 0xC3 || c0 > 0xC5 || (c1 & 0xC0) != 0x80) return 0;
  const unsigned cp = ((c0 & 0x1Fu) << 6) | (c1 & 0x3Fu);
  return cp >= 0xC0 && cp < 0x180 ? cp : 0;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Multi-byte punctuation we split on (UTF-8).
enum class mb { none, open_quote, close_quote, apostrophe, dash, ellipsis, other_punct };
mb classify_multibyte(std::string_view t, std::size_t i, std::size_t& len) {
  len = 3;
  if (t.substr(i, 3) == "\xE2\x80\x9C"sv) return mb::open_quote;   // “
  if (t.substr(i, 3) == "\xE2\x80\x9D"sv) return mb::close_quote;  // ”
  if (t.substr(i, 3) == "\xE2\x80\x98"sv) return mb::open_quote;   // ‘
  if (t.substr(i, 3) == "\xE2\x80\x99"sv) return mb::apostrophe;   // ’
  if (t.substr(i, 3) == "\xE2\x80\x94"sv || t.substr(i, 3) == "\xE2\x80\x93"sv) return mb::dash;
  if (t.substr(i, 3) == "\xE2\x80\xA6"sv) return mb::ellipsis;     // …
  if (t.substr(i, 2) == "\xC2\xAB"sv) { len = 2; return mb::open_quote; }   // «
  if (t.substr(i, 2) == "\xC2\xBB"sv) { len = 2; return mb::close_quote; }  // »
  if (t.substr(i, 2) == "\xC2\xA0"sv) { len = 2; return mb::other_punct; }  // no-break space
  len = 0;
  return mb::none;
}

bool word_byte(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return is_alpha(t[i]) || is_digit(t[i]);
  std::size_t len = 0;
  return classify_multibyte(t, i, len) == mb::none;
}

std::size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  return 2;
}

bool is_apostrophe_at(std::string_view t, std::size_t i, std::size_t& len) {
  if (t[i] == '\'') {
    len = 1;
    return true;
  }
  std::size_t l = 0;
  if (static_cast<unsigned char>(t[i]) >= 0x80 && classify_multibyte(t, i, l) == mb::apostrophe) {
    len = l;
    return true;
  }
  return false;
}

class tokenizer {
 public:
  tokenizer(std::string_view text, tokenized_text& out) : t_(text), out_(out) {}

  // Tokenises [begin, end).
  void run(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    bool space = true;
    while (i < end) {
      const char c = t_[i];
      if (is_space(c)) {
        space = true;
        ++i;
        continue;
      }
      const std::size_t start = i;
      if (is_digit(c)) {
        i = number(i, end);
        push(start, i, token_kind::number, space);
      } else if (word_byte(t_, i)) {
        i = word(i, end, space);
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t len = 0;
        const mb k = classify_multibyte(t_, i, len);
        if (len == 0) len = utf8_len(static_cast<unsigned char>(c));
        if (k == mb::other_punct && t_.substr(i, 2) == "\xC2\xA0"sv) {
          space = true;
          i += len;
          continue;
        }
        const token_kind kind = k == mb::open_quote    ? token_kind::open_quote
                                : k == mb::close_quote ? token_kind::close_quote
                                                       : token_kind::punct;
        i = std::min(end, i + len);
        push(start, i, kind, space);
      } else if (c == '"') {
        // Straight quotes: opening after space or an opening bracket, else closing.
        const bool opening = space || start == 0 || t_[start - 1] == '(' || t_[start - 1] == '[';
        ++i;
        push(start, i, opening ? token_kind::open_quote : token_kind::close_quote, space);
      } else if (c == '.' && i + 2 < end && t_[i + 1] == '.' && t_[i + 2] == '.') {
        i += 3;
        push(start, i, token_kind::punct, space);
      } else if (c == '-' && i + 1 < end && t_[i + 1] == '-') {
        i += 2;
        push(start, i, token_kind::punct, space);
      } else {
        ++i;
        push(start, i, token_kind::punct, space);
      }
      space = false;
    }
  }

 private:
  std::string_view t_;
  tokenized_text& out_;

  std::size_t number(std::size_t i, std::size_t end) {
    while (i < end) {
      if (is_digit(t_[i])) {
        ++i;
      } else if ((t_[i] == '.' || t_[i] == ',' || t_[i] == ':') && i + 1 < end && is_digit(t_[i + 1])) {
        i += 2;
      } else if (is_alpha(t_[i])) {  // 1990s, 3rd, 10am
        ++i;
      } else {
        break;
      }
    }
    return i;
  }

  std::size_t word(std::size_t start, std::size_t end, bool space) {
    std::size_t i = start;
    while (i < end) {
      if (word_byte(t_, i)) {
        // A lead byte may claim more bytes than the text has left (invalid UTF-8 at its end).
        i = std::min(end, i + utf8_len(static_cast<unsigned char>(t_[i])));
        continue;
      }
      std::size_t alen = 0;
      if (is_apostrophe_at(t_, i, alen) && i + alen < end && word_byte(t_, i + alen)) {
        // Possessive 's and contraction n't split off; Ja'afari and O'Brien stay whole.
        const std::string_view rest = t_.substr(i + alen, std::min<std::size_t>(2, end - i - alen));
        const bool possessive = (rest.size() >= 1 && (rest[0] == 's' || rest[0] == 'S')) &&
                                (rest.size() == 1 || !word_byte(t_, i + alen + 1));
        if (possessive) break;
        // ("n't" with nothing before it stays one word: splitting would leave an empty one.)
        if ((rest[0] == 't' || rest[0] == 'T') && i > start + 1 && (t_[i - 1] == 'n' || t_[i - 1] == 'N') &&
            (rest.size() == 1 || !word_byte(t_, i + alen + 1))) {
          --i;  // "didn't" -> "did" + "n't"
          break;
        }
        i += alen;
        continue;
      }
      if (t_[i] == '.' && i + 1 < end && is_alpha(t_[i + 1]) && initialism_so_far(start, i) &&
          (i + 2 >= end || !is_alpha(t_[i + 2]))) {
        i += 1;  // U.S, U.N, e.g
        continue;
      }
      break;
    }
    // A trailing full stop belongs to initialisms (U.S.), single initials (F.) and abbreviations.
    if (i < end && t_[i] == '.') {
      const std::string_view w = t_.substr(start, i - start);
      const std::string lw = detail::lower(w);
      const bool initial = w.size() == 1 && is_upper(w[0]);
      if (initialism_so_far(start, i) && w.find('.') != std::string_view::npos) ++i;
      else if (initial || contains(title_abbreviations, lw)) ++i;
      else if ((lw == "no" || lw == "nos") && i + 2 < end && t_[i + 1] == ' ' && is_digit(t_[i + 2])) ++i;
    }
    push(start, i, token_kind::word, space);
    // Split-off possessive or negation.
    std::size_t alen = 0;
    if (i < end && is_apostrophe_at(t_, i, alen)) {
      const std::size_t s = i;
      std::size_t j = i + alen;
      while (j < end && word_byte(t_, j)) ++j;
      if (j > i + alen) {
        push(s, j, token_kind::word, false);
        return j;
      }
    } else if (i + 2 < end && (t_[i] == 'n' || t_[i] == 'N') && is_apostrophe_at(t_, i + 1, alen)) {
      std::size_t j = i + 1 + alen;
      while (j < end && word_byte(t_, j)) ++j;
      push(i, j, token_kind::word, false);
      return j;
    }
    return i;
  }

  // Letters separated by single full stops: "U", "U.S", "e.g".
  bool initialism_so_far(std::size_t start, std::size_t i) const {
    for (std::size_t k = start; k < i; ++k) {
      const bool letter_pos = ((k - start) % 2) == 0;
      if (letter_pos ? !is_alpha(t_[k]) : t_[k] != '.') return false;
    }
    return true;
  }

  void push(std::size_t b, std::size_t e, token_kind kind, bool space) {
    token tk;
    tk.where = {b, e};
    tk.kind = kind;
    tk.space_before = space;
    tk.key_begin = static_cast<std::uint32_t>(out_.keys.size());
    bool any_letter = false, any_lower = false;
    for (std::size_t k = b; k < e; ++k) {
      const char c = t_[k];
      if (c == '.' && kind == token_kind::word) continue;
      if (c == '\'' && kind == token_kind::word) continue;
      if (kind == token_kind::word && t_.substr(k, 3) == "\xE2\x80\x99"sv) {
        k += 2;
        continue;
      }
      if (is_alpha(c)) {
        any_letter = true;
        any_lower = any_lower || detail::is_lower(c);
      }
      if (const unsigned cp = kind == token_kind::word ? latin_letter(t_, k) : 0; cp != 0) {
        const std::string_view folded = latin_folds[cp - 0xC0];
        if (!folded.empty()) {
          any_letter = true;
          any_lower = any_lower || !latin_upper[cp - 0xC0];
          out_.keys += folded;
          ++k;
          continue;
        }
      }
      out_.keys += detail::to_lower(c);
    }
    tk.key_size = static_cast<std::uint32_t>(out_.keys.size() - tk.key_begin);
    const unsigned first = e > b ? latin_letter(t_, b) : 0;
    tk.capitalised = e > b && (is_upper(t_[b]) || (first != 0 && latin_upper[first - 0xC0]));
    tk.all_caps = any_letter && !any_lower;
    out_.tokens.push_back(tk);
  }
};

bool ends_with_stop(std::string_view key_text, const token& t, std::string_view text) {
  (void)key_text;
  const std::string_view s = text.substr(t.where.begin, t.where.end - t.where.begin);
  return s == "."sv || s == "!"sv || s == "?"sv || s == "..."sv || s == "\xE2\x80\xA6"sv;
}

}  // namespace

std::vector<std::string> phrase_keys(std::string_view phrase) {
  tokenized_text t;
  tokenizer tk{phrase, t};
  tk.run(0, phrase.size());
  std::vector<std::string> keys;
  for (const auto& tok : t.tokens) {
    const std::string_view k = t.key(tok);
    if (k == "-"sv || k.empty()) continue;  // hyphens count as spaces
    keys.emplace_back(k);
  }
  return keys;
}

tokenized_text split_sentences(std::string_view text, const std::vector<core::segment>& segments) {
  tokenized_text out;
  out.tokens.reserve(text.size() / 5);
  out.keys.reserve(text.size());
  tokenizer tk{text, out};
  std::size_t quotes = 0;
  for (const auto& seg : segments) {
    if (seg.kind == core::segment_kind::boilerplate) continue;
    const std::size_t first = out.tokens.size();
    tk.run(seg.where.begin, seg.where.end);
    const std::size_t last = out.tokens.size();
    bool in_quote = false;
    std::size_t current_quote = no_quote;
    std::size_t start = first;
    bool sentence_in_quote = false;
    std::size_t sentence_quote = no_quote;
    const auto close = [&](std::size_t end_token) {
      if (end_token <= start) return;
      sentence s;
      s.first_token = start;
      s.token_count = end_token - start;
      s.where = {out.tokens[start].where.begin, out.tokens[end_token - 1].where.end};
      s.segment = seg.kind;
      s.quote = sentence_in_quote ? sentence_quote : no_quote;
      out.sentences.push_back(s);
      start = end_token;
      sentence_in_quote = in_quote;
      sentence_quote = current_quote;
    };
    for (std::size_t i = first; i < last; ++i) {
      const token& t = out.tokens[i];
      if (t.kind == token_kind::open_quote) {
        in_quote = true;
        current_quote = quotes++;
        if (i == start) {
          sentence_in_quote = true;
          sentence_quote = current_quote;
        }
        continue;
      }
      if (t.kind == token_kind::close_quote) {
        in_quote = false;
        continue;
      }
      bool boundary = false;
      std::size_t end = i + 1;
      if (ends_with_stop(out.keys, t, text)) {
        // Take closing quotes and brackets into this sentence.
        while (end < last && (out.tokens[end].kind == token_kind::close_quote ||
                              text.substr(out.tokens[end].where.begin, 1) == ")"sv)) {
          if (out.tokens[end].kind == token_kind::close_quote) in_quote = false;
          ++end;
        }
        if (end >= last) {
          boundary = true;
        } else {
          const token& next = out.tokens[end];
          boundary = next.capitalised || next.kind == token_kind::number ||
                     next.kind == token_kind::open_quote ||
                     (next.kind == token_kind::close_quote);
          // A straight quote right after the stop, with a space after it: closing.
        }
      } else if (t.kind == token_kind::word && i + 1 < last) {
        // "in the U.S. The talks...": an initialism's full stop ends the sentence when a
        // typical sentence opener follows.
        const std::string_view w = text.substr(t.where.begin, t.where.end - t.where.begin);
        if (w.size() >= 4 && w.back() == '.' && w[1] == '.') {
          const token& next = out.tokens[i + 1];
          if (next.capitalised && contains(sentence_starters, out.key(next))) boundary = true;
        }
      }
      if (boundary) {
        close(end);
        i = end - 1;
      }
    }
    close(last);
    (void)in_quote;
  }
  return out;
}

}  // namespace diplograph::extract
