#include "clusters.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace diplograph::store::detail {
namespace {

// An event with its grouping keys resolved; the views point into the cluster_input.
struct keyed {
  std::string_view source_id;
  std::string_view target_id;
  std::string_view root;
  cluster_event* event;  // its text moves into the evidence
  const cluster_article* article;

  bool dated() const { return event->date.known(); }
  // Group (source, target, root), then dated before undated, then the evidence order: day,
  // article id, content, sentence, and the insertion order within one article.
  auto order() const {
    return std::make_tuple(source_id, target_id, root, !dated(),
                           dated() ? event->date.value : core::calendar_day{},
                           std::string_view{article->id}, std::string_view{article->hash},
                           event->sentence, event->pk);
  }
  bool same_group(const keyed& o) const {
    return source_id == o.source_id && target_id == o.target_id && root == o.root;
  }
};

std::string_view root_of(std::string_view code) { return code.substr(0, 2); }

// The keys a cluster is listed by (the cluster itself stays in place until the end).
struct listed {
  bool undated = false;
  core::calendar_day first{};
  std::string_view source_id;
  std::string_view target_id;
  std::string_view root;
  std::string_view id;
  std::size_t index = 0;  // of the cluster

  auto order() const { return std::make_tuple(undated, first, source_id, target_id, root, id); }
};

// Reorders `items` in place so that item i becomes the one at `from[i]` (a permutation), by
// following its cycles: no second copy of the clusters is held.
template <typename T>
void permute(std::vector<T>& items, std::vector<std::size_t> from) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (from[i] == i) continue;
    T first = std::move(items[i]);
    std::size_t j = i;
    while (from[j] != i) {
      const std::size_t k = from[j];
      items[j] = std::move(items[k]);
      from[j] = j;
      j = k;
    }
    items[j] = std::move(first);
    from[j] = j;
  }
}

bool wanted(const keyed& head, const event_query& q) {
  if (!head.dated()) return !q.from && !q.to;
  const core::calendar_day first = head.event->date.value;
  if (q.from && first < *q.from) return false;
  if (q.to && *q.to < first) return false;
  return true;
}

core::event_cluster make_cluster(std::span<keyed> members, const cluster_input& in) {
  const keyed& head = members.front();
  const cluster_event& h = *head.event;
  core::event_cluster c;
  if (head.dated()) {
    c.first = h.date.value;
    c.last = members.back().event->date.value;  // members are in date order
  }
  if (h.source) c.source = in.actors[*h.source].actor;
  if (h.target) c.target = in.actors[*h.target].actor;
  c.root = std::string{head.root};
  c.id = cluster_id(head.source_id, head.target_id, head.root,
                    head.dated() ? core::to_iso(h.date.value) : std::string{},
                    head.dated() ? std::string_view{} : std::string_view{head.article->hash});

  std::map<std::string_view, std::size_t> codes;
  std::vector<std::size_t> articles;
  std::vector<std::string_view> publishers;
  double goldstein_sum = 0.0;
  std::size_t goldstein_count = 0;
  c.mentions.reserve(members.size());
  for (const keyed& k : members) {
    cluster_event& e = *k.event;
    ++codes[e.code];
    articles.push_back(e.article);
    if (!k.article->publisher.empty()) publishers.push_back(k.article->publisher);
    if (std::isfinite(e.goldstein)) {
      goldstein_sum += e.goldstein;
      ++goldstein_count;
    }
    c.num_mentions += e.mentions;
    core::cluster_mention m;
    m.article = core::article_id{k.article->id};
    m.url = k.article->url;
    m.publisher = k.article->publisher;
    m.sentence = e.sentence;
    m.text = std::move(e.text);  // each event is evidence of one cluster only
    m.date = e.date;
    m.code = e.code;
    m.goldstein = e.goldstein;
    m.mentions = e.mentions;
    c.mentions.push_back(std::move(m));
  }
  std::size_t best = 0;
  for (const auto& [code, n] : codes) {  // ascending, so a tie keeps the lowest code
    if (n > best) {
      best = n;
      c.code = std::string{code};
    }
  }
  for (const keyed& k : members) {
    if (k.event->code == c.code) {
      c.quad = k.event->quad;
      break;
    }
  }
  c.goldstein = goldstein_count > 0 ? goldstein_sum / static_cast<double>(goldstein_count)
                                    : std::numeric_limits<double>::quiet_NaN();
  std::sort(articles.begin(), articles.end());
  std::sort(publishers.begin(), publishers.end());
  c.num_events = members.size();
  c.num_articles = static_cast<std::size_t>(
      std::unique(articles.begin(), articles.end()) - articles.begin());
  c.num_sources = static_cast<std::size_t>(
      std::unique(publishers.begin(), publishers.end()) - publishers.begin());
  return c;
}

}  // namespace

