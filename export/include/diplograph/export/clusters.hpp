#pragma once
// Usage:
//   const auto clusters = db.clusters(q, 1);            // store::database
//   exporter::write_clusters_csv(out, clusters);        // one row per cluster (GDELT Events-like)
//   exporter::write_cluster_mentions_csv(out, clusters);  // one row per event (Mentions-like)
// Clusters of events across articles as CSV, from plain core::event_cluster values (this module
// never touches the store). RFC 4180 quoting with LF row ends, as events.csv: a field is quoted
// when it holds a comma, a double quote, CR or LF, quotes inside doubled; invalid UTF-8 and NUL
// become U+FFFD. Rows keep the caller's order; every row has the header's number of fields.

#include <ostream>
#include <vector>

#include "diplograph/core/cluster.hpp"

namespace diplograph::exporter {

// Header first:
// cluster_id,first_date,last_date,source_code,source_name,source_country,target_code,
// target_name,target_country,code,root,quad_class,goldstein,num_events,num_articles,
// num_mentions,num_sources,source_urls
// Dates are ISO days ("" when undated); an absent actor has empty fields; quad_class is 1-4 as
// in GDELT; goldstein is the mean rounded to two decimals ("" when no event has one);
// source_urls are the distinct non-empty article URLs in evidence order, separated by a space.
void write_clusters_csv(std::ostream& out, const std::vector<core::event_cluster>& clusters);

// Header first:
// cluster_id,article,url,publisher,sentence,date,date_precision,code,goldstein,mentions,text
// One row per stored event of each cluster, in evidence order: the article id, its URL and
// publisher (the article's `source`), the sentence index and its text, the event's date (ISO at
// its precision, "" when undated), full code, Goldstein ("" when none) and how many sentences
// of the article state it.
void write_cluster_mentions_csv(std::ostream& out,
                                const std::vector<core::event_cluster>& clusters);

}  // namespace diplograph::exporter
