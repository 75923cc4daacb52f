#!/usr/bin/env bash
# How status grows with history: `history` repositories of 1,000, 5,000 and 20,000 documents with three
# commits per document (Benchmarks/generate.py history DIR --documents N --commits 3N, unsigned edits), each
# timed best of 3 by wall time: `git log --name-only`, cold `sop status --format json` (cache deleted first)
# and warm (the cache of the same tip). Cells: wall seconds (user+system CPU seconds, peak RSS in MB from
# `/usr/bin/time -f %M`).
#
#   Benchmarks/scaling.sh SOP [SIZES...]
set -euo pipefail
sop=$1; shift
sizes=${*:-1000 5000 20000}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
times=$(mktemp)
# best of 3 by wall time: "wall cpu rss"
best() {
  local result=""
  for _ in 1 2 3; do
    [ -n "${before:-}" ] && eval "$before"
    /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" >/dev/null 2>&1 || true
    local line
    line=$(tail -1 "$times" | awk '{printf "%.2f %.2f %d", $1, $2+$3, $4/1024}')
    if [ -z "$result" ] || awk -v a="${line%% *}" -v b="${result%% *}" 'BEGIN{exit !(a<b)}'; then result=$line; fi
  done
  echo "$result"
}
cell() { awk '{printf "%.2f s (%.2f, %d MB)", $1, $2, $3}' <<<"$1"; }
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN{printf "%.1f×", a/b}'; }
echo "| documents | commits | git log --name-only | status, cold | status, warm | cold ÷ git | warm ÷ git |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  dir="$bench/history-$n"
  [ -d "$dir" ] || python3 "$root/Benchmarks/generate.py" history "$dir" --documents "$n" --commits $((3 * n)) >/dev/null
  repo="$dir/repo"
  export HOME="$dir/home" GIT_CONFIG_NOSYSTEM=1
  commits=$(git -C "$repo" rev-list --count HEAD)
  before="" gitlog=$(best git -C "$repo" log --name-only)
  before="rm -f '$repo/.git/sop/ledger-cache'" cold=$(best "$sop" -C "$repo" status --format json)
  "$sop" -C "$repo" status --format json >/dev/null 2>&1 || true
  before="" warm=$(best "$sop" -C "$repo" status --format json)
  echo "| $n | $commits | $(cell "$gitlog") | $(cell "$cold") | $(cell "$warm") | $(ratio "$cold" "$gitlog") | $(ratio "$warm" "$gitlog") |"
done
rm -f "$times"
