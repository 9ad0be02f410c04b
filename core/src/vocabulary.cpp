#include <cctype>

#include "diplograph/core/actor.hpp"
#include "diplograph/core/article.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/event.hpp"

namespace diplograph::core {

std::string format(const diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) out += ':' + std::to_string(d.line);
    out += ": ";
  }
  switch (d.level) {
    case severity::note: out += "note: "; break;
    case severity::warning: out += "warning: "; break;
    case severity::error: out += "error: "; break;
  }
  if (!d.article.empty()) out += "article " + d.article + ": ";
  out += d.message;
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
    case actor_kind::unknown: return "unknown";
  }
  return "unknown";
}

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
