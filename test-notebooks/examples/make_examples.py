#!/usr/bin/python3
"""Regenerate the Lockstep example notebooks, their expected findings and sample data.

    /usr/bin/python3 make_examples.py            # write everything next to this script
    /usr/bin/python3 make_examples.py --check    # exit 1 if a written file would change

Standard library only. Output is deterministic: no timestamps, no random ids (cell ids
are hashes of notebook name and cell key), sample data from seeded ``random.Random``,
PNGs written with stored (uncompressed) deflate blocks so the bytes do not depend on the
zlib build.

Each notebook is described as a list of cells; code cells carry the findings a careful
reviewer would mark (rule, a substring that picks the line, reason) and the deliberate
non-findings.  ``<name>.expected.md`` is generated from those annotations, so cell
positions and line numbers cannot drift from the notebook.

Saved outputs of the runnable notebooks (pytorch-adapter-finetune, clean-reproducible,
gpu-finetune) are frozen copies of real runs of their code on the sample data under
torch 1.13 CPU (see CAPTURED below); the other notebooks' outputs are hand-written.
"""

import base64
import hashlib
import json
import os
import random
import struct
import sys
import zlib
from pprint import pformat

HERE = os.path.dirname(os.path.abspath(__file__))

SEVERITY = {
    "LS101": "warning", "LS102": "warning", "LS103": "info", "LS104": "error",
    "LS105": "error", "LS106": "warning", "LS107": "warning", "LS108": "warning",
    "LS201": "error", "LS202": "error", "LS203": "warning", "LS204": "warning",
    "LS205": "info", "LS206": "warning", "LS207": "error",
    "LS301": "warning", "LS302": "warning", "LS303": "warning", "LS304": "warning",
    "LS305": "warning", "LS306": "warning", "LS307": "warning", "LS308": "error",
    "LS309": "info", "LS310": "warning", "LS311": "info", "LS312": "warning",
    "LS401": "error", "LS402": "error", "LS403": "error", "LS404": "error",
    "LS405": "info", "LS406": "warning", "LS407": "warning",
    "LS501": "warning", "LS502": "error", "LS503": "warning", "LS504": "error",
    "LS505": "warning", "LS506": "error", "LS507": "warning", "LS508": "warning",
    "LS509": "info", "LS601": "error", "LS602": "error",
}

CELL = None  # needle meaning "the cell as a whole" (LS101, LS102, LS103)
OUTPUT = "<output>"  # needle meaning "a saved output of the cell" (LS503, LS602)

# An obviously fake, format-valid Hugging Face token (hf_ + 34 letters).
FAKE_HF_TOKEN = "hf_" + "FakeTokenForLockstepExamplesOnlyQz"
assert len(FAKE_HF_TOKEN) == 37 and FAKE_HF_TOKEN[3:].isalpha()


# --------------------------------------------------------------------------- cells

class Cell:
    def __init__(self, cell_type, source, key=None, count=None, outputs=None,
                 find=(), nots=(), metadata=None):
        self.cell_type = cell_type
        self.source = source.strip("\n")
        self.key = key or hashlib.sha1(self.source.encode()).hexdigest()[:10]
        self.count = count
        self.outputs = outputs
        self.find = list(find)
        self.nots = list(nots)
        self.metadata = metadata or {}


def md(source, key=None):
    return Cell("markdown", source, key=key)


def code(source, count, key, outputs=None, find=(), nots=(), metadata=None):
    return Cell("code", source, key=key, count=count, outputs=outputs, find=find,
                nots=nots, metadata=metadata)


def F(rule, needle, reason):
    assert rule in SEVERITY, rule
    return (rule, needle, reason)


def N(needle, reason):
    return (needle, reason)


# ------------------------------------------------------------------------- outputs

def stream(text, name="stdout"):
    return {"name": name, "output_type": "stream", "text": text}


def result(plain, html=None, metadata=None):
    data = {"text/plain": plain}
    if html is not None:
        data["text/html"] = html
    return {"data": data, "execution_count": None, "metadata": metadata or {},
            "output_type": "execute_result"}


def display(data, metadata=None):
    return {"data": data, "metadata": metadata or {}, "output_type": "display_data"}


def figure(png_b64, plain):
    return display({"image/png": png_b64, "text/plain": plain},
                   metadata={"needs_background": "light"})


def error(ename, evalue, traceback):
    return {"ename": ename, "evalue": evalue, "output_type": "error", "traceback": traceback}


# ----------------------------------------------------------------------------- PNG

PALETTE = [(255, 255, 255), (222, 222, 222), (60, 60, 60), (31, 119, 180)]
WHITE, GRID, AXIS, INK = range(4)


class Canvas:
    def __init__(self, width, height):
        assert width % 4 == 0
        self.w, self.h = width, height
        self.px = [[WHITE] * width for _ in range(height)]

    def set(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y][x] = c

    def rect(self, x0, y0, x1, y1, c):
        for y in range(min(y0, y1), max(y0, y1) + 1):
            for x in range(min(x0, x1), max(x0, x1) + 1):
                self.set(x, y, c)

    def line(self, x0, y0, x1, y1, c, width=1):
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            for ox in range(width):
                for oy in range(width):
                    self.set(x0 + ox, y0 + oy, c)
            if x0 == x1 and y0 == y1:
                break
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def png_b64(self):
        rows = []
        for row in self.px:
            packed = bytearray([0])  # filter type 0
            for i in range(0, self.w, 4):
                a, b, c, d = row[i:i + 4]
                packed.append((a << 6) | (b << 4) | (c << 2) | d)
            rows.append(bytes(packed))
        raw = b"".join(rows)
        # zlib stream with stored deflate blocks: byte-identical on every zlib build
        blocks = bytearray(b"\x78\x01")
        for start in range(0, len(raw), 65535):
            chunk = raw[start:start + 65535]
            final = 1 if start + 65535 >= len(raw) else 0
            blocks += struct.pack("<BHH", final, len(chunk), len(chunk) ^ 0xFFFF) + chunk
        blocks += struct.pack(">I", zlib.adler32(raw) & 0xFFFFFFFF)

        def chunk(tag, data):
            return (struct.pack(">I", len(data)) + tag + data
                    + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

        png = (b"\x89PNG\r\n\x1a\n"
               + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 2, 3, 0, 0, 0))
               + chunk(b"PLTE", b"".join(bytes(c) for c in PALETTE))
               + chunk(b"IDAT", bytes(blocks))
               + chunk(b"IEND", b""))
        return base64.b64encode(png).decode("ascii") + "\n"


def _frame(canvas, left, top, right, bottom, ticks=4):
    for k in range(1, ticks):
        y = top + (bottom - top) * k // ticks
        canvas.line(left, y, right, y, GRID)
    canvas.line(left, top, right, top, AXIS)
    canvas.line(left, bottom, right, bottom, AXIS)
    canvas.line(left, top, left, bottom, AXIS)
    canvas.line(right, top, right, bottom, AXIS)


def line_plot_png(values, width=300, height=180):
    c = Canvas(width, height)
    left, top, right, bottom = 36, 12, width - 12, height - 24
    _frame(c, left, top, right, bottom)
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or 0.05
    lo, hi = lo - pad, hi + pad
    pts = []
    for i, v in enumerate(values):
        x = left + 10 + (right - left - 20) * i // max(1, len(values) - 1)
        y = int(round(bottom - (bottom - top) * (v - lo) / (hi - lo)))
        pts.append((x, y))
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        c.line(x0, y0, x1, y1, INK, width=2)
    for x, y in pts:
        c.rect(x - 2, y - 2, x + 3, y + 3, INK)
        c.line(x, bottom, x, bottom + 4, AXIS)  # x tick
    return c.png_b64()


