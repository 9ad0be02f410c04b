#pragma once
// Usage: auto segs = extract::segment_text(text);
//   Each paragraph of `text` becomes a segment: body, caption (photo captions, kept, with their
//   photo credit cut off as boilerplate) or boilerplate (newsletter, cookie, "External Content",
//   social-media lines, reporting credits). Spans are byte offsets into `text`; whitespace
//   between paragraphs belongs to no segment.

#include <string_view>
#include <vector>

#include "diplograph/core/article.hpp"

namespace diplograph::extract {

std::vector<core::segment> segment_text(std::string_view text);

// True when a single paragraph is web boilerplate rather than news text.
bool is_boilerplate(std::string_view paragraph);

}  // namespace diplograph::extract

namespace diplograph::extract {

// The length in bytes of a wire dateline at the start of `paragraph` ("GENEVA (Reuters) - ",
// "WASHINGTON, March 24 (AP) — ", "BEIRUT, Lebanon -- "), or 0 when there is none.
std::size_t dateline_length(std::string_view paragraph);

}  // namespace diplograph::extract
