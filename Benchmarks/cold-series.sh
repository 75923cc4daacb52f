#!/usr/bin/env bash
# Interleaved series of two sop binaries on the walks that use no ledger cache (docs/benchmarks.md): per round,
# `git log --name-only` then cold `sop status --format json` (cache deleted first) by OLD then NEW on the
# history and signed repositories, and `git log --show-signature` then `sop verify` by OLD then NEW on the
# approvals repository (Benchmarks/generate.py history, signed, approvals). Each cell: wall seconds
# (user+system CPU seconds).
#
#   Benchmarks/cold-series.sh OLD_SOP NEW_SOP [ROUNDS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
for shape in history signed approvals; do
  [ -d "$bench/$shape" ] || python3 "$root/Benchmarks/generate.py" "$shape" "$bench/$shape"
done
times=$(mktemp)
t() { /usr/bin/time -f "%e %U %S" -o "$times" "$@" >/dev/null 2>&1 || true; tail -1 "$times" | awk '{printf "%.2f s (%.2f)", $1, $2+$3}'; }
cold() { rm -f "$2/.git/sop/ledger-cache"; t "$1" -C "$2" status --format json; }
echo "| round | shape | git | old | new |"
echo "|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for shape in history signed; do
    repo="$bench/$shape/repo"
    export HOME="$bench/$shape/home" GIT_CONFIG_NOSYSTEM=1
    echo "| $round | status, $shape | $(t git -C "$repo" log --name-only) | $(cold "$old" "$repo") | $(cold "$new" "$repo") |"
  done
  repo="$bench/approvals/repo"
  export HOME="$bench/approvals/home" GIT_CONFIG_NOSYSTEM=1
  git -C "$repo" config gpg.ssh.allowedSignersFile "$bench/approvals/home/allowed_signers"
  echo "| $round | verify, approvals | $(t git -C "$repo" log --show-signature) | $(t "$old" -C "$repo" verify) | $(t "$new" -C "$repo" verify) |"
done
rm -f "$times"
