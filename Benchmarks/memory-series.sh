#!/usr/bin/env bash
# Interleaved cold and warm `sop status` of two binaries on one history repository, with peak memory
# (docs/benchmarks.md): per round `git log --name-only`, then for OLD and then NEW a cold status (cache deleted
# first) followed by a warm one. Each cell: wall seconds (user+system CPU seconds, peak RSS).
#
#   BENCH_DIR=/tmp/speed2-scale Benchmarks/memory-series.sh OLD_SOP NEW_SOP [ROUNDS] [REPOSITORY]
#
# REPOSITORY is a folder of BENCH_DIR holding repo/ and home/ (default history-20000, made by scaling.sh).
set -euo pipefail
old=$1 new=$2 rounds=${3:-3} name=${4:-history-20000}
dir=${BENCH_DIR:-/tmp/speed2-scale}/$name
repo=$dir/repo
export HOME=$dir/home GIT_CONFIG_NOSYSTEM=1
times=$(mktemp)
t() {
  /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" >/dev/null 2>&1 || true
  tail -1 "$times" | awk '{printf "%.2f s (%.2f, %d MB)", $1, $2+$3, $4/1024}'
}
pair() {
  rm -f "$repo/.git/sop/ledger-cache"
  echo "$(t "$1" -C "$repo" status --format json)|$(t "$1" -C "$repo" status --format json)"
}
echo "| round | git log --name-only | old cold | new cold | old warm | new warm |"
echo "|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  g=$(t git -C "$repo" log --name-only)
  IFS='|' read -r oc ow <<<"$(pair "$old")"
  IFS='|' read -r nc nw <<<"$(pair "$new")"
  echo "| $round | $g | $oc | $nc | $ow | $nw |"
done
rm -f "$times"
