// Gephi spreadsheet CSVs and networkx node-link JSON. Checked against Python's csv module and
// networkx.node_link_graph (tests/export/network_test.cpp).
//
// CSV follows tables.cpp: RFC 4180 quoting, LF row ends, invalid UTF-8 -> U+FFFD. JSON strings
// go through core::append_json_string (control characters escaped, invalid UTF-8 -> U+FFFD).

#include "diplograph/export/network.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "diplograph/core/date.hpp"
#include "diplograph/core/json.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

// `id` with every character that XML, CSV or JSON could not carry as it is replaced.
std::string portable(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  detail::for_each_code_point(id, [&out](std::string_view cp, bool valid) {
    const bool control =
        cp.size() == 1 && (static_cast<unsigned char>(cp.front()) < 0x20 || cp.front() == '\x7f');
    if (!valid || control || detail::is_xml_noncharacter(cp))
      out += detail::replacement_character;
    else
      out += cp;
  });
  return out;
}

void append_key(std::string& out, std::string_view key) {
  out += ",\"";
  out += key;
  out += "\":";
}

void append_string_or_null(std::string& out, std::string_view text) {
  if (text.empty())
    out += "null";
  else
    core::append_json_string(out, text);
}

std::unordered_map<std::string_view, std::size_t> index_of(const graph::snapshot& g) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(g.nodes.size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) index.emplace(g.nodes[i].id, i);
  return index;
}

}  // namespace

std::vector<std::string> node_ids(const graph::snapshot& g) {
  std::vector<std::string> ids(g.nodes.size());
  std::unordered_set<std::string> taken;
  std::vector<std::size_t> replaced;
  // Ids that need no replacement keep their value; replaced ones take what is left.
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    std::string p = portable(g.nodes[i].id);
    if (p == g.nodes[i].id && taken.insert(p).second)
      ids[i] = std::move(p);
    else
      replaced.push_back(i);
  }
  for (const std::size_t i : replaced) {
    const std::string base = portable(g.nodes[i].id);
    std::string id = base;
    for (std::size_t n = 2; !taken.insert(id).second; ++n) id = base + "#" + std::to_string(n);
    ids[i] = std::move(id);
  }
  return ids;
}

const std::string& node_label(const graph::node& n) {
  if (!n.actor.name.empty()) return n.actor.name;
  if (!n.actor.code.empty()) return n.actor.code;
  return n.id;
}

void write_gephi_nodes_csv(std::ostream& out, const graph::snapshot& g) {
  out << "Id,Label,code,name,country,kind,out_events,in_events";
  for (const auto& f : detail::metric_fields) out << ',' << f.name;
  out << '\n';
  const auto ids = node_ids(g);
  std::string row;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const graph::node& n = g.nodes[i];
    std::vector<std::string> fields = {ids[i],
                                       node_label(n),
                                       n.actor.code,
                                       n.actor.name,
                                       n.actor.country,
                                       std::string(core::to_string(n.actor.kind)),
                                       std::to_string(n.out_events),
                                       std::to_string(n.in_events)};
    auto metrics = detail::metric_values(n);
    metrics.resize(std::size(detail::metric_fields));  // empty cells when not computed
    fields.insert(fields.end(), metrics.begin(), metrics.end());
    row.clear();
    detail::append_csv_row(row, fields.data(), fields.size());
    out << row;
  }
}

void write_gephi_edges_csv(std::ostream& out, const graph::snapshot& g) {
  out << "Source,Target,Type,Weight,count,goldstein_mean,first_date,last_date,num_articles,"
         "quad1,quad2,quad3,quad4"
      << (g.decay ? ",decayed_weight\n" : "\n");
  const auto ids = node_ids(g);
  const auto index = index_of(g);
  std::string row;
  for (const graph::edge& e : g.edges) {
    const auto source = index.find(e.source);
    const auto target = index.find(e.target);
    if (source == index.end() || target == index.end()) continue;
    const std::string count = std::to_string(e.count);
    const std::string fields[] = {
        ids[source->second],
        ids[target->second],
        "Directed",
        count,
        count,
        std::isfinite(e.goldstein_mean) ? detail::format_number(e.goldstein_mean) : std::string{},
        e.dated ? core::to_iso(e.first) : std::string{},
        e.dated ? core::to_iso(e.last) : std::string{},
        std::to_string(e.articles.size()),
        std::to_string(e.quad_counts[0]),
        std::to_string(e.quad_counts[1]),
        std::to_string(e.quad_counts[2]),
        std::to_string(e.quad_counts[3]),
        g.decay ? detail::format_number(e.decayed_weight) : std::string{}};
    row.clear();
    detail::append_csv_row(row, fields, std::size(fields) - (g.decay ? 0 : 1));
    out << row;
  }
}

