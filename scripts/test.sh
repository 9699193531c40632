#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then builds and tests
# every module. Tests run real Python (Debian's /usr/bin/python3 with torch, numpy, pandas).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-test-packages.sh
bash scripts/ensure-container-tools.sh
mvn -B -ntp verify "$@"
