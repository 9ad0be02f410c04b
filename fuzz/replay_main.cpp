// Replays fuzz inputs without libFuzzer, for the normal (GCC) builds: every regular file of
// the directories given (recursively, in sorted order; a missing directory holds nothing) or
// every file given is fed once to the target's LLVMFuzzerTestOneInput. A failed property or a
// sanitizer report aborts the process, so a reproducer in fuzz/crashes/ that crashes again
// fails its CTest test. Usage: fuzz_<target> [--nonempty] DIR_OR_FILE...; with --nonempty (the
// corpus replays), finding no input at all is a failure: the seeds are missing.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_under(const fs::path& where) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(where, ec)) return {where};
  if (!fs::is_directory(where, ec)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(where, ec))
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  const bool nonempty = argc > 1 && std::string_view{argv[1]} == "--nonempty";
  const int first = nonempty ? 2 : 1;
  if (argc <= first) {
    std::fprintf(stderr, "usage: %s [--nonempty] DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  std::size_t replayed = 0;
  for (int i = first; i < argc; ++i) {
    for (const fs::path& file : inputs_under(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::error_code ec;
      if (!in && !fs::exists(file, ec)) continue;  // removed since listed (a fuzzer merging)
      if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 1;
      }
      const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      std::fprintf(stderr, "%s\n", file.c_str());  // the last one named is the culprit of a crash
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),  // NOLINT
                             bytes.size());
      ++replayed;
    }
  }
  std::printf("replayed %zu inputs\n", replayed);
  if (nonempty && replayed == 0) {
    std::fprintf(stderr, "no input to replay: the corpus is missing\n");
    return 1;
  }
  return 0;
}
