#pragma once
// Usage: article_id a{"reuters-1"}; a.value() -> "reuters-1".
// Strong identifiers so an article id cannot be passed where an actor id is expected.

#include <compare>
#include <functional>
#include <string>
#include <utility>

namespace diplograph::core {

template <typename Tag>
class strong_id {
 public:
  strong_id() = default;
  explicit strong_id(std::string value) : value_(std::move(value)) {}
  const std::string& value() const { return value_; }
  bool empty() const { return value_.empty(); }
  auto operator<=>(const strong_id&) const = default;

 private:
  std::string value_;
};

struct article_tag {};
struct actor_tag {};
using article_id = strong_id<article_tag>;
// An actor id is its CAMEO-style code ("SYRGOV", "IGOUNO") or, for actors without one, a
// stable name key ("~syrian democratic forces").
using actor_id = strong_id<actor_tag>;

}  // namespace diplograph::core

template <typename Tag>
struct std::hash<diplograph::core::strong_id<Tag>> {
  std::size_t operator()(const diplograph::core::strong_id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.value());
  }
};
