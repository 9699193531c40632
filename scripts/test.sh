#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then builds and tests
# every module. Tests run real Python (Debian's /usr/bin/python3 with torch, numpy, pandas).
# Maven names each test class as it starts; when it prints nothing for 15 s, a progress line says
# what is still running (a long test class, or a build step) and for how long.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-test-packages.sh
bash scripts/ensure-browser.sh
bash scripts/ensure-container-tools.sh

# Copies Maven's output through, adding a line after each 15 s of silence.
progress() {
  local line="" current="" since=$SECONDS last=""
  while true; do
    if IFS= read -r -t 15 line; then
      printf '%s\n' "$line"
      case "$line" in
        *"[INFO] Running "*) current="${line##*Running }"; since=$SECONDS ;;
        *"Tests run:"*" in "*) current="" ;;
      esac
      [ -n "$line" ] && last="$line"
    elif [ $? -gt 128 ]; then # timed out: still silent
      [ -n "$line" ] && printf '%s' "$line" && last="$line" # a partial line read before the timeout
      if [ -n "$current" ]; then
        printf '[progress] still running %s (%d s so far)\n' "$current" $((SECONDS - since))
      else
        printf '[progress] still working (%d s in); last output: %.100s\n' $((SECONDS - started)) "$last"
      fi
    else
      break # end of output
    fi
  done
}

started=$SECONDS
set +e
mvn -B -ntp verify "$@" 2>&1 | progress
status=${PIPESTATUS[0]}
set -e
echo "scripts/test.sh: mvn verify exited $status after $((SECONDS - started)) s"
exit "$status"
