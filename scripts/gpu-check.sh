#!/usr/bin/env bash
# GPU reproducibility check: does the determinism prelude make a CUDA training job reproducible?
#
# Extracts test-notebooks/examples/gpu-finetune.ipynb twice (with the determinism prelude, and
# with --no-determinism), runs each job twice with `lockstep run`, and prints the output hash of
# all four runs, the GPU model, driver and CUDA version from the run records, and a verdict.
#
# Needs an NVIDIA GPU (nvidia-smi) and a Python whose torch has CUDA; without either it says so
# and exits 0. The Python is $LOCKSTEP_GPU_PYTHON, else the first of /usr/bin/python3 and the
# python3 on PATH whose torch sees a GPU.
#
#   scripts/gpu-check.sh [WORK_DIR]     (default: a new temporary folder, kept for inspection)
#
# Exit: 0 checked (the prelude's two runs are identical) or nothing to check here; 1 the
# prelude's two runs differ or a run failed; 2 the check itself could not run (e.g. build).
# LOCKSTEP_GPU_CHECK_ON_CPU=1 runs the same steps on the CPU, to test this script without a GPU.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
notebook="$root/test-notebooks/examples/gpu-finetune.ipynb"
lockstep="$root/lockstep"
on_cpu="${LOCKSTEP_GPU_CHECK_ON_CPU:-0}"

say() { printf 'gpu-check: %s\n' "$*"; }

# --- is there anything to check here? --------------------------------------------------------
if [ "$on_cpu" != 1 ]; then
  if ! command -v nvidia-smi >/dev/null 2>&1; then
    say "no NVIDIA GPU on this machine (nvidia-smi not found); nothing to check"
    exit 0
  fi
  if ! gpus="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null)" || [ -z "$gpus" ]; then
    say "nvidia-smi finds no usable GPU (driver not loaded?); nothing to check"
    exit 0
  fi
fi

cuda_torch() {  # prints torch's version and CUDA version when $1's torch sees a GPU
  "$1" -c 'import sys, torch; ok = torch.cuda.is_available(); print(torch.__version__, torch.version.cuda); sys.exit(0 if ok else 1)' 2>/dev/null
}
candidates=()
[ -n "${LOCKSTEP_GPU_PYTHON:-}" ] && candidates+=("$LOCKSTEP_GPU_PYTHON")
candidates+=(/usr/bin/python3)
command -v python3 >/dev/null 2>&1 && candidates+=("$(command -v python3)")
python=""
for candidate in "${candidates[@]}"; do
  [ -x "$candidate" ] || continue
  if [ "$on_cpu" = 1 ]; then
    "$candidate" -c 'import torch' 2>/dev/null && { python="$candidate"; break; }
  elif torch_info="$(cuda_torch "$candidate")"; then
    python="$candidate"
    say "using $python (torch $torch_info)"
    break
  fi
done
if [ -z "$python" ]; then
  if [ "$on_cpu" = 1 ]; then
    say "no Python with torch found (tried: ${candidates[*]}); nothing to check"
  else
    say "no Python whose torch has CUDA and sees the GPU (tried: ${candidates[*]}); nothing to check"
    say "install a CUDA build of PyTorch, or point LOCKSTEP_GPU_PYTHON at an interpreter that has one"
  fi
  exit 0
fi
[ "$on_cpu" = 1 ] && say "LOCKSTEP_GPU_CHECK_ON_CPU=1: running on the CPU with $python (a test of this script, not of a GPU)"

# --- extract and run ------------------------------------------------------------------------
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/lockstep-gpu-check.XXXXXX")}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
say "jobs and runs under $work"

extract() {  # $1 job folder, then extract flags; exit 1 (written with blockers) is expected
  local status=0
  "$lockstep" extract "$notebook" -o "$work/$1" --force "${@:2}" >"$work/$1.extract.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    say "extract failed (exit $status):"
    sed 's/^/  /' "$work/$1.extract.log" >&2
    exit 2
  fi
}
extract prelude
extract no-prelude --no-determinism

failed=0
for job in prelude no-prelude; do
  for attempt in 1 2; do
    say "$job: run $attempt"
    if ! "$lockstep" run "$work/$job" --python "$python" >"$work/$job.run$attempt.log" 2>&1; then
      failed=1
      say "$job: run $attempt failed; the last lines of its output:"
      tail -n 15 "$work/$job.run$attempt.log" | sed 's/^/  /'
    fi
  done
done

# --- report from the run records -------------------------------------------------------------
report=0
"$python" - "$work" <<'PY' || report=$?
import json, os, sys

work = sys.argv[1]
hashes = {}
gpu = None
torch_version = None
print()
print(f"{'job':<11} {'run':<32} {'status':<10} gpu_weights sha256")
for job in ("prelude", "no-prelude"):
    runs_dir = os.path.join(work, job, "runs")
    runs = sorted(os.listdir(runs_dir)) if os.path.isdir(runs_dir) else []
    hashes[job] = []
    for run in runs:
        with open(os.path.join(runs_dir, run, "record.json")) as handle:
            record = json.load(handle)
        output = (record.get("outputs") or {}).get("gpu_weights") or {}
        digest = output.get("sha256") or "-"
        hashes[job].append(digest)
        print(f"{job:<11} {run:<32} {record['status']:<10} {digest}")
        gpu = gpu or (record.get("hardware") or {}).get("gpu")
        torch = ((record.get("python") or {}).get("modules") or {}).get("torch") or {}
        torch_version = torch.get("version") or torch_version
        warnings = (record.get("hardware") or {}).get("warnings") or []
        for warning in warnings:
            print(f"{'':<11} warning: {warning}")
print()
if gpu:
    print(f"GPU: {gpu.get('count')} x {', '.join(gpu.get('models') or [])}; "
          f"driver {gpu.get('driverVersion')}; CUDA {gpu.get('cudaVersion')}")
else:
    print("GPU: none in the run records")
print(f"torch: {torch_version or 'unknown'}")

def verdict(job):
    runs = [h for h in hashes[job] if h != "-"]
    if len(runs) < 2:
        return None
    return len(set(runs)) == 1

prelude, plain = verdict("prelude"), verdict("no-prelude")
print("with the determinism prelude:  " + {True: "the two runs are byte-identical",
      False: "the two runs DIFFER", None: "fewer than two runs wrote the output"}[prelude])
print("with --no-determinism:         " + {True: "the two runs are byte-identical (nondeterminism did not show this time)",
      False: "the two runs differ (as expected without the prelude)",
      None: "fewer than two runs wrote the output"}[plain])
sys.exit(0 if prelude else 1)
PY
if [ "$failed" -ne 0 ] || [ "$report" -ne 0 ]; then
  exit 1
fi
