#!/usr/bin/env bash
# Same output of two sop binaries on a republish: two identical copies of the republish benchmark repository
# ($BENCH_DIR/republish, made by republish-series.sh) and of its NEW site; in each copy its binary publishes twice with
# nothing new (so a binary that keeps records of the folder has them), then the same 10 documents are edited and
# committed with fixed dates, approved by alice and bob (OLD_SOP) and published with SOP_NOW fixed. Checks that both
# made the same tag object and byte-identical sites (also after a publish with nothing new), and that `sop render` of
# three tags into empty folders is identical. Prints one line per check; `diff` prints any difference.
#
#   Benchmarks/republish-same-output.sh OLD_SOP NEW_SOP
set -euo pipefail
old=$1 new=$2
bench=${BENCH_DIR:-/tmp/sop-bench}
source="$bench/republish"
# The NEW site a series left: republish-series.sh keeps it in pair/new/site (earlier versions in site-new).
site="$source/pair/new/site"
[ -d "$site" ] || site="$source/site-new"
[ -d "$source/repo" ] && [ -d "$site" ] || { echo "run republish-series.sh first" >&2; exit 2; }
export GIT_CONFIG_NOSYSTEM=1 SOP_NOW=2026-11-30T15:00:00Z
export GIT_AUTHOR_DATE=2026-11-30T14:55:00Z GIT_COMMITTER_DATE=2026-11-30T14:55:00Z
for side in old new; do
  rm -rf "$bench/same-$side" && mkdir -p "$bench/same-$side"
  cp -a "$source/repo" "$source/home" "$bench/same-$side/"
  cp -a "$site" "$bench/same-$side/site"
done
mapfile -t edited < <(git -C "$bench/same-old/repo" ls-files 'procedures/*.md' | shuf -n 10 --random-source=<(yes same))
binary() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }
for side in old new; do
  bin=$(binary $side) w="$bench/same-$side"
  export HOME="$w/home"
  "$bin" -C "$w/repo" publish --key "$w/home/alice" --out "$w/site" >/dev/null
  sleep 1
  "$bin" -C "$w/repo" publish --key "$w/home/alice" --out "$w/site" >/dev/null
  ids=()
  for path in "${edited[@]}"; do
    printf '\nEdited for the same-output check.\n' >>"$w/repo/$path"
    ids+=("$(sed -n 's/^id: //p' "$w/repo/$path" | head -1)")
  done
  git -C "$w/repo" -c user.name=Dana -c user.email=dana@bench.example commit -qam "Edit 10 documents (same output)"
  "$old" -C "$w/repo" approve "${ids[@]}" --key "$w/home/alice" --yes >/dev/null
  "$old" -C "$w/repo" approve "${ids[@]}" --key "$w/home/bob" --yes >/dev/null
  "$bin" -C "$w/repo" publish --key "$w/home/alice" --out "$w/site" >/dev/null
done
tag=$(git -C "$bench/same-old/repo" tag -l 'published/*' --sort=-v:refname | head -1)
echo "$tag: old $(git -C "$bench/same-old/repo" rev-parse "$tag"), new $(git -C "$bench/same-new/repo" rev-parse "$tag")"
cmp <(git -C "$bench/same-old/repo" cat-file -p "$tag") <(git -C "$bench/same-new/repo" cat-file -p "$tag") \
  && echo "tag objects identical (git cat-file -p)"
diff -r "$bench/same-old/site" "$bench/same-new/site" \
  && echo "sites identical (diff -r), $(find "$bench/same-new/site" -type f | wc -l) files"
for side in old new; do
  w="$bench/same-$side"
  HOME="$w/home" "$(binary $side)" -C "$w/repo" publish --key "$w/home/alice" --out "$w/site" >/dev/null
done
diff -r "$bench/same-old/site" "$bench/same-new/site" && echo "nothing new: sites identical (diff -r)"
for name in published/3 published/30 "$tag"; do
  rm -rf "$bench/render-old" "$bench/render-new"
  HOME="$bench/same-old/home" "$old" -C "$bench/same-old/repo" render "$name" --out "$bench/render-old" >/dev/null
  HOME="$bench/same-new/home" "$new" -C "$bench/same-new/repo" render "$name" --out "$bench/render-new" >/dev/null
  diff -r "$bench/render-old" "$bench/render-new" && echo "render $name: identical (diff -r)"
done
rm -rf "$bench/same-old" "$bench/same-new" "$bench/render-old" "$bench/render-new"
