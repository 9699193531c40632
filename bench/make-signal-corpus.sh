#!/usr/bin/env bash
# Assembles the 159-notebook corpus of bench/signal-corpus.md (the one bench/judgments-*.tsv were
# judged on) into OUT_DIR, with the file names the judgment ids use:
#   brevdev/<path with / as _>            every *.ipynb of brevdev/notebooks at e5f0cab2
#   bentrevett/<path with ' ' and / as _> every *.ipynb of bentrevett/pytorch-sentiment-analysis at 329f654b
#   debian/<first 12 hex of sha256>_<name> every *.ipynb of four Debian packages (installed here if missing),
#                                          nbclient's test files left out, duplicates by content dropped
#
#   bench/make-signal-corpus.sh BREVDEV_CLONE BENTREVETT_CLONE OUT_DIR
#
# The two clones are git repositories (a clone, or a bare mirror) holding the commits above.
set -euo pipefail
brevdev="${1:?usage: bench/make-signal-corpus.sh BREVDEV_CLONE BENTREVETT_CLONE OUT_DIR}"
bentrevett="${2:?usage: bench/make-signal-corpus.sh BREVDEV_CLONE BENTREVETT_CLONE OUT_DIR}"
out="${3:?usage: bench/make-signal-corpus.sh BREVDEV_CLONE BENTREVETT_CLONE OUT_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
packages=(python-statsmodels-doc python-nbsphinx-doc python-notebook-doc python3-matplotlib)
bash "$root/scripts/ensure-debian-packages.sh" "${packages[@]}"
mkdir -p "$out/brevdev" "$out/bentrevett" "$out/debian"

copy_from_git() { # repository commit folder rename-spaces
  local repo="$1" commit="$2" folder="$3" spaces="$4"
  git -C "$repo" ls-tree -r --name-only -z "$commit" | while IFS= read -r -d '' path; do
    case "$path" in *.ipynb) ;; *) continue ;; esac
    local name="${path//\//_}"
    [ "$spaces" = 1 ] && name="${name// /_}"
    git -C "$repo" show "$commit:$path" > "$out/$folder/$name"
  done
}
copy_from_git "$brevdev" e5f0cab2b899171aad4dff148ba5c46e7ba0c069 brevdev 0
copy_from_git "$bentrevett" 329f654b2cfaed22fee432569ebd7a2674584f79 bentrevett 1

for package in "${packages[@]}"; do
  dpkg -L "$package" | grep '\.ipynb$' || true
done | grep -v nbclient | LC_ALL=C sort -u | while IFS= read -r file; do
  [ -f "$file" ] || continue
  printf '%s %s\n' "$(sha256sum "$file" | cut -c1-12)" "$file"
done | LC_ALL=C sort -u -k1,1 | while read -r hash file; do
  cp "$file" "$out/debian/${hash}_$(basename "$file")"
done
printf 'corpus in %s: brevdev %d, bentrevett %d, debian %d notebooks\n' "$out" \
  "$(ls "$out/brevdev" | wc -l)" "$(ls "$out/bentrevett" | wc -l)" "$(ls "$out/debian" | wc -l)"