def bar_plot_png(values, width=300, height=180):
    c = Canvas(width, height)
    left, top, right, bottom = 36, 12, width - 12, height - 40
    _frame(c, left, top, right, bottom)
    hi = max(values) * 1.05
    slot = (right - left) // len(values)
    for i, v in enumerate(values):
        x0 = left + i * slot + slot // 4
        x1 = left + (i + 1) * slot - slot // 4
        y = int(round(bottom - (bottom - top) * v / hi))
        c.rect(x0, y, x1, bottom - 1, INK)
        c.line((x0 + x1) // 2, bottom, (x0 + x1) // 2, bottom + 4, AXIS)
    return c.png_b64()


# ------------------------------------------------------------------ sample data

def churn_train_csv():
    """512 rows: f0..f7 (standardised floats) and a 0/1 label with some signal."""
    rng = random.Random(20240611)
    lines = [",".join([f"f{i}" for i in range(8)] + ["label"])]
    for _ in range(512):
        f = [rng.gauss(0.0, 1.0) for _ in range(8)]
        z = 1.1 * f[0] - 0.9 * f[2] + 0.7 * f[1] * f[5] + 0.5 * f[7] - 0.3 + rng.gauss(0.0, 0.6)
        lines.append(",".join([f"{v:.4f}" for v in f] + ["1" if z > 0 else "0"]))
    return "\n".join(lines) + "\n"


def sensor_shards():
    """Three shards of bearing vibration features; fault = 1 for a faulty bearing."""
    rng = random.Random(7)
    header = "rms,kurtosis,crest_factor,peak_freq_hz,temp_c,load_pct,fault"
    shards = []
    for _ in range(3):
        lines = [header]
        for _ in range(160):
            fault = 1 if rng.random() < 0.35 else 0
            rms = rng.gauss(0.9 + 0.35 * fault, 0.18)
            kurt = rng.gauss(3.1 + 1.4 * fault, 0.7)
            crest = rng.gauss(3.4 + 0.8 * fault, 0.5)
            freq = rng.gauss(118.0 + 9.0 * fault, 14.0)
            temp = rng.gauss(41.0 + 4.5 * fault, 3.5)
            load = rng.uniform(35.0, 95.0)
            lines.append(f"{rms:.4f},{kurt:.3f},{crest:.3f},{freq:.2f},{temp:.2f},{load:.1f},{fault}")
        shards.append("\n".join(lines) + "\n")
    return shards


PARAMS_JSON = json.dumps({
    "batch_size": 32,
    "dropout": 0.1,
    "epochs": 15,
    "hidden_size": 32,
    "learning_rate": 0.005,
    "seed": 1234,
    "test_size": 0.25,
}, indent=2, sort_keys=True) + "\n"


# --------------------------------------------------------------- captured outputs
# Frozen outputs of real runs (torch 1.13 CPU, pandas 1.5.3) of the runnable notebooks'
# code on the sample data; keyed by notebook and cell key.  Refreshed by hand.
# BEGIN CAPTURED
CAPTURED = {'clean-reproducible': {'counts': [{'data': {'text/plain': '0    296\n'
                                                           '1    184\n'
                                                           'Name: fault, dtype: int64'},
                                    'execution_count': None,
                                    'metadata': {},
                                    'output_type': 'execute_result'}],
                        'eval': [{'name': 'stdout',
                                  'output_type': 'stream',
                                  'text': 'test accuracy 0.9333\n'}],
                        'head': [{'data': {'text/html': '<div>\n'
                                                        '<style scoped>\n'
                                                        '    .dataframe tbody tr th:only-of-type '
                                                        '{\n'
                                                        '        vertical-align: middle;\n'
                                                        '    }\n'
                                                        '\n'
                                                        '    .dataframe tbody tr th {\n'
                                                        '        vertical-align: top;\n'
                                                        '    }\n'
                                                        '\n'
                                                        '    .dataframe thead th {\n'
                                                        '        text-align: right;\n'
                                                        '    }\n'
                                                        '</style>\n'
                                                        '<table border="1" class="dataframe">\n'
                                                        '  <thead>\n'
                                                        '    <tr style="text-align: right;">\n'
                                                        '      <th></th>\n'
                                                        '      <th>rms</th>\n'
                                                        '      <th>kurtosis</th>\n'
                                                        '      <th>crest_factor</th>\n'
                                                        '      <th>peak_freq_hz</th>\n'
                                                        '      <th>temp_c</th>\n'
                                                        '      <th>load_pct</th>\n'
                                                        '      <th>fault</th>\n'
                                                        '    </tr>\n'
                                                        '  </thead>\n'
                                                        '  <tbody>\n'
                                                        '    <tr>\n'
                                                        '      <th>0</th>\n'
                                                        '      <td>1.4024</td>\n'
                                                        '      <td>5.325</td>\n'
                                                        '      <td>4.756</td>\n'
                                                        '      <td>134.63</td>\n'
                                                        '      <td>44.70</td>\n'
                                                        '      <td>65.4</td>\n'
                                                        '      <td>1</td>\n'
                                                        '    </tr>\n'
                                                        '    <tr>\n'
                                                        '      <th>1</th>\n'
                                                        '      <td>1.2965</td>\n'
                                                        '      <td>4.256</td>\n'
                                                        '      <td>4.277</td>\n'
                                                        '      <td>139.39</td>\n'
                                                        '      <td>47.49</td>\n'
                                                        '      <td>84.6</td>\n'
                                                        '      <td>1</td>\n'
                                                        '    </tr>\n'
                                                        '    <tr>\n'
                                                        '      <th>2</th>\n'
                                                        '      <td>1.2923</td>\n'
                                                        '      <td>5.470</td>\n'
                                                        '      <td>4.821</td>\n'
                                                        '      <td>121.07</td>\n'
                                                        '      <td>37.87</td>\n'
                                                        '      <td>37.8</td>\n'
                                                        '      <td>1</td>\n'
                                                        '    </tr>\n'
                                                        '    <tr>\n'
                                                        '      <th>3</th>\n'
                                                        '      <td>1.1976</td>\n'
                                                        '      <td>3.004</td>\n'
                                                        '      <td>3.670</td>\n'
                                                        '      <td>126.88</td>\n'
                                                        '      <td>43.03</td>\n'
                                                        '      <td>84.0</td>\n'
                                                        '      <td>0</td>\n'
                                                        '    </tr>\n'
                                                        '    <tr>\n'
                                                        '      <th>4</th>\n'
                                                        '      <td>1.0261</td>\n'
                                                        '      <td>4.010</td>\n'
                                                        '      <td>3.762</td>\n'
                                                        '      <td>139.67</td>\n'
                                                        '      <td>46.63</td>\n'
                                                        '      <td>47.4</td>\n'
                                                        '      <td>1</td>\n'
                                                        '    </tr>\n'
                                                        '  </tbody>\n'
                                                        '</table>\n'
                                                        '</div>',
                                           'text/plain': '      rms  kurtosis  crest_factor  '
                                                         'peak_freq_hz  temp_c  load_pct  fault\n'
                                                         '0  1.4024     5.325         4.756        '
                                                         '134.63   44.70      65.4      1\n'
                                                         '1  1.2965     4.256         4.277        '
                                                         '139.39   47.49      84.6      1\n'
                                                         '2  1.2923     5.470         4.821        '
                                                         '121.07   37.87      37.8      1\n'
                                                         '3  1.1976     3.004         3.670        '
                                                         '126.88   43.03      84.0      0\n'
                                                         '4  1.0261     4.010         3.762        '
                                                         '139.67   46.63      47.4      1'},
                                  'execution_count': None,
                                  'metadata': {},
                                  'output_type': 'execute_result'}],
                        'load': [{'name': 'stdout',
                                  'output_type': 'stream',
                                  'text': '3 shards, (480, 7)\n'}],
                        'params': [{'data': {'text/plain': "{'batch_size': 32,\n"
                                                           " 'dropout': 0.1,\n"
                                                           " 'epochs': 15,\n"
                                                           " 'hidden_size': 32,\n"
                                                           " 'learning_rate': 0.005,\n"
                                                           " 'seed': 1234,\n"
                                                           " 'test_size': 0.25}"},
                                    'execution_count': None,
                                    'metadata': {},
                                    'output_type': 'execute_result'}],
                        'save': [{'data': {'text/plain': "{'final_train_loss': 0.057298, "
                                                         "'test_accuracy': 0.933333}"},
                                  'execution_count': None,
                                  'metadata': {},
                                  'output_type': 'execute_result'}],
                        'split': [{'data': {'text/plain': '((360, 6), (120, 6))'},
                                   'execution_count': None,
                                   'metadata': {},
                                   'output_type': 'execute_result'}],
                        'train': [{'name': 'stdout',
                                   'output_type': 'stream',
                                   'text': 'epoch 1 loss 0.5354 -> epoch 15 loss 0.0573\n'}]},
 'gpu-finetune': {'build': [{'data': {'text/plain': '6338'},
                             'execution_count': None,
                             'metadata': {},
                             'output_type': 'execute_result'}],
                  'data': [{'name': 'stdout',
                            'output_type': 'stream',
                            'text': 'torch.Size([2048, 4, 64]) 0.4931640625\n'}],
                  'save': [{'name': 'stdout',
                            'output_type': 'stream',
                            'text': 'final loss 0.3194  train acc 0.837  weight checksum '
                                    '15.1590129598\n'}],
                  'train': [{'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  1  loss 0.7044\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  2  loss 0.6688\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  3  loss 0.6355\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  4  loss 0.5846\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  5  loss 0.5287\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  6  loss 0.4883\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  7  loss 0.4417\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  8  loss 0.3948\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch  9  loss 0.3599\n'},
                            {'name': 'stdout',
                             'output_type': 'stream',
                             'text': 'epoch 10  loss 0.3372\n'}]},
 'pytorch-adapter-finetune': {'_loss_curve': [0.6613, 0.5428, 0.4004, 0.3461, 0.3129],
                              'build': [{'name': 'stdout',
                                         'output_type': 'stream',
                                         'text': 'trainable params: 1064 of 5930\n'}],
                              'describe': [{'data': {'text/html': '<div>\n'
                                                                  '<style scoped>\n'
                                                                  '    .dataframe tbody tr '
                                                                  'th:only-of-type {\n'
                                                                  '        vertical-align: '
                                                                  'middle;\n'
                                                                  '    }\n'
                                                                  '\n'
                                                                  '    .dataframe tbody tr th {\n'
                                                                  '        vertical-align: top;\n'
                                                                  '    }\n'
                                                                  '\n'
                                                                  '    .dataframe thead th {\n'
                                                                  '        text-align: right;\n'
                                                                  '    }\n'
                                                                  '</style>\n'
                                                                  '<table border="1" '
                                                                  'class="dataframe">\n'
                                                                  '  <thead>\n'
                                                                  '    <tr style="text-align: '
                                                                  'right;">\n'
                                                                  '      <th></th>\n'
                                                                  '      <th>f0</th>\n'
                                                                  '      <th>f1</th>\n'
                                                                  '      <th>f2</th>\n'
                                                                  '      <th>f3</th>\n'
                                                                  '      <th>f4</th>\n'
                                                                  '      <th>f5</th>\n'
                                                                  '      <th>f6</th>\n'
                                                                  '      <th>f7</th>\n'
                                                                  '      <th>label</th>\n'
                                                                  '    </tr>\n'
                                                                  '  </thead>\n'
                                                                  '  <tbody>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>count</th>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '      <td>512.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>mean</th>\n'
                                                                  '      <td>-0.036842</td>\n'
                                                                  '      <td>0.004371</td>\n'
                                                                  '      <td>-0.018407</td>\n'
                                                                  '      <td>-0.045239</td>\n'
                                                                  '      <td>-0.073437</td>\n'
                                                                  '      <td>-0.044100</td>\n'
                                                                  '      <td>-0.006476</td>\n'
                                                                  '      <td>-0.016237</td>\n'
                                                                  '      <td>0.402344</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>std</th>\n'
                                                                  '      <td>1.022453</td>\n'
                                                                  '      <td>0.957713</td>\n'
                                                                  '      <td>1.031575</td>\n'
                                                                  '      <td>0.970844</td>\n'
                                                                  '      <td>1.000118</td>\n'
                                                                  '      <td>1.042085</td>\n'
                                                                  '      <td>0.997326</td>\n'
                                                                  '      <td>0.968019</td>\n'
                                                                  '      <td>0.490850</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>min</th>\n'
                                                                  '      <td>-3.194700</td>\n'
                                                                  '      <td>-3.063400</td>\n'
                                                                  '      <td>-2.781400</td>\n'
                                                                  '      <td>-3.119100</td>\n'
                                                                  '      <td>-2.700300</td>\n'
                                                                  '      <td>-3.204400</td>\n'
                                                                  '      <td>-3.103500</td>\n'
                                                                  '      <td>-3.340200</td>\n'
                                                                  '      <td>0.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>25%</th>\n'
                                                                  '      <td>-0.764950</td>\n'
                                                                  '      <td>-0.625575</td>\n'
                                                                  '      <td>-0.723900</td>\n'
                                                                  '      <td>-0.713350</td>\n'
                                                                  '      <td>-0.743450</td>\n'
                                                                  '      <td>-0.748500</td>\n'
                                                                  '      <td>-0.679700</td>\n'
                                                                  '      <td>-0.582775</td>\n'
                                                                  '      <td>0.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>50%</th>\n'
                                                                  '      <td>-0.028750</td>\n'
                                                                  '      <td>0.037000</td>\n'
                                                                  '      <td>-0.034600</td>\n'
                                                                  '      <td>-0.055350</td>\n'
                                                                  '      <td>-0.059900</td>\n'
                                                                  '      <td>-0.062750</td>\n'
                                                                  '      <td>0.007400</td>\n'
                                                                  '      <td>0.020250</td>\n'
                                                                  '      <td>0.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>75%</th>\n'
                                                                  '      <td>0.631400</td>\n'
                                                                  '      <td>0.644900</td>\n'
                                                                  '      <td>0.646775</td>\n'
                                                                  '      <td>0.610075</td>\n'
                                                                  '      <td>0.597525</td>\n'
                                                                  '      <td>0.611500</td>\n'
                                                                  '      <td>0.686175</td>\n'
                                                                  '      <td>0.603075</td>\n'
                                                                  '      <td>1.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '    <tr>\n'
                                                                  '      <th>max</th>\n'
                                                                  '      <td>3.094500</td>\n'
                                                                  '      <td>2.866300</td>\n'
                                                                  '      <td>3.106400</td>\n'
                                                                  '      <td>2.638000</td>\n'
                                                                  '      <td>2.395000</td>\n'
                                                                  '      <td>3.128800</td>\n'
                                                                  '      <td>3.207700</td>\n'
                                                                  '      <td>2.677600</td>\n'
                                                                  '      <td>1.000000</td>\n'
                                                                  '    </tr>\n'
                                                                  '  </tbody>\n'
                                                                  '</table>\n'
                                                                  '</div>',
                                                     'text/plain': '               f0          '
                                                                   'f1          f2          '
                                                                   'f3          f4          f5  '
                                                                   '\\\n'
                                                                   'count  512.000000  512.000000  '
                                                                   '512.000000  512.000000  '
                                                                   '512.000000  512.000000   \n'
                                                                   'mean    -0.036842    '
                                                                   '0.004371   -0.018407   '
                                                                   '-0.045239   -0.073437   '
                                                                   '-0.044100   \n'
                                                                   'std      1.022453    '
                                                                   '0.957713    1.031575    '
                                                                   '0.970844    1.000118    '
                                                                   '1.042085   \n'
                                                                   'min     -3.194700   '
                                                                   '-3.063400   -2.781400   '
                                                                   '-3.119100   -2.700300   '
                                                                   '-3.204400   \n'
                                                                   '25%     -0.764950   '
                                                                   '-0.625575   -0.723900   '
                                                                   '-0.713350   -0.743450   '
                                                                   '-0.748500   \n'
                                                                   '50%     -0.028750    '
                                                                   '0.037000   -0.034600   '
                                                                   '-0.055350   -0.059900   '
                                                                   '-0.062750   \n'
                                                                   '75%      0.631400    '
                                                                   '0.644900    0.646775    '
                                                                   '0.610075    0.597525    '
                                                                   '0.611500   \n'
                                                                   'max      3.094500    '
                                                                   '2.866300    3.106400    '
                                                                   '2.638000    2.395000    '
                                                                   '3.128800   \n'
                                                                   '\n'
                                                                   '               f6          '
                                                                   'f7       label  \n'
                                                                   'count  512.000000  512.000000  '
                                                                   '512.000000  \n'
                                                                   'mean    -0.006476   '
                                                                   '-0.016237    0.402344  \n'
                                                                   'std      0.997326    '
                                                                   '0.968019    0.490850  \n'
                                                                   'min     -3.103500   '
                                                                   '-3.340200    0.000000  \n'
                                                                   '25%     -0.679700   '
                                                                   '-0.582775    0.000000  \n'
                                                                   '50%      0.007400    '
                                                                   '0.020250    0.000000  \n'
                                                                   '75%      0.686175    '
                                                                   '0.603075    1.000000  \n'
                                                                   'max      3.207700    '
                                                                   '2.677600    1.000000  '},
                                            'execution_count': None,
                                            'metadata': {},
                                            'output_type': 'execute_result'}],
                              'eval': [{'name': 'stdout',
                                        'output_type': 'stream',
                                        'text': 'val loss 0.3665  val acc 0.844\n'}],
                              'head': [{'data': {'text/html': '<div>\n'
                                                              '<style scoped>\n'
                                                              '    .dataframe tbody tr '
                                                              'th:only-of-type {\n'
                                                              '        vertical-align: middle;\n'
                                                              '    }\n'
                                                              '\n'
                                                              '    .dataframe tbody tr th {\n'
                                                              '        vertical-align: top;\n'
                                                              '    }\n'
                                                              '\n'
                                                              '    .dataframe thead th {\n'
                                                              '        text-align: right;\n'
                                                              '    }\n'
                                                              '</style>\n'
                                                              '<table border="1" '
                                                              'class="dataframe">\n'
                                                              '  <thead>\n'
                                                              '    <tr style="text-align: '
                                                              'right;">\n'
                                                              '      <th></th>\n'
                                                              '      <th>f0</th>\n'
                                                              '      <th>f1</th>\n'
                                                              '      <th>f2</th>\n'
                                                              '      <th>f3</th>\n'
                                                              '      <th>f4</th>\n'
                                                              '      <th>f5</th>\n'
                                                              '      <th>f6</th>\n'
                                                              '      <th>f7</th>\n'
                                                              '      <th>label</th>\n'
                                                              '    </tr>\n'
                                                              '  </thead>\n'
                                                              '  <tbody>\n'
                                                              '    <tr>\n'
                                                              '      <th>0</th>\n'
                                                              '      <td>-1.3376</td>\n'
                                                              '      <td>-1.0762</td>\n'
                                                              '      <td>-0.0317</td>\n'
                                                              '      <td>0.5689</td>\n'
                                                              '      <td>-0.3967</td>\n'
                                                              '      <td>-1.9615</td>\n'
                                                              '      <td>-0.3682</td>\n'
                                                              '      <td>0.6256</td>\n'
                                                              '      <td>0</td>\n'
                                                              '    </tr>\n'
                                                              '    <tr>\n'
                                                              '      <th>1</th>\n'
                                                              '      <td>-1.9355</td>\n'
                                                              '      <td>0.2274</td>\n'
                                                              '      <td>0.2253</td>\n'
                                                              '      <td>-0.5301</td>\n'
                                                              '      <td>0.6563</td>\n'
                                                              '      <td>-0.5082</td>\n'
                                                              '      <td>-0.3778</td>\n'
                                                              '      <td>0.8726</td>\n'
                                                              '      <td>0</td>\n'
                                                              '    </tr>\n'
                                                              '    <tr>\n'
                                                              '      <th>2</th>\n'
                                                              '      <td>0.0801</td>\n'
                                                              '      <td>0.8427</td>\n'
                                                              '      <td>-0.5913</td>\n'
                                                              '      <td>0.3493</td>\n'
                                                              '      <td>1.3756</td>\n'
                                                              '      <td>-0.2289</td>\n'
                                                              '      <td>-0.1203</td>\n'
                                                              '      <td>-0.9611</td>\n'
                                                              '      <td>1</td>\n'
                                                              '    </tr>\n'
                                                              '    <tr>\n'
                                                              '      <th>3</th>\n'
                                                              '      <td>-0.7544</td>\n'
                                                              '      <td>0.0338</td>\n'
                                                              '      <td>1.5750</td>\n'
                                                              '      <td>1.2250</td>\n'
                                                              '      <td>-0.4404</td>\n'
                                                              '      <td>-0.6677</td>\n'
                                                              '      <td>0.7077</td>\n'
                                                              '      <td>0.6222</td>\n'
                                                              '      <td>0</td>\n'
                                                              '    </tr>\n'
                                                              '    <tr>\n'
                                                              '      <th>4</th>\n'
                                                              '      <td>1.3984</td>\n'
                                                              '      <td>-0.6036</td>\n'
                                                              '      <td>0.6153</td>\n'
                                                              '      <td>-1.3467</td>\n'
                                                              '      <td>-0.6362</td>\n'
                                                              '      <td>0.6271</td>\n'
                                                              '      <td>1.4983</td>\n'
                                                              '      <td>-0.3941</td>\n'
                                                              '      <td>0</td>\n'
                                                              '    </tr>\n'
                                                              '  </tbody>\n'
                                                              '</table>\n'
                                                              '</div>',
                                                 'text/plain': '       f0      f1      f2      '
                                                               'f3      f4      f5      f6      '
                                                               'f7  label\n'
                                                               '0 -1.3376 -1.0762 -0.0317  0.5689 '
                                                               '-0.3967 -1.9615 -0.3682  '
                                                               '0.6256      0\n'
                                                               '1 -1.9355  0.2274  0.2253 -0.5301  '
                                                               '0.6563 -0.5082 -0.3778  '
                                                               '0.8726      0\n'
                                                               '2  0.0801  0.8427 -0.5913  0.3493  '
                                                               '1.3756 -0.2289 -0.1203 '
                                                               '-0.9611      1\n'
                                                               '3 -0.7544  0.0338  1.5750  1.2250 '
                                                               '-0.4404 -0.6677  0.7077  '
                                                               '0.6222      0\n'
                                                               '4  1.3984 -0.6036  0.6153 -1.3467 '
                                                               '-0.6362  0.6271  1.4983 '
                                                               '-0.3941      0'},
                                        'execution_count': None,
                                        'metadata': {},
                                        'output_type': 'execute_result'}],
                              'load': [{'data': {'text/plain': '(512, 9)'},
                                        'execution_count': None,
                                        'metadata': {},
                                        'output_type': 'execute_result'}],
                              'save': [{'data': {'text/plain': "{'train_loss': 0.3129,\n"
                                                               " 'train_acc': 0.8504,\n"
                                                               " 'val_loss': 0.3665,\n"
                                                               " 'val_acc': 0.8438}"},
                                        'execution_count': None,
                                        'metadata': {},
                                        'output_type': 'execute_result'}],
                              'tensors': [{'data': {'text/plain': '(torch.Size([448, 8]), '
                                                                  'torch.Size([64, 8]))'},
                                           'execution_count': None,
                                           'metadata': {},
                                           'output_type': 'execute_result'}],
                              'train': [{'name': 'stdout',
                                         'output_type': 'stream',
                                         'text': 'epoch 1/5  loss 0.6613  acc 0.598\n'
                                                 'epoch 2/5  loss 0.5428  acc 0.752\n'
                                                 'epoch 3/5  loss 0.4004  acc 0.815\n'
                                                 'epoch 4/5  loss 0.3461  acc 0.828\n'
                                                 'epoch 5/5  loss 0.3129  acc 0.850\n'
                                                 'CPU times: user 39.6 ms, sys: 3.06 ms, total: '
                                                 '42.6 ms\n'
                                                 'Wall time: 44.5 ms\n'}],
                              'value_counts': [{'data': {'text/plain': '0    306\n'
                                                                       '1    206\n'
                                                                       'Name: label, dtype: int64'},
                                                'execution_count': None,
                                                'metadata': {},
                                                'output_type': 'execute_result'}]},
 'sklearn-churn-model': {'head': [{'data': {'text/html': '<div>\n'
                                                         '<style scoped>\n'
                                                         '    .dataframe tbody tr th:only-of-type '
                                                         '{\n'
                                                         '        vertical-align: middle;\n'
                                                         '    }\n'
                                                         '\n'
                                                         '    .dataframe tbody tr th {\n'
                                                         '        vertical-align: top;\n'
                                                         '    }\n'
                                                         '\n'
                                                         '    .dataframe thead th {\n'
                                                         '        text-align: right;\n'
                                                         '    }\n'
                                                         '</style>\n'
                                                         '<table border="1" class="dataframe">\n'
                                                         '  <thead>\n'
                                                         '    <tr style="text-align: right;">\n'
                                                         '      <th></th>\n'
                                                         '      <th>customer_id</th>\n'
                                                         '      <th>plan</th>\n'
                                                         '      <th>tenure_months</th>\n'
                                                         '      <th>monthly_charges</th>\n'
                                                         '      <th>total_charges</th>\n'
                                                         '      <th>support_calls</th>\n'
                                                         '      <th>churned</th>\n'
                                                         '    </tr>\n'
                                                         '  </thead>\n'
                                                         '  <tbody>\n'
                                                         '    <tr>\n'
                                                         '      <th>0</th>\n'
                                                         '      <td>C-100482</td>\n'
                                                         '      <td>basic</td>\n'
                                                         '      <td>1</td>\n'
                                                         '      <td>29.85</td>\n'
                                                         '      <td>29.85</td>\n'
                                                         '      <td>0</td>\n'
                                                         '      <td>0</td>\n'
                                                         '    </tr>\n'
                                                         '    <tr>\n'
                                                         '      <th>1</th>\n'
                                                         '      <td>C-100517</td>\n'
                                                         '      <td>plus</td>\n'
                                                         '      <td>34</td>\n'
                                                         '      <td>56.95</td>\n'
                                                         '      <td>1889.50</td>\n'
                                                         '      <td>1</td>\n'
                                                         '      <td>0</td>\n'
                                                         '    </tr>\n'
                                                         '    <tr>\n'
                                                         '      <th>2</th>\n'
                                                         '      <td>C-100533</td>\n'
                                                         '      <td>plus</td>\n'
                                                         '      <td>2</td>\n'
                                                         '      <td>53.85</td>\n'
                                                         '      <td>108.15</td>\n'
                                                         '      <td>3</td>\n'
                                                         '      <td>1</td>\n'
                                                         '    </tr>\n'
                                                         '    <tr>\n'
                                                         '      <th>3</th>\n'
                                                         '      <td>C-100561</td>\n'
                                                         '      <td>pro</td>\n'
                                                         '      <td>45</td>\n'
                                                         '      <td>42.30</td>\n'
                                                         '      <td>1840.75</td>\n'
                                                         '      <td>0</td>\n'
                                                         '      <td>0</td>\n'
                                                         '    </tr>\n'
                                                         '    <tr>\n'
                                                         '      <th>4</th>\n'
                                                         '      <td>C-100590</td>\n'
                                                         '      <td>basic</td>\n'
                                                         '      <td>2</td>\n'
                                                         '      <td>70.70</td>\n'
                                                         '      <td>NaN</td>\n'
                                                         '      <td>4</td>\n'
                                                         '      <td>1</td>\n'
                                                         '    </tr>\n'
                                                         '  </tbody>\n'
                                                         '</table>\n'
                                                         '</div>',
                                            'text/plain': '  customer_id   plan  tenure_months  '
                                                          '...  total_charges  support_calls  '
                                                          'churned\n'
                                                          '0    C-100482  basic              1  '
                                                          '...          29.85              '
                                                          '0        0\n'
                                                          '1    C-100517   plus             34  '
                                                          '...        1889.50              '
                                                          '1        0\n'
                                                          '2    C-100533   plus              2  '
                                                          '...         108.15              '
                                                          '3        1\n'
                                                          '3    C-100561    pro             45  '
                                                          '...        1840.75              '
                                                          '0        0\n'
                                                          '4    C-100590  basic              2  '
                                                          '...            NaN              '
                                                          '4        1\n'
                                                          '\n'
                                                          '[5 rows x 7 columns]'},
                                   'execution_count': None,
                                   'metadata': {},
                                   'output_type': 'execute_result'}]}}
# END CAPTURED


def captured(nb, key, default=None):
    return [dict(o) for o in CAPTURED.get(nb, {}).get(key, default or [])]


# ------------------------------------------------------------- metadata helpers

def py_metadata(version):
    return {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {
            "codemirror_mode": {"name": "ipython", "version": 3},
            "file_extension": ".py",
            "mimetype": "text/x-python",
            "name": "python",
            "nbconvert_exporter": "python",
            "pygments_lexer": "ipython3",
            "version": version,
        },
    }



class Notebook:
    def __init__(self, name, metadata, cells, nb_find=(), notes=(), summary="",
                 nbformat_minor=5, colab_ids=False):
        self.name = name
        self.metadata = metadata
        self.cells = cells
        self.nb_find = list(nb_find)
        self.notes = list(notes)
        self.summary = summary
        self.nbformat_minor = nbformat_minor
        self.colab_ids = colab_ids


# ============================================================ 1. adapter fine-tune

ADAPTER = "pytorch-adapter-finetune"

PIP_OUT = """\
Requirement already satisfied: torch in /home/maria/.venv/lib/python3.11/site-packages (1.13.1)
Requirement already satisfied: pandas in /home/maria/.venv/lib/python3.11/site-packages (1.5.3)
Requirement already satisfied: typing-extensions in /home/maria/.venv/lib/python3.11/site-packages (from torch) (4.4.0)
Requirement already satisfied: python-dateutil>=2.8.1 in /home/maria/.venv/lib/python3.11/site-packages (from pandas) (2.8.2)
Requirement already satisfied: pytz>=2020.1 in /home/maria/.venv/lib/python3.11/site-packages (from pandas) (2022.7.1)
Requirement already satisfied: numpy>=1.21.0 in /home/maria/.venv/lib/python3.11/site-packages (from pandas) (1.24.2)
Requirement already satisfied: six>=1.5 in /home/maria/.venv/lib/python3.11/site-packages (from python-dateutil>=2.8.1->pandas) (1.16.0)
"""

ADAPTER_CLASSES = '''
class LoRAAdapter(nn.Module):
    """Low-rank updates for every nn.Linear of a frozen base network."""

    def __init__(self, base, r, alpha, dropout):
        super().__init__()
        linears = [m for m in base if isinstance(m, nn.Linear)]
        self.down = nn.ModuleList([nn.Linear(m.in_features, r, bias=False) for m in linears])
        self.up = nn.ModuleList([nn.Linear(r, m.out_features, bias=False) for m in linears])
        for up in self.up:
            nn.init.zeros_(up.weight)  # start from the base model's function
        self.dropout = nn.Dropout(dropout)
        self.scale = alpha / r

    def delta(self, i, x):
        return self.up[i](self.down[i](self.dropout(x))) * self.scale


class AdaptedMLP(nn.Module):
    """Frozen base + adapter: every Linear output gets its low-rank correction."""

    def __init__(self, base, adapter):
        super().__init__()
        self.base = base
        self.adapter = adapter

    def forward(self, x):
        i = 0
        for layer in self.base:
            if isinstance(layer, nn.Linear):
                x = layer(x) + self.adapter.delta(i, x)
                i += 1
            else:
                x = layer(x)
        return x
'''

ADAPTER_TRAIN = '''
%%time
train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True)
optimizer = torch.optim.Adam(adapter.parameters(), lr=lr)

history = {"loss": [], "acc": []}
for epoch in range(epochs):
    model.train()
    total, correct, running = 0, 0, 0.0
    for xb, yb in train_loader:
        logits = model(xb)
        loss = F.cross_entropy(logits, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        running += loss.item() * len(yb)
        correct += (logits.argmax(dim=1) == yb).sum().item()
        total += len(yb)
    history["loss"].append(running / total)
    history["acc"].append(correct / total)
    print(f"epoch {epoch + 1}/{epochs}  loss {history['loss'][-1]:.4f}  acc {history['acc'][-1]:.3f}")
'''


def adapter_notebook():
    nb = ADAPTER
    loss_values = CAPTURED.get(nb, {}).get("_loss_curve", [0.69, 0.6, 0.55, 0.52, 0.5])
    cells = [
        md("""
# Churn adapter fine-tune

Fine-tunes a small LoRA-style adapter on top of a frozen MLP (random-feature stand-in for
the production churn scorer until we get its checkpoint). Only the low-rank adapter weights
are trained and saved, a few thousand parameters.

* data: `train.csv` export, 8 standardised features `f0`..`f7` and a binary `label`
* output: `out/adapter.pt` (the adapter's `state_dict`) and `out/metrics.json`
""", key="title"),
        code("!pip install torch pandas", 1, "pip",
             outputs=[stream(PIP_OUT)],
             find=[F("LS401", "!pip install", "`torch` and `pandas` installed without `==` pins: the environment floats")]),
        code("""
%matplotlib inline
import json
import os

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
""", 2, "imports",
             nots=[N("%matplotlib inline", "display-only magic; extract drops it (not LS505, not LS501)")]),
        md("""
## Data

Warehouse export, one row per customer; features are standardised upstream.
""", key="md-data"),
        code("""
DATA = "/home/maria/projects/churn-adapter/data/train.csv"
df = pd.read_csv(DATA)
df.shape
""", 3, "load",
             outputs=captured(nb, "load"),
             find=[F("LS201", "DATA = ", "absolute local path `/home/maria/...` to the training CSV")]),
        code("df.head()", 5, "head", outputs=captured(nb, "head")),
        code("df.describe()", 4, "describe", outputs=captured(nb, "describe"),
             find=[F("LS101", CELL, "execution count 4 follows count 5 of the cell above (`df.head()` was added and run later)")]),
        code('df["label"].value_counts()', 6, "value_counts", outputs=captured(nb, "value_counts")),
        md("""
## Adapter

LoRA-style: each frozen `nn.Linear` of the base gets a trainable low-rank update
`W x + B A dropout(x) * alpha / r`. `B` starts at zero, so training starts from the base
model's function.
""", key="md-adapter"),
        code("""
# hyperparameters
lr = 3e-3
epochs = 5
batch_size = 32
lora_r = 4
lora_alpha = 8.0
lora_dropout = 0.1
""", 7, "hparams",
             find=[F("LS509", "lr = ", "learning rate literal `3e-3`: lift to config"),
                   F("LS509", "epochs = ", "epoch count literal `5`: lift to config"),
                   F("LS509", "batch_size = ", "batch size literal `32`: lift to config"),
                   F("LS509", "lora_r = ", "LoRA rank literal `4` (the LoRA `r`, under a local name): lift to config"),
                   F("LS509", "lora_alpha = ", "LoRA alpha literal `8.0`: lift to config"),
                   F("LS509", "lora_dropout = ", "LoRA dropout literal `0.1`: lift to config")]),
        code(ADAPTER_CLASSES, 8, "classes",
             nots=[N("i += 1", "augmented assignment to a local of `forward`, not to notebook state (not LS107)"),
                   N("nn.init.zeros_", "deterministic initialisation (not LS303)")]),
        code("""
feature_cols = [f"f{i}" for i in range(8)]
n_features = len(feature_cols)
n_val = len(df) // 8
train_df, val_df = df.iloc[:-n_val], df.iloc[-n_val:]

X_train = torch.tensor(train_df[feature_cols].values, dtype=torch.float32)
y_train = torch.tensor(train_df["label"].values, dtype=torch.long)
X_val = torch.tensor(val_df[feature_cols].values, dtype=torch.float32)
y_val = torch.tensor(val_df["label"].values, dtype=torch.long)
X_train.shape, X_val.shape
""", 9, "tensors", outputs=captured(nb, "tensors"),
             nots=[N("train_df, val_df", "positional hold-out split computed from the length, not hand-picked rows (not LS507)")]),
        code("""
base = nn.Sequential(
    nn.Linear(n_features, 64),
    nn.ReLU(),
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Linear(64, 2),
)
for p in base.parameters():
    p.requires_grad_(False)

adapter = LoRAAdapter(base, r=lora_r, alpha=lora_alpha, dropout=lora_dropout)
model = AdaptedMLP(base, adapter)
n_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"trainable params: {n_trainable} of {sum(p.numel() for p in model.parameters())}")
""", 12, "build", outputs=captured(nb, "build"),
             find=[F("LS103", CELL, "counts 10 and 11 appear nowhere: cells were run and deleted or re-run"),
                   F("LS303", "base = nn.Sequential(", "base MLP weights randomly initialised; no `torch.manual_seed` anywhere in the notebook"),
                   F("LS303", "adapter = LoRAAdapter(", "adapter down-projections (`nn.Linear`) randomly initialised without a seed")],
             nots=[N("nn.Linear(64, 64)", "layer widths are architecture literals not bound to a hyperparameter name (borderline, not LS509)")]),
        md("""
## Train

Only the adapter's parameters go to the optimiser.
""", key="md-train"),
        code(ADAPTER_TRAIN, 13, "train", outputs=captured(nb, "train"),
             find=[F("LS306", "train_loader = DataLoader(", "`DataLoader(shuffle=True)` without `generator=`: batch order drawn from the unseeded global torch RNG"),
                   F("LS303", "logits = model(xb)", "adapter dropout draws masks during training (`model.train()`) from the unseeded torch RNG")],
             nots=[N("%%time", "timing magic; extract drops it (not LS505)"),
                   N("optimizer.step()", "updates `model`/`adapter` from cell @cell[build] through the optimiser, not a syntactic cross-cell mutation (not LS107)"),
                   N("running += ", "accumulators defined in this same cell (not LS107)")]),
        code("""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(range(1, epochs + 1), history["loss"], marker="o")
ax.set_xlabel("epoch")
ax.set_ylabel("train loss")
ax.set_title("adapter fine-tune")
plt.show()
""", 14, "plot",
             outputs=[figure(line_plot_png(loss_values), "<Figure size 500x300 with 1 Axes>")]),
        md("""
## Evaluate and save

Hold-out = the last eighth of the export.
""", key="md-eval"),
        code("""
model.eval()
with torch.no_grad():
    val_logits = model(X_val)
val_loss = F.cross_entropy(val_logits, y_val).item()
val_acc = float(np.mean(val_logits.argmax(dim=1).numpy() == y_val.numpy()))
print(f"val loss {val_loss:.4f}  val acc {val_acc:.3f}")
""", 15, "eval", outputs=captured(nb, "eval")),
        code("""
os.makedirs("out", exist_ok=True)
torch.save(adapter.state_dict(), "out/adapter.pt")

metrics = {
    "train_loss": round(history["loss"][-1], 4),
    "train_acc": round(history["acc"][-1], 4),
    "val_loss": round(val_loss, 4),
    "val_acc": round(val_acc, 4),
}
with open("out/metrics.json", "w") as f:
    json.dump(metrics, f, indent=2, sort_keys=True)
metrics
""", 16, "save", outputs=captured(nb, "save"),
             nots=[N('"out/adapter.pt"', "relative output path (not LS201)")]),
    ]
    notes = [
        "All LS303 findings share one fix (seed once before the model is built); a tool that "
        "reports only the first unseeded torch randomness per cell, or anchors the weight "
        "initialisation at the `nn.Linear(...)` calls inside `LoRAAdapter.__init__` (cell @cell[classes], "
        "lines @line[classes|self.down =]-@line[classes|self.up =]) instead of the instantiation in cell "
        "@cell[build], is defensible; the dropout finding may equally be anchored at `model.train()` "
        "(cell @cell[train], line @line[train|model.train()]).",
        "Absolute paths inside saved outputs (the pip output of cell @cell[pip]) are not LS201: the rule "
        "looks at string literals in source.",
        "No LS106: every cell that uses a name ran after the cell that defines it "
        "(the swapped pair @cell[head]/@cell[describe] only reads `df`).",
    ]
    return Notebook(nb, py_metadata("3.11.2"), cells, notes=notes,
                    summary="Main shipped example: LoRA-style adapter on a frozen `nn.Linear` "
                            "stack, trained on a CSV. Runs top to bottom under torch 1.13 CPU.")


# ============================================================ 2. HF Trainer + PEFT

HF = "hf-trainer-peft"

DATASETDICT = """\
DatasetDict({
    train: Dataset({
        features: ['text', 'label'],
        num_rows: 25000
    })
    test: Dataset({
        features: ['text', 'label'],
        num_rows: 25000
    })
    unsupervised: Dataset({
        features: ['text', 'label'],
        num_rows: 50000
    })
})"""

TRAIN_TABLE = """\

    <div>
      
      <progress value='375' max='375' style='width:300px; height:20px; vertical-align: middle;'></progress>
      [375/375 02:41, Epoch 3/3]
    </div>
    <table border="1" class="dataframe">
  <thead>
 <tr style="text-align: left;">
      <th>Epoch</th>
      <th>Training Loss</th>
      <th>Validation Loss</th>
      <th>Accuracy</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>1</td>
      <td>0.691200</td>
      <td>0.680143</td>
      <td>0.664000</td>
    </tr>
    <tr>
      <td>2</td>
      <td>0.651100</td>
      <td>0.610287</td>
      <td>0.792000</td>
    </tr>
    <tr>
      <td>3</td>
      <td>0.587400</td>
      <td>0.564947</td>
      <td>0.818000</td>
    </tr>
  </tbody>
</table><p>"""


def _hexid(*parts, n=40):
    return hashlib.sha1(":".join(parts).encode()).hexdigest()[:n]


def hf_notebook():
    commit = _hexid("hf", "commit")
    train_metrics = {"train_runtime": 161.8342, "train_samples_per_second": 37.075,
                     "train_steps_per_second": 2.317, "total_flos": 199315925237760.0,
                     "train_loss": 0.6432186279296875, "epoch": 3.0}
    eval_metrics = {"eval_loss": 0.5649471879005432, "eval_accuracy": 0.818,
                    "eval_runtime": 4.1234, "eval_samples_per_second": 121.26,
                    "eval_steps_per_second": 15.279, "epoch": 3.0}
    cells = [
        md("""
# IMDB sentiment: DistilBERT + LoRA

Colab notebook. Fine-tunes a LoRA adapter for `distilbert-base-uncased` on a 2k-review
subset of IMDB, saves the adapter to Drive and pushes it to the Hub.

**Runtime > Change runtime type > T4 GPU** before running.
""", key="title"),
        code("!pip install -q transformers peft datasets", 1, "pip",
             find=[F("LS401", "!pip install", "`transformers`, `peft`, `datasets` installed without `==` pins")]),
        code('from google.colab import drive; drive.mount("/content/drive")', 2, "drive",
             outputs=[stream("Mounted at /content/drive\n")],
             find=[F("LS207", "drive.mount", "`google.colab` import and `drive.mount`: runs only inside Colab"),
                   F("LS201", "drive.mount", "absolute path literal `/content/drive`")]),
        code("""
from huggingface_hub import notebook_login

notebook_login()
""", 3, "login",
             outputs=[display({
                 "application/vnd.jupyter.widget-view+json": {
                     "model_id": _hexid("hf", "widget", n=32), "version_major": 2, "version_minor": 0},
                 "text/plain": "VBox(children=(HTML(value='<center> <img\\nsrc=https://huggingface.co/front/assets/huggingface_logo-noborder.sv…"})],
             find=[F("LS502", "notebook_login()", "interactive login widget: the job cannot run unattended")]),
        md("## Data", key="md-data"),
        code("""
import numpy as np
from datasets import load_dataset
from peft import LoraConfig, TaskType, get_peft_model
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    Trainer,
    TrainingArguments,
)
""", 4, "imports"),
        code("""
dataset = load_dataset("imdb")
dataset
""", 5, "load",
             outputs=[stream("Downloading readme: 100%|██████████| 7.81k/7.81k [00:00<00:00, 25.1kB/s]\n"
                             "Downloading data: 100%|██████████| 21.0M/21.0M [00:01<00:00, 17.3MB/s]\n"
                             "Downloading data: 100%|██████████| 20.5M/20.5M [00:00<00:00, 31.2MB/s]\n"
                             "Downloading data: 100%|██████████| 42.0M/42.0M [00:01<00:00, 36.9MB/s]\n"
                             "Generating train split: 100%|██████████| 25000/25000 [00:00<00:00, 98621.07 examples/s]\n"
                             "Generating test split: 100%|██████████| 25000/25000 [00:00<00:00, 117403.51 examples/s]\n"
                             "Generating unsupervised split: 100%|██████████| 50000/50000 [00:00<00:00, 120187.33 examples/s]\n",
                             name="stderr"),
                      result(DATASETDICT)],
             find=[F("LS403", "load_dataset(", "`load_dataset(\"imdb\")` without `revision=`: dataset version floats")]),
        code('''
tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True)


tokenized = dataset.map(tokenize, batched=True)
''', 6, "tokenize",
             outputs=[stream("tokenizer_config.json: 100%|██████████| 48.0/48.0 [00:00<00:00, 3.21kB/s]\n"
                             "config.json: 100%|██████████| 483/483 [00:00<00:00, 36.2kB/s]\n"
                             "vocab.txt: 100%|██████████| 232k/232k [00:00<00:00, 4.11MB/s]\n"
                             "tokenizer.json: 100%|██████████| 466k/466k [00:00<00:00, 6.35MB/s]\n"
                             "Map: 100%|██████████| 25000/25000 [00:14<00:00, 1702.44 examples/s]\n"
                             "Map: 100%|██████████| 25000/25000 [00:13<00:00, 1841.09 examples/s]\n"
                             "Map: 100%|██████████| 50000/50000 [00:28<00:00, 1769.12 examples/s]\n",
                             name="stderr")],
             find=[F("LS402", "AutoTokenizer.from_pretrained(", "tokenizer loaded without `revision=` a commit hash")]),
        code("""
# 2k/500 subset so three epochs fit in a Colab session
small_train = tokenized["train"].shuffle().select(range(2000))
small_eval = tokenized["test"].shuffle().select(range(500))
""", 7, "subset",
             find=[F("LS305", 'small_train = ', "`Dataset.shuffle()` without `seed=`: the 2k training subset changes every run"),
                   F("LS305", 'small_eval = ', "`Dataset.shuffle()` without `seed=`: the 500-review eval subset changes every run")],
             nots=[N("select(range(2000))", "subsampling after a shuffle, not hand-picked rows (not LS507)")]),
        md("## Model", key="md-model"),
        code("""
base_model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
""", 8, "model",
             outputs=[stream("model.safetensors: 100%|██████████| 268M/268M [00:02<00:00, 119MB/s]\n"
                             "Some weights of DistilBertForSequenceClassification were not initialized from the model checkpoint at distilbert-base-uncased and are newly initialized: ['classifier.bias', 'classifier.weight', 'pre_classifier.bias', 'pre_classifier.weight']\n"
                             "You should probably TRAIN this model on a down-stream task to be able to use it for predictions and inference.\n",
                             name="stderr")],
             find=[F("LS402", "from_pretrained(", "model weights loaded without `revision=` a commit hash"),
                   F("LS303", "from_pretrained(", "new classification head (`pre_classifier`, `classifier`) randomly initialised with no `torch.manual_seed` before (the Trainer's seed comes later)")]),
        code("""
lora_config = LoraConfig(
    task_type=TaskType.SEQ_CLS,
    r=8,
    lora_alpha=16,
    lora_dropout=0.1,
    target_modules=["q_lin", "v_lin"],
)
model = get_peft_model(base_model, lora_config)
model.print_trainable_parameters()
""", 9, "peft",
             outputs=[stream("trainable params: 739,586 || all params: 67,694,596 || trainable%: 1.0925\n")],
             find=[F("LS509", "r=8", "LoRA `r=8` literal: lift to config"),
                   F("LS509", "lora_alpha=16", "`lora_alpha=16` literal: lift to config"),
                   F("LS509", "lora_dropout=0.1", "`lora_dropout=0.1` literal: lift to config"),
                   F("LS303", "get_peft_model(", "`get_peft_model` initialises the LoRA A matrices randomly, no `torch.manual_seed` before")],
             nots=[N("model = get_peft_model(base_model", "binds a new name, does not rebind `base_model` (not LS107)")]),
        code('''
def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": (preds == labels).mean()}
''', 11, "metrics"),
        code("""
args = TrainingArguments(
    output_dir="imdb-lora",
    learning_rate=2e-5,
    num_train_epochs=3,
    per_device_train_batch_size=16,
    fp16=True,
    evaluation_strategy="epoch",
    logging_steps=50,
    report_to="none",
)
""", 10, "args",
             find=[F("LS101", CELL, "execution count 10 follows count 11 of the cell above (`compute_metrics` was inserted above and run later)"),
                   F("LS509", "learning_rate=", "`learning_rate=2e-5` literal: lift to config"),
                   F("LS509", "num_train_epochs=", "`num_train_epochs=3` literal: lift to config"),
                   F("LS509", "per_device_train_batch_size=", "`per_device_train_batch_size=16` literal: lift to config"),
                   F("LS309", "fp16=True", "fp16 mixed precision: results depend on the GPU; needs a tolerance")],
             nots=[N("output_dir=", "relative path (not LS201)"),
                   N("logging_steps=", "logging cadence, does not change the result (not LS509)")]),
        md("## Train", key="md-train"),
        code("""
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=small_train,
    eval_dataset=small_eval,
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
)
trainer.train()
""", 14, "train",
             outputs=[display({"text/html": TRAIN_TABLE, "text/plain": "<IPython.core.display.HTML object>"}),
                      result("TrainOutput(global_step=375, training_loss=0.6432186279296875, metrics="
                             + repr(train_metrics) + ")")],
             find=[F("LS103", CELL, "counts 12 and 13 appear nowhere: cells were run and deleted or re-run")],
             nots=[N("trainer = Trainer(", "`TrainingArguments.seed` defaults to 42 and the Trainer seeds before training, so its sampler and dropout are seeded (no LS306/LS303 here)")]),
        code("trainer.evaluate()", 15, "evaluate",
             outputs=[display({"text/html": "\n    <div>\n      \n      <progress value='63' max='63' style='width:300px; height:20px; vertical-align: middle;'></progress>\n      [63/63 00:04]\n    </div>\n    ",
                               "text/plain": "<IPython.core.display.HTML object>"}),
                      result(pformat(eval_metrics, sort_dicts=False, width=79))]),
        md("## Save and share", key="md-save"),
        code('trainer.save_model("/content/drive/MyDrive/adapters/imdb-lora")', 16, "save",
             find=[F("LS207", "save_model(", "writes to a `/content/drive` (Google Drive in Colab) path"),
                   F("LS201", "save_model(", "absolute path literal `/content/drive/MyDrive/...`")]),
        code(f'''
from huggingface_hub import login

login(token="{FAKE_HF_TOKEN}")  # notebook_login widget keeps timing out
model.push_to_hub("maria-ml/distilbert-imdb-lora")
''', 17, "push",
             outputs=[stream("Token will not been saved to git credential helper. Pass `add_to_git_credential=True` if you want to set the git credential as well.\n"
                             "Token is valid (permission: write).\n"
                             "Your token has been saved to /root/.cache/huggingface/token\n"
                             "Login successful\n"),
                      stream("adapter_model.safetensors: 100%|██████████| 2.96M/2.96M [00:00<00:00, 5.12MB/s]\n", name="stderr"),
                      result(f"CommitInfo(commit_url='https://huggingface.co/maria-ml/distilbert-imdb-lora/commit/{commit}', "
                             f"commit_message='Upload model', commit_description='', oid='{commit}', "
                             "pr_url=None, pr_revision=None, pr_num=None)")],
             find=[F("LS601", "login(token=", "Hugging Face token literal `hf_Fake...` in source")]),
        code("""
# which token is this session using?
from huggingface_hub import HfFolder

HfFolder.get_token()
""", 18, "whoami",
             outputs=[result(repr(FAKE_HF_TOKEN))],
             nots=[N("get_token()", "hub API call, not an `os.environ`/user/host read (borderline, not LS205)")],
             find=[F("LS602", OUTPUT, "the saved execute_result shows the full `hf_...` token")]),
    ]
    metadata = {
        "accelerator": "GPU",
        "colab": {"gpuType": "T4", "provenance": []},
        "kernelspec": {"display_name": "Python 3", "name": "python3"},
        "language_info": {"name": "python"},
    }
    notes = [
        "Cells @cell[drive] and @cell[save]: the `/content/drive` literal is both an absolute path "
        "(LS201 lists `/content/..`) and a Colab Drive path (LS207 lists `/content/drive`); both are "
        "listed. In cell @cell[drive] the `google.colab` import and `drive.mount` share line 1, so a "
        "tool may report LS207 once or twice there.",
        "Not marked, judgement calls: LS307 (the code never names CUDA; only `fp16=True` and the "
        "Colab `accelerator` metadata imply a GPU), LS305 on `TrainingArguments` (its `seed` has a "
        "fixed default of 42), LS204 for hub downloads (covered by LS402/LS403).",
        "No LS106: the swapped pair @cell[metrics]/@cell[args] do not use each other's names.",
    ]
    return Notebook(HF, metadata, cells, notes=notes, colab_ids=True,
                    nb_find=[F("LS405", None, "Colab metadata records `language_info` without a `version`")],
                    summary="Colab notebook: Hugging Face Trainer + PEFT LoRA on IMDB. "
                            "Not runnable here (needs transformers, peft, datasets, Colab); valid Python after IPython translation.")


# ============================================================ 3. sklearn churn model

SKL = "sklearn-churn-model"

SKL_TRACEBACK = [
    "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
    "\u001b[0;31mKeyError\u001b[0m                                  Traceback (most recent call last)",
    "Cell \u001b[0;32mIn[9], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m \u001b[43mdf_clean\u001b[49m\u001b[38;5;241;43m.\u001b[39;49m\u001b[43mdrop\u001b[49m\u001b[43m(\u001b[49m\u001b[43mcolumns\u001b[49m\u001b[38;5;241;43m=\u001b[39;49m\u001b[43m[\u001b[49m\u001b[38;5;124;43m\"\u001b[39;49m\u001b[38;5;124;43mcustomer_id\u001b[39;49m\u001b[38;5;124;43m\"\u001b[39;49m\u001b[43m]\u001b[49m\u001b[43m,\u001b[49m\u001b[43m \u001b[49m\u001b[43minplace\u001b[49m\u001b[38;5;241;43m=\u001b[39;49m\u001b[38;5;28;43;01mTrue\u001b[39;49;00m\u001b[43m)\u001b[49m\n",
    "File \u001b[0;32m~/.venv/lib/python3.10/site-packages/pandas/util/_decorators.py:331\u001b[0m, in \u001b[0;36mdeprecate_nonkeyword_arguments.<locals>.decorate.<locals>.wrapper\u001b[0;34m(*args, **kwargs)\u001b[0m\n\u001b[1;32m    325\u001b[0m \u001b[38;5;28;01mif\u001b[39;00m \u001b[38;5;28mlen\u001b[39m(args) \u001b[38;5;241m>\u001b[39m num_allow_args:\n\u001b[0;32m--> 331\u001b[0m \u001b[38;5;28;01mreturn\u001b[39;00m func(\u001b[38;5;241m*\u001b[39margs, \u001b[38;5;241m*\u001b[39m\u001b[38;5;241m*\u001b[39mkwargs)\n",
    "File \u001b[0;32m~/.venv/lib/python3.10/site-packages/pandas/core/generic.py:6959\u001b[0m, in \u001b[0;36mNDFrame._drop_axis\u001b[0;34m(self, labels, axis, level, errors, only_slice)\u001b[0m\n\u001b[1;32m   6957\u001b[0m \u001b[38;5;28;01mif\u001b[39;00m errors \u001b[38;5;241m==\u001b[39m \u001b[38;5;124m\"\u001b[39m\u001b[38;5;124mraise\u001b[39m\u001b[38;5;124m\"\u001b[39m \u001b[38;5;129;01mand\u001b[39;00m labels_missing:\n\u001b[0;32m-> 6959\u001b[0m     \u001b[38;5;28;01mraise\u001b[39;00m \u001b[38;5;167;01mKeyError\u001b[39;00m(\u001b[38;5;124mf\u001b[39m\u001b[38;5;124m\"\u001b[39m\u001b[38;5;132;01m{\u001b[39;00mlabels[mask]\u001b[38;5;241m.\u001b[39mtolist()\u001b[38;5;132;01m}\u001b[39;00m\u001b[38;5;124m not found in axis\u001b[39m\u001b[38;5;124m\"\u001b[39m)\n",
    "\u001b[0;31mKeyError\u001b[0m: \"['customer_id'] not found in axis\"",
]

SKL_LS = """\
total 19M
-rw-r--r-- 1 maria maria   84 Jun 11 14:32 metrics_20240611-1432.csv
-rw-r--r-- 1 maria maria 9.1M Jun 10 17:05 rf_20240610-1705.joblib
-rw-r--r-- 1 maria maria 9.2M Jun 11 14:32 rf_20240611-1432.joblib
"""


def sklearn_notebook():
    nb = SKL
    cells = [
        md("""
# Churn model: random-forest baseline

Baseline for the churn review. Data: CRM export `~/data/churn.csv`, one row per customer,
`churned` = cancelled within 90 days. Helpers (`add_tenure_buckets`) live in
`churn_utils.py` next to this notebook.
""", key="title"),
        code("""
%load_ext autoreload
%autoreload 2
""", 1, "autoreload",
             find=[F("LS505", "%load_ext autoreload", "IPython extension loading (`autoreload`) has no pipeline equivalent"),
                   F("LS505", "%autoreload 2", "`%autoreload` has no pipeline equivalent")]),
        code("""
import os
from datetime import datetime

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split

from churn_utils import add_tenure_buckets
""", 2, "imports",
             find=[F("LS406", "from churn_utils", "`churn_utils` is a local file, not an installed distribution: the job must ship it")]),
        md("## Load", key="md-load"),
        code("""
df = pd.read_csv("~/data/churn.csv")
df.shape
""", 3, "load", outputs=[result("(7043, 7)")],
             find=[F("LS202", "read_csv(", "home-relative path `~/data/churn.csv`")]),
        code("df.head()", 4, "head", outputs=captured(nb, "head")),
        code("""
df_small = df.sample(frac=0.1)
df_small.groupby("plan")["churned"].mean()
""", 5, "sample",
             outputs=[result("plan\nbasic    0.341463\nplus     0.233010\npro      0.148936\nName: churned, dtype: float64")],
             find=[F("LS305", "df.sample(", "`DataFrame.sample` without `random_state`")]),
        code("""
# other monthly exports we may fold in later
monthly = [f for f in os.listdir("exports/monthly") if f.endswith(".csv")]
print(len(monthly), "monthly exports, latest:", monthly[-1])
""", 6, "listdir",
             outputs=[stream("14 monthly exports, latest: churn_2023-04.csv\n")],
             find=[F("LS206", "os.listdir(", "`os.listdir` without `sorted(...)`; `monthly[-1]` assumes an order the OS does not give")]),
        md("## Cleaning", key="md-clean"),
        code("""
# rows 13, 207, 311 and 1024 are internal test accounts (checked by hand in the CRM)
df_clean = df.drop([13, 207, 311, 1024])
df_clean = add_tenure_buckets(df_clean)
df_clean.shape
""", 7, "drop", outputs=[result("(7039, 8)")],
             find=[F("LS507", "df.drop([", "rows dropped by a hand-picked literal index list; needs a written criterion")],
             nots=[N("df_clean = add_tenure_buckets(df_clean)", "rebinds a name defined in this same cell (not LS107)")]),
        code('df_clean.drop(columns=["customer_id"], inplace=True)', 9, "inplace",
             outputs=[error("KeyError", "\"['customer_id'] not found in axis\"", SKL_TRACEBACK)],
             find=[F("LS103", CELL, "count 8 appears nowhere (the cell's first, successful run)"),
                   F("LS107", "inplace=True", "`inplace=True` on `df_clean`, defined in another cell: a second run fails (as saved)"),
                   F("LS503", OUTPUT, "saved `KeyError` output: the recorded run failed here")],
             nots=[N("columns=", "dropping a column, not rows by literal index (not LS507)")]),
        code("""
# integer codes for the plan column
plans = list(set(df_clean["plan"]))
df_model = df_clean.assign(plan_code=df_clean["plan"].map({p: i for i, p in enumerate(plans)}))
df_model["plan_code"].value_counts()
""", 10, "codes",
             outputs=[result("0    3389\n2    2102\n1    1548\nName: plan_code, dtype: int64")],
             find=[F("LS311", "list(set(", "code order from iterating a `set` of strings: depends on `PYTHONHASHSEED`")]),
        code('df_clean.groupby("tenure_bucket")["churned"].mean().plot.bar(title="churn rate by tenure")', 11, "plot",
             outputs=[result("<AxesSubplot: title={'center': 'churn rate by tenure'}, xlabel='tenure_bucket'>"),
                      figure(bar_plot_png([0.47, 0.31, 0.22, 0.15, 0.07]), "<Figure size 640x480 with 1 Axes>")]),
        md("## Model", key="md-model"),
        code("""
X = df_model[feature_cols].to_numpy()
y = df_model["churned"].to_numpy()
X.shape, y.mean()
""", 12, "features", outputs=[result("((7039, 9), 0.26523653928114786)")],
             find=[F("LS105", "feature_cols", "`feature_cols` is defined nowhere in the notebook: it lived only in the kernel")]),
        code("X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)", 13, "split",
             find=[F("LS305", "train_test_split(", "`train_test_split` without `random_state`")],
             nots=[N("test_size=0.2", "split fraction; not one of the catalogue's hyperparameters (borderline, not LS509)")]),
        code("""
cv = KFold(n_splits=5, shuffle=True)
scores = cross_val_score(model, X_train, y_train, cv=cv, scoring="roc_auc")
print(f"CV AUC {scores.mean():.3f} +/- {scores.std():.3f}")
""", 15, "cv", outputs=[stream("CV AUC 0.842 +/- 0.009\n")],
             find=[F("LS305", "KFold(", "`KFold(shuffle=True)` without `random_state`"),
                   F("LS104", "cross_val_score(model", "`model` is first defined in the next cell (count 14, run before this one's 15)")],
             nots=[N("n_splits=5", "number of folds; evaluation setting, not a model hyperparameter (borderline, not LS509)")]),
        code("""
model = RandomForestClassifier(n_estimators=200, n_jobs=-1)
model.fit(X_train, y_train)
""", 14, "fit", outputs=[result("RandomForestClassifier(n_estimators=200, n_jobs=-1)")],
             find=[F("LS101", CELL, "execution count 14 follows count 15 of the cell above"),
                   F("LS305", "RandomForestClassifier(", "`RandomForestClassifier` without `random_state`"),
                   F("LS509", "RandomForestClassifier(", "`n_estimators=200` literal: lift to config")]),
        code("""
proba = model.predict_proba(X_test)[:, 1]
auc = roc_auc_score(y_test, proba)
acc = accuracy_score(y_test, model.predict(X_test))
# sanity check: shuffled labels should give ~0.5
auc_shuffled = roc_auc_score(np.random.permutation(y_test), proba)
print(f"test AUC {auc:.3f}  acc {acc:.3f}  shuffled-label AUC {auc_shuffled:.3f}")
""", 16, "eval", outputs=[stream("test AUC 0.846  acc 0.801  shuffled-label AUC 0.507\n")],
             find=[F("LS302", "np.random.permutation(", "global NumPy RNG draw with no `np.random.seed` before")]),
        md("## Save", key="md-save"),
        code("""
run_id = datetime.now().strftime("%Y%m%d-%H%M")
os.makedirs("models", exist_ok=True)
joblib.dump(model, f"models/rf_{run_id}.joblib")
pd.DataFrame([{"test_auc": auc, "test_acc": acc, "cv_auc": scores.mean()}]).to_csv(f"models/metrics_{run_id}.csv", index=False)
""", 17, "save",
             find=[F("LS310", "datetime.now()", "wall-clock time flows into the output file names")]),
        code("!ls -lh models/", 18, "ls", outputs=[stream(SKL_LS)],
             find=[F("LS501", "!ls", "shell command")]),
        code("""
from sklearn.ensemble import HistGradientBoostingClassifier

hgb = HistGradientBoostingClassifier().fit(X_train, y_train)
roc_auc_score(y_test, hgb.predict_proba(X_test)[:, 1])
""", None, "hgb", outputs=[],
             find=[F("LS102", CELL, "never executed while every other code cell was: a top-to-bottom run executes code the saved outputs never saw"),
                   F("LS305", "HistGradientBoostingClassifier()", "`HistGradientBoostingClassifier` without `random_state` (binning subsample, early-stopping split)")]),
    ]
    notes = [
        "LS101 is marked on the cell whose count is lower than the preceding executed code "
        "cell's; here the swap is adjacent (15 then 14), so every reading of the rule picks cell "
        "@cell[fit]. The related LS104 is on the use in cell @cell[cv].",
        "LS103: one finding per run of missing counts, on the executed cell with the next higher "
        "count (count 8 is missing, cell @cell[inplace] has count 9).",
        "No LS106: no cell was re-run after a later cell used its definitions.",
        "Cell @cell[autoreload]: `%load_ext autoreload` and `%autoreload 2` are listed as two LS505 "
        "findings (one per magic line); a tool reporting the pair once is defensible.",
        "`~` inside the markdown (cell 1) is prose, not code.",
    ]
    return Notebook(nb, py_metadata("3.10.12"), cells, notes=notes,
                    summary="scikit-learn churn baseline, exploratory and re-run out of order. "
                            "Not runnable (home-relative data, a local module, an undefined name).")


# ============================================================ 4. clean, reproducible

CLEAN = "clean-reproducible"

CLEAN_TRAIN = '''
g = torch.Generator().manual_seed(SEED)
train_loader = DataLoader(
    TensorDataset(torch.from_numpy(X_train), torch.from_numpy(y_train)),
    batch_size=params["batch_size"],
    shuffle=True,
    generator=g,
)

model = nn.Sequential(
    nn.Linear(len(feature_cols), params["hidden_size"]),
    nn.ReLU(),
    nn.Dropout(params["dropout"]),
    nn.Linear(params["hidden_size"], 2),
)
optimizer = torch.optim.Adam(model.parameters(), lr=params["learning_rate"])
loss_fn = nn.CrossEntropyLoss()

history = []
for epoch in range(params["epochs"]):
    model.train()
    epoch_loss = 0.0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item() * len(yb)
    history.append(epoch_loss / len(train_loader.dataset))
print(f"epoch 1 loss {history[0]:.4f} -> epoch {len(history)} loss {history[-1]:.4f}")
'''


def clean_notebook():
    nb = CLEAN
    cells = [
        md("""
# Bearing fault classifier: reproducible baseline

Everything this notebook reads is in the repository: hyperparameters in
`config/params.json`, vibration features in `data/sensors/part-*.csv`. Run it from the
notebook's folder. Seeds and deterministic algorithms are set before anything random
happens; outputs go to `out/`.
""", key="title"),
        code("""
import glob
import json
import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset
""", 1, "imports"),
        code("""
with open("config/params.json") as f:
    params = json.load(f)
params
""", 2, "params", outputs=captured(nb, "params")),
        code("""
SEED = params["seed"]
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.use_deterministic_algorithms(True)
""", 3, "seeds"),
        md("## Data", key="md-data"),
        code("""
shards = sorted(glob.glob("data/sensors/part-*.csv"))
df = pd.concat([pd.read_csv(path) for path in shards], ignore_index=True)
print(len(shards), "shards,", df.shape)
""", 4, "load", outputs=captured(nb, "load")),
        code("df.head()", 5, "head", outputs=captured(nb, "head")),
        code('df["fault"].value_counts().sort_index()', 6, "counts", outputs=captured(nb, "counts")),
        code("""
feature_cols = [c for c in df.columns if c != "fault"]
X_train, X_test, y_train, y_test = train_test_split(
    df[feature_cols].to_numpy(dtype=np.float32),
    df["fault"].to_numpy(),
    test_size=params["test_size"],
    random_state=SEED,
    stratify=df["fault"],
)
scaler = StandardScaler().fit(X_train)
X_train = scaler.transform(X_train).astype(np.float32)
X_test = scaler.transform(X_test).astype(np.float32)
X_train.shape, X_test.shape
""", 7, "split", outputs=captured(nb, "split")),
        md("""
## Model

Two-layer MLP with dropout; the loader shuffles with its own seeded generator.
""", key="md-model"),
        code(CLEAN_TRAIN, 8, "train", outputs=captured(nb, "train")),
        code("""
model.eval()
with torch.no_grad():
    pred = model(torch.from_numpy(X_test)).argmax(dim=1).numpy()
test_acc = accuracy_score(y_test, pred)
print(f"test accuracy {test_acc:.4f}")
""", 9, "eval", outputs=captured(nb, "eval")),
        md("## Save", key="md-save"),
        code("""
os.makedirs("out", exist_ok=True)
torch.save(model.state_dict(), "out/model.pt")
metrics = {"final_train_loss": round(history[-1], 6), "test_accuracy": round(float(test_acc), 6)}
with open("out/metrics.json", "w") as f:
    json.dump(metrics, f, indent=2, sort_keys=True)
metrics
""", 10, "save", outputs=captured(nb, "save")),
    ]
    for c in cells:
        if c.cell_type == "code":
            assert not c.find
    notes = [
        "Expected: zero findings under every rule, info rules included. Things a tool might "
        "wrongly flag here:",
        "- `sorted(glob.glob(...))` (cell @cell[load]) is the fix for LS206, not an instance.",
        "- `DataLoader(..., shuffle=True, generator=g)` with `g` seeded (cell @cell[train]) is not "
        "LS306; `nn.Dropout` and model construction come after `torch.manual_seed` (not LS303).",
        "- `train_test_split(..., random_state=SEED)` is not LS305; `SEED` is read from config, "
        "not a hyperparameter literal.",
        "- Hyperparameters are `params[...]` lookups, never literals (no LS509); `2` output classes "
        "and `0.0` accumulators are not hyperparameters.",
        "- `X_train = scaler.transform(X_train)` and `epoch_loss += ...`, `history.append(...)` "
        "rebind or mutate names defined in the same cell (not LS107).",
        "- `optimizer.step()` updates the model built in the same cell.",
        "- `os` is used only for `os.makedirs` (no LS205); paths are relative (no LS201/LS202).",
        "- The notebook records kernelspec and `language_info.version` (no LS405); counts are "
        "1..10 in document order (no LS101/LS102/LS103).",
        "P: To run it: from this folder, with torch, numpy, pandas and scikit-learn; it reads "
        "`config/params.json` and `data/sensors/`, writes `out/`. Saved outputs are from such a "
        "run (torch 1.13 CPU) and reproduce exactly on that setup.",
    ]
    return Notebook(nb, py_metadata("3.11.2"), cells, notes=notes,
                    summary="Reproducible baseline: a careful reviewer marks nothing. "
                            "Runnable from this folder with the shipped config and data.")


# ============================================================ 5. GPU fine-tune

GPU = "gpu-finetune"

GPU_MODEL = '''
class SegmentPool(nn.Module):
    """Sum positions into equal-width segments: (B, C, L) -> (B, C, n_segments)."""

    def __init__(self, seq_len, n_segments):
        super().__init__()
        self.n_segments = n_segments
        self.register_buffer("segment_of", torch.arange(seq_len) * n_segments // seq_len)

    def forward(self, h):
        out = h.new_zeros(h.shape[0], h.shape[1], self.n_segments)
        return out.index_add_(2, self.segment_of, h)


class SeqNet(nn.Module):
    def __init__(self, n_channels, seq_len, hidden=32, n_segments=8, n_classes=2):
        super().__init__()
        self.conv1 = nn.Conv1d(n_channels, hidden, kernel_size=5, padding=2)
        self.conv2 = nn.Conv1d(hidden, hidden, kernel_size=5, padding=2)
        self.pool = SegmentPool(seq_len, n_segments)
        self.head = nn.Linear(hidden * n_segments, n_classes)

    def forward(self, x):
        h = F.relu(self.conv1(x))
        h = F.relu(self.conv2(h))
        return self.head(self.pool(h).flatten(1))
'''

GPU_TRAIN = '''
optimizer = torch.optim.Adam(model.parameters(), lr=lr)
steps_per_epoch = n_samples // batch_size
losses = []
for epoch in range(epochs):
    perm = torch.randperm(n_samples, device=device)
    for i in range(0, n_samples, batch_size):
        idx = perm[i : i + batch_size]
        loss = F.cross_entropy(model(X[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    print(f"epoch {epoch + 1:2d}  loss {sum(losses[-steps_per_epoch:]) / steps_per_epoch:.4f}")
'''


def gpu_notebook():
    nb = GPU
    cells = [
        md("""
# GPU fine-tune smoke test

Tiny 1-D conv net on synthetic sequences, used to check a GPU box end to end. The pooling
is a custom segment sum (`index_add_`), and cuDNN autotuning plus TF32 are on for speed.
Writes `out/gpu_weights.pt`.
""", key="title"),
        code("""
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
""", 1, "imports"),
        code("""
device = "cuda" if torch.cuda.is_available() else "cpu"
print("device:", device)
if device == "cuda":
    print(torch.cuda.get_device_name())
""", 2, "device", outputs=[stream("device: cuda\nNVIDIA A100-SXM4-40GB\n")],
             find=[F("LS307", "device = ", "CUDA is used and `torch.use_deterministic_algorithms(True)` is never called (anchored at the first CUDA use)")],
             nots=[N("device = ", "device chosen at run time, not hard-coded (not LS508)")]),
        code("""
# speed knobs (A100)
torch.backends.cudnn.benchmark = True
torch.backends.cuda.matmul.allow_tf32 = True
""", 3, "knobs",
             find=[F("LS307", "cudnn.benchmark", "`cudnn.benchmark = True`: cuDNN picks conv algorithms per run"),
                   F("LS307", "allow_tf32", "TF32 matmuls allowed")]),
        md("## Synthetic data", key="md-data"),
        code("""
n_samples, n_channels, seq_len = 2048, 4, 64
X = torch.randn(n_samples, n_channels, seq_len)
# label: is the first half of channel 0 louder than the second half of channel 1?
y = (X[:, 0, : seq_len // 2].abs().mean(1) > X[:, 1, seq_len // 2 :].abs().mean(1)).long()
X, y = X.to(device), y.to(device)
print(X.shape, y.float().mean().item())
""", 4, "data", outputs=captured(nb, "data"),
             find=[F("LS303", "torch.randn(", "synthetic data drawn from the torch RNG with no `torch.manual_seed` anywhere")]),
        md("""
## Model

Conv features, then a custom segment pooling: positions are summed into `n_segments`
buckets with `index_add_` (atomic adds on CUDA).
""", key="md-model"),
        code(GPU_MODEL, 5, "classes",
             find=[F("LS308", "index_add_(", "`index_add_` is nondeterministic on CUDA (atomic adds); bitwise reproduction impossible, declare a tolerance")],
             nots=[N("hidden=32", "architecture defaults in a signature (borderline, not LS509)")]),
        code("""
model = SeqNet(n_channels, seq_len).to(device)
sum(p.numel() for p in model.parameters())
""", 6, "build", outputs=captured(nb, "build"),
             find=[F("LS303", "model = SeqNet(", "conv/linear weights randomly initialised without a seed")]),
        code("""
lr = 1e-3
epochs = 10
batch_size = 64
""", 7, "hparams",
             find=[F("LS509", "lr = ", "learning rate literal `1e-3`: lift to config"),
                   F("LS509", "epochs = ", "epoch count literal `10`: lift to config"),
                   F("LS509", "batch_size = ", "batch size literal `64`: lift to config")]),
        md("## Train", key="md-train"),
        code(GPU_TRAIN, 9, "train", outputs=captured(nb, "train"),
             find=[F("LS103", CELL, "count 8 appears nowhere (an interrupted run)"),
                   F("LS303", "torch.randperm(", "per-epoch batch order drawn from the unseeded torch RNG")],
             nots=[N("X[idx]", "indexing forward pass; no backward through it (not LS308)")]),
        code("""
model.eval()
with torch.no_grad():
    acc = (model(X).argmax(1) == y).float().mean().item()
checksum = sum(float(p.detach().double().sum()) for p in model.parameters())
print(f"final loss {losses[-1]:.4f}  train acc {acc:.3f}  weight checksum {checksum:.10f}")

os.makedirs("out", exist_ok=True)
torch.save({k: v.cpu() for k, v in model.state_dict().items()}, "out/gpu_weights.pt")
""", 10, "save", outputs=captured(nb, "save")),
    ]
    notes = [
        "The weight initialisation could also be anchored at the `nn.Conv1d`/`nn.Linear` calls "
        "inside `SeqNet.__init__` (cell @cell[classes]) instead of the instantiation in cell "
        "@cell[build].",
        "The first LS307 (deterministic algorithms never enabled while CUDA is used) has no line of "
        "its own; it is anchored at the first CUDA use. A tool that folds it into the "
        "`cudnn.benchmark` finding is defensible.",
        "Conv backward under `cudnn.benchmark` is covered by LS307, not LS308.",
        "Runs on CPU in under two seconds (torch 1.13). On a GPU the `index_add_` atomics and the "
        "autotuned conv backward can make two runs differ bitwise even once seeded; that has "
        "not been observed here (no GPU was available when this was written).",
    ]
    return Notebook(nb, py_metadata("3.11.2"), cells, notes=notes,
                    summary="Small GPU fine-tune (synthetic data, conv + `index_add_` pooling) for a "
                            "GPU check script. Runnable on CPU and CUDA, torch >= 1.13.")


# ============================================================ 6. legacy nbformat 3

LEGACY = "legacy-v3"

LEGACY_TRACEBACK = [
    "\u001b[1;31m---------------------------------------------------------------------------\u001b[0m\n\u001b[1;31mKeyError\u001b[0m                                  Traceback (most recent call last)",
    "\u001b[1;32m<ipython-input-5-5b3c1f0e2d9a>\u001b[0m in \u001b[0;36m<module>\u001b[1;34m()\u001b[0m\n\u001b[1;32m----> 1\u001b[1;33m \u001b[0mreadings\u001b[0m\u001b[1;33m[\u001b[0m\u001b[1;34m\"Value\"\u001b[0m\u001b[1;33m]\u001b[0m\u001b[1;33m.\u001b[0m\u001b[0mrolling\u001b[0m\u001b[1;33m(\u001b[0m\u001b[1;36m24\u001b[0m\u001b[1;33m)\u001b[0m\u001b[1;33m.\u001b[0m\u001b[0mmean\u001b[0m\u001b[1;33m(\u001b[0m\u001b[1;33m)\u001b[0m\u001b[1;33m.\u001b[0m\u001b[0mtail\u001b[0m\u001b[1;33m(\u001b[0m\u001b[1;33m)\u001b[0m\u001b[1;33m\u001b[0m\u001b[0m\n\u001b[0m",
    "\u001b[1;32mC:\\Anaconda\\lib\\site-packages\\pandas\\core\\frame.pyc\u001b[0m in \u001b[0;36m__getitem__\u001b[1;34m(self, key)\u001b[0m\n\u001b[0;32m   1797\u001b[0m             \u001b[1;32mreturn\u001b[0m \u001b[0mself\u001b[0m\u001b[1;33m.\u001b[0m\u001b[0m_getitem_column\u001b[0m\u001b[1;33m(\u001b[0m\u001b[0mkey\u001b[0m\u001b[1;33m)\u001b[0m\u001b[1;33m\u001b[0m\u001b[0m\n\u001b[0m",
    "\u001b[1;31mKeyError\u001b[0m: 'Value'",
]


def legacy_cells():
    """(kind, source, prompt_number, outputs, findings) in document order."""
    return [
        ("heading", "Sensor drift: quick look", None, [], []),
        ("markdown", "Readings exported from the lab PC (one reading per hour). Checking whether the\n"
                     "drift survives a bit of measurement noise.", None, [], []),
        ("code", "import numpy as np\nimport pandas as pd", 1, [], []),
        ("code", 'readings = pd.read_csv("C:\\\\Users\\\\jkim\\\\Documents\\\\lab\\\\sensor_2014.csv")\nreadings.head()', 2,
         [{"metadata": {}, "output_type": "pyout", "prompt_number": 2,
           "text": "   t     value\n0  0  1.002143\n1  1  0.998710\n2  2  1.004522\n3  3  1.001874\n4  4  1.007301"}],
         [F("LS201", "read_csv(", "absolute Windows path `C:\\Users\\jkim\\...`")]),
        ("code", 'noise = np.random.normal(0, 0.05, size=len(readings))\nnoisy = readings["value"].values + noise', 3, [],
         [F("LS302", "np.random.normal(", "global NumPy RNG draw with no `np.random.seed` before")]),
        ("code", 'drift = np.polyfit(np.arange(len(noisy)), noisy, 1)\nprint("slope per hour: %.3g" % drift[0])', 4,
         [{"output_type": "stream", "stream": "stdout", "text": "slope per hour: 2.71e-05\n"}], []),
        ("code", 'readings["Value"].rolling(24).mean().tail()', 5,
         [{"ename": "KeyError", "evalue": "'Value'", "output_type": "pyerr", "traceback": LEGACY_TRACEBACK}],
         [F("LS503", OUTPUT, "saved `pyerr` (KeyError) output: the recorded run failed here")]),
    ]


def legacy_notebook_json():
    cells = []
    for kind, source, n, outputs, _ in legacy_cells():
        lines = source.splitlines(True)
        if kind == "heading":
            cells.append({"cell_type": "heading", "level": 1, "metadata": {}, "source": lines})
        elif kind == "markdown":
            cells.append({"cell_type": "markdown", "metadata": {}, "source": lines})
        else:
            outs = []
            for o in outputs:
                o = dict(o)
                if "text" in o:
                    o["text"] = o["text"].splitlines(True)
                outs.append(o)
            cells.append({"cell_type": "code", "collapsed": False, "input": lines,
                          "language": "python", "metadata": {}, "outputs": outs,
                          "prompt_number": n})
    nb = {"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0,
          "worksheets": [{"cells": cells, "metadata": {}}]}
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False, separators=(",", ": ")) + "\n"


