#!/bin/sh
# Interleaved rounds: sop (old), sop (new), rumdl check --no-cache; wall, user, system seconds.
# Usage: Benchmarks/lint-peer-series.sh OLD_SOP NEW_SOP CORPUS_REPO [ROUNDS]
# CORPUS_REPO holds docs/*.md and sop.yml (Benchmarks/generate.py lint, or Benchmarks/replicate.py).
# RUMDL=path overrides the rumdl binary (pip install rumdl).
old=$1; new=$2; c=$3; rounds=${4:-5}
out=$(mktemp); trap 'rm -f "$out"' EXIT
# /usr/bin/time writes to its own file, so a linter's exit status 1 (findings) and stderr stay out of it.
t() { /usr/bin/time -o "$out" -f "%e %U %S" "$@" > /dev/null 2>/dev/null; grep -v "non-zero" "$out"; }
for r in $(seq 1 $rounds); do
  echo "round $r | old $(t $old -C $c lint --format json) | new $(t $new -C $c lint --format json) | rumdl $(t "${RUMDL:-rumdl}" check --no-cache $c/docs) | load $(cut -d' ' -f1 /proc/loadavg)"
done
