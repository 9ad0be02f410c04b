#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run `diplograph build` on
# the bundled fixture articles. Outputs land in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target diplograph
rm -f out/diplograph.db out/diplograph.db-wal out/diplograph.db-shm
mkdir -p out
build/release/cli/diplograph build fixtures/articles --db out/diplograph.db -o out
echo
echo "Open out/graph.graphml in Gephi, render out/graph.dot with Graphviz (dot -Tsvg out/graph.dot -o graph.svg),"
echo "read out/timeline.md, or load out/events.csv in a spreadsheet."