# ================================================================ build and write

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def cell_id(nb, cell):
    digest = hashlib.sha1(f"{nb.name}:{cell.key}".encode()).hexdigest()
    if not nb.colab_ids:
        return digest[:8]
    n, out = int(digest, 16), ""
    for _ in range(12):
        n, r = divmod(n, 62)
        out += B62[r]
    return out


def split_text(o):
    o = dict(o)
    if o["output_type"] == "stream":
        o["text"] = o["text"].splitlines(True)
    if "data" in o:
        o["data"] = {k: (v.splitlines(True) if isinstance(v, str) and k.startswith("text/") else v)
                     for k, v in o["data"].items()}
    return o


def coalesce_streams(outputs):
    """Merge consecutive stream outputs of the same name, as Jupyter front ends save them."""
    merged = []
    for o in outputs:
        if (o["output_type"] == "stream" and merged and merged[-1]["output_type"] == "stream"
                and merged[-1]["name"] == o["name"]):
            merged[-1] = dict(merged[-1], text=merged[-1]["text"] + o["text"])
        else:
            merged.append(o)
    return merged


def build_v4(nb):
    cells, ids = [], set()
    for c in nb.cells:
        cid = cell_id(nb, c)
        assert cid not in ids, (nb.name, c.key)
        ids.add(cid)
        meta = dict(c.metadata)
        if nb.colab_ids:
            meta["id"] = cid
        d = {"cell_type": c.cell_type, "id": cid, "metadata": meta,
             "source": c.source.splitlines(True)}
        if c.cell_type == "code":
            outs = []
            for o in coalesce_streams(c.outputs or []):
                o = dict(o)
                if o["output_type"] == "execute_result":
                    assert c.count is not None
                    o["execution_count"] = c.count
                outs.append(split_text(o))
            d["execution_count"] = c.count
            d["outputs"] = outs
        cells.append(d)
    doc = {"cells": cells, "metadata": nb.metadata, "nbformat": 4,
           "nbformat_minor": nb.nbformat_minor}
    return json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False,
                      separators=(",", ": ")) + "\n"


