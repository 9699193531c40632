#!/usr/bin/env python3
"""The CPython floor: json.load of every notebook and ast.parse of every code cell (IPython
lines blanked, as bench/ruff/lint_notebooks.mjs does), in one process, on one core.

    /usr/bin/python3 bench/cpython_floor.py CORPUS_DIR

Prints notebooks, megabytes, seconds, notebooks/s and MB/s of the whole pass (start-up excluded).
"""
import ast
import json
import os
import re
import sys
import time

IPYTHON_LINE = re.compile(r"^\s*([%!?]|[\w.,\s]+=\s*[%!])|\?\s*$")


def code_of(cell):
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    if source.lstrip().startswith("%%"):
        return ""
    return "\n".join("" if IPYTHON_LINE.search(line) else line for line in source.split("\n"))


def main(root):
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".ipynb"))
    total = sum(os.path.getsize(f) for f in files)
    start = time.perf_counter()
    cells = errors = 0
    for path in files:
        with open(path, "rb") as f:
            try:
                nb = json.load(f)
            except ValueError:
                errors += 1
                continue
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            cells += 1
            try:
                ast.parse(code_of(cell))
            except (SyntaxError, ValueError):
                errors += 1
    seconds = time.perf_counter() - start
    print("notebooks %d" % len(files))
    print("megabytes %.1f" % (total / 1e6))
    print("code_cells %d" % cells)
    print("syntax_errors %d" % errors)
    print("cpython_seconds %.3f" % seconds)
    print("cpython_notebooks_per_s %.1f" % (len(files) / seconds))
    print("cpython_mb_per_s %.2f" % (total / 1e6 / seconds))


if __name__ == "__main__":
    main(sys.argv[1])
