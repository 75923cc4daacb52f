#!/usr/bin/env bash
# Interleaved series of `sop verify` by two binaries against `git log --show-signature` on the approvals
# repository (Benchmarks/generate.py approvals; 1,300 signed approvals), as cold-series.sh's verify rows but
# without the status rows in between (docs/benchmarks.md). Each cell: wall seconds (user+system CPU seconds);
# the load average is printed per round. Medians and the ratios to git follow the table.
#
#   Benchmarks/verify-series.sh OLD_SOP NEW_SOP [ROUNDS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$bench/approvals" ] || python3 "$root/Benchmarks/generate.py" approvals "$bench/approvals"
repo="$bench/approvals/repo"
export HOME="$bench/approvals/home" GIT_CONFIG_NOSYSTEM=1
git -C "$repo" config gpg.ssh.allowedSignersFile "$bench/approvals/home/allowed_signers"
times=$(mktemp) rows=$(mktemp)
t() { /usr/bin/time -f "%e %U %S" -o "$times" "$@" >/dev/null 2>&1 || true; tail -1 "$times" | awk '{printf "%.3f %.3f", $1, $2+$3}'; }
cell() { awk '{printf "%.2f s (%.3f)", $1, $2}' <<<"$1"; }
echo "| round | load | git log --show-signature | old verify | new verify |"
echo "|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  g=$(t git -C "$repo" log --show-signature) o=$(t "$old" -C "$repo" verify) n=$(t "$new" -C "$repo" verify)
  echo "$g $o $n" >>"$rows"
  echo "| $round | $load | $(cell "$g") | $(cell "$o") | $(cell "$n") |"
done
# Medians of each column (wall, CPU), and git's median over each sop median.
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
gw=$(awk '{print $1}' "$rows" | median) gc=$(awk '{print $2}' "$rows" | median)
ow=$(awk '{print $3}' "$rows" | median) oc=$(awk '{print $4}' "$rows" | median)
nw=$(awk '{print $5}' "$rows" | median) nc=$(awk '{print $6}' "$rows" | median)
echo
echo "medians: git $gw s ($gc CPU); old $ow s ($oc CPU); new $nw s ($nc CPU)"
awk -v gw="$gw" -v gc="$gc" -v ow="$ow" -v oc="$oc" -v nw="$nw" -v nc="$nc" 'BEGIN {
  printf "ratio to git: old %.0fx wall, %.0fx CPU; new %.0fx wall, %.0fx CPU\n", gw/ow, gc/oc, gw/nw, gc/nc }'
rm -f "$times" "$rows"
