#!/usr/bin/env python3
"""Findings a reviewer has to read: volume per notebook and per rule, and a fixed-seed sample.

Reads `lockstep scan --format json` output (a file, or stdin) and prints
  - findings per notebook (median, max, total), counting notebooks with none;
  - findings by severity and by rule, and the share of the volume made by the six largest rules;
  - with --sample N --tsv OUT: a deterministic random sample (--seed, default 12) of N findings
    written as TSV with the cell's code around the finding, for judging by hand;
  - with --judged TSV: precision of the judged sample by severity and by rule, and precision
    weighted by each rule's volume (a rule's sample precision times its share of all findings).

The judged TSV has the columns id, rule, severity, worth (yes/no), reason; ids are
`path#cell:line:col:rule`, the same as the sample's. Standard library only, so it runs with
/usr/bin/python3 anywhere.
"""
import argparse
import json
import random
import statistics
import sys
from collections import Counter


def finding_id(path, f):
    return "%s#%d:%d:%d:%s" % (path, f["cell"], f["line"], f["column"], f["rule"])


def cell_code(path, cell_number, line, around=4):
    """The lines of cell `cell_number` (1-based among all cells) around `line`, joined by ' ⏎ '."""
    if cell_number <= 0:
        return ""
    try:
        with open(path, encoding="utf-8") as handle:
            notebook = json.load(handle)
        cell = notebook["cells"][cell_number - 1]
    except (OSError, ValueError, IndexError, KeyError):
        return ""
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    lines = source.split("\n")
    start = max(0, line - 1 - around)
    chosen = lines[start:line + around]
    text = " ⏎ ".join(l.replace("\t", " ") for l in chosen)
    count = cell.get("execution_count")
    return "[%s] %s" % (count if count is not None else " ", text[:600])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scan_json", nargs="?", default="-", help="lockstep scan --format json output ('-': stdin)")
    parser.add_argument("--sample", type=int, default=0, help="how many findings to draw")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--tsv", help="where to write the sample")
    parser.add_argument("--judged", help="a judged TSV (id, rule, severity, worth, reason)")
    args = parser.parse_args()

    data = json.load(sys.stdin if args.scan_json == "-" else open(args.scan_json, encoding="utf-8"))
    files = [f for f in data["files"] if f["error"] is None]
    per_notebook = [len(f["findings"]) for f in files]
    findings = [(f["path"], x) for f in files for x in f["findings"]]
    total = len(findings)
    by_rule = Counter(x["rule"] for _, x in findings)
    by_severity = Counter(x["severity"] for _, x in findings)

    print("notebooks: %d (unreadable: %d)" % (len(files), len(data["files"]) - len(files)))
    print("findings: %d (error %d, warning %d, info %d)" % (total, by_severity["error"], by_severity["warning"],
                                                          by_severity["info"]))
    if per_notebook:
        print("findings per notebook: median %g, max %d" % (statistics.median(per_notebook), max(per_notebook)))
    top = sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    six = sum(n for _, n in top[:6])
    print("six largest rules: %s = %.0f%% of the volume" % (
        ", ".join("%s (%d)" % kv for kv in top[:6]), 100.0 * six / total if total else 0.0))
    print("by rule:")
    for rule, n in top:
        print("  %s %5d" % (rule, n))

    if args.sample:
        ordered = sorted(findings, key=lambda pf: finding_id(pf[0], pf[1]))
        drawn = random.Random(args.seed).sample(ordered, min(args.sample, len(ordered)))
        drawn.sort(key=lambda pf: finding_id(pf[0], pf[1]))
        out = open(args.tsv, "w", encoding="utf-8") if args.tsv else sys.stdout
        out.write("id\trule\tseverity\tmessage\tcode\n")
        for path, f in drawn:
            message = f["message"].replace("\t", " ").replace("\n", " ")
            code = cell_code(path, f["cell"], f["line"]).replace("\n", " ")
            out.write("\t".join([finding_id(path, f), f["rule"], f["severity"], message[:300], code]) + "\n")
        if args.tsv:
            out.close()
            print("sample of %d written to %s (seed %d)" % (len(drawn), args.tsv, args.seed))

    if args.judged:
        judged = []
        with open(args.judged, encoding="utf-8") as handle:
            header = handle.readline()
            for row in handle:
                cols = row.rstrip("\n").split("\t")
                if len(cols) >= 4 and cols[3] in ("yes", "no"):
                    judged.append((cols[1], cols[2], cols[3] == "yes"))
        if not judged:
            print("no judged rows in %s: precision not computed" % args.judged)
            return
        print("judged sample: %d findings, %.0f%% worth a reviewer" % (
            len(judged), 100.0 * sum(w for _, _, w in judged) / len(judged)))
        for severity in ("error", "warning", "info"):
            rows = [w for _, s, w in judged if s == severity]
            if rows:
                print("  %-7s precision %3.0f%% (%d of %d)" % (severity, 100.0 * sum(rows) / len(rows), sum(rows),
                                                              len(rows)))
        # Weighted by volume: each rule's sample precision stands for all of that rule's findings.
        rule_precision = {}
        for rule in {r for r, _, _ in judged}:
            rows = [w for r, _, w in judged if r == rule]
            rule_precision[rule] = sum(rows) / len(rows)
        covered = sum(n for r, n in by_rule.items() if r in rule_precision)
        if covered:
            weighted = sum(rule_precision[r] * n for r, n in by_rule.items() if r in rule_precision) / covered
            print("  weighted by rule volume: %.0f%% (rules in the sample cover %d of %d findings)" % (
                100.0 * weighted, covered, total))


if __name__ == "__main__":
    main()
