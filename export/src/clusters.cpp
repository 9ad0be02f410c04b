// Cluster CSVs (see clusters.hpp): the same field quoting as events.csv (text.hpp).

#include "diplograph/export/clusters.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/core/date.hpp"
#include "text.hpp"

namespace diplograph::exporter {
namespace {

// Appends the fields as one CSV row ending in LF.
void append_row(std::string& row, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    detail::append_csv_field(row, fields[i]);
  }
  row += '\n';
}

std::string day_or_empty(const std::optional<core::calendar_day>& day) {
  return day ? core::to_iso(*day) : std::string{};
}

std::string goldstein_field(double value, int decimals) {
  return std::isfinite(value) ? detail::format_rounded(value, decimals) : std::string{};
}

// The distinct non-empty URLs of the evidence, in its order, separated by a space.
std::string source_urls(const core::event_cluster& c) {
  std::vector<std::string_view> seen;
  std::string out;
  for (const core::cluster_mention& m : c.mentions) {
    if (m.url.empty() || std::find(seen.begin(), seen.end(), m.url) != seen.end()) continue;
    seen.push_back(m.url);
    if (!out.empty()) out += ' ';
    out += m.url;
  }
  return out;
}

}  // namespace

void write_clusters_csv(std::ostream& out, const std::vector<core::event_cluster>& clusters) {
  out << "cluster_id,first_date,last_date,source_code,source_name,source_country,target_code,"
         "target_name,target_country,code,root,quad_class,goldstein,num_events,num_articles,"
         "num_mentions,num_sources,source_urls\n";
  std::string row;
  std::vector<std::string> fields;
  for (const core::event_cluster& c : clusters) {
    const core::actor none;
    const core::actor& source = c.source ? *c.source : none;
    const core::actor& target = c.target ? *c.target : none;
    fields = {c.id,
              day_or_empty(c.first),
              day_or_empty(c.last),
              source.code,
              source.name,
              source.country,
              target.code,
              target.name,
              target.country,
              c.code,
              c.root,
              std::to_string(static_cast<int>(c.quad)),
              goldstein_field(c.goldstein, 2),
              std::to_string(c.num_events),
              std::to_string(c.num_articles),
              std::to_string(c.num_mentions),
              std::to_string(c.num_sources),
              source_urls(c)};
    row.clear();
    append_row(row, fields);
    out << row;
  }
}

void write_cluster_mentions_csv(std::ostream& out,
                                const std::vector<core::event_cluster>& clusters) {
  out << "cluster_id,article,url,publisher,sentence,date,date_precision,code,goldstein,mentions,"
         "text\n";
  std::string row;
  std::vector<std::string> fields;
  for (const core::event_cluster& c : clusters) {
    for (const core::cluster_mention& m : c.mentions) {
      fields = {c.id,
                m.article.value(),
                m.url,
                m.publisher,
                std::to_string(m.sentence),
                core::to_iso(m.date),
                std::string{core::to_string(m.date.known() ? m.date.precision
                                                           : core::date_precision::unknown)},
                m.code,
                goldstein_field(m.goldstein, 2),
                std::to_string(m.mentions),
                m.text};
      row.clear();
      append_row(row, fields);
      out << row;
    }
  }
}

}  // namespace diplograph::exporter
