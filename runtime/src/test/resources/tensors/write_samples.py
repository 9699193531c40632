"""Writes one sample file per dtype and layout the Java readers must decode, and expected.json
with each array's dtype name, shape and values (C order; NaN/inf as strings)."""
import json
import struct
import sys
from pathlib import Path

import numpy as np

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
expected = {}


def values(array):
    flat = np.asarray(array, dtype=np.float64).ravel(order="C")
    return [v if np.isfinite(v) else str(v) for v in flat.tolist()]


def record(file, name, dtype_name, array):
    expected.setdefault(file, {})[name] = {"dtype": dtype_name, "shape": list(np.shape(array)), "values": values(array)}


base = np.array([[0.0, -1.5, 2.25], [np.nan, np.inf, -np.inf]])
numpy_types = {
    "float16": "<f2", "float32": "<f4", "float64": "<f8", "int8": "|i1", "int16": "<i2", "int32": "<i4",
    "int64": "<i8", "uint8": "|u1", "uint16": "<u2", "uint32": "<u4", "uint64": "<u8", "bool": "|b1",
}
for name, code in numpy_types.items():
    array = base if name.startswith("float") else np.array([[0, 1, 2], [3, 100, 127]])
    array = array.astype(code)
    np.save(out / (name + ".npy"), array)
    record(name + ".npy", "", name, array)

big_endian = np.arange(6, dtype=">f8").reshape(2, 3) / 4
np.save(out / "big_endian.npy", big_endian)
record("big_endian.npy", "", "float64", big_endian)

fortran = np.asfortranarray(np.arange(12, dtype="<i4").reshape(3, 4))
np.save(out / "fortran.npy", fortran)
record("fortran.npy", "", "int32", fortran)

scalar = np.array(3.5, dtype="<f4")
np.save(out / "scalar.npy", scalar)
record("scalar.npy", "", "float32", scalar)

large_u64 = np.array([2**63 + 2**12], dtype="<u8")
np.save(out / "uint64_large.npy", large_u64)
record("uint64_large.npy", "", "uint64", [float(2**63 + 2**12)])

arrays = {"w": base.astype("<f4"), "steps": np.arange(5, dtype="<i8")}
np.savez(out / "stored.npz", **arrays)
np.savez_compressed(out / "compressed.npz", **arrays)
for file in ("stored.npz", "compressed.npz"):
    record(file, "w", "float32", arrays["w"])
    record(file, "steps", "int64", arrays["steps"])

weights = np.array([[1.0, -2.5], [0.099609375, 3.0e38]], dtype="<f4")
tensors = {
    "bf16": ("BF16", "bfloat16", (weights.view("<u4") >> 16).astype("<u2").tobytes(),
             ((weights.view("<u4") >> 16) << 16).astype("<u4").view("<f4")),
    "f16": ("F16", "float16", weights[:, :1].astype("<f2").tobytes(), weights[:, :1].astype("<f2")),
    "f32": ("F32", "float32", weights.tobytes(), weights),
    "f64": ("F64", "float64", weights.astype("<f8").tobytes(), weights.astype("<f8")),
    "i8": ("I8", "int8", np.array([-128, 127], dtype="i1").tobytes(), np.array([-128, 127])),
    "i16": ("I16", "int16", np.array([-300, 300], dtype="<i2").tobytes(), np.array([-300, 300])),
    "i32": ("I32", "int32", np.array([-70000], dtype="<i4").tobytes(), np.array([-70000])),
    "i64": ("I64", "int64", np.array([-(2**40)], dtype="<i8").tobytes(), np.array([-(2**40)])),
    "u8": ("U8", "uint8", np.array([255, 0], dtype="u1").tobytes(), np.array([255, 0])),
    "flags": ("BOOL", "bool", np.array([True, False, True], dtype="?").tobytes(), np.array([True, False, True])),
}
header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
for name, (code, dtype_name, raw, array) in tensors.items():
    header[name] = {"dtype": code, "shape": list(np.shape(array)), "data_offsets": [offset, offset + len(raw)]}
    blobs.append(raw)
    offset += len(raw)
    record("model.safetensors", name, dtype_name, array)
text = json.dumps(header).encode()
text += b" " * (-len(text) % 8)
(out / "model.safetensors").write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))

(out / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True))