void write_node_link_json(std::ostream& out, const graph::snapshot& g) {
  const auto ids = node_ids(g);
  const auto index = index_of(g);
  std::string buf = "{\"directed\":true,\"multigraph\":false,\"graph\":{\"events_used\":";
  buf += std::to_string(g.events_used);
  buf += ",\"events_skipped\":";
  buf += std::to_string(g.events_skipped);
  if (g.decay) {
    append_key(buf, "decay_half_life_days");
    core::append_json_number(buf, g.decay->half_life_days);
    append_key(buf, "decay_at");
    core::append_json_string(buf, core::to_iso(g.decay->at));
  }
  buf += "},\"nodes\":[";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const graph::node& n = g.nodes[i];
    buf += i > 0 ? ",{\"id\":" : "{\"id\":";
    core::append_json_string(buf, ids[i]);
    append_key(buf, "label");
    core::append_json_string(buf, node_label(n));
    append_key(buf, "actor_id");
    core::append_json_string(buf, n.id);
    append_key(buf, "code");
    append_string_or_null(buf, n.actor.code);
    append_key(buf, "name");
    core::append_json_string(buf, n.actor.name);
    append_key(buf, "country");
    append_string_or_null(buf, n.actor.country);
    append_key(buf, "kind");
    core::append_json_string(buf, core::to_string(n.actor.kind));
    append_key(buf, "out_events");
    buf += std::to_string(n.out_events);
    append_key(buf, "in_events");
    buf += std::to_string(n.in_events);
    const auto metrics = detail::metric_values(n);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      append_key(buf, detail::metric_fields[m].name);
      buf += metrics[m];
    }
    buf += '}';
    out << buf;
    buf.clear();
  }
  buf += "],\"links\":[";
  bool first = true;
  for (const graph::edge& e : g.edges) {
    const auto source = index.find(e.source);
    const auto target = index.find(e.target);
    if (source == index.end() || target == index.end()) continue;
    buf += first ? "{\"source\":" : ",{\"source\":";
    first = false;
    core::append_json_string(buf, ids[source->second]);
    append_key(buf, "target");
    core::append_json_string(buf, ids[target->second]);
    append_key(buf, "weight");
    buf += std::to_string(e.count);
    append_key(buf, "count");
    buf += std::to_string(e.count);
    append_key(buf, "goldstein_sum");
    core::append_json_number(buf, e.goldstein_sum);
    append_key(buf, "goldstein_mean");
    core::append_json_number(buf, e.goldstein_mean);
    for (std::size_t q = 0; q < e.quad_counts.size(); ++q) {
      append_key(buf, "quad" + std::to_string(q + 1));
      buf += std::to_string(e.quad_counts[q]);
    }
    append_key(buf, "first_date");
    append_string_or_null(buf, e.dated ? core::to_iso(e.first) : std::string{});
    append_key(buf, "last_date");
    append_string_or_null(buf, e.dated ? core::to_iso(e.last) : std::string{});
    append_key(buf, "num_articles");
    buf += std::to_string(e.articles.size());
    append_key(buf, "articles");
    buf += '[';
    for (std::size_t a = 0; a < e.articles.size(); ++a) {
      if (a > 0) buf += ',';
      core::append_json_string(buf, e.articles[a]);
    }
    buf += ']';
    if (g.decay) {
      append_key(buf, "decayed_weight");
      core::append_json_number(buf, e.decayed_weight);
    }
    append_key(buf, "color");
    core::append_json_string(buf, detail::goldstein_color(e.goldstein_mean));
    buf += '}';
    out << buf;
    buf.clear();
  }
  buf += "]}\n";
  out << buf;
}

}  // namespace diplograph::exporter
