#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/ and runs it (docs/fuzzing.md).
#   bash scripts/fuzz.sh TARGET SECONDS   fuzz for SECONDS from Fuzz/Corpus/TARGET (default 60)
#   bash scripts/fuzz.sh TARGET merge     minimise what the runs found into Fuzz/Corpus/TARGET (set cover)
#   bash scripts/fuzz.sh TARGET FILE      run one input (a crash to reproduce)
#   bash scripts/fuzz.sh TARGET SECONDS -malloc_limit_mb=64 ...   further arguments go to libFuzzer
# TARGET is Signature, Ed25519, PublicKey, GitObjects, LooseObjects, FrontMatter, Policy, WebAuthn, CacheFiles
# or Lint.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: bash scripts/fuzz.sh TARGET [SECONDS|merge|FILE]}
mode=${2:-60}
scratch=.build-fuzz
seeds=Fuzz/Corpus/$target
found=$scratch/corpus/$target
crashes=$scratch/crashes/$target
[ -d "Fuzz/Sources/Fuzz$target" ] || { echo "no fuzz target $target (see Fuzz/Sources)" >&2; exit 2; }
mkdir -p "$seeds" "$found" "$crashes"

# SwiftPM keeps the build plan of the main package (a path dependency here) when a source file is added to one of
# its modules, and the harness then fails to compile ("cannot find 'HeadingAnchors' in scope"). The plan is thrown
# away whenever the list of source files changed since the last build.
listing=$(find Sources -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | LC_ALL=C sort | sha256sum)
if [ "$(cat "$scratch/sources.list" 2>/dev/null)" != "$listing" ]; then
  rm -f "$scratch/release.yaml" "$scratch/release/description.json" "$scratch/build.db"
  printf '%s\n' "$listing" > "$scratch/sources.list"
fi

# -parse-as-library: harness files have no top-level code; each starts libFuzzer from Fuzz<Target>_main
# (Fuzz/Sources/FuzzSupport). -enable-testing: harnesses compare internal fast paths with the general
# code through @testable import.
swift build --package-path Fuzz -c release --scratch-path "$scratch" --product "Fuzz$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
binary=$scratch/release/Fuzz$target

# A trap must end the run at once rather than wait for the Swift backtracer. No leak checks: LeakSanitizer
# reports the boxes of lazily initialised Swift globals at exit, which are not leaks.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
case "$mode" in
  merge)
    staged=$(mktemp -d)
    mv "$seeds"/* "$staged"/ 2>/dev/null || true
    nice -n 19 "$binary" -set_cover_merge=1 -use_counters=0 -detect_leaks=0 "$seeds" "$staged" "$found"
    rm -rf "$staged"
    ;;
  *[!0-9]*)
    "$binary" -detect_leaks=0 "$mode"
    ;;
  *)
    nice -n 19 "$binary" -max_total_time="$mode" -print_final_stats=1 -artifact_prefix="$crashes/" \
      -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 "${@:3}" "$found" "$seeds"
    ;;
esac
