#!/usr/bin/env bash
# Fault injection: kills `sop approve`, `sop publish` and `sop render` at each of their file-writing system
# calls (strace's inject=SYSCALL:signal=KILL:when=N), then checks that the repository and the site recover:
#   - git fsck --strict passes and sop verify passes;
#   - the output folder is the old site or the new one, byte for byte, never missing or mixed (with
#     renameat2 refused, as on systems without RENAME_EXCHANGE, it may be missing until the next run);
#   - a lock file the kill left is named by the next run (sop never removes git's locks; the script then
#     removes it, as the message says to);
#   - the next run succeeds and leaves nothing behind: no .<site>.sop-new/old folders, no *.lock, and no
#     tmp_object_git2_* file once it is older than five minutes (the script ages them to test that).
# Finally, two publishes at once, 10 rounds into one folder and 10 into two folders.
# Usage: scripts/fault-injection.sh [approve|publish|render|concurrent|all]. Needs strace (Debian: apt-get install strace).
# SOP_BINARY picks the binary (default: .build/debug/sop, else .build/release/sop).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sop="${SOP_BINARY:-}"
if [ -z "$sop" ]; then
  for candidate in "$root/.build/debug/sop" "$root/.build/release/sop"; do
    [ -x "$candidate" ] && sop="$candidate" && break
  done
fi
[ -n "$sop" ] && [ -x "$sop" ] || { echo "fault-injection: build sop first (swift build)" >&2; exit 2; }
command -v strace >/dev/null || { echo "fault-injection: strace is not installed (apt-get install strace)" >&2; exit 2; }
strace -qq -o /dev/null true 2>/dev/null || { echo "fault-injection: strace cannot trace here (is ptrace allowed?)" >&2; exit 2; }
what="${1:-all}"
started=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/home/.gitconfig" LC_ALL=C
export GIT_AUTHOR_NAME="Alice Nguyen" GIT_AUTHOR_EMAIL="alice@acme.example"
export GIT_COMMITTER_NAME="Alice Nguyen" GIT_COMMITTER_EMAIL="alice@acme.example"
export GIT_AUTHOR_DATE="2026-01-12T09:00:00Z" GIT_COMMITTER_DATE="2026-01-12T09:00:00Z"
mkdir -p "$HOME"
key="$work/home/alice"
ssh-keygen -q -t ed25519 -N "" -C alice -f "$key"

# --- The states every trial starts from -------------------------------------------------------------
# a: QP-001 approved and published as published/1 into web/site; QP-002 a draft   (approve trials)
# b: a + QP-002 approved                                                           (publish trials)
# c: b + published/2 made, web/site still showing published/1                       (render trials)
procedure() {
  cat <<EOF
---
id: $1
title: Handling of materials $1
type: procedure
owner: alice@acme.example
---

# Handling of materials

## Purpose

Keep people safe when they move materials.

## Scope

All sites.

## Responsibilities

The site supervisor checks the work.

## Procedure

1. Wear gloves.
2. Lift with your legs.

## Records

None.
EOF
}
mkdir -p "$work/a/repo/procedures" "$work/a/web"
cat >"$work/a/repo/sop.yml" <<EOF
version: 1
organisation: Acme
self-approval: true
people:
  - email: alice@acme.example
    name: Alice Nguyen
    roles: [quality, admin]
    keys: ["$(cat "$key.pub")"]
types:
  procedure:
    prefix: QP
    approvals: [quality]
EOF
procedure QP-001 >"$work/a/repo/procedures/QP-001.md"
procedure QP-002 >"$work/a/repo/procedures/QP-002.md"
(
  cd "$work/a/repo"
  git init -q -b main && git add -A && git commit -q -m "Documents"
  "$sop" approve QP-001 --key "$key" >/dev/null
  "$sop" publish --key "$key" --out "$work/a/web/site" >/dev/null
)
cp -a "$work/a" "$work/b"
(cd "$work/b/repo" && "$sop" approve QP-002 --key "$key" >/dev/null)
cp -a "$work/b" "$work/c"
(cd "$work/c/repo" && "$sop" publish --key "$key" --out "$work/new-site" >/dev/null)

fingerprint() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }
old_site=$(fingerprint "$work/a/web/site")
new_site=$(fingerprint "$work/new-site")

# The system calls that write: creating, writing, renaming, linking and removing files and folders.
# openat is injected only at the calls that open for writing (O_WRONLY, O_RDWR, O_CREAT), found by a dry run
# and counted per thread as strace counts them; the others at every call until a run no longer reaches it.
syscalls=(openat write rename renameat2 mkdir link unlink rmdir fsync ftruncate)

trials=0
failures=0
declare -A outcome
fail() {
  failures=$((failures + 1))
  echo "FAIL $*" >&2
}

# command_for KIND: the arguments of the command under test (run in repo/).
command_for() {
  case "$1" in
  approve) echo "approve QP-002 --key $key" ;;
  publish) echo "publish --key $key --out ../web/site" ;;
  render) echo "render published/2 --out ../web/site" ;;
  esac
}

