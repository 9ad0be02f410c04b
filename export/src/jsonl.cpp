#include "diplograph/export/jsonl.hpp"

#include "diplograph/core/json.hpp"

namespace diplograph::exporter {

void append_actor_json(std::string& out, const std::optional<core::actor>& a) {
  if (!a) {
    out += "null";
    return;
  }
  out += "{\"code\":";
  if (a->code.empty()) out += "null";
  else core::append_json_string(out, a->code);
  out += ",\"name\":";
  core::append_json_string(out, a->name);
  out += ",\"country\":";
  if (a->country.empty()) out += "null";
  else core::append_json_string(out, a->country);
  out += '}';
}

void append_event_json(std::string& out, const core::event& e) {
  out += "{\"article\":";
  core::append_json_string(out, e.article.value());
  out += ",\"sentence\":";
  out += std::to_string(e.sentence);
  out += ",\"date\":";
  if (e.date.known()) core::append_json_string(out, core::to_iso(e.date));
  else out += "null";
  out += ",\"date_precision\":";
  core::append_json_string(out, core::to_string(e.date.precision));
  out += ",\"source\":";
  append_actor_json(out, e.source);
  out += ",\"target\":";
  append_actor_json(out, e.target);
  out += ",\"code\":";
  core::append_json_string(out, e.code);
  out += ",\"quad_class\":";
  out += std::to_string(static_cast<int>(e.quad));
  out += ",\"goldstein\":";
  core::append_json_number(out, e.goldstein);
  out += ",\"plover\":";
  if (e.plover.empty()) out += "null";
  else core::append_json_string(out, e.plover);
  out += ",\"negated\":";
  out += e.negated ? "true" : "false";
  out += ",\"mentions\":";
  out += std::to_string(e.mentions);
  out += ",\"text\":";
  core::append_json_string(out, e.text);
  out += ",\"span\":[";
  out += std::to_string(e.where.begin);
  out += ',';
  out += std::to_string(e.where.end);
  out += "],\"rule\":";
  core::append_json_string(out, e.rule);
  out += '}';
}

void append_stance_json(std::string& out, const core::stance& s) {
  out += "{\"kind\":\"stance\",\"article\":";
  core::append_json_string(out, s.article.value());
  out += ",\"sentence\":";
  out += std::to_string(s.sentence);
  out += ",\"date\":";
  if (s.date.known()) core::append_json_string(out, core::to_iso(s.date));
  else out += "null";
  out += ",\"date_precision\":";
  core::append_json_string(out, core::to_string(s.date.precision));
  out += ",\"actor\":";
  append_actor_json(out, s.holder);
  out += ",\"issue\":";
  core::append_json_string(out, s.issue);
  out += ",\"issue_label\":";
  core::append_json_string(out, s.issue_label);
  out += ",\"polarity\":";
  core::append_json_string(out, core::to_string(s.polarity));
  out += ",\"text\":";
  core::append_json_string(out, s.text);
  out += ",\"span\":[";
  out += std::to_string(s.where.begin);
  out += ',';
  out += std::to_string(s.where.end);
  out += "],\"rule\":";
  core::append_json_string(out, s.rule);
  out += '}';
}

}  // namespace diplograph::exporter
