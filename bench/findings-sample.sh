#!/usr/bin/env bash
# Volume and a fixed-seed sample of the findings on a corpus of real notebooks, for judging by hand.
#
#   bench/findings-sample.sh CORPUS_DIR [OUT_DIR]
#
# Environment: LOCKSTEP_JAR=path/to/lockstep.jar scans with that jar instead of ./lockstep (to
# measure an older build on the same corpus); SAMPLE (default 160) and SEED (default 12) size and
# seed the sample. Writes OUT_DIR/scan.json and OUT_DIR/sample.tsv (default OUT_DIR:
# build/findings-sample) and prints the figures; judge the sample by filling in the columns
# worth (yes/no) and reason, then: python3 bench/findings_sample.py OUT_DIR/scan.json --judged FILE
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:?usage: bench/findings-sample.sh CORPUS_DIR [OUT_DIR]}"
out="${2:-$root/build/findings-sample}"
mkdir -p "$out"
if [ -n "${LOCKSTEP_JAR:-}" ]; then
  scan=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$LOCKSTEP_JAR" scan)
else
  scan=("$root/lockstep" scan)
fi
# Exit status 1 means "findings present"; only a status above 1 is a failure of the scan.
"${scan[@]}" --format json "$corpus" > "$out/scan.json.tmp" || [ $? -le 1 ]
mv "$out/scan.json.tmp" "$out/scan.json"
/usr/bin/python3 "$root/bench/findings_sample.py" "$out/scan.json" --sample "${SAMPLE:-160}" --seed "${SEED:-12}" \
  --tsv "$out/sample.tsv"
