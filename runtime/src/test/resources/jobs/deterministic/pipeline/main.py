# Generated-style pipeline: cell markers name the notebook cells the code came from.
import csv
import json
import os
import sys

# %% cell 1 (id 0a1b2c3d)
import numpy as np
import helpers

config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
params = config["params"]
np.random.seed(config["seed"])
rng = np.random.default_rng(config["seed"])

# %% cell 2 (id 4e5f6a7b)
with open(config["inputs"]["numbers"], newline="") as handle:
    rows = list(csv.DictReader(handle))
ys = np.array(helpers.column(rows, "y")) * params["scale"]
print("read", len(rows), "rows", flush=True)
print("threads", os.environ.get("OMP_NUM_THREADS"), file=sys.stderr, flush=True)

# %% cell 4 (id 8c9d0e1f)
samples = rng.normal(size=(params["steps"], len(ys))) + ys
if params["shuffle"]:
    samples = samples[:, rng.permutation(len(ys))]
np.save(config["outputs"]["samples"], samples.astype(np.float32))
summary = {
    "label": params["label"],
    "mean": float(samples.mean()),
    "hash_seed": os.environ.get("PYTHONHASHSEED"),
    "set_order": list({"alpha", "beta", "gamma", "delta"}),
}
with open(config["outputs"]["summary"], "w") as handle:
    json.dump(summary, handle, sort_keys=True)
print("done", flush=True)
