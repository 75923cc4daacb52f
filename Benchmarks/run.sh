#!/usr/bin/env bash
# Benchmarks for sop. Usage: Benchmarks/run.sh [approvals|status|approve|lint|publish|training|all]
# (status times both the history and the signed-approvals repository, cold and warm.)
# Generates repositories under ${BENCH_DIR:-/tmp/sop-bench} with stock git and ssh-keygen (Benchmarks/generate.py),
# then times sop against its peers in the same run. Prints a Markdown table row per measurement;
# results are copied into docs/benchmarks.md with this command line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-/tmp/sop-bench}
sop="$root/.build/release/sop"
what=${1:-all}
mkdir -p "$bench"
[ -x "$sop" ] || (cd "$root" && swift build -c release --product sop >/dev/null)

# best of N wall-clock seconds for a command (stdout discarded)
best() {
  local runs=$1; shift
  local best=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    best=$(python3 -c "b='$best'; t=$end-$start; print(f'{t:.3f}' if not b or t < float(b) else b)")
  done
  echo "$best"
}
ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }

if [ "$what" = approvals ] || [ "$what" = all ]; then
  [ -d "$bench/approvals" ] || python3 "$root/Benchmarks/generate.py" approvals "$bench/approvals"
  repo="$bench/approvals/repo"
  export HOME="$bench/approvals/home" GIT_CONFIG_NOSYSTEM=1
  git -C "$repo" config gpg.ssh.allowedSignersFile "$bench/approvals/home/allowed_signers"
  commits=$(git -C "$repo" rev-list --count --grep '^Approves:' HEAD)
  verify=$(best 3 "$sop" -C "$repo" verify)
  gitlog=$(best 1 git -C "$repo" log --show-signature)
  echo "| sop verify vs git log --show-signature, $commits signed approvals | $verify s | $gitlog s | $(ratio "$gitlog" "$verify")× faster |"
fi

if [ "$what" = status ] || [ "$what" = all ]; then
  [ -d "$bench/history" ] || python3 "$root/Benchmarks/generate.py" history "$bench/history"
  [ -d "$bench/signed" ] || python3 "$root/Benchmarks/generate.py" signed "$bench/signed"
  for shape in "history:5,000 documents, 20,000 commits" "signed:5,000 documents, 14,501 commits, 13,000 signed"; do
    repo="$bench/${shape%%:*}/repo"
    export HOME="$bench/${shape%%:*}/home" GIT_CONFIG_NOSYSTEM=1
    # Cold: no ledger cache (.git/sop/ledger-cache), so the whole history is walked and verified; warm: the
    # cache the run before wrote for this tip.
    cold=$(best 3 bash -c 'rm -f "$1/.git/sop/ledger-cache" && "$2" -C "$1" status --format json' _ "$repo" "$sop")
    "$sop" -C "$repo" status --format json >/dev/null 2>&1 || true
    warm=$(best 3 "$sop" -C "$repo" status --format json)
    gitlog=$(best 3 git -C "$repo" log --name-only)
    echo "| sop status vs git log --name-only, ${shape#*:} | cold $cold s, warm $warm s | $gitlog s | cold $(ratio "$cold" "$gitlog")×, warm $(ratio "$warm" "$gitlog")× the git walk |"
  done
fi

if [ "$what" = approve ] || [ "$what" = all ]; then
  # sop approve of 500 ids at once in a 20,000-document repository, each run on a fresh copy.
  [ -d "$bench/many" ] || python3 "$root/Benchmarks/generate.py" many "$bench/many" --documents 20000
  export HOME="$bench/many/home" GIT_CONFIG_NOSYSTEM=1
  ids=$(seq -f 'QP-%05g' 1 500)
  rm -rf "$bench/many-copy" && cp -a "$bench/many/repo" "$bench/many-copy"
  # shellcheck disable=SC2086
  approve=$(best 1 "$sop" -C "$bench/many-copy" approve --yes --key "$bench/many/home/alice" $ids)
  status=$(best 1 "$sop" -C "$bench/many-copy" status --format json)
  echo "| sop approve of 500 ids, 20,000 documents | $approve s | status $status s | $(ratio "$approve" "$status")× status |"
fi

