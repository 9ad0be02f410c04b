#pragma once
// Usage (private to extract):
//   if (auto line = detail::html_too_deep(html, 1000)) { ... report, skip ... }
//   core::article a = detail::article_from_html(html);   // title, meta date/url/site, body text
// HTML through gumbo, made safe for hostile pages: gumbo's own tree destruction recurses once
// per nesting level (a million nested <span> overflow the stack) and its scope checks make deep
// nesting quadratic, so the depth is bounded before parsing and the parse is freed without
// recursion.

#include <cstddef>
#include <optional>
#include <string_view>

#include "diplograph/core/article.hpp"

namespace diplograph::extract::detail {

// The line (1-based) where the elements of `html` first nest more than `max_depth` deep, or
// nullopt. A linear scan that estimates, on the high side, the depth gumbo would build: an end
// tag closes only up to the element it names, and a <p>, <li>, <td>... closes only one of its
// kind directly above it. It keeps gumbo's quadratic scope checks to pages it can parse in
// time roughly linear in their size; crash safety does not depend on it (see
// article_from_html). Script, style and other raw-text elements and comments are skipped;
// void elements and self-closed SVG/MathML elements do not nest.
std::optional<std::size_t> html_too_deep(std::string_view html, std::size_t max_depth);

// The article an HTML page holds: <title>, the publication date, URL and site name from
// <meta> tags, and the visible body text (script, style, nav, header, footer, aside, form...
// dropped; block elements become paragraph breaks; entities decoded). Iterative throughout,
// and gumbo's tree is freed without its recursive destructor, whatever the depth.
core::article article_from_html(std::string_view html);

}  // namespace diplograph::extract::detail
