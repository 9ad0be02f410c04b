#pragma once
// Usage:
//   write_atomically(dir / "graph.graphml", [&](std::ostream& f) { exporter::write_graphml(f, g); });
//   write_output(o.output, out, [&](std::ostream& f) { ... });   // "" or "-": to `out`
// Where the verbs write their files: through a temporary file and a rename, so readers never
// see half a file.

#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>

namespace diplograph::cli {

// Calls write(stream) on `file`.tmp, then renames it to `file`. Throws std::runtime_error when
// the file cannot be written (the disk is full, the folder is missing).
template <typename Writer>
void write_atomically(const std::filesystem::path& file, Writer&& write) {
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
    write(f);
    f.flush();
    if (!f) throw std::runtime_error("cannot write " + tmp.string() + " (disk full?)");
  }
  std::filesystem::rename(tmp, file);
}

// To `out` (flushed) when `output` is "" or "-", else write_atomically to the file `output`.
template <typename Writer>
void write_output(const std::string& output, std::ostream& out, Writer&& write) {
  if (output.empty() || output == "-") {
    write(out);
    out.flush();
  } else {
    write_atomically(output, write);
  }
}

}  // namespace diplograph::cli
