"""Compares the outputs of executed notebooks byte for byte, as a plain diff would (bench/replay.sh).

    python3 replay_outputs.py SAVED.ipynb [RUN1.ipynb [RUN2.ipynb]]

Prints two words: whether RUN1's code-cell outputs equal SAVED's ("claimed"/"-"), and whether
RUN2's equal RUN1's ("same"/"-"); a missing run prints "-". Outputs are compared as nbformat
stores them, without execution counts, metadata and transient fields, with multiline strings
joined; that is the most a byte comparison of raw `nbconvert --execute` results can forgive.
"""

import json
import sys


def joined(value):
    return "".join(value) if isinstance(value, list) else value


def outputs(path):
    try:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
    except (OSError, ValueError):
        return None
    cells = nb.get("cells") or nb.get("worksheets", [{}])[0].get("cells", [])
    result = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            o = {"output_type": output.get("output_type")}
            if "name" in output:
                o["name"] = output["name"]
            if "text" in output:
                o["text"] = joined(output["text"])
            if "data" in output:
                o["data"] = {k: joined(v) for k, v in output["data"].items()}
            for key in ("ename", "evalue"):
                if key in output:
                    o[key] = output[key]
            kept.append(o)
        result.append(kept)
    return result


def main():
    paths = sys.argv[1:]
    saved = outputs(paths[0])
    run1 = outputs(paths[1]) if len(paths) > 1 else None
    run2 = outputs(paths[2]) if len(paths) > 2 else None
    claimed = "claimed" if run1 is not None and run1 == saved else "-"
    same = "same" if run1 is not None and run2 is not None and run1 == run2 else "-"
    print(claimed, same)


if __name__ == "__main__":
    main()
