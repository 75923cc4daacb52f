#!/usr/bin/env bash
# Interleaved publish series of two sop binaries on the 5,000-document publish benchmark, so that both see the
# same load: round after round, OLD then NEW, each on a fresh tag. Prints wall and user+system CPU seconds and
# peak memory.
#
#   Benchmarks/publish-series.sh OLD_SOP NEW_SOP [ROUNDS]      (repository from Benchmarks/generate.py publish)
set -euo pipefail
old=$1 new=$2 rounds=${3:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$bench/publish" ] || python3 "$root/Benchmarks/generate.py" publish "$bench/publish"
repo="$bench/publish/repo"
export HOME="$bench/publish/home" GIT_CONFIG_NOSYSTEM=1
times=$(mktemp)
once() {
  git -C "$repo" tag -l 'published/*' | xargs -r git -C "$repo" tag -d >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$times" \
    "$1" -C "$repo" publish --key "$bench/publish/home/alice" --out "$bench/publish/site-$2" >/dev/null 2>&1
  read -r wall user system peak <"$times"
  python3 -c "print(f'{$wall:.2f} s wall, {$user + $system:.2f} s CPU, {$peak / 1024:.0f} MB')"
}
for round in $(seq "$rounds"); do
  o=$(once "$old" old)
  n=$(once "$new" new)
  echo "round $round: old $o | new $n"
done
rm -f "$times"
