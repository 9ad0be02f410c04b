#include "html.hpp"

#include <gumbo.h>

#include <array>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text_util.hpp"

namespace diplograph::extract::detail {
namespace {

using namespace std::string_view_literals;

// ------------------------------------------------------------------ the depth bound

constexpr std::array void_elements = {"area"sv, "base"sv,  "br"sv,    "col"sv,   "embed"sv,
                                      "hr"sv,   "img"sv,   "input"sv, "link"sv,  "meta"sv,
                                      "param"sv, "source"sv, "track"sv, "wbr"sv, "keygen"sv,
                                      "basefont"sv, "bgsound"sv, "frame"sv, "image"sv};
// Their content is text up to their end tag, never markup.
constexpr std::array raw_text_elements = {"script"sv, "style"sv,   "textarea"sv, "title"sv,
                                          "xmp"sv,    "iframe"sv,  "noembed"sv,  "noframes"sv};

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  for (std::string_view n : names)
    if (n == name) return true;
  return false;
}

bool name_char(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == ':' || c == '_'; }

// A simulated stack of open elements: counts per name so that an end tag that names no open
// element costs O(1) and is ignored, as gumbo ignores it.
class open_elements {
 public:
  std::size_t depth() const { return stack_.size(); }
  bool top_is(std::string_view name) const { return !stack_.empty() && stack_.back() == name; }
  bool is_open(const std::string& name) const {
    const auto it = counts_.find(name);
    return it != counts_.end() && it->second > 0;
  }
  void push(std::string name) {
    ++counts_[name];
    stack_.push_back(std::move(name));
  }
  // Pops up to and including the innermost `name` (which is open).
  void close(const std::string& name) {
    while (!stack_.empty()) {
      const bool found = stack_.back() == name;
      --counts_[stack_.back()];
      stack_.pop_back();
      if (found) return;
    }
  }

 private:
  std::vector<std::string> stack_;
  std::unordered_map<std::string, std::size_t> counts_;
};

// ------------------------------------------------------------------ gumbo, freed without recursion

// One gumbo parse whose every block is recorded, so that it is freed by walking a set rather
// than by gumbo_destroy_output, which recurses once per nesting level. Parse errors are not
// recorded (max_errors 0): gumbo copies the stack of open elements into each one, which is
// quadratic in time and memory on deep input, and nothing here reads them.
class gumbo_parse {
 public:
  explicit gumbo_parse(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &allocate;
    options.deallocator = &deallocate;
    options.userdata = this;
    options.max_errors = 0;
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  }
  ~gumbo_parse() {
    for (void* block : blocks_) std::free(block);  // NOLINT(cppcoreguidelines-no-malloc): gumbo's blocks
  }
  gumbo_parse(const gumbo_parse&) = delete;
  gumbo_parse& operator=(const gumbo_parse&) = delete;

  const GumboOutput& output() const { return *output_; }

 private:
  // Called from C: nothing may propagate. Out of memory ends the process, as gumbo's default
  // allocator (plain malloc, unchecked) would a moment later.
  static void* allocate(void* self, std::size_t size) noexcept {
    void* block = std::malloc(size);  // NOLINT(cppcoreguidelines-no-malloc): gumbo frees through deallocate
    if (block == nullptr) std::abort();
    try {
      static_cast<gumbo_parse*>(self)->blocks_.insert(block);
    } catch (...) {
      std::abort();
    }
    return block;
  }
  static void deallocate(void* self, void* block) noexcept {
    if (block == nullptr) return;
    static_cast<gumbo_parse*>(self)->blocks_.erase(block);
    std::free(block);  // NOLINT(cppcoreguidelines-no-malloc)
  }

  std::unordered_set<void*> blocks_;
  GumboOutput* output_ = nullptr;
};

// ------------------------------------------------------------------ body text and metadata

bool skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

struct html_walker {
  std::string out;
  bool pending_break = false;

  void text(std::string_view t) {
    for (char c : t) {
      if (is_space(c)) {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        continue;
      }
      if (pending_break) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty()) out += "\n\n";
        pending_break = false;
      }
      out += c;
    }
  }

  // Iterative, so that deeply nested input cannot exhaust the stack.
  void walk(const GumboNode* root) {
    struct frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<frame> stack{{root, 0}};
    while (!stack.empty()) {
      frame& f = stack.back();
      const GumboNode* node = f.node;
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        text(node->v.text.text);
        stack.pop_back();
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
          node->type != GUMBO_NODE_TEMPLATE) {
        stack.pop_back();
        continue;
      }
      const GumboVector& children =
          node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
      const bool element = node->type != GUMBO_NODE_DOCUMENT;
      if (f.next_child == 0 && element) {
        if (skipped_tag(node->v.element.tag)) {
          stack.pop_back();
          continue;
        }
        if (block_tag(node->v.element.tag)) pending_break = true;
      }
      if (f.next_child < children.length) {
        const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        stack.push_back({child, 0});
        continue;
      }
      if (element && block_tag(node->v.element.tag)) pending_break = true;
      stack.pop_back();
    }
  }
};

