#pragma once
// Usage:
//   const auto events = db.events(q);
//   const auto clusters = db.clusters({}, 1);     // store::database: every cluster, so each
//                                                  // event finds its own
//   exporter::write_events_table(out, events, clusters, exporter::table_format::csv);
//
// One row per stored event in columns named after GDELT 2.0's Events table where they apply,
// so scripts written for GDELT read it with few changes. Rows keep the caller's order.
//   csv: RFC 4180 as events.csv (tables.cpp): LF row ends, a field holding a comma, a quote,
//        CR or LF is quoted with quotes doubled; invalid UTF-8 and NUL become U+FFFD.
//   tsv: no quoting: tab, CR, LF, the other C0 controls, DEL, U+0085, U+2028 and U+2029
//        become a space and invalid UTF-8 U+FFFD, so every line is one row and every row has
//        the header's number of fields.

#include <ostream>
#include <vector>

#include "diplograph/core/cluster.hpp"
#include "diplograph/core/event.hpp"

namespace diplograph::exporter {

enum class table_format { csv, tsv };

// Header first (GDELT names, then ours):
//   GLOBALEVENTID, SQLDATE, MonthYear, Year, EventDate, DatePrecision,
//   Actor1Code, Actor1Name, Actor1CountryCode, Actor2Code, Actor2Name, Actor2CountryCode,
//   EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale,
//   NumMentions, NumSources, NumArticles, SOURCEURL,
//   IsNegated, PLOVER, ArticleID, SentenceIndex, ArticleMentions, Rule, Sentence
// - GLOBALEVENTID: the id of the event's cluster in `clusters` (16 hex digits; the events that
//   report the same event across articles share it, as GDELT's Mentions share an event's id).
//   An event no cluster lists gets "e" and 16 hex digits of FNV-1a 64 over its source id,
//   target id, article, sentence (decimal), code and ISO date, each followed by a NUL byte,
//   then its date precision; its NumMentions is its own `mentions`, NumArticles 1, NumSources
//   0 and SOURCEURL empty.
// - SQLDATE YYYYMMDD, MonthYear YYYYMM, Year YYYY: the first day of the event's period (an
//   event dated to March 2017 has SQLDATE 20170301); EventDate is ISO at the event's precision
//   ("2017-03-24", "2017-W12", "2017-03", "2017-Q1", "2017") and DatePrecision says which
//   (day, week, month, quarter, year); all empty and "unknown" when undated.
// - Actor codes, names and countries as stored; empty when the event has no such actor.
// - EventCode the full CAMEO code; EventBaseCode its first 3 digits, EventRootCode its first 2
//   (a shorter code is its own base). QuadClass 1-4. GoldsteinScale empty when not finite.
// - NumMentions, NumSources, NumArticles: the cluster's sentences, distinct publishers and
//   distinct articles (core::event_cluster). SOURCEURL: the URL of this event's article.
// - IsNegated 1 or 0; PLOVER the category ("" when none); ArticleID the article id;
//   SentenceIndex the sentence in the article (0-based, as `sentence` in other outputs, where
//   GDELT's Mentions SentenceID counts from 1);
//   ArticleMentions the sentences of this article that state the event; Rule the coding rule;
//   Sentence the sentence text.
void write_events_table(std::ostream& out, const std::vector<core::event>& events,
                        const std::vector<core::event_cluster>& clusters, table_format format);

}  // namespace diplograph::exporter
