#!/usr/bin/env bash
# make demo: builds sop, turns sample-repo/ into a fresh git repository under demo/, and runs the
# real workflow on it: status, approvals signed with demo keys made now, verify, log, diff, todo, lint, publish.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sop="${SOP_BINARY:-$root/.build/release/sop}"
demo="$root/demo"
repo="$demo/acme"
keys="$demo/keys"

rm -rf "$demo"
mkdir -p "$repo" "$keys" "$demo/home"
cp -R "$root/sample-repo/." "$repo/"

# Isolate git from the user's own configuration; identities are set per step below.
export HOME="$demo/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$demo/home/.gitconfig"
export GIT_AUTHOR_DATE="2026-01-12T09:00:00Z" GIT_COMMITTER_DATE="2026-01-12T09:00:00Z"
as() { # as NAME EMAIL: set the git identity for the next command
  export GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2"
}
at() { export GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Demo keys (made now, never committed)"
for person in maria tom sam priya; do
  ssh-keygen -q -t ed25519 -N "" -C "$person@demo" -f "$keys/$person"
  echo "  $keys/$person.pub"
done

# Register each person's public key in sop.yml before the first commit: the root policy is trusted.
awk -v maria="$(cat "$keys/maria.pub")" -v tom="$(cat "$keys/tom.pub")" \
    -v sam="$(cat "$keys/sam.pub")" -v priya="$(cat "$keys/priya.pub")" '
  /- email: maria/ { key = maria } /- email: tom/ { key = tom }
  /- email: sam/ { key = sam }     /- email: priya/ { key = priya }
  { print }
  /^    roles:/ && key != "" { print "    keys: [\"" key "\"]"; key = "" }
' "$repo/sop.yml" > "$repo/sop.yml.new" && mv "$repo/sop.yml.new" "$repo/sop.yml"

step "The quality coordinator commits the documents"
cd "$repo"
git init -q -b main
as "Maria Lopez" "maria.lopez@acme-builders.example"
git add -A
git commit -q -m "Import the Acme Builders management system documents"
git log --oneline

step "sop status: everything is a draft until it is signed"
"$sop" status || true

if "$sop" --help | grep -q '^  *approve'; then
  step "Approvals: each signature is an SSH-signed git commit"
  at "2026-01-19T10:00:00Z"
  as "Priya Shah" "priya.shah@acme-builders.example"
  "$sop" approve --key "$keys/priya" --message "Quality review, January release" \
    POL-001 QP-001 QP-002 QP-003 QP-004 QP-005 QP-006 WI-001 WI-002 F-001 F-003
  step "F-002 was left unfinished (an [insert …] placeholder): sop refuses to sign content with lint errors"
  "$sop" approve --key "$keys/priya" F-002 || echo "(refused, as it should be)"
  at "2026-01-20T08:30:00Z"
  as "Tom Becker" "tom.becker@acme-builders.example"
  "$sop" approve --key "$keys/tom" POL-001 QP-001 QP-002 QP-004 QP-005 QP-006 WI-001
  at "2026-01-20T14:00:00Z"
  as "Sam Okafor" "sam.okafor@acme-builders.example"
  "$sop" approve --key "$keys/sam" QP-003 WI-002

  step "A toolbox talk: Maria, the quality coordinator, records that she trained the site crew on the policy, WI-001 and WI-002"
  at "2026-01-21T07:00:00Z"
  as "Maria Lopez" "maria.lopez@acme-builders.example"
  "$sop" train POL-001 WI-001 WI-002 --key "$keys/maria" --message "Toolbox talk at the Northgate site" \
    --attendee sam.okafor@acme-builders.example --attendee lena.park@acme-builders.example \
    --attendee joe.rossi@acme-builders.example

  step "Everyone with a key acknowledges the policy they must know (read and understood, signed)"
  for person in maria:"Maria Lopez" tom:"Tom Becker" priya:"Priya Shah"; do
    key=${person%%:*}
    as "${person#*:}" "$(grep -o "$key[a-z.]*@acme-builders.example" "$repo/sop.yml" | head -n 1)"
    "$sop" acknowledge POL-001 --key "$keys/$key" | head -n 1
  done

  step "Sam edits WI-002 after approval: it becomes a draft that still shows revision 1"
  at "2026-02-02T07:15:00Z"
  as "Sam Okafor" "sam.okafor@acme-builders.example"
  sed -i 's/^1\. /1. Check the weather forecast for wind. /' work-instructions/WI-002-working-at-heights.md
  git commit -q -am "WI-002: check wind before work at height"

  step "sop status"
  "$sop" status || true

  step "sop verify: every signature checked natively"
  "$sop" verify

  step "sop log WI-002"
  "$sop" log WI-002

  step "sop diff WI-002: what changed since the revision in force, word by word, and who changed it"
  "$sop" diff WI-002

  step "sop todo: what waits for Priya on 28 December (documents to sign, reviews due, a policy change)"
  SOP_NOW="2026-12-28T00:00:00Z" "$sop" todo --key "$keys/priya"

  step "sop review QP-004: Priya confirms the unchanged procedure is still right (no new revision)"
  at "2026-02-02T09:00:00Z"
  as "Priya Shah" "priya.shah@acme-builders.example"
  "$sop" review QP-004 --key "$keys/priya" --message "Checked against the January audit findings"

  step "sop revoke: Sam withdraws his approval of QP-003 and WI-002 (he signed before reading the last section)"
  at "2026-02-02T10:00:00Z"
  as "Sam Okafor" "sam.okafor@acme-builders.example"
  sam_approval=$(git log --format=%H --author=sam.okafor --grep '^Approve' -1)
  "$sop" revoke "$sam_approval" --key "$keys/sam" --reason "Signed before reading section 5; reviewing again"
  "$sop" log QP-003 | head -n 4
  at "2026-02-02T11:00:00Z"
  "$sop" approve --key "$keys/sam" QP-003 --message "Read in full"

  step "Stock git agrees: sop keys feeds git's allowed signers"
  "$sop" keys > "$demo/allowed_signers"
  git config gpg.ssh.allowedSignersFile "$demo/allowed_signers"
  git log -1 --show-signature --format='%h %s' "$(git log --format=%H --grep '^Approve' -1)" 2>&1 | head -3
fi

if "$sop" --help | grep -q '^  *lint'; then
  step "sop lint: what stops people using these documents"
  "$sop" lint --min-severity warning > "$demo/lint.txt" || true
  head -n 6 "$demo/lint.txt"
  echo "  … ($(wc -l < "$demo/lint.txt") lines in $demo/lint.txt)"
  tail -n 1 "$demo/lint.txt"
fi

if "$sop" --help | grep -q '^  *publish'; then
  step "sop publish: the approved set as a signed tag and a static site"
  at "2026-02-03T09:00:00Z"
  as "Maria Lopez" "maria.lopez@acme-builders.example"
  "$sop" publish --key "$keys/maria" --out "$demo/site"

  step "An editorial change: Tom rewords one phrase in QP-002, and one quality signature approves it"
  at "2026-02-03T09:30:00Z"
  as "Tom Becker" "tom.becker@acme-builders.example"
  sed -i 's/one week ahead/five working days ahead/' procedures/QP-002-internal-audit.md
  git commit -q -am "QP-002: notice of five working days"
  "$sop" status | grep QP-002
  at "2026-02-03T09:45:00Z"
  as "Priya Shah" "priya.shah@acme-builders.example"
  "$sop" approve --editorial --key "$keys/priya" QP-002 --message "Wording only"
  "$sop" log QP-002 | head -n 3
  at "2026-02-03T10:00:00Z"
  as "Maria Lopez" "maria.lopez@acme-builders.example"
  "$sop" publish --key "$keys/maria" --out "$demo/site"
fi

if "$sop" --help | grep -q '^  *training'; then
  step "Training: WI-002 is revised (the wind check), so the site crew trained on revision 1 is outdated"
  at "2026-02-04T08:00:00Z"
  as "Priya Shah" "priya.shah@acme-builders.example"
  "$sop" approve --key "$keys/priya" WI-002 --message "Wind check added after the January near miss"
  at "2026-02-04T08:15:00Z"
  as "Sam Okafor" "sam.okafor@acme-builders.example"
  "$sop" approve --key "$keys/sam" WI-002
  SOP_NOW="2026-02-05T00:00:00Z" "$sop" training --document WI-002

  step "Maria records a toolbox talk on revision 2: the three of them are current"
  at "2026-02-05T07:00:00Z"
  as "Maria Lopez" "maria.lopez@acme-builders.example"
  "$sop" train WI-002 --key "$keys/maria" --attendee sam.okafor@acme-builders.example \
    --attendee lena.park@acme-builders.example --attendee joe.rossi@acme-builders.example
  SOP_NOW="2026-02-05T12:00:00Z" "$sop" training --document WI-002

  step "An editorial revision with --no-retraining: a typo fixed, and training carries over"
  at "2026-02-06T09:00:00Z"
  as "Sam Okafor" "sam.okafor@acme-builders.example"
  sed -i '0,/harness/s//full-body harness/' work-instructions/WI-002-working-at-heights.md
  git commit -q -am "WI-002: say full-body harness"
  "$sop" diff WI-002 | tail -n 2
  at "2026-02-06T09:30:00Z"
  as "Priya Shah" "priya.shah@acme-builders.example"
  "$sop" approve --editorial --no-retraining --key "$keys/priya" WI-002 --message "Wording only"
  SOP_NOW="2026-02-06T12:00:00Z" "$sop" training --document WI-002

  step "sop todo for Lena: what she still has to read"
  SOP_NOW="2026-02-06T12:00:00Z" "$sop" todo --for lena.park@acme-builders.example

  step "sop publish: the site now has a training page"
  at "2026-02-06T10:00:00Z"
  as "Maria Lopez" "maria.lopez@acme-builders.example"
  "$sop" publish --key "$keys/maria" --out "$demo/site"

  step "WI-002's guard-rail photo was approved with it (its bytes are in the approval's tree): the site has that copy"
  ls "$demo/site/files/WI-002"
  grep -o 'src="../files/WI-002/[^"]*"' "$demo/site/documents/WI-002.html"

  if "$sop" --help | grep -q '^  *pdf' && command -v chromium >/dev/null; then
    step "sop pdf --audit-pack: every document as a PDF with a signature page, the master list and the changes"
    "$sop" pdf --audit-pack --out "$demo/pdf"
  else
    echo "(sop pdf skipped: needs chromium, apt-get install chromium)"
  fi

  echo
  echo "Open $demo/site/index.html"
  if "$sop" --help | grep -q '^  *serve'; then
    echo
    echo "Approve in a browser with a passkey (docs/serve.md): run"
    echo "  $sop serve -C $repo --rp-id localhost --origin http://localhost:8080"
    echo "then open http://localhost:8080/enrol; an admin approves the new key with"
    echo "  $sop -C $repo approve POLICY --key $keys/maria"
  fi
fi
