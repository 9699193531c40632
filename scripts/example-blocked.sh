#!/usr/bin/env bash
# A notebook that is not reproducible as it is, on purpose: extract writes the job but lists
# its blockers and exits 1 (a home-relative data path with no --input, a local module that is
# not there, unpinned packages, a name that existed only in the kernel's memory). Each blocker
# has a code that `lockstep explain` documents. Exits 0 when extract reported the blockers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
notebook="test-notebooks/examples/sklearn-churn-model.ipynb"
job="build/example-blocked-job"

printf '==> extract %s -> %s (expect blockers, exit 1)\n' "$notebook" "$job"
set +e
./lockstep extract "$notebook" -o "$job" --force
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "example-blocked: extract exited $status; expected 1 (written with blockers)" >&2
  exit 1
fi

printf '\n==> explain EX002 (the first blocker)\n'
./lockstep explain EX002
printf '\nThe job in %s is written; its README.md lists the blockers.\n' "$job"
printf 'It is not reproducible until each is decided. scripts/example.sh shows the happy path.\n'
