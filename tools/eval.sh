#!/usr/bin/env bash
# Scores diplograph against the shared evaluation sets (../shared next to this clone).
# Usage: tools/eval.sh [SET...]     sets: seed, actors, petr2, plover, petrarch, timex (default: all)
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

score() {  # score KIND FILE [BINARY]
  local kind=$1 gold=$2 binary=${3:-$bin}
  if [[ ! -f "$gold" ]]; then
    echo "$kind: $gold is absent (skipped)"
    return 0
  fi
  echo "== $kind: $(basename "$gold")"
  DIPLOGRAPH="$binary" python3 "$shared/tools/score.py" "$kind" "$gold" | grep -vE '^  (FP|MISS|DATE) ' || true
}

# The seed article: required dyads with dates, and unexpected events (goal: 7 of 7, <= 1).
eval_seed() { score articles "$shared/eval/articles/seed_gold.json"; }
# NGEC actor strings: country and first role (goal >= 0.90).
eval_actors() { score actors "$shared/eval/actors/ngec_actor_resolution_dev.jsonl"; }
# PETRARCH-2 validation sentences: dyad + root F1.
eval_petr2() { score events "$shared/eval/events/petr2_gsr_validation.jsonl"; }
# PLOVER gold records: dyad + PLOVER category F1.
eval_plover() { score events "$shared/eval/events/plover_gsr_dev.jsonl"; }
# PETRARCH's unit tests with their own dictionaries (fictional countries), imported at run time.
eval_petrarch() {
  local dicts="$shared/dictionaries/petrarch-validate" wrapper
  wrapper="$(mktemp)"
  trap 'rm -f "$wrapper"' RETURN
  printf '#!/bin/sh\nverb=$1; shift\nexec "%s" "$verb" --dict-format petrarch --dict "%s" "$@"\n' "$bin" "$dicts" >"$wrapper"
  chmod +x "$wrapper"
  score events "$shared/eval/events/petrarch_unittest_records.jsonl" "$wrapper"
}

sets=("$@")
[[ ${#sets[@]} -eq 0 ]] && sets=(seed actors petr2 plover petrarch timex)
ensure_binary
for s in "${sets[@]}"; do
  case "$s" in
    seed) eval_seed ;;
    actors) eval_actors ;;
    petr2) eval_petr2 ;;
    plover) eval_plover ;;
    petrarch) eval_petrarch ;;
    timex) eval_timex ;;
    *) echo "eval: unknown set '$s' (known: seed actors petr2 plover petrarch timex)" >&2; exit 2 ;;
  esac
done
