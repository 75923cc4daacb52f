#!/usr/bin/env bash
# Interleaved series of sop against doorstop on the 5,000-document publish benchmark: round after round, a first
# publish of a fresh tag, then `doorstop publish all OUT --html` of the same documents. Prints wall, CPU and peak
# memory of each.
#
#   Benchmarks/publish-peer-series.sh SOP [ROUNDS]   (repositories from Benchmarks/generate.py publish and peers)
set -euo pipefail
sop=$1 rounds=${2:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$bench/publish" ] || python3 "$root/Benchmarks/generate.py" publish "$bench/publish"
[ -d "$bench/doorstop" ] || python3 "$root/Benchmarks/generate.py" peers "$bench"
command -v doorstop >/dev/null || { echo "install doorstop: pip install --break-system-packages doorstop" >&2; exit 2; }
repo="$bench/publish/repo"
export HOME="$bench/publish/home" GIT_CONFIG_NOSYSTEM=1
times=$(mktemp)
trap 'rm -f "$times"' EXIT
report() {
  read -r wall user system peak <"$times"
  python3 -c "print(f'{$wall:.2f} s wall, {$user + $system:.2f} s CPU, {$peak / 1024:.0f} MB')"
}
for round in $(seq "$rounds"); do
  git -C "$repo" tag -l 'published/*' | xargs -r git -C "$repo" tag -d >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$times" \
    "$sop" -C "$repo" publish --key "$HOME/alice" --out "$bench/publish/site-peer" >/dev/null 2>&1
  s=$(report)
  out=$(mktemp -d)
  (cd "$bench/doorstop" && /usr/bin/time -f "%e %U %S %M" -o "$times" doorstop publish all "$out" --html >/dev/null 2>&1)
  d=$(report)
  rm -rf "$out"
  echo "round $round: sop $s | doorstop $d"
done