def find_line(source, needle, where):
    lines = source.split("\n")
    hits = [i for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, f"{where}: needle {needle!r} matches lines {hits}"
    return hits[0] + 1


def md_code(text, limit=70):
    text = text.strip()
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    text = text.replace("|", "\\|")
    return "``" + text + "``" if "`" in text else "`" + text + "`"


CONVENTIONS = """\
Conventions (the same for every example):

- **cell**: 1-based position among *all* cells, markdown included, as Jupyter numbers them;
  the cell id is given to cross-check.
- **line**: 1-based line within the cell's source as saved, magic lines included.
  Cell-level findings (LS101, LS102, LS103) are given line 1; findings about a saved output
  (LS503, LS602) say `output`. Notebook-level findings (LS405) have no cell.
- LS101 is marked on the cell whose count is lower than the preceding executed code cell's.
  LS103 is marked once per run of missing counts, on the cell holding the next higher count.
- Each finding is one rule at one place; two rules on one line are two rows.
- Severity is the catalogue default.
"""


def render_expected(title_file, summary, rows, nb_rows, nots, notes, counts):
    out = [f"# Expected findings: `{title_file}`", "", summary, "", CONVENTIONS]
    out.append("Execution counts in document order (cell: count): "
               + ", ".join(f"{pos}: {'-' if n is None else n}" for pos, n in counts) + ".")
    out.append("")
    total = len(rows) + len(nb_rows)
    out.append(f"## Findings ({total})")
    out.append("")
    if nb_rows:
        for rule, reason in nb_rows:
            out.append(f"- notebook: **{rule}** ({SEVERITY[rule]}): {reason}")
        out.append("")
    if rows:
        out.append("| cell | id | line | rule | severity | code | reason |")
        out.append("|---:|---|---:|---|---|---|---|")
        for pos, cid, line, rule, excerpt, reason in rows:
            out.append(f"| {pos} | {cid or ''} | {line} | {rule} | {SEVERITY[rule]} | {excerpt} | {reason} |")
        out.append("")
    elif not nb_rows:
        out.append("None.")
        out.append("")
    if nots:
        out.append("## Deliberately not findings")
        out.append("")
        out.append("Constructs present on purpose that a careful reviewer would *not* mark:")
        out.append("")
        out.append("| cell | line | code | why not |")
        out.append("|---:|---:|---|---|")
        for pos, line, excerpt, why in nots:
            out.append(f"| {pos} | {line} | {excerpt} | {why} |")
        out.append("")
    if notes:
        out.append("## Notes")
        out.append("")
        for n in notes:
            if n.startswith("P:"):  # a paragraph of its own
                out.extend(["", n[2:].strip()])
            elif n.startswith("- ") or n.endswith(":"):
                out.append(n)
            else:
                out.append(f"- {n}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def resolve_refs(text, positions, sources):
    import re

    def cell_ref(m):
        return str(positions[m.group(1)])

    def line_ref(m):
        return str(find_line(sources[m.group(1)], m.group(2), m.group(0)))

    text = re.sub(r"@cell\[(\w[\w-]*)\]", cell_ref, text)
    return re.sub(r"@line\[(\w[\w-]*)\|([^\]]+)\]", line_ref, text)


def expected_v4(nb):
    rows, nots, counts = [], [], []
    positions = {c.key: i for i, c in enumerate(nb.cells, 1)}
    sources = {c.key: c.source for c in nb.cells}
    for pos, c in enumerate(nb.cells, 1):
        if c.cell_type != "code":
            continue
        counts.append((pos, c.count))
        cid = cell_id(nb, c)
        lines = c.source.split("\n")
        for rule, needle, reason in c.find:
            where = f"{nb.name} cell {pos}"
            if needle is CELL:
                line, excerpt = 1, "(cell)"
            elif needle == OUTPUT:
                line, excerpt = "output", "(saved output)"
            else:
                line = find_line(c.source, needle, where)
                excerpt = md_code(lines[line - 1])
            rows.append((pos, cid, line, rule, excerpt, resolve_refs(reason, positions, sources)))
        for needle, why in c.nots:
            line = find_line(c.source, needle, f"{nb.name} cell {pos}")
            nots.append((pos, line, md_code(lines[line - 1]), resolve_refs(why, positions, sources)))
    rows.sort(key=lambda r: (r[0], 10**6 if r[2] == "output" else r[2], r[3]))
    nots.sort(key=lambda r: (r[0], r[1]))
    nb_rows = [(rule, reason) for rule, _, reason in nb.nb_find]
    notes = [resolve_refs(n, positions, sources) for n in nb.notes]
    return render_expected(f"{nb.name}.ipynb", nb.summary, rows, nb_rows, nots, notes, counts)


def expected_legacy():
    rows, counts = [], []
    for pos, (kind, source, n, _, finds) in enumerate(legacy_cells(), 1):
        if kind == "code":
            counts.append((pos, n))
        lines = source.split("\n")
        for rule, needle, reason in finds:
            if needle == OUTPUT:
                line, excerpt = "output", "(saved output)"
            else:
                line = find_line(source, needle, f"legacy cell {pos}")
                excerpt = md_code(lines[line - 1])
            rows.append((pos, None, line, rule, excerpt, reason))
    notes = [
        "nbformat 3: one worksheet; cells are numbered after flattening it, the `heading` cell "
        "counts as cell 1 (it becomes a markdown cell on conversion to v4). v3 cells have no ids. "
        "`prompt_number` is the execution count; `input` is the source.",
        "Line 1 of cell 4 is Python source `\"C:\\\\Users\\\\...\"`: the string value is "
        "`C:\\Users\\jkim\\Documents\\lab\\sensor_2014.csv`.",
        "The Windows paths inside the saved traceback (cell 7) are output, not source: not LS201.",
        "No LS105 in cell 7: the failing name is a column label, not a Python name.",
    ]
    return render_expected(
        "legacy-v3.ipynb",
        "Short IPython 2 era notebook in nbformat 3 (worksheets, `input`, `prompt_number`, "
        "`pyout`/`pyerr`, a heading cell). Not runnable (the data is on a Windows lab PC).",
        rows,
        [("LS405", "nbformat 3 metadata records no kernelspec and no `language_info`")],
        [], notes, counts)


def sample_files():
    files = {
        os.path.join("data", "train.csv"): churn_train_csv(),
        os.path.join("config", "params.json"): PARAMS_JSON,
    }
    for i, text in enumerate(sensor_shards()):
        files[os.path.join("data", "sensors", f"part-{i:03d}.csv")] = text
    return files


def all_files():
    files = {}
    for make in (adapter_notebook, hf_notebook, sklearn_notebook, clean_notebook, gpu_notebook):
        nb = make()
        files[nb.name + ".ipynb"] = build_v4(nb)
        files[nb.name + ".expected.md"] = expected_v4(nb)
    files[LEGACY + ".ipynb"] = legacy_notebook_json()
    files[LEGACY + ".expected.md"] = expected_legacy()
    files.update(sample_files())
    return files


def main(argv):
    check = "--check" in argv
    stale = []
    for rel, text in sorted(all_files().items()):
        path = os.path.join(HERE, rel)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                old = fh.read()
        if old == text:
            continue
        stale.append(rel)
        if not check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    for rel in stale:
        print(("stale: " if check else "wrote: ") + rel)
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
