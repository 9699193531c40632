#!/usr/bin/env bash
# Measures the closure of extracted jobs on the real-notebook corpus: for every notebook marked
# `offline` in test-notebooks/corpus/corpus.tsv, extract it, count the outputs the job declares,
# run it with Debian's Python, and verify it (a second run compared with the first).
#
#   bench/closure.sh [LOCKSTEP] [WORK]     # LOCKSTEP: the lockstep launcher to measure (default ./lockstep)
#
# Prints one line per notebook and the totals: jobs declaring >= 1 output, jobs that run,
# jobs that verify identical with >= 1 output compared.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lockstep="${1:-$root/lockstep}"
work="${2:-$(mktemp -d)}"
limit="${CLOSURE_TIMEOUT:-300}"
total=0; declaring=0; running=0; verified=0
printf '%-90s %7s %8s %4s %8s\n' notebook outputs blockers run verified
while IFS=$'\t' read -r notebook _ _ _ _ kind; do
  [ "$kind" = offline ] || continue
  total=$((total + 1))
  job="$work/job-$total"
  rm -rf "$job"
  "$lockstep" extract "$root/test-notebooks/corpus/$notebook" -o "$job" > "$job.extract.log" 2>&1
  outputs=0; blockers=0; ran=no; ok=no
  if [ -f "$job/lockstep.yaml" ]; then
    outputs=$(awk '/^outputs:/{o=1; next} /^[a-z]/{o=0} o && /path:/{n++} END{print n+0}' "$job/lockstep.yaml")
    blockers=$(grep -c '"rule"' "$job/extraction.json" 2>/dev/null || true)
    [ "$outputs" -gt 0 ] && declaring=$((declaring + 1))
    if timeout "$limit" "$lockstep" run "$job" --python /usr/bin/python3 > "$job.run.log" 2>&1; then
      ran=yes; running=$((running + 1))
      if timeout "$limit" "$lockstep" verify "$job" --python /usr/bin/python3 > "$job.verify.log" 2>&1 \
          && grep -Eq 'verify passed: [1-9][0-9]* output' "$job.verify.log"; then
        ok=yes; verified=$((verified + 1))
      fi
    fi
  fi
  printf '%-90s %7s %8s %4s %8s\n' "$notebook" "$outputs" "$blockers" "$ran" "$ok"
done < "$root/test-notebooks/corpus/corpus.tsv"
echo "offline notebooks: $total; jobs declaring >= 1 output: $declaring; jobs that run: $running; verified identical with >= 1 output: $verified"