# trial KIND STATE SYSCALL N: one killed run and the checks after it. Sets last to killed or completed.
trial() {
  local kind=$1 state=$2 syscall=$3 n=$4 t="$work/t" label="$1${refuse:+ (two renames)} $3#$4"
  rm -rf "$t" && cp -a "$work/$state" "$t"
  cd "$t/repo"
  local rc=0
  # In a subshell, so the shell's "Killed" notice goes to /dev/null with it.
  # shellcheck disable=SC2046
  (strace -f -qq -o /dev/null -e trace="$syscall${refuse:+,renameat2}" ${refuse:+-e inject=renameat2:error=EINVAL} \
    -e inject="$syscall:signal=KILL:when=$n" \
    "$sop" $(command_for "$kind") >/dev/null 2>"$t/killed.err"; exit $?) 2>/dev/null || rc=$?
  trials=$((trials + 1))
  local killed=completed
  [ "$rc" -eq 137 ] && killed=killed
  git fsck --strict --no-progress >/dev/null 2>"$t/fsck" || fail "$label: git fsck --strict: $(head -c 300 "$t/fsck")"
  # The site must be the old one or the new one, whole.
  if [ ! -d "$t/web/site" ]; then
    # Expected only of the two-rename swap (docs/publishing.md): the next run must put a site back.
    if [ -n "$refuse" ]; then
      outcome[missing-until-next-run]=$((${outcome[missing-until-next-run]:-0} + 1))
    else
      fail "$label: the output folder is missing"
    fi
  else
    local site
    site=$(fingerprint "$t/web/site")
    if [ "$site" != "$old_site" ] && [ "$site" != "$new_site" ]; then fail "$label: the output folder is neither site"; fi
    if [ "$kind" = approve ] && [ "$site" != "$old_site" ]; then fail "$label: approve changed the site"; fi
  fi
  # A lock left by the kill: the next run either refuses naming it (then it is removed as the message says)
  # or, for a lock beside a tag that was finished, removes it itself and succeeds.
  local locks
  locks=$(find .git -name '*.lock' | sort)
  if [ -n "$locks" ]; then
    local lock_err lock_rc=0
    lock_err=$("$sop" $(command_for "$kind") 2>&1 >/dev/null) || lock_rc=$?
    if [ "$lock_rc" -ne 0 ]; then
      for lock in $locks; do
        if ! grep -qF "$(realpath "$lock")" <<<"$lock_err"; then fail "$label: the next run did not name $lock: $lock_err"; fi
        rm -f "$lock"
      done
      outcome[lock-named]=$((${outcome[lock-named]:-0} + 1))
    else
      outcome[lock-removed]=$((${outcome[lock-removed]:-0} + 1))
    fi
  fi
  # Temporary objects the kill left are removed by the next writer once they are old.
  find .git/objects -name 'tmp_object_git2_*' -exec touch -d '-10 minutes' {} +
  # The next run succeeds (an approval that landed before the kill is reported as already signed).
  local next_rc=0 next_err
  next_err=$("$sop" $(command_for "$kind") 2>&1 >/dev/null) || next_rc=$?
  if [ "$next_rc" -ne 0 ] && ! { [ "$kind" = approve ] && grep -q "already signed" <<<"$next_err"; }; then
    fail "$label: the next run failed ($next_rc): $next_err"
  fi
  "$sop" verify >/dev/null 2>"$t/verify" || fail "$label: sop verify: $(head -c 300 "$t/verify")"
  if [ "$kind" != approve ] && [ "$(fingerprint "$t/web/site")" != "$new_site" ]; then
    fail "$label: after the next run the site is not published/2's"
  fi
  if [ "$kind" = publish ] && [ "$(git tag -l 'published/*' | wc -l)" -ne 2 ]; then
    fail "$label: publish made a redundant tag: $(git tag -l 'published/*' | tr '\n' ' ')"
  fi
  local leftovers
  leftovers=$(
    ls -A "$t/web" | grep -vx site || true
    find .git -name '*.lock' -o -name 'tmp_object_git2_*' || true
  )
  [ -z "$leftovers" ] || fail "$label: leftovers after the next run: $leftovers"
  cd "$work"
  outcome[$killed]=$((${outcome[$killed]:-0} + 1))
  last=$killed
}

# write_opens KIND STATE: the per-thread numbers of the openat calls that open for writing, in a dry run.
write_opens() {
  rm -rf "$work/dry" && cp -a "$work/$2" "$work/dry"
  # shellcheck disable=SC2046
  (cd "$work/dry/repo" && strace -f -qq -o "$work/dry.log" -e trace=openat "$sop" $(command_for "$1") >/dev/null 2>&1)
  awk '/openat\(/ { count[$1]++; if ($0 ~ /O_WRONLY|O_RDWR|O_CREAT/) print count[$1] }' "$work/dry.log" | sort -n -u
}

