# %% cell 1 (id 0f0f0f01)
import glob
import json
import os
import time

import numpy as np

config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
params = config["params"]
start = time.perf_counter()

# %% cell 2 (id 0f0f0f02)
parts = sorted(glob.glob(os.path.join(config["inputs"]["sensors"], "**", "part-*.csv"), recursive=True))
values = np.concatenate([np.loadtxt(p, delimiter=",", skiprows=1, ndmin=2)[:, 1] for p in parts])
print("read", len(parts), "parts,", len(values), "values")
print("model object", object())

# %% cell 3 (id 0f0f0f03)
out = config["outputs"]["model"]
np.save(os.path.join(out, "weights.npy"), values * params["factor"])
with open(os.path.join(out, "config.json"), "w") as handle:
    json.dump({"mean": float(values.mean() * params["factor"]), "parts": len(parts)}, handle, sort_keys=True)
if not params["drop_notes"]:
    with open(os.path.join(out, "notes.txt"), "w") as handle:
        handle.write("trained on %d values\n" % len(values))
print("mean %.6f" % (values.mean() * params["factor"]))
print("took %.3fs" % (time.perf_counter() - start))
