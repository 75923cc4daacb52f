#!/usr/bin/env bash
# Interleaved series for the incremental ledger cache (docs/benchmarks.md): a copy of a status benchmark
# repository (Benchmarks/generate.py signed or history) gets its ledger cache written at its tip T0, then
# EDITS edits of QP-00007 on top, each followed (signed repository) by its two signed approvals, made with
# stock git. Per round: `git log --name-only`; status resumed from T0's cache (the new commits only); status
# cold (no cache: the whole history); status warm (the new tip's cache). The resumed and cold outputs are
# compared byte for byte. Each cell: wall seconds (user+system CPU seconds).
#
#   Benchmarks/incremental-series.sh SOP [signed|history] [ROUNDS] [EDITS]
set -euo pipefail
sop=$1 shape=${2:-signed} rounds=${3:-5} edits=${4:-1}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$bench/$shape" ] || python3 "$root/Benchmarks/generate.py" "$shape" "$bench/$shape"
work=$(mktemp -d)
cp -a "$bench/$shape" "$work/$shape"
repo="$work/$shape/repo" home="$work/$shape/home"
export HOME="$home" GIT_CONFIG_NOSYSTEM=1
cache="$repo/.git/sop/ledger-cache"
rm -f "$cache" "$repo/.git/sop/checkpoints"
"$sop" -C "$repo" status --format json >/dev/null || true  # exit 1 when documents need work
cp "$cache" "$work/cache-at-T0"
tip=$(git -C "$repo" rev-parse HEAD)
path=$(git -C "$repo" ls-files | grep 'QP-00007.md$')
for edit in $(seq "$edits"); do
  echo "Incremental benchmark edit $edit." >>"$repo/$path"
  git -C "$repo" -c user.name=Dana -c user.email=dana@bench.example commit -q -a -m "Edit QP-00007 ($edit)"
  if [ -f "$home/alice" ]; then
    blob=$(git -C "$repo" rev-parse "HEAD:$path")
    for who in alice:Alice bob:Bob; do
      git -C "$repo" -c gpg.format=ssh -c "user.signingkey=$home/${who%%:*}" -c "user.name=${who#*:}" \
        -c "user.email=${who%%:*}@bench.example" commit -q --allow-empty -S \
        -m "Approve QP-00007" -m "Approves: QP-00007 $blob"
    done
  fi
done
echo "$(git -C "$repo" rev-list --count HEAD) commits, $(git -C "$repo" rev-list --count "$tip..HEAD") of them new"
t() { /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>&1 || true; tail -1 "$work/time" | awk '{printf "%.2f s (%.2f)", $1, $2+$3}'; }
echo "| round | git log --name-only | status, resumed | status, cold | status, warm |"
echo "|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  g=$(t git -C "$repo" log --name-only)
  cp "$work/cache-at-T0" "$cache"
  r=$(t "$sop" -C "$repo" status --format json)
  cp "$work/out" "$work/out-resumed"
  rm -f "$cache"
  c=$(t "$sop" -C "$repo" status --format json)
  cmp -s "$work/out" "$work/out-resumed" || echo "round $round: resumed and cold outputs differ" >&2
  w=$(t "$sop" -C "$repo" status --format json)
  echo "| $round | $g | $r | $c | $w |"
done
rm -rf "$work"
