#include "actor_verb.hpp"

#include <iostream>
#include <sstream>
#include <variant>

#include "diplograph/core/json.hpp"
#include "diplograph/extract/coder.hpp"
#include "diplograph/extract/dictionaries.hpp"
#include "diplograph/extract/ingest.hpp"

namespace diplograph::cli {
namespace {

void append_nullable(std::string& out, const std::string& s) {
  if (s.empty()) out += "null";
  else core::append_json_string(out, s);
}

std::string resolution_json(const std::string& id, const std::string& text, const extract::actor_resolution& r) {
  std::string out = "{\"id\":";
  core::append_json_string(out, id);
  out += ",\"text\":";
  core::append_json_string(out, text);
  std::string code, country, name, kind = "unknown";
  if (r.actor) {
    code = r.actor->code;
    country = r.actor->country;
    if (country.empty() && code.rfind("IGO", 0) == 0) country = "IGO";
    name = r.actor->name;
    kind = std::string(core::to_string(r.actor->kind));
  } else if (!r.roles.empty()) {
    kind = "role";
  }
  out += ",\"code\":";
  append_nullable(out, code);
  out += ",\"country\":";
  append_nullable(out, country);
  out += ",\"roles\":[";
  for (std::size_t i = 0; i < r.roles.size(); ++i) {
    if (i > 0) out += ',';
    core::append_json_string(out, r.roles[i]);
  }
  out += "],\"name\":";
  append_nullable(out, name);
  out += ",\"kind\":";
  core::append_json_string(out, kind);
  out += "}\n";
  return out;
}

}  // namespace

int run_actor(const std::vector<std::string>& phrases, const std::string& date,
              const dictionary_options& dictionaries, std::istream& in, std::ostream& out, std::ostream& err) {
  std::optional<core::calendar_day> on;
  if (!date.empty()) on = core::parse_iso_day(date);
  const auto dicts = load_dictionaries(dictionaries, err);
  int status = 0;
  std::size_t n = 0;
  for (const auto& phrase : phrases) {
    if (phrase != "-") {
      out << resolution_json(std::to_string(++n), phrase, extract::resolve_actor(phrase, dicts, on));
      continue;
    }
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto parsed = extract::parse_jsonl_record(line, "-", number);
      if (auto* d = std::get_if<core::diagnostic>(&parsed)) {
        err << "diplograph: " << core::format(*d) << '\n';
        status = 1;
        continue;
      }
      const auto& a = std::get<core::article>(parsed);
      const auto when = a.published ? a.published : on;
      out << resolution_json(a.id.value(), a.text, extract::resolve_actor(a.text, dicts, when));
    }
  }
  out.flush();
  return status;
}

}  // namespace diplograph::cli
