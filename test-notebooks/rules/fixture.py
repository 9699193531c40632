#!/usr/bin/env python3
"""Writes a fixture notebook from percent-format text (stdlib only).

    python3 test-notebooks/rules/fixture.py OUT.ipynb < cells.txt

Cell markers, each on its own line:
    # %%                 code cell, execution count = previous + 1
    # %% [7]             code cell saved with execution count 7
    # %% []              code cell never executed
    # %% [markdown]      markdown cell
    # %% [raw]           raw cell
    # %% ... tags=a,b    any marker may end with cell tags
Inside a code cell, lines starting with "#> " become a stdout stream output and a line
"#! Name: value" becomes an error output; both are removed from the source.
Options: --no-metadata (no kernelspec/language_info), --kernel NAME LANGUAGE.
"""
import json
import re
import sys


def main(argv):
    args = list(argv[1:])
    metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11.2"},
    }
    if "--no-metadata" in args:
        args.remove("--no-metadata")
        metadata = {}
    if "--kernel" in args:
        i = args.index("--kernel")
        name, language = args[i + 1], args[i + 2]
        del args[i:i + 3]
        metadata = {"kernelspec": {"display_name": name, "language": language, "name": name},
                    "language_info": {"name": language}}
    out = args[0]
    text = sys.stdin.read()
    cells = []
    current = None
    count = 0
    for line in text.split("\n"):
        m = re.match(r"^# %%(.*)$", line)
        if m:
            rest = m.group(1)
            tags = []
            t = re.search(r"\btags=(\S+)", rest)
            if t:
                tags = t.group(1).split(",")
                rest = rest[:t.start()]
            rest = rest.strip()
            if rest == "[markdown]":
                current = {"cell_type": "markdown", "lines": [], "tags": tags}
            elif rest == "[raw]":
                current = {"cell_type": "raw", "lines": [], "tags": tags}
            else:
                c = re.match(r"^\[(\d*)\]$", rest)
                if c and c.group(1) == "":
                    ec = None
                elif c:
                    ec = int(c.group(1))
                    count = ec
                else:
                    count += 1
                    ec = count
                current = {"cell_type": "code", "lines": [], "tags": tags, "ec": ec, "outputs": []}
            cells.append(current)
            continue
        if current is None:
            continue
        if current["cell_type"] == "code" and line.startswith("#> "):
            current["outputs"].append({"name": "stdout", "output_type": "stream", "text": [line[3:] + "\n"]})
            continue
        if current["cell_type"] == "code" and line.startswith("#! "):
            ename, _, evalue = line[3:].partition(": ")
            current["outputs"].append({"ename": ename, "evalue": evalue, "output_type": "error",
                                       "traceback": [ename + ": " + evalue]})
            continue
        current["lines"].append(line)
    notebook_cells = []
    for i, cell in enumerate(cells, start=1):
        lines = cell["lines"]
        while lines and lines[-1] == "":
            lines.pop()
        source = [l + "\n" for l in lines[:-1]] + ([lines[-1]] if lines else [])
        entry = {"cell_type": cell["cell_type"], "id": "c%d" % i,
                 "metadata": {"tags": cell["tags"]} if cell["tags"] else {}, "source": source}
        if cell["cell_type"] == "code":
            entry["execution_count"] = cell["ec"]
            entry["outputs"] = cell["outputs"]
        notebook_cells.append(entry)
    notebook = {"cells": notebook_cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(notebook, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
