#!/usr/bin/env bash
# Scores diplograph against the shared evaluation sets (../shared next to this clone).
# Usage: tools/eval.sh [SET...]     sets: timex (default: all)
# Builds build/release/cli/diplograph when it is missing. Skips cleanly without ../shared.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
bin="$root/build/release/cli/diplograph"

if [[ ! -d "$shared" ]]; then
  echo "eval: $shared is absent; nothing to score (skipped)"
  exit 0
fi

ensure_binary() {
  # Brings the release binary up to date (a no-op when it is); an existing binary is used when
  # the build fails.
  if ! (cd "$root" && { [[ -f build/release/CMakeCache.txt ]] || cmake --preset release >/dev/null; } &&
        cmake --build build/release --target diplograph -j1 >/dev/null); then
    [[ -x "$bin" ]] || { echo "eval: cannot build $bin" >&2; exit 1; }
    echo "eval: build failed; scoring the existing $bin" >&2
  fi
}

# TIMEX3 tagging and normalisation on TimeBank/AQUAINT: relaxed and strict F1, value accuracy,
# and value F1 = relaxed F1 x value accuracy (TempEval-3). Goal: value F1 >= 0.85.
eval_timex() {
  local gold="$shared/eval/dates/timebank_aquaint.jsonl"
  if [[ ! -f "$gold" ]]; then
    echo "timex: $gold is absent (skipped)"
    return 0
  fi
  echo "== timex: $(basename "$gold")"
  DIPLOGRAPH="$bin" python3 "$shared/tools/score.py" timex "$gold"
}

sets=("$@")
[[ ${#sets[@]} -eq 0 ]] && sets=(timex)
ensure_binary
for s in "${sets[@]}"; do
  case "$s" in
    timex) eval_timex ;;
    *) echo "eval: unknown set '$s' (known: timex)" >&2; exit 2 ;;
  esac
done
