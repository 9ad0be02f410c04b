#pragma once
// Usage: an article as read from any input kind; `text` is the exact text that every byte span
// (sentences, events, boilerplate segments) refers to.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/core/date.hpp"
#include "diplograph/core/diagnostic.hpp"
#include "diplograph/core/ids.hpp"

namespace diplograph::core {

// Where an article's publication date came from.
enum class date_source { none, metadata, override_option, dateline, caption, opening_text };
std::string_view to_string(date_source s);

// What a stretch of the article text is.
enum class segment_kind { body, caption, boilerplate };
std::string_view to_string(segment_kind k);

struct segment {
  span where;
  segment_kind kind = segment_kind::body;
};

struct article {
  article_id id;
  std::string title;
  std::string text;                 // valid UTF-8 (invalid bytes replaced at ingest)
  std::string url;
  std::string source;
  std::optional<calendar_day> published;
  date_source published_from = date_source::none;
  // Other JSON fields, kept as name and raw JSON value text.
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string origin;               // the file it came from ("-" for stdin)
  std::size_t origin_line = 0;      // the line in that file (JSONL), 0 otherwise
  std::vector<segment> segments;    // filled by extract::clean
};

}  // namespace diplograph::core
