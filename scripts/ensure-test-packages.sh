#!/usr/bin/env bash
# Installs what the test suite needs beyond the job runtime's Python packages: notebooks written
# by other people (Debian's documentation packages ship real analysis notebooks), which the
# robustness tests scan and extract.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/ensure-python-packages.sh"
bash "$here/ensure-debian-packages.sh" python-statsmodels-doc python-nbsphinx-doc python-notebook-doc python3-nbclient
