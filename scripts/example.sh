#!/usr/bin/env bash
# The main job on the shipped example, on a fresh machine: the happy path. Extracts the PyTorch
# adapter fine-tune notebook into a job directory with its package pins and its training data
# bound (no blockers: extract exits 0), runs it with Debian's Python, then verifies it: runs it
# again and compares both runs' outputs byte for byte. scripts/example-blocked.sh shows a
# notebook that cannot be extracted cleanly, on purpose.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-python-packages.sh
notebook="test-notebooks/examples/pytorch-adapter-finetune.ipynb"
job="build/example-job"

step() { printf '\n==> %s\n' "$*"; }

step "extract $notebook -> $job"
echo "    pins: test-notebooks/examples/pytorch-adapter-finetune.pins.txt (the versions it was run with);"
echo "    training data: the notebook read /home/maria/...; bound to test-notebooks/examples/data/train.csv"
set +e
./lockstep extract "$notebook" -o "$job" --force \
  --requirements test-notebooks/examples/pytorch-adapter-finetune.pins.txt \
  --input data=test-notebooks/examples/data/train.csv
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "example: extract exited $status; the shipped example should extract with no blockers" >&2
  exit "$status"
fi

step "run $job (Debian's /usr/bin/python3)"
./lockstep run "$job" --python /usr/bin/python3

step "verify $job: run again and compare the outputs with the run above"
./lockstep verify "$job" --python /usr/bin/python3
