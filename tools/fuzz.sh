#!/usr/bin/env bash
# Fuzzes every target of the `fuzz` preset (libFuzzer, clang, ASan+UBSan) for SECONDS each
# (default 60), one target at a time. Inputs that reach new code are kept in
# fuzz/corpus/<target>/ (minimised with libFuzzer's -merge afterwards); a crash, a timeout
# (an input taking over 10 s) or an out-of-memory (over 2 GiB) is saved in
# fuzz/crashes/<target>/, where CTest replays it forever after. Not run in CI: CI replays the
# saved corpora and crashes with the normal builds (label `fuzz`).
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]     e.g. tools/fuzz.sh 300 fuzz_ingest_html
# Prints one line per target: seconds, executions, corpus size, and what it found. Exits 1 when
# anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
tools/setup.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${DIPLOGRAPH_FUZZ_BUILD_JOBS:-1}" --target diplograph_fuzz_targets

bin=build/fuzz/fuzz
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for t in fuzz/fuzz_*.cpp; do
    t=$(basename "$t" .cpp)
    [[ -x $bin/$t ]] && targets+=("$t")
  done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export TZ=${TZ:-LINT-14}
logs=build/fuzz/logs
mkdir -p "$logs"
found=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  crashes=fuzz/crashes/$t
  mkdir -p "$corpus" "$crashes"
  before=$(find "$crashes" -type f | wc -l)
  start=$(date +%s)
  status=0
  "$bin/$t" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$logs/$t.log" 2>&1 || status=$?
  took=$(($(date +%s) - start))
  # Keep the corpus minimal: only inputs that add coverage survive the merge.
  merged=$(mktemp -d)
  "$bin/$t" -merge=1 "$merged" "$corpus" >"$logs/$t.merge.log" 2>&1 &&
    rm -rf "$corpus" && mv "$merged" "$corpus" && chmod 755 "$corpus" || rm -rf "$merged"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  new=$(($(find "$crashes" -type f | wc -l) - before))
  result="ok"
  if [[ $status -ne 0 || $new -gt 0 ]]; then
    result="FOUND $new new file(s) in $crashes (exit $status; see $logs/$t.log)"
    found=1
  fi
  printf '%-20s %5ss %10s runs %6s corpus files  %s\n' "$t" "$took" "$runs" \
    "$(find "$corpus" -type f | wc -l)" "$result"
done
exit $found
