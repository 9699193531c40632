#!/usr/bin/env bash
# How far the closure goes on real notebooks: for each notebook of test-notebooks/corpus/corpus.tsv
# marked `offline` (or the notebooks named as arguments), extract a job, count the outputs it
# declares, run it, then verify it (a second run compared with the first), and print one row per
# notebook plus the totals:
#   declared  the job declares at least one output
#   ran       `lockstep run` exited 0
#   verified  `lockstep verify` exited 0 and compared at least one output
#
#   bench/corpus-jobs.sh                   every offline corpus notebook
#   RUN_TIMEOUT=600 bench/corpus-jobs.sh   seconds allowed for each run (default 300)
#   LOCKSTEP=/path/to/lockstep bench/corpus-jobs.sh   measure another build (default ./lockstep)
# Jobs are written under a temporary folder that is removed at the end (KEEP=1 keeps it).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lockstep="${LOCKSTEP:-$root/lockstep}"
timeout_s="${RUN_TIMEOUT:-300}"
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
notebooks=("$@")
if [ "${#notebooks[@]}" -eq 0 ]; then
  mapfile -t notebooks < <(awk -F'\t' 'NR > 1 && $6 == "offline" {print "test-notebooks/corpus/" $1}' \
    test-notebooks/corpus/corpus.tsv)
fi
declared=0; ran=0; verified=0; total=0
printf '%-90s %8s %8s %5s %8s\n' notebook outputs extract run verify
for nb in "${notebooks[@]}"; do
  total=$((total + 1))
  job="$work/job-$total"
  "$lockstep" extract "$nb" -o "$job" --force >"$job.extract.log" 2>&1
  ex=$?
  outputs=0
  if [ -f "$job/lockstep.yaml" ]; then
    outputs=$(/usr/bin/python3 - "$job/lockstep.yaml" <<'PY'
import sys, re
text = open(sys.argv[1]).read()
m = re.search(r'^outputs:(.*?)(?=^\S|\Z)', text, re.S | re.M)
body = m.group(1) if m else ''
if body.strip() in ('', '{}'):
    print(0)
else:
    print(len(re.findall(r'^  [A-Za-z_][A-Za-z0-9_]*:', body, re.M)))
PY
)
  fi
  [ "$outputs" -gt 0 ] && declared=$((declared + 1))
  run="-"; verify="-"
  if [ -f "$job/lockstep.yaml" ]; then
    timeout "$timeout_s" "$lockstep" run "$job" --python /usr/bin/python3 >"$job.run.log" 2>&1
    rc=$?; run=$rc
    if [ "$rc" -eq 0 ]; then
      ran=$((ran + 1))
      timeout "$timeout_s" "$lockstep" verify "$job" --python /usr/bin/python3 >"$job.verify.log" 2>&1
      vrc=$?; verify=$vrc
      if [ "$vrc" -eq 0 ] && [ "$outputs" -gt 0 ]; then verified=$((verified + 1)); fi
    fi
  fi
  printf '%-90s %8s %8s %5s %8s\n' "$nb" "$outputs" "$ex" "$run" "$verify"
done
echo
echo "notebooks: $total; jobs declaring >=1 output: $declared; ran: $ran; verified with >=1 output compared: $verified"
