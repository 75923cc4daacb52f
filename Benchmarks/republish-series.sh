#!/usr/bin/env bash
# Interleaved republish series of two sop binaries on the 5,000-document publish benchmark: each round edits 10
# documents, approves them (quality and owner, untimed), then times `publish` of each binary into its own
# folder, which holds that binary's site of the previous snapshot. The first binary's new tag is deleted before
# the second runs, so both make the same tag and sign it; the order alternates between rounds. Also times a
# publish with nothing new (the same tag rendered over its own site). Prints wall and user+system CPU seconds.
#
#   Benchmarks/republish-series.sh OLD_SOP NEW_SOP [ROUNDS]   (repository from Benchmarks/generate.py publish)
#
# Works on a copy of the benchmark repository ($BENCH_DIR/republish), made once and kept between runs.
set -euo pipefail
old=$1 new=$2 rounds=${3:-5}
bench=${BENCH_DIR:-/tmp/sop-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$bench/publish" ] || python3 "$root/Benchmarks/generate.py" publish "$bench/publish"
work="$bench/republish"
if [ ! -d "$work" ]; then
  mkdir -p "$work"
  cp -a "$bench/publish/repo" "$bench/publish/home" "$work/"
fi
repo="$work/repo" home="$work/home"
export HOME="$home" GIT_CONFIG_NOSYSTEM=1
git -C "$repo" config user.name Dana
git -C "$repo" config user.email dana@bench.example
times=$(mktemp)
trap 'rm -f "$times"' EXIT

# timed BINARY FOLDER: publish, printing "W s wall, C s CPU".
timed() {
  /usr/bin/time -f "%e %U %S" -o "$times" \
    "$1" -C "$repo" publish --key "$home/alice" --out "$work/site-$2" >/dev/null 2>&1
  read -r wall user system <"$times"
  python3 -c "print(f'{$wall:.2f} s wall, {$user + $system:.2f} s CPU')"
}

# Each binary starts from its own site of the latest snapshot.
"$old" -C "$repo" publish --key "$home/alice" --out "$work/site-old" >/dev/null 2>&1
"$new" -C "$repo" publish --key "$home/alice" --out "$work/site-new" >/dev/null 2>&1

for round in $(seq "$rounds"); do
  mapfile -t edited < <(git -C "$repo" ls-files 'procedures/*.md' | shuf -n 10 --random-source=<(yes "$round"))
  ids=()
  for path in "${edited[@]}"; do
    printf '\nEdited in round %s.\n' "$round" >>"$repo/$path"
    ids+=("$(sed -n 's/^id: //p' "$repo/$path" | head -1)")
  done
  git -C "$repo" commit -qam "Edit 10 documents (round $round)"
  "$new" -C "$repo" approve "${ids[@]}" --key "$home/alice" --yes >/dev/null
  "$new" -C "$repo" approve "${ids[@]}" --key "$home/bob" --yes >/dev/null
  latest=$(git -C "$repo" tag -l 'published/*' --sort=-v:refname | head -1)
  next="published/$((${latest#published/} + 1))"
  if [ $((round % 2)) = 1 ]; then first=old second=new; else first=new second=old; fi
  declare -A result
  bin() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }
  result[$first]=$(timed "$(bin $first)" $first)
  git -C "$repo" tag -d "$next" >/dev/null
  result[$second]=$(timed "$(bin $second)" $second)
  result[old-same]=$(timed "$old" old)
  result[new-same]=$(timed "$new" new)
  echo "round $round ($first first): republish old ${result[old]} | new ${result[new]} || nothing new: old ${result[old-same]} | new ${result[new-same]}"
done
