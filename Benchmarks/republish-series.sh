#!/usr/bin/env bash
# Interleaved republish series of two sop binaries on the 5,000-document publish benchmark: each round edits the
# same 10 documents in each binary's own copy of the repository, approves them there (quality and owner, untimed,
# with that binary), then times `publish` of each binary into its own folder, which holds that binary's site of
# the previous snapshot; the order alternates between rounds. Also times a publish with nothing new (the same tag
# rendered over its own site). Prints wall and user+system CPU seconds.
#
#   Benchmarks/republish-series.sh OLD_SOP NEW_SOP [ROUNDS]   (repository from Benchmarks/generate.py publish)
#
# One repository per binary ($BENCH_DIR/republish/pair/{old,new}, copied once from $BENCH_DIR/republish/repo and
# kept between runs): the files sop keeps in .git/sop describe one folder or one format, so two binaries sharing a
# repository would each find the other's there and do more work than either does alone.
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
home="$work/home"
export HOME="$home" GIT_CONFIG_NOSYSTEM=1
for side in old new; do
  if [ ! -d "$work/pair/$side/repo" ]; then
    mkdir -p "$work/pair/$side"
    cp -a "$work/repo" "$work/pair/$side/repo"
  fi
  git -C "$work/pair/$side/repo" config user.name Dana
  git -C "$work/pair/$side/repo" config user.email dana@bench.example
done
times=$(mktemp)
trap 'rm -f "$times"' EXIT
bin() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }

# timed SIDE: publish SIDE's repository into SIDE's folder with SIDE's binary, printing "W s wall, C s CPU".
timed() {
  /usr/bin/time -f "%e %U %S" -o "$times" \
    "$(bin "$1")" -C "$work/pair/$1/repo" publish --key "$home/alice" --out "$work/pair/$1/site" >/dev/null 2>&1
  read -r wall user system <"$times"
  python3 -c "print(f'{$wall:.2f} s wall, {$user + $system:.2f} s CPU')"
}

# Each binary starts from its own site of the latest snapshot, published twice two seconds apart so that pages
# just created are settled (docs/architecture.md, "Site-file records").
for side in old new; do
  "$(bin $side)" -C "$work/pair/$side/repo" publish --key "$home/alice" --out "$work/pair/$side/site" >/dev/null 2>&1
done
sleep 2
for side in old new; do
  "$(bin $side)" -C "$work/pair/$side/repo" publish --key "$home/alice" --out "$work/pair/$side/site" >/dev/null 2>&1
done

for round in $(seq "$rounds"); do
  mapfile -t edited < <(git -C "$work/pair/old/repo" ls-files 'procedures/*.md' | shuf -n 10 --random-source=<(yes "$round"))
  for side in old new; do
    repo="$work/pair/$side/repo"
    ids=()
    for path in "${edited[@]}"; do
      printf '\nEdited in round %s.\n' "$round" >>"$repo/$path"
      ids+=("$(sed -n 's/^id: //p' "$repo/$path" | head -1)")
    done
    git -C "$repo" commit -qam "Edit 10 documents (round $round)"
    "$(bin $side)" -C "$repo" approve "${ids[@]}" --key "$home/alice" --yes >/dev/null
    "$(bin $side)" -C "$repo" approve "${ids[@]}" --key "$home/bob" --yes >/dev/null
  done
  if [ $((round % 2)) = 1 ]; then first=old second=new; else first=new second=old; fi
  declare -A result
  result[$first]=$(timed $first)
  result[$second]=$(timed $second)
  result[$first-same]=$(timed $first)
  result[$second-same]=$(timed $second)
  echo "round $round ($first first, load $(cut -d' ' -f1 /proc/loadavg)): republish old ${result[old]} | new ${result[new]} || nothing new: old ${result[old-same]} | new ${result[new-same]}"
done