if [ "$what" = lint ] || [ "$what" = all ]; then
  for n in 1000 5000; do
    corpus="$bench/corpus-$n"
    if [ ! -d "$corpus" ]; then
      python3 "$root/Benchmarks/generate.py" corpus "$corpus/docs" --documents "$n"
      # Documents live in git: commit the corpus, as a real repository would have it.
      git -C "$corpus" init -q
      git -C "$corpus" add -A
      git -C "$corpus" -c user.name=bench -c user.email=bench@example.invalid commit -qm corpus
    fi
    lint=$(best 3 "$sop" -C "$corpus" lint --format json)
    row="| sop lint, $n procedures of ~900 words | $lint s |"
    if command -v rumdl >/dev/null; then
      # Like for like: rumdl checks every file, as sop does. By default rumdl keeps a cache and skips
      # files it has seen, so repeated runs would time the cache; that figure is shown too, apart.
      row="$row rumdl check --no-cache: $(best 3 rumdl check --no-cache "$corpus/docs") s |"
      rumdl check --cache-dir "$bench/rumdl-cache-$n" "$corpus/docs" >/dev/null 2>&1 || true
      row="$row rumdl check, warm cache: $(best 3 rumdl check --cache-dir "$bench/rumdl-cache-$n" "$corpus/docs") s |"
    fi
    if python3 -c "import textstat" 2>/dev/null; then
      row="$row textstat: $(best 1 python3 "$root/Benchmarks/textstat_peer.py" "$corpus/docs") s |"
    fi
    if command -v proselint >/dev/null && [ "$n" = 1000 ]; then
      row="$row proselint check: $(best 1 sh -c "proselint check $corpus/docs/*.md") s |"
    fi
    echo "$row"
  done
fi

if [ "$what" = publish ] || [ "$what" = all ]; then
  [ -d "$bench/publish" ] || python3 "$root/Benchmarks/generate.py" publish "$bench/publish"
  repo="$bench/publish/repo"
  export HOME="$bench/publish/home" GIT_CONFIG_NOSYSTEM=1
  # Each run publishes a fresh tag: delete the previous ones so every run does the full work.
  publish_once() {
    git -C "$repo" tag -l 'published/*' | xargs -r git -C "$repo" tag -d >/dev/null
    "$sop" -C "$repo" publish --key "$bench/publish/home/alice" --out "$bench/publish/site"
  }
  publish=$(best 3 publish_once)
  row="| sop publish, 5,000 approved documents (tag + site) | $publish s |"
  if command -v doorstop >/dev/null && [ -d "$bench/publish/doorstop" ]; then
    row="$row doorstop publish all --html: $(best 1 sh -c "cd $bench/publish/doorstop && doorstop publish all \"$(mktemp -d)\" --html") s |"
  fi
  if command -v strictdoc >/dev/null && [ -d "$bench/publish/strictdoc" ]; then
    # A fresh TMPDIR each run: strictdoc caches parsed documents there, which would time a warm cache.
    row="$row strictdoc export --formats html: $(best 1 env TMPDIR="$(mktemp -d)" strictdoc export --formats html \
      --output-dir "$(mktemp -d)" "$bench/publish/strictdoc") s |"
  fi
  echo "$row"
fi

if [ "$what" = training ] || [ "$what" = all ]; then
  # The training matrix (docs/training.md) of 500 people over 5,000 approved documents, against status of
  # the same repository: how much the records (50,000 trailers in ~2,600 signed commits) add to the walk.
  [ -d "$bench/training" ] || python3 "$root/Benchmarks/generate.py" training "$bench/training"
  repo="$bench/training/repo"
  export HOME="$bench/training/home" GIT_CONFIG_NOSYSTEM=1
  git -C "$repo" config gpg.ssh.allowedSignersFile "$bench/training/home/allowed_signers"
  records=$(git -C "$repo" log --format=%B | grep -cE '^(Trained|Acknowledges): ')
  records=$(python3 -c "print(f'{$records:,}')")
  # best() hides failures; a build without `sop training` (or one refusing this sop.yml) must not print a time.
  if "$sop" -C "$repo" training --format json >/dev/null; then
    training=$(best 3 "$sop" -C "$repo" training --format json)
    status=$(best 3 "$sop" -C "$repo" status --format json)
    echo "| sop training vs sop status, 5,000 documents, 500 people, $records records | $training s | $status s | $(ratio "$training" "$status")× status |"
  else
    echo "| sop training, 5,000 documents, 500 people, $records records | failed (exit $?), not timed |"
  fi
fi
