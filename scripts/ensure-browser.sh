#!/usr/bin/env bash
# Installs Debian's chromium when missing (apt-get update first, through ensure-debian-packages.sh):
# the review page's browser test (cli ReviewBrowserTest) opens the page in headless Chromium and
# fails, rather than passing silently, when there is none.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/ensure-debian-packages.sh" chromium
if ! /usr/bin/chromium --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; then
  echo "error: /usr/bin/chromium is installed but does not start: $(/usr/bin/chromium --version 2>&1 | tail -1)" >&2
  exit 2
fi
