#!/usr/bin/env bash
# CPU of two sop binaries on the republish benchmark with `perf stat -r RUNS -e task-clock`, in alternating blocks:
# for each binary, RUNS republishes each preceded (untimed, perf's --pre) by editing, committing and approving 10
# documents, then RUNS publishes with nothing new. Each binary publishes into its own folder of a copy of the
# republish repository ($BENCH_DIR/republish-perf, made once from $BENCH_DIR/republish), brought up to date untimed
# before its block (two publishes two seconds apart). Prints perf's task-clock and elapsed lines with the load average.
#
#   Benchmarks/republish-perfstat.sh OLD_SOP NEW_SOP [BLOCKS] [RUNS]
set -euo pipefail
old=$1 new=$2 blocks=${3:-2} runs=${4:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
work="$bench/republish-perf"
if [ ! -d "$work" ]; then
  [ -d "$bench/republish/repo" ] || { echo "run republish-series.sh first" >&2; exit 2; }
  mkdir -p "$work" && cp -a "$bench/republish/repo" "$bench/republish/home" "$work/"
fi
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
repo="$work/repo" key="$work/home/alice"
prepare=$(mktemp)
trap 'rm -f "$prepare"' EXIT
cat >"$prepare" <<EOF
#!/usr/bin/env bash
set -euo pipefail
export HOME="$HOME" GIT_CONFIG_NOSYSTEM=1
seed=\$RANDOM\$RANDOM
mapfile -t edited < <(git -C "$repo" ls-files 'procedures/*.md' | shuf -n 10 --random-source=<(yes "\$seed"))
ids=()
for path in "\${edited[@]}"; do
  printf '\nEdited in perf round %s.\n' "\$seed" >>"$repo/\$path"
  ids+=("\$(sed -n 's/^id: //p' "$repo/\$path" | head -1)")
done
git -C "$repo" -c user.name=Dana -c user.email=dana@bench.example commit -qam "Edit 10 documents (perf \$seed)"
"$old" -C "$repo" approve "\${ids[@]}" --key "$work/home/alice" --yes >/dev/null
"$old" -C "$repo" approve "\${ids[@]}" --key "$work/home/bob" --yes >/dev/null
EOF
chmod +x "$prepare"
for block in $(seq "$blocks"); do
  for side in old new; do
    bin=$old && [ "$side" = new ] && bin=$new
    site="$work/site-$side"
    # Up to date, untimed; twice, two seconds apart, so pages just created are settled and a binary that records
    # its folder's files by stat identity has them recorded (docs/architecture.md, "Site-file records").
    "$bin" -C "$repo" publish --key "$key" --out "$site" >/dev/null 2>&1
    sleep 2
    "$bin" -C "$repo" publish --key "$key" --out "$site" >/dev/null 2>&1
    echo "block $block, $side, republish (load $(cut -d' ' -f1-3 /proc/loadavg)):"
    perf stat -r "$runs" -e task-clock --pre "$prepare" -- "$bin" -C "$repo" publish --key "$key" --out "$site" \
      2>&1 >/dev/null | grep -E "task-clock|elapsed"
    echo "block $block, $side, nothing new (load $(cut -d' ' -f1-3 /proc/loadavg)):"
    perf stat -r "$runs" -e task-clock -- "$bin" -C "$repo" publish --key "$key" --out "$site" \
      2>&1 >/dev/null | grep -E "task-clock|elapsed"
  done
done
