#!/usr/bin/env bash
# Installs the named Debian packages that are missing (needs root or sudo); quiet when all are
# there. Shows progress while it works: a line per phase and one per tenth of the download and
# of the installation (apt's status lines), since a large install (python3-torch: ~1.4 GB) takes
# minutes. apt's own output goes to a log, shown when it fails.
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: need root (or sudo) to install ${missing[*]}" >&2
    exit 2
  fi
fi
log="$(mktemp "${TMPDIR:-/tmp}/lockstep-apt.XXXXXX")"
trap 'rm -f "$log"' EXIT
started=$SECONDS
echo "installing Debian packages: ${missing[*]}" >&2
echo "  updating the package lists (apt-get update)..." >&2
if ! $sudo apt-get update -q >"$log" 2>&1; then
  echo "error: apt-get update failed:" >&2
  tail -n 20 "$log" >&2
  exit 2
fi
echo "  downloading and installing (with what they depend on)..." >&2
# APT::Status-Fd=3: apt writes machine-readable progress ("dlstatus:N:PERCENT:TEXT" while
# downloading, "pmstatus:PACKAGE:PERCENT:TEXT" while unpacking and configuring) to descriptor 3.
set +e
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o APT::Status-Fd=3 "${missing[@]}" 3>&1 >"$log" 2>&1 |
  awk -F: -v start="$started" '
    function report(phase, pct, text,    step) {
      step = int(pct / 10)
      if (phase != last_phase || step > last_step) {
        printf "  %s %3d%%  %s\n", phase, step * 10, text > "/dev/stderr"
        fflush("/dev/stderr")
        last_phase = phase; last_step = step
      }
    }
    $1 == "dlstatus" { report("download", $3, $4) }
    $1 == "pmstatus" { report("install ", $3, $4) }
  '
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "error: apt-get install ${missing[*]} failed (exit $status):" >&2
  tail -n 20 "$log" >&2
  exit 2
fi
echo "  installed ${missing[*]} in $((SECONDS - started)) s" >&2