std::string cluster_id(std::string_view source_id, std::string_view target_id,
                       std::string_view root, std::string_view first_day,
                       std::string_view content_hash) {
  std::string key;
  key.reserve(source_id.size() + target_id.size() + root.size() + first_day.size() +
              content_hash.size() + 4);
  for (std::string_view part : {source_id, target_id, root, first_day}) {
    key.append(part);
    key.push_back('\0');
  }
  key.append(content_hash);
  XXH64_canonical_t canonical{};
  XXH64_canonicalFromHash(&canonical, XXH3_64bits(key.data(), key.size()));
  constexpr std::string_view digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof canonical.digest);
  for (unsigned char byte : canonical.digest) {
    hex.push_back(digits[byte >> 4]);
    hex.push_back(digits[byte & 0x0f]);
  }
  return hex;
}

std::vector<core::event_cluster> cluster_events(cluster_input in, const event_query& q,
                                                int window_days) {
  if (window_days < 0) {
    throw std::invalid_argument("the cluster window must be 0 days or more, not " +
                                std::to_string(window_days));
  }
  const auto actor_id = [&](const std::optional<std::size_t>& a) {
    return a ? std::string_view{in.actors[*a].id} : std::string_view{};
  };
  std::vector<keyed> order;
  order.reserve(in.events.size());
  for (cluster_event& e : in.events) {
    order.push_back(
        {actor_id(e.source), actor_id(e.target), root_of(e.code), &e, &in.articles[e.article]});
  }
  std::sort(order.begin(), order.end(),
            [](const keyed& a, const keyed& b) { return a.order() < b.order(); });

  const core::calendar_day::rep window = window_days;
  std::vector<core::event_cluster> out;
  std::vector<listed> keys;
  for (std::size_t begin = 0; begin < order.size();) {
    // The cluster starting at `begin` runs while the group stays the same and, for dated events,
    // each gap is within the window or, for undated ones, the article stays the same.
    std::size_t end = begin + 1;
    while (end < order.size() && order[end].same_group(order[begin]) &&
           order[end].dated() == order[begin].dated()) {
      const keyed& previous = order[end - 1];
      const keyed& next = order[end];
      if (next.dated()) {
        if ((next.event->date.value - previous.event->date.value).count() > window) break;
      } else if (next.event->article != previous.event->article) {
        break;
      }
      ++end;
    }
    const keyed& head = order[begin];
    if (wanted(head, q)) {
      out.push_back(make_cluster(std::span<keyed>{order}.subspan(begin, end - begin), in));
      listed l;
      l.undated = !head.dated();
      l.first = head.dated() ? head.event->date.value : core::calendar_day{};
      l.source_id = head.source_id;
      l.target_id = head.target_id;
      l.root = head.root;
      l.index = out.size() - 1;
      keys.push_back(l);
    }
    begin = end;
  }
  for (listed& l : keys) l.id = out[l.index].id;  // `out` no longer grows
  std::sort(keys.begin(), keys.end(),
            [](const listed& a, const listed& b) { return a.order() < b.order(); });
  std::vector<std::size_t> from(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].index;
  keys.clear();
  permute(out, std::move(from));
  return out;
}

}  // namespace diplograph::store::detail
