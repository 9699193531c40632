"""Writes the small notebooks `lockstep replay`'s tests use, one per verdict.

Run with any python3 from this folder: `python3 make_replay_notebooks.py`. The saved outputs are
written here by hand, as a kernel would have saved them, so that each notebook holds a known
mix of reproduced and differing cells. Images are PNGs built with zlib alone (no numpy).
"""

import base64
import json
import struct
import zlib


def png(width, height, pixel, level=9):
    """A truecolour PNG; pixel(x, y) -> (r, g, b)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, level))
            + chunk(b"IEND", b""))


# The picture the image cells draw: a gradient with a dark square at (8..12, 8..12).
PNG_FUNCTION = '''import struct, zlib
from IPython.display import Image, display

def png(width, height, pixel, level=9):
    rows = b"".join(b"\\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, level)) + chunk(b"IEND", b"")

def picture(x, y, square=8):
    if square <= x < square + 5 and square <= y < square + 5:
        return (20, 20, 20)
    return (x * 10 % 256, y * 10 % 256, 200)
'''


def picture(x, y, square=8):
    if square <= x < square + 5 and square <= y < square + 5:
        return (20, 20, 20)
    return (x * 10 % 256, y * 10 % 256, 200)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def stdout(text):
    return {"output_type": "stream", "name": "stdout", "text": text.splitlines(keepends=True)}


def result(count, text):
    return {"output_type": "execute_result", "execution_count": count, "metadata": {}, "data": {"text/plain": text}}


def image(data):
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": b64(data), "text/plain": "<IPython.core.display.Image object>"}}


def error(ename, evalue):
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": [ename + ": " + evalue]}


def code(source, outputs=(), count=None):
    return {"cell_type": "code", "execution_count": count, "metadata": {}, "outputs": list(outputs),
            "source": source.splitlines(keepends=True)}


def markdown(text):
    return {"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}


def notebook(cells, language="python"):
    return {"cells": cells,
            "metadata": {"kernelspec": {"display_name": language, "language": language, "name": language},
                         "language_info": {"name": language}},
            "nbformat": 4, "nbformat_minor": 5}


def write(name, nb):
    with open(name, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


# Every verdict, one notebook: the cells are numbered 1.. with a markdown cell first.
write("verdicts.ipynb", notebook([
    markdown("# One cell per replay verdict\n"),
    # 2 identical: stdout and the last expression's repr
    code("print('hello')\n6 * 7", [stdout("hello\n"), result(1, "42")], 1),
    # 3 within tolerance: the saved number differs in the 12th digit
    code("0.1 + 0.2", [result(2, "0.30000000000000004001")], 2),
    # 4 volatile only (memory address): a default repr
    code("class Model:\n    pass\n\nprint(Model())", [stdout("<__main__.Model object at 0x7f3a2c1d9e50>\n")], 3),
    # 5 differs: the saved notebook read other data
    code("with open('data.txt') as f:\n    print(f.read().strip())", [stdout("rows: 120\n")], 4),
    # 6 error: raises now, the saved notebook shows a value
    code("{'a': 1}['b']", [result(5, "2")], 5),
    # 7 not run: never finishes (interrupted by --cell-timeout)
    code("import time\nwhile True:\n    time.sleep(0.05)", [], 6),
    # 8 identical again: the replay goes on after the timeout
    code("print('still running')", [stdout("still running\n")], 7),
    # 9 not compared: never run in the saved notebook
    code("print('never run before')"),
]))

# Volatile text of every kind, one kind per cell, each saved with other values than a replay prints.
write("volatile.ipynb", notebook([
    code("class Model:\n    pass\n\nModel()", [result(1, "<__main__.Model at 0x7f11deadbeef>")], 1),
    code("import tempfile\nprint(tempfile.mkdtemp(prefix='run-'))", [stdout("/tmp/run-k2j4h1xq\n")], 2),
    code("import os\nprint('worker pid', os.getpid())", [stdout("worker pid 48213\n")], 3),
    code("import datetime\nprint('started', datetime.datetime.now().isoformat(timespec='seconds'))",
         [stdout("started 2024-03-05T10:22:41\n")], 4),
    code("import time\nstart = time.perf_counter()\nsum(range(1000))\nprint(f'took {time.perf_counter() - start + 1:.3f} s')",
         [stdout("took 1.512 s\n")], 5),
    code("import uuid\nprint(uuid.uuid4())", [stdout("1b4e28ba-2fa1-11d2-883f-0016d3cca427\n")], 6),
    code("import uuid\nfrom IPython.display import HTML, display\n"
         "display(HTML('<div id=\"chart-' + uuid.uuid4().hex[:12] + '\">chart</div>'))",
         [{"output_type": "display_data", "metadata": {},
           "data": {"text/html": '<div id="chart-9f86d081884c">chart</div>',
                    "text/plain": "<IPython.core.display.HTML object>"}}], 7),
    code("import time\nt = time.perf_counter()\nprint(f'100%|##########| 10/10 [00:00<00:00, {1000 + t % 1:.2f}it/s]')",
         [stdout("100%|##########| 10/10 [00:00<00:00, 1843.22it/s]\n")], 8),
    code("import warnings\nwarnings.warn('old API')",
         [{"output_type": "stream", "name": "stderr",
           "text": "/tmp/ipykernel_4242/3416325961.py:2: UserWarning: old API\n  warnings.warn('old API')\n"}], 9),
]))

# Images: the same pixels in other bytes, a few pixels off by a little, and a moved square.
same_pixels_other_bytes = png(20, 20, picture, level=1)
nudged = png(20, 20, lambda x, y: (picture(x, y)[0], picture(x, y)[1], 196) if (x, y) == (0, 0) else picture(x, y))
moved = png(20, 20, lambda x, y: picture(x, y, square=3))
write("images.ipynb", notebook([
    code(PNG_FUNCTION, [], 1),
    code("display(Image(data=png(20, 20, picture)))", [image(same_pixels_other_bytes)], 2),
    code("display(Image(data=png(20, 20, picture)))", [image(nudged)], 3),
    code("display(Image(data=png(20, 20, picture)))", [image(moved)], 4),
]))

# Randomness: unseeded draws; the saved values are what the determinism prelude's seed 0 gives.
import random  # noqa: E402

random.seed(0)
first, second = random.random(), random.randint(0, 10**9)
write("random.ipynb", notebook([
    code("import random\nprint(random.random())", [stdout("%r\n" % first)], 1),
    code("print(random.randint(0, 10**9))", [stdout("%d\n" % second)], 2),
]))

# Recorded order: the author ran the second cell first.
write("recorded-order.ipynb", notebook([
    code("x = x * 2\nx", [result(2, "6")], 2),
    code("x = 3\nx", [result(1, "3")], 1),
]))

# Cells that end the interpreter or ask to exit.
write("exits.ipynb", notebook([
    code("import sys\nprint('before')\nsys.exit(0)", [stdout("before\n")], 1),
    code("print('sys.exit does not stop a kernel')", [stdout("sys.exit does not stop a kernel\n")], 2),
    code("import os\nos._exit(3)", [], 3),
    code("print('after os._exit')", [stdout("after os._exit\n")], 4),
]))

# IPython syntax: a magic and a shell escape (the plain engine runs the translation).
write("magics.ipynb", notebook([
    code("%time total = sum(range(10))\ntotal", [stdout("CPU times: user 4 µs, sys: 0 ns, total: 4 µs\nWall time: 6.2 µs\n"),
                                               result(1, "45")], 1),
    code("!echo from the shell", [stdout("from the shell\n")], 2),
]))

# A notebook never run: nothing to compare with.
write("never-run.ipynb", notebook([code("print(1)"), code("print(2)")]))

# Another kernel language.
write("r-kernel.ipynb", notebook([code("print(1)", [stdout("[1] 1\n")], 1)], language="R"))

with open("data.txt", "w", encoding="utf-8") as f:
    f.write("rows: 150\n")
