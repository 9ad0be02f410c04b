#!/usr/bin/env bash
# The README's second command: install what is missing (including the real clients the export
# tests validate against), build with -Werror, run the whole suite; then again under ASan+UBSan
# with TZ set to a zone far from UTC. Set DIPLOGRAPH_SKIP_SANITIZE=1 to run only the first pass.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --test
jobs=$(nproc)

cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
TZ=LINT-14 ctest --preset ci -j "$jobs"

if [[ "${DIPLOGRAPH_SKIP_SANITIZE:-0}" != 1 ]]; then
  cmake --preset sanitize >/dev/null
  cmake --build --preset sanitize -j "$jobs"
  TZ=LINT-14 ctest --preset sanitize -j "$jobs"
fi
