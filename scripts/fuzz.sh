#!/usr/bin/env bash
# The long fuzz run: the property tests (NotebookPropertiesTest, ExtractPropertiesTest,
# ScanPropertiesTest) with many more tries than CI gives them. Not part of CI.
#
#   scripts/fuzz.sh            100,000 cases in all
#   scripts/fuzz.sh 20000      fewer
#
# Cases are spread over the properties by their cost: each analyzer property gets 28% of them,
# the extraction property 12%, the folder-scan property 4% (each of its cases scans up to ten
# files twice). A hang fails its case after lockstep.fuzz.timeoutSeconds (default 30 s).
# Prints the tries and the time of each property; exits non-zero when one failed, with jqwik's
# report (the shrunk input and the seed to repeat it with) in the Maven output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cases="${1:-100000}"
analyzer_tries=$(( cases * 28 / 100 ))
extract_tries=$(( cases * 12 / 100 ))
scan_tries=$(( cases - 3 * analyzer_tries - extract_tries ))
log="$(mktemp -d)"
echo "fuzz: ${cases} cases: 3 x ${analyzer_tries} (analyzer), ${extract_tries} (extract), ${scan_tries} (folder scans); logs in ${log}"

status=0
run() { # module test tries
  local module="$1" test="$2" tries="$3" start end
  start=$(date +%s)
  # -am builds what the module needs in the reactor (nothing is installed); only ${test} runs.
  if mvn -B -ntp -pl "${module}" -am test -Dtest="${test}" -Dsurefire.failIfNoSpecifiedTests=false \
      "-Djqwik.tries.default=${tries}" >"${log}/${test}.txt" 2>&1; then
    end=$(date +%s)
    echo "fuzz: ${test}: $(grep -h 'Tests run:' "${module}/target/surefire-reports/"*"${test}.txt" | head -1 | sed 's/ -- in.*//')" \
      "(${tries} tries a property, $(( end - start )) s)"
  else
    end=$(date +%s)
    status=1
    echo "fuzz: ${test}: FAILED after $(( end - start )) s; the report (whole log: ${log}/${test}.txt):"
    grep -v '^\s*at ' "${module}/target/surefire-reports/"*"${test}.txt" 2>/dev/null | head -80 \
      || tail -n 80 "${log}/${test}.txt"
  fi
}
run analyzer NotebookPropertiesTest "${analyzer_tries}"
run extractor ExtractPropertiesTest "${extract_tries}"
run cli ScanPropertiesTest "${scan_tries}"
exit "${status}"
