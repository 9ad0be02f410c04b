#!/usr/bin/env bash
# Installs what diplograph needs on Debian 12, and nothing when it is all there.
# Usage: tools/setup.sh [--test] [--fuzz]   (--test adds the real clients the tests validate
# against and the libraries the fuzz replays link; --fuzz adds clang and its libFuzzer and
# sanitizer runtimes for the fuzz preset)
# Runs apt-get as root, or through sudo for other users.
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config
  libboost-graph-dev libsqlitecpp-dev libsqlite3-dev libhowardhinnant-date-dev
  libsimdjson-dev libcli11-dev libgumbo-dev libxxhash-dev libgtest-dev)
for option in "$@"; do
  case "$option" in
    --test)
      packages+=(libxml2-utils graphviz python3 python3-networkx python3-scipy python3-igraph sqlite3
        libbenchmark-dev tzdata chromium jing libxml2-dev libgraphviz-dev) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev libxml2-dev libgraphviz-dev) ;;
    *) echo "setup: unknown option $option (use --test, --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "setup: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
