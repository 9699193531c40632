#!/usr/bin/env bash
# Installs what the test suite needs beyond the job runtime's Python packages: notebooks written
# by other people (Debian's documentation packages ship real analysis notebooks), which the
# robustness tests scan and extract.
set -euo pipefail
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-python-packages.sh"
needed=(python-statsmodels-doc python-nbsphinx-doc python-notebook-doc python3-nbclient)
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "installing Debian packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
