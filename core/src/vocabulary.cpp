#include <cctype>

#include "diplograph/core/utf8.hpp"

#include "diplograph/core/actor.hpp"
#include "diplograph/core/article.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/event.hpp"
#include "diplograph/core/stance.hpp"

namespace diplograph::core {

namespace {

// Diagnostics go to terminals: control characters and broken bytes are shown, never sent.
void append_printable(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t len = utf8_sequence_length(text, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text.substr(i, len));
        i += len;
      }
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
}

}  // namespace

std::string format(const diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    append_printable(out, d.file);
    if (d.line > 0) out += ':' + std::to_string(d.line);
    out += ": ";
  }
  switch (d.level) {
    case severity::note: out += "note: "; break;
    case severity::warning: out += "warning: "; break;
    case severity::error: out += "error: "; break;
  }
  if (!d.article.empty()) {
    out += "article ";
    append_printable(out, d.article);
    out += ": ";
  }
  append_printable(out, d.message);
  return out;
}

std::string_view to_string(date_source s) {
  switch (s) {
    case date_source::none: return "none";
    case date_source::metadata: return "metadata";
    case date_source::override_option: return "option";
    case date_source::dateline: return "dateline";
    case date_source::caption: return "caption";
    case date_source::opening_text: return "opening_text";
  }
  return "none";
}

std::string_view to_string(segment_kind k) {
  switch (k) {
    case segment_kind::body: return "body";
    case segment_kind::caption: return "caption";
    case segment_kind::boilerplate: return "boilerplate";
  }
  return "body";
}

std::string_view to_string(actor_kind k) {
  switch (k) {
    case actor_kind::country: return "country";
    case actor_kind::government: return "government";
    case actor_kind::organisation: return "organisation";
    case actor_kind::igo: return "igo";
    case actor_kind::armed_group: return "armed_group";
    case actor_kind::person: return "person";
    case actor_kind::group: return "group";
    case actor_kind::issue: return "issue";
    case actor_kind::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view to_string(polarity p) { return p == polarity::support ? "support" : "oppose"; }

std::string_view to_string(quad_class q) {
  switch (q) {
    case quad_class::verbal_cooperation: return "verbal_cooperation";
    case quad_class::material_cooperation: return "material_cooperation";
    case quad_class::verbal_conflict: return "verbal_conflict";
    case quad_class::material_conflict: return "material_conflict";
  }
  return "verbal_cooperation";
}

actor_id actor::id() const {
  if (!code.empty()) return actor_id{code};
  std::string key = "~";
  for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return actor_id{key};
}

}  // namespace diplograph::core
