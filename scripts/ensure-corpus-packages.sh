#!/usr/bin/env bash
# Installs the Debian Python packages that the offline notebooks of test-notebooks/corpus/ import
# beyond the job runtime's own (numpy, pandas, torch, sklearn): for measurements and replays.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/ensure-python-packages.sh"
exec bash "$here/ensure-debian-packages.sh" python3-matplotlib python3-scipy python3-statsmodels \
  python3-patsy python3-lxml python3-openpyxl python3-graphviz python3-ipywidgets python3-tz \
  python3-sqlalchemy python3-requests python3-ipython python3-tables
