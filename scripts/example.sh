#!/usr/bin/env bash
# The main job on the shipped example, on a fresh machine: extract the PyTorch adapter
# fine-tune notebook into a job directory, then run it with Debian's Python.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-python-packages.sh
job="build/example-job"
set +e
./lockstep extract test-notebooks/examples/pytorch-adapter-finetune.ipynb -o "$job" --force \
  --input data=test-notebooks/examples/data/train.csv
status=$?
set -e
# 1 means "written, with blockers": the example pins no package versions, on purpose.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  exit "$status"
fi
./lockstep run "$job" --python /usr/bin/python3
