#!/usr/bin/env bash
# Checks a rendered sop site in headless Chromium: search box, console errors, printed notice, screenshots.
#
#   scripts/browser-check.sh SITE_DIR OUT_IMAGES_DIR
#
# Needs the Debian packages chromium and poppler-utils (apt-get install -y chromium poppler-utils) and
# python3. A sample site for trying it: SOP_SITE_FIXTURE_DIR=/tmp/sop-site swift test --filter FixtureSite
# Prints "N passed, N failed" last; exits 1 when a check failed, 2 on bad usage.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 SITE_DIR OUT_IMAGES_DIR" >&2
  exit 2
fi

chromium_binary="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium_binary" ]]; then
  echo "browser-check: chromium is not installed (apt-get install -y chromium poppler-utils); nothing checked"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "browser-check: python3 is needed to drive chromium" >&2
  exit 2
fi

exec python3 "$(dirname "$0")/browser-check.py" "$1" "$2" "--chromium=$chromium_binary"
