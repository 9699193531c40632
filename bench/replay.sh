#!/usr/bin/env bash
# lockstep replay on real notebooks beside raw `jupyter nbconvert --to notebook --execute` run
# twice. For each notebook (the offline notebooks of test-notebooks/corpus/corpus.tsv and the
# Debian-shipped ones below, or the notebooks named as arguments) it runs:
#   replay            lockstep replay NB            (as-is, against the saved outputs)
#   seeded            lockstep replay NB --seeded
#   twice             lockstep replay NB --twice    (two replays compared: deterministic?)
#   twice-seeded      lockstep replay NB --twice --seeded (only with TWICE_SEEDED=1; "-" otherwise)
#   nbconvert x2      python3 -m nbconvert --to notebook --execute, twice, each in a fresh copy of
#                     the notebook's folder; "ran" = exit 0, "claimed" = every code cell's outputs
#                     byte-equal to the saved ones, "same" = the two runs' outputs byte-equal
# and prints one row per notebook, then the totals and the median times of one replay and one
# nbconvert execution. Times are wall-clock seconds on this machine (noisy on a shared one).
#
#   bench/replay.sh                      corpus offline notebooks + Debian's (default sample)
#   STATSMODELS=20 bench/replay.sh       also the first 20 statsmodels example notebooks (default 6)
#   CELL_TIMEOUT=60 TIMEOUT=300 bench/replay.sh   limits for each execution (defaults 120 and 300)
#   bench/replay.sh a.ipynb b.ipynb      just these
# Working copies live in a temporary folder removed at the end (KEEP=1 keeps it); no notebook is
# modified and nothing is written into the repository.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lockstep="${LOCKSTEP:-$root/lockstep}"
python=/usr/bin/python3
cell_timeout="${CELL_TIMEOUT:-120}"
timeout_s="${TIMEOUT:-300}"
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

notebooks=("$@")
if [ "${#notebooks[@]}" -eq 0 ]; then
  mapfile -t notebooks < <(awk -F'\t' 'NR > 1 && $6 == "offline" {print "test-notebooks/corpus/" $1}' \
    test-notebooks/corpus/corpus.tsv)
  while IFS= read -r nb; do notebooks+=("$nb"); done < <(
    { find /usr/share/doc/python-nbsphinx/html /usr/share/doc/python-notebook-doc/html -name '*.ipynb' -not -path '*/_sources/*'
      find /usr/share/doc/python-statsmodels-doc/examples/notebooks -maxdepth 1 -name '*.ipynb' | sort | head -n "${STATSMODELS:-6}"
    } 2>/dev/null | sort)
fi
"$lockstep" --version >/dev/null 2>&1 || { echo "bench/replay.sh: ./lockstep does not run" >&2; exit 2; }
"$python" -c 'import nbconvert, ipykernel' 2>/dev/null || {
  echo "bench/replay.sh: needs Debian's python3-nbconvert and python3-ipykernel" >&2; exit 2; }

