// Usage: build/release/bench/diplograph_bench --benchmark_filter='graph|write'
// Building the actor graph from N synthetic events, and writing it as GraphML and DOT to a
// stream that only counts bytes. N = 10k and 100k; the events are generated outside the timing.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <utility>
#include <vector>

#include "bench_data.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"

namespace diplograph::bench {
namespace {

graph::snapshot build_snapshot(const std::vector<core::event>& events) {
  graph::actor_graph g;
  for (const auto& e : events) g.add(e);
  return g.snapshot();
}

void bm_graph_build(benchmark::State& state) {
  const auto events = synthetic_events(static_cast<std::size_t>(state.range(0)));
  graph::snapshot last;
  for (auto _ : state) {
    auto snap = build_snapshot(events);
    benchmark::DoNotOptimize(snap.edges.data());
    state.PauseTiming();  // freeing the previous snapshot is not part of building one
    last = std::move(snap);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["nodes"] = static_cast<double>(last.nodes.size());
  state.counters["edges"] = static_cast<double>(last.edges.size());
}
BENCHMARK(bm_graph_build)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

template <typename Writer>
void write_graph(benchmark::State& state, Writer write) {
  const auto snap = build_snapshot(synthetic_events(static_cast<std::size_t>(state.range(0))));
  std::size_t bytes = 0;
  for (auto _ : state) {
    counting_stream out;
    write(out, snap);
    bytes = out.bytes();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(snap.nodes.size() + snap.edges.size()));
  state.counters["file_bytes"] = static_cast<double>(bytes);
}

void bm_write_graphml(benchmark::State& state) {
  write_graph(state,
              [](std::ostream& out, const graph::snapshot& s) { exporter::write_graphml(out, s); });
}
BENCHMARK(bm_write_graphml)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void bm_write_dot(benchmark::State& state) {
  write_graph(state,
              [](std::ostream& out, const graph::snapshot& s) { exporter::write_dot(out, s); });
}
BENCHMARK(bm_write_dot)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace diplograph::bench