# campaign KIND STATE: every syscall, N = 1, 2, ... until a run completes without reaching call N.
# every_call KIND STATE SYSCALL: kills at call 1, 2, ... until a run completes without reaching it.
every_call() {
  local n=1
  while :; do
    trial "$1" "$2" "$3" "$n"
    [ "$last" = killed ] || break
    n=$((n + 1))
  done
  echo "  $1${refuse:+ (two renames)}: $3 killed at calls 1..$((n - 1))"
}

campaign() {
  local kind=$1 state=$2
  local opens
  opens=$(write_opens "$kind" "$state")
  for n in $opens; do trial "$kind" "$state" openat "$n"; done
  echo "  $kind: openat killed at its $(wc -w <<<"$opens") write-mode calls ($(tr '\n' ' ' <<<"$opens"))"
  for syscall in "${syscalls[@]}"; do
    [ "$syscall" = openat ] || every_call "$kind" "$state" "$syscall"
  done
}

refuse=""
for kind in approve publish render; do
  [ "$what" = all ] || [ "$what" = "$kind" ] || continue
  before=$trials
  case "$kind" in approve) campaign approve a ;; publish) campaign publish b ;; render) campaign render c ;; esac
  echo "$kind: $((trials - before)) trials"
done

# The swap of other systems: renameat2 refused (EINVAL, as a file system without RENAME_EXCHANGE answers),
# so the site is swapped with two renames; a kill at each rename and rmdir must still recover.
refuse=yes
for kind in publish render; do
  [ "$what" = all ] || [ "$what" = "$kind" ] || continue
  before=$trials
  state=b && [ "$kind" = render ] && state=c
  for syscall in rename rmdir unlink; do every_call "$kind" "$state" "$syscall"; done
  echo "$kind with renameat2 refused: $((trials - before)) trials"
done
refuse=""
# The site cannot be put in place after the tag is made (every rename fails with EIO): publish must say
# that published/2 exists and how to render it, leave the old site whole, and the next publish must reuse
# the tag and write its site.
if [ "$what" = all ] || [ "$what" = publish ]; then
  t="$work/t" && rm -rf "$t" && cp -a "$work/b" "$t" && cd "$t/repo"
  rc=0
  strace -f -qq -o /dev/null -e trace=rename,renameat2 -e inject=rename,renameat2:error=EIO \
    "$sop" publish --key "$key" --out ../web/site >/dev/null 2>"$t/err" || rc=$?
  trials=$((trials + 1))
  [ "$rc" -ne 0 ] || fail "publish with failing renames: exit 0"
  grep -q "published/2 was created" "$t/err" && grep -q "sop render published/2 --out" "$t/err" \
    && grep -q "Input/output error" "$t/err" || fail "publish with failing renames said: $(cat "$t/err")"
  [ "$(fingerprint ../web/site)" = "$old_site" ] || fail "publish with failing renames changed the old site"
  "$sop" publish --key "$key" --out ../web/site >/dev/null 2>"$t/err" || fail "publish after EIO: $(cat "$t/err")"
  [ "$(fingerprint ../web/site)" = "$new_site" ] && [ "$(git tag -l 'published/*' | wc -l)" -eq 2 ] \
    || fail "publish after EIO did not reuse published/2 and write its site"
  [ -z "$(ls -A ../web | grep -vx site)" ] || fail "publish after EIO left: $(ls -A ../web)"
  cd "$work"
  echo "publish with every rename failing (EIO): message names published/2 and sop render; next publish writes it"
fi

# Two publishes at once, into one folder and into two folders with different parents: both must succeed,
# with one new tag (no redundant snapshot of the same content) and whole sites.
rounds=0
if [ "$what" = all ] || [ "$what" = concurrent ]; then
  for target in web/site web2/site; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      t="$work/t" && rm -rf "$t" && cp -a "$work/b" "$t" && cd "$t/repo"
      "$sop" publish --key "$key" --out ../web/site >/dev/null 2>"$t/e1" &
      first=$!
      "$sop" publish --key "$key" --out "../$target" >/dev/null 2>"$t/e2" &
      second=$!
      wait "$first" || fail "concurrent publish into $target: $(cat "$t/e1")"
      wait "$second" || fail "concurrent publish into $target: $(cat "$t/e2")"
      [ "$(git tag -l 'published/*' | wc -l)" -eq 2 ] || fail "concurrent publish into $target: $(git tag -l 'published/*' | tr '\n' ' ')"
      for site in ../web/site "../$target"; do
        [ "$(fingerprint "$site")" = "$new_site" ] || fail "concurrent publish into $target: $site is not published/2's site"
      done
      rounds=$((rounds + 1))
      cd "$work"
    done
  done
  echo "concurrent: $rounds rounds of two publishes at once (10 into one folder, 10 into two folders)"
fi

echo "fault injection: $trials trials, ${outcome[killed]:-0} killed, ${outcome[completed]:-0} completed," \
  "${outcome[lock-named]:-0} left a lock that the next run named," \
  "${outcome[lock-removed]:-0} left a finished tag's lock that the next run removed," \
  "${outcome[missing-until-next-run]:-0} left no site until the next run (two-rename swap only);" \
  "$failures failure(s); $(($(date +%s) - started)) s"
[ "$failures" -eq 0 ]
