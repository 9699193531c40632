import json
import os
import struct

# %% cell 1 (id 00000001)
import numpy as np

config = json.load(open(os.environ["LOCKSTEP_CONFIG"]))
outputs = config["outputs"]
jitter = config["params"]["jitter"]

base = np.linspace(-2.0, 2.0, 12).reshape(4, 3)
weights = (base + jitter).astype(np.float32)
np.save(outputs["weights"], weights)
np.save(outputs["weights_exact"], weights)
np.savez(outputs["stored"], w=weights, bias=(np.arange(3) + jitter).astype(np.float64))
np.savez_compressed(outputs["compressed"], w=weights, steps=np.arange(5, dtype=np.int64))


# %% cell 2 (id 00000002)
def save_safetensors(path, tensors):
    """The safetensors format by hand: u64 header length, JSON header, raw little-endian data."""
    header, blobs, offset = {"__metadata__": {"format": "np"}}, [], 0
    for name, (dtype, array, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, sort_keys=True).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


bits = weights.view(np.uint32).astype(np.uint64)
bf16 = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")  # round to nearest even, as torch does
save_safetensors(outputs["tensors"], {
    "w": ("F32", weights, weights.astype("<f4").tobytes()),
    "w_bf16": ("BF16", weights, bf16.tobytes()),
    "w_f16": ("F16", weights, weights.astype("<f2").tobytes()),
    "ids": ("I64", np.arange(4), np.arange(4, dtype="<i8").tobytes()),
})

# %% cell 3 (id 00000003)
metrics = {"loss": 0.25 + jitter, "history": [{"step": 1, "loss": 1.5 + jitter}], "name": "run", "nan": float("nan")}
with open(outputs["metrics"], "w") as handle:
    json.dump(metrics, handle, sort_keys=True)
