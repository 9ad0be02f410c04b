#include "fuzz_graph.hpp"

#include <array>
#include <optional>
#include <string>

#include "diplograph/graph/metrics.hpp"

namespace diplograph::fuzz {

fuzz_graph graph_from(input& in) {
  static constexpr std::array codes{"010", "042", "051", "112", "138", "190", "20", "0874"};
  std::vector<core::actor> actors(1 + in.byte() % 6);
  for (core::actor& a : actors) {
    a.code = in.text(12);
    a.name = in.text(24);
    a.country = in.text(4);
    a.kind = static_cast<core::actor_kind>(in.byte() % 9);
  }
  // An actor index, or none for the value past the last actor.
  const auto pick = [&](std::uint8_t b) -> std::optional<core::actor> {
    const std::size_t i = b % (actors.size() + 1);
    if (i == actors.size()) return std::nullopt;
    return actors[i];
  };
  fuzz_graph g;
  const std::size_t events = in.byte() % 13;
  for (std::size_t i = 0; i < events; ++i) {
    core::event e;
    e.source = pick(in.byte());
    e.target = pick(in.byte());
    e.article = core::article_id{in.text(10)};
    const std::uint8_t flags = in.byte();
    e.code = codes[flags % codes.size()];
    e.goldstein = static_cast<double>(static_cast<int>(in.byte() % 201) - 100) / 10.0;
    e.quad = static_cast<core::quad_class>(1 + (flags >> 3) % 4);
    if ((flags & 0x80) != 0)
      e.date = {in.day(), core::date_precision::day};
    e.text = in.text(40);
    g.events.push_back(std::move(e));
  }
  const std::size_t stances = in.byte() % 4;
  for (std::size_t i = 0; i < stances; ++i) {
    core::stance s;
    s.holder = actors[in.byte() % actors.size()];
    s.article = core::article_id{in.text(10)};
    s.issue = in.text(12);
    s.issue_label = in.text(16);
    s.polarity = (in.byte() & 1) != 0 ? core::polarity::support : core::polarity::oppose;
    g.stances.push_back(std::move(s));
  }
  graph::actor_graph builder;
  for (const core::event& e : g.events) builder.add(e);
  for (const core::stance& s : g.stances) builder.add(s);
  g.snapshot = builder.snapshot();
  graph::add_metrics(g.snapshot);
  return g;
}

}  // namespace diplograph::fuzz
