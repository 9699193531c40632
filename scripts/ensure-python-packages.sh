#!/usr/bin/env bash
# Installs the Debian Python packages that jobs and tests run with, when they are missing.
# Jobs run with /usr/bin/python3 (Debian's), not the python3 first on PATH.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/ensure-debian-packages.sh" \
  python3-numpy python3-pandas python3-torch python3-sklearn