// <title> and the publication date from <meta> tags.
void html_metadata(const GumboNode* root, core::article& a) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      if (node->v.element.tag == GUMBO_TAG_BODY) continue;
      if (node->v.element.tag == GUMBO_TAG_TITLE && a.title.empty() && children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) a.title = std::string(trim(t->v.text.text));
      }
      if (node->v.element.tag == GUMBO_TAG_META) {
        const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "property");
        if (!name) name = gumbo_get_attribute(&node->v.element.attributes, "name");
        const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
        if (name && content) {
          const std::string key = lower(name->value);
          if (key == "article:published_time" || key == "og:published_time" || key == "date" ||
              key == "pubdate" || key == "publishdate" || key == "dc.date" ||
              key == "dc.date.issued" || key == "dcterms.date") {
            if (!a.published)
              if (auto d = core::parse_iso_day(content->value)) {
                a.published = d;
                a.published_from = core::date_source::metadata;
              }
          } else if (key == "og:url" && a.url.empty()) {
            a.url = content->value;
          } else if (key == "og:site_name" && a.source.empty()) {
            a.source = content->value;
          }
        }
      }
    }
    for (unsigned i = children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

}  // namespace

std::optional<std::size_t> html_too_deep(std::string_view html, std::size_t max_depth) {
  open_elements open;
  std::size_t line = 1;
  std::size_t i = 0;
  // Moves to `to` (at most the end), counting the lines passed.
  const auto advance = [&](std::size_t to) {
    to = std::min(to, html.size());
    for (; i < to; ++i)
      if (html[i] == '\n') ++line;
  };
  while (i < html.size()) {
    advance(html.find('<', i));
    if (i >= html.size()) break;
    advance(i + 1);
    const std::string_view rest = html.substr(i);
    if (rest.starts_with("!--")) {
      const std::size_t end = html.find("-->", i + 3);
      advance(end == std::string_view::npos ? end : end + 3);
      continue;
    }
    if (rest.starts_with("!") || rest.starts_with("?")) {  // doctype, CDATA, processing instruction
      const std::size_t end = html.find('>', i);
      advance(end == std::string_view::npos ? end : end + 1);
      continue;
    }
    const bool end_tag = rest.starts_with("/");
    if (end_tag) advance(i + 1);
    if (i >= html.size() || !is_alpha(html[i])) continue;  // a '<' in text
    std::string name;
    while (i < html.size() && name_char(html[i])) {
      name += to_lower(html[i]);
      advance(i + 1);
    }
    // The rest of the tag; quoted attribute values may hold '>'.
    char quote = 0;
    char previous = 0;
    while (i < html.size() && (quote != 0 || html[i] != '>')) {
      if (quote != 0 && html[i] == quote) quote = 0;
      else if (quote == 0 && (html[i] == '"' || html[i] == '\'')) quote = html[i];
      previous = html[i];
      advance(i + 1);
    }
    advance(i + 1);
    const bool self_closed = previous == '/';

    if (end_tag) {
      if (open.is_open(name)) open.close(name);
      continue;
    }
    if (one_of(name, void_elements)) continue;
    if (self_closed && (open.is_open("svg") || open.is_open("math"))) continue;
    // A <p>, <li>, <td>... directly inside one of its kind closes it; anywhere else it may not.
    if (open.top_is(name) &&
        (name == "p" || name == "li" || name == "dt" || name == "dd" || name == "option" ||
         name == "tr" || name == "td" || name == "th"))
      open.close(name);
    open.push(name);
    if (open.depth() > max_depth) return line;
    if (name == "plaintext") return std::nullopt;  // the rest of the page is text
    if (one_of(name, raw_text_elements)) {
      // Up to the matching end tag, whatever the case of its name.
      std::size_t end = i;
      while (end < html.size()) {
        end = html.find("</", end);
        if (end == std::string_view::npos || starts_with_ci(html.substr(end + 2), name)) break;
        end += 2;
      }
      advance(end);
    }
  }
  return std::nullopt;
}

core::article article_from_html(std::string_view html) {
  core::article a;
  const gumbo_parse parse{html};
  html_metadata(parse.output().document, a);
  html_walker w;
  w.walk(parse.output().root);
  a.text = std::move(w.out);
  return a;
}

}  // namespace diplograph::extract::detail