# The folder a run needs: the corpus repository's folder (its notebooks read ../../data), else the notebook's.
copy_root() {
  case "$1" in
    test-notebooks/corpus/*) echo "$1" | cut -d/ -f1-3 ;;
    *) dirname "$1" ;;
  esac
}

now() { date +%s.%N; }
shorten() { local s="$1"; [ "${#s}" -gt 75 ] && s="...${s: -72}"; echo "$s"; }
elapsed() { echo "$(now) - $1" | bc; }

# one lockstep replay: prints "exit seconds"
replay() {
  local nb="$1"; shift
  local start; start=$(now)
  timeout $((timeout_s * 2 + 60)) "$lockstep" replay "$nb" --cell-timeout "$cell_timeout" --timeout "$timeout_s" \
    --format json "$@" >"$work/last.json" 2>"$work/last.err"
  local rc=$?
  echo "$rc $(elapsed "$start")"
}

# one nbconvert execution in a fresh copy: prints "exit seconds", leaves the executed notebook in $2
nbconvert() {
  local nb="$1" out="$2"
  local src; src="$(copy_root "$nb")"
  local copy="$work/copy"; rm -rf "$copy"; mkdir -p "$copy"
  cp -r "$src" "$copy/"
  local rel="${nb#"$src"/}"
  local start; start=$(now)
  ( cd "$copy/$(basename "$src")/$(dirname "$rel")" &&
    timeout $((timeout_s + 60)) "$python" -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout="$cell_timeout" --output-dir "$work" --output "$(basename "$out")" \
      "$(basename "$rel")" >"$work/nbc.log" 2>&1 )
  local rc=$?
  echo "$rc $(elapsed "$start")"
  rm -rf "$copy"
}

printf '%-75s %7s %7s %7s %7s %8s %8s %8s %8s\n' notebook replay seeded twice twice-s nbc-ran nbc-claim nbc-same "t(r/n)"
n=0; r_ok=0; s_ok=0; t_ok=0; ts_ok=0; nb_ran=0; nb_claim=0; nb_same=0; nb_ran2=0
replay_times=(); nbc_times=()
for nb in "${notebooks[@]}"; do
  n=$((n + 1))
  read -r rc1 t1 < <(replay "$nb")
  [ "$rc1" = 0 ] && r_ok=$((r_ok + 1))
  v1=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"].replace(" ", "-"))' "$work/last.json" 2>/dev/null || echo "exit-$rc1")
  read -r rc2 _ < <(replay "$nb" --seeded)
  [ "$rc2" = 0 ] && s_ok=$((s_ok + 1))
  read -r rc3 _ < <(replay "$nb" --twice)
  [ "$rc3" = 0 ] && t_ok=$((t_ok + 1))
  rc4=-
  if [ "${TWICE_SEEDED:-0}" = 1 ]; then
    read -r rc4 _ < <(replay "$nb" --twice --seeded)
    [ "$rc4" = 0 ] && ts_ok=$((ts_ok + 1))
  fi
  rm -f "$work/nbc1.ipynb" "$work/nbc2.ipynb"
  read -r nrc1 nt1 < <(nbconvert "$nb" "$work/nbc1.ipynb")
  read -r nrc2 _ < <(nbconvert "$nb" "$work/nbc2.ipynb")
  [ "$nrc1" = 0 ] && nb_ran=$((nb_ran + 1))
  [ "$nrc1" = 0 ] && [ "$nrc2" = 0 ] && nb_ran2=$((nb_ran2 + 1))
  read -r claim same < <("$python" "$root/bench/replay_outputs.py" "$nb" \
    "$( [ "$nrc1" = 0 ] && echo "$work/nbc1.ipynb" || echo /nonexistent)" \
    "$( [ "$nrc2" = 0 ] && echo "$work/nbc2.ipynb" || echo /nonexistent)")
  [ "$claim" = claimed ] && nb_claim=$((nb_claim + 1))
  [ "$same" = same ] && nb_same=$((nb_same + 1))
  replay_times+=("$t1"); nbc_times+=("$nt1")
  mark() { case "$1" in 0) echo yes ;; -) echo - ;; *) echo "no($1)" ;; esac; }
  printf '%-75s %7s %7s %7s %7s %8s %8s %8s %4.0f/%-4.0f %s\n' "$(shorten "$nb")" "$(mark "$rc1")" "$(mark "$rc2")" "$(mark "$rc3")" \
    "$(mark "$rc4")" "$(mark "$nrc1")" "$claim" "$same" "$t1" "$nt1" "$v1"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
echo
echo "notebooks: $n"
echo "lockstep replay, as claimed (exit 0 against the saved outputs): as-is $r_ok, seeded $s_ok"
echo "lockstep replay --twice, deterministic (exit 0): as-is $t_ok$( [ "${TWICE_SEEDED:-0}" = 1 ] && echo ", seeded $ts_ok")"
echo "nbconvert --execute: ran $nb_ran (both runs: $nb_ran2); outputs byte-equal to the saved ones $nb_claim;" \
  "two runs byte-equal $nb_same"
echo "median seconds for one execution: lockstep replay $(median "${replay_times[@]}"), nbconvert $(median "${nbc_times[@]}")"
