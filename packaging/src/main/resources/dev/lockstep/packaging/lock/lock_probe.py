# Run by `lockstep lock` as `python -B -c SCRIPT PIPELINE_DIR MODULE...`. For each top-level
# module the job imports, says where it comes from: the standard library, the job's own
# pipeline/ folder, or installed distributions (importlib.metadata.packages_distributions(),
# the interpreter's own map from import name to distribution) with their versions. Nothing is
# imported and nothing is guessed: a module with no owning distribution is reported as such.
# Prints one JSON line on stdout after the marker.
import importlib.metadata as metadata
import importlib.util
import json
import os
import platform
import sys


def main():
    pipeline, names = sys.argv[1], sys.argv[2:]
    sys.path[0] = pipeline
    owners = metadata.packages_distributions()
    stdlib = getattr(sys, "stdlib_module_names", frozenset(sys.builtin_module_names))
    modules = {}
    for name in names:
        top = name.split(".")[0]
        if os.path.exists(os.path.join(pipeline, top + ".py")) or os.path.isdir(os.path.join(pipeline, top)):
            modules[name] = {"kind": "local"}
            continue
        if top in stdlib:
            modules[name] = {"kind": "stdlib"}
            continue
        try:
            found = importlib.util.find_spec(top) is not None
        except BaseException as error:
            modules[name] = {"kind": "unresolved", "reason": "{}: {}".format(type(error).__name__, error)}
            continue
        if not found:
            modules[name] = {"kind": "unresolved", "reason": "not installed"}
            continue
        distributions = {}
        for distribution in sorted(set(owners.get(top) or [])):
            try:
                distributions[metadata.distribution(distribution).metadata["Name"]] = metadata.version(distribution)
            except Exception as error:
                modules[name] = {"kind": "unresolved", "reason": "distribution {} has no readable metadata: {}".format(distribution, error)}
                break
        else:
            if distributions:
                modules[name] = {"kind": "installed", "distributions": distributions}
            else:
                modules[name] = {"kind": "unresolved", "reason": "installed, but no distribution's metadata claims it"}
    report = {"executable": sys.executable, "version": platform.python_version(),
              "implementation": platform.python_implementation(), "modules": modules}
    sys.stdout.write("LOCKSTEP-LOCK " + json.dumps(report, sort_keys=True) + "\n")


main()
