// Usage: build/release/bench/diplograph_scale N [SEED] [--tsv FILE] [--out DIR]
// The graph stage at scale: N synthetic events (bench::synthetic_events, a fixed seed) into the
// actor graph, node metrics, then GraphML and GEXF 1.3 files. Prints one "phase<TAB>seconds"
// line per stage, then "nodes", "edges" and the file sizes. With --tsv, first writes the same
// events as TSV (source, target, code, quad, goldstein, date) for the networkx baseline
// (bench/networkx_baseline.py); that writing is not timed. bench/run drives it.

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "diplograph/export/gexf.hpp"
#include "diplograph/export/writers.hpp"
#include "diplograph/graph/actor_graph.hpp"
#include "diplograph/graph/metrics.hpp"

namespace {

using namespace diplograph;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

void write_tsv(const std::filesystem::path& file, const std::vector<core::event>& events) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  std::string line;
  for (const auto& e : events) {
    line.clear();
    line += e.source ? e.source->id().value() : std::string();
    line += '\t';
    line += e.target ? e.target->id().value() : std::string();
    line += '\t';
    line += e.code;
    line += '\t';
    line += std::to_string(static_cast<int>(e.quad));
    line += '\t';
    line += std::to_string(e.goldstein);
    line += '\t';
    line += e.date.known() ? core::to_iso(e.date) : std::string();
    line += '\n';
    out << line;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: diplograph_scale N [SEED] [--tsv FILE] [--out DIR]\n";
    return 2;
  }
  const std::size_t n = std::strtoull(argv[1], nullptr, 10);
  std::uint32_t seed = 20190314U;
  std::filesystem::path tsv, out_dir = std::filesystem::temp_directory_path();
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--tsv" && i + 1 < argc) tsv = argv[++i];
    else if (arg == "--out" && i + 1 < argc) out_dir = argv[++i];
    else seed = static_cast<std::uint32_t>(std::strtoul(argv[i], nullptr, 10));
  }

  auto t0 = clock_type::now();
  const auto events = bench::synthetic_events(n, seed);
  std::cout << "generate\t" << seconds_since(t0) << '\n';
  if (!tsv.empty()) write_tsv(tsv, events);

  t0 = clock_type::now();
  graph::actor_graph g;
  for (const auto& e : events) g.add(e);
  auto snap = g.snapshot();
  std::cout << "graph\t" << seconds_since(t0) << '\n';

  t0 = clock_type::now();
  graph::add_metrics(snap);
  std::cout << "metrics\t" << seconds_since(t0) << '\n';

  const auto graphml = out_dir / "scale.graphml";
  t0 = clock_type::now();
  {
    std::ofstream f(graphml, std::ios::binary | std::ios::trunc);
    exporter::write_graphml(f, snap);
  }
  std::cout << "graphml\t" << seconds_since(t0) << '\n';

  const auto gexf = out_dir / "scale.gexf";
  t0 = clock_type::now();
  {
    std::ofstream f(gexf, std::ios::binary | std::ios::trunc);
    exporter::write_gexf(f, snap, events, exporter::gexf_options{});
  }
  std::cout << "gexf\t" << seconds_since(t0) << '\n';

  std::cout << "nodes\t" << snap.nodes.size() << "\nedges\t" << snap.edges.size() << "\ngraphml_bytes\t"
            << std::filesystem::file_size(graphml) << "\ngexf_bytes\t" << std::filesystem::file_size(gexf) << '\n';
  std::filesystem::remove(graphml);
  std::filesystem::remove(gexf);
  return 0;
}
