#!/usr/bin/env bash
# `sop approve` against `sop status` on a 20,000-commit history (Benchmarks/generate.py long: the signed
# repository with unsigned edits appended). Per round, at the same tip T: `git log --name-only`, status cold
# (no cache), status warm (T's cache), approve without a cache (it walks everything: what approve did before
# it read the cache), approve from T's cache, approve from the cache of T's parent (carried on over one
# commit, as after someone else's edit), and the status after that approval. Every approve starts from T
# again (branch, checkpoints and cache put back) and signs the same draft with Alice's key. Each cell: wall
# seconds (user+system CPU seconds).
#
#   Benchmarks/approve-series.sh SOP [ROUNDS]
set -euo pipefail
sop=$1 rounds=${2:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$bench/long"
if [ ! -d "$dir" ]; then
  [ -d "$bench/signed" ] || python3 "$root/Benchmarks/generate.py" signed "$bench/signed"
  python3 "$root/Benchmarks/generate.py" long "$dir" --from "$bench/signed"
fi
repo="$dir/repo" id=$(cat "$dir/approve-id")
export HOME="$dir/home" GIT_CONFIG_NOSYSTEM=1
cache="$repo/.git/sop/ledger-cache" checkpoints="$repo/.git/sop/checkpoints"
tip=$(git -C "$repo" rev-parse HEAD)
saved=$(mktemp -d)
times="$saved/times"
t() { /usr/bin/time -f "%e %U %S" -o "$times" "$@" >/dev/null 2>&1 || true; tail -1 "$times" | awk '{printf "%.2f s (%.2f)", $1, $2+$3}'; }
# The caches of T's parent and of T, and the checkpoints as they are after judging both (from none: a
# checkpoint an earlier series left, such as a commit approved there, would change the order of history).
rm -f "$checkpoints"
git -C "$repo" update-ref refs/heads/main "$tip~1"
rm -f "$cache"; "$sop" -C "$repo" status --format json >/dev/null || true; cp "$cache" "$saved/parent"
git -C "$repo" update-ref refs/heads/main "$tip"
rm -f "$cache"; "$sop" -C "$repo" status --format json >/dev/null || true; cp "$cache" "$saved/tip"
cp "$checkpoints" "$saved/checkpoints"
at_tip() {
  cp "$saved/checkpoints" "$checkpoints"
  git -C "$repo" update-ref refs/heads/main "$tip"
  if [ -n "$1" ]; then cp "$saved/$1" "$cache"; else rm -f "$cache"; fi
}
approve() {
  at_tip "$1"
  t "$sop" -C "$repo" approve "$id" --yes --key "$dir/home/alice"
  [ "$(git -C "$repo" rev-parse HEAD~1)" = "$tip" ] || { echo "approve failed" >&2; exit 1; }
}
echo "| round | git log --name-only | status, cold | status, warm | approve, no cache | approve, cache of T | approve, cache of T~1 | status after |"
echo "|---|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  gitlog=$(t git -C "$repo" log --name-only)
  at_tip ""; cold=$(t "$sop" -C "$repo" status --format json)
  at_tip tip; warm=$(t "$sop" -C "$repo" status --format json)
  walked=$(approve "")
  fromtip=$(approve tip)
  fromparent=$(approve parent)
  after=$(t "$sop" -C "$repo" status --format json)
  echo "| $round | $gitlog | $cold | $warm | $walked | $fromtip | $fromparent | $after |"
done
at_tip tip
rm -rf "$saved"
