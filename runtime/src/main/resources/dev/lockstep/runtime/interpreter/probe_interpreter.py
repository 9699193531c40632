# Run by the Lockstep runtime as `python -B probe_interpreter.py PIPELINE_DIR MODULE...`
# (passed with -c). Finds each module the job declares, the way the job's import would (the
# pipeline directory first on sys.path), without importing it: importing torch alone takes
# about a second, paid on every run. A module that is found but fails to import still fails
# the job at its import line, with a traceback naming the cell. Prints one JSON line on stdout:
#   {"executable": ..., "version": "3.11.2",
#    "modules": {"numpy": {"importable": true, "distribution": "numpy", "version": "1.24.2"},
#                "nope": {"importable": false, "error": "ModuleNotFoundError: ..."}}}
# Written for old Pythons too (no f-strings), so a wrong interpreter gets a clear report.
import importlib
import importlib.util
import json
import platform
import sys


def distributions_by_module():
    try:
        import importlib.metadata as metadata
    except ImportError:
        return None, {}
    try:
        return metadata, metadata.packages_distributions()
    except AttributeError:  # Python < 3.10
        return metadata, {}


def describe(name, metadata, owners):
    try:
        spec = importlib.util.find_spec(name)
    except BaseException as error:  # finding a submodule imports its parents, which may raise
        return {"importable": False, "error": "{}: {}".format(type(error).__name__, error)}
    if spec is None:
        return {"importable": False, "error": "ModuleNotFoundError: No module named '{}'".format(name)}
    top = name.split(".")[0]
    candidates = sorted(owners.get(top) or []) or [top]
    distribution, version = None, None
    if metadata is not None:
        for candidate in candidates:
            try:
                version = metadata.version(candidate)
                distribution = candidate
                break
            except Exception:
                pass
    if version is None:
        # No distribution metadata (a module shipped with the job): only its own __version__ says.
        try:
            attribute = getattr(importlib.import_module(name), "__version__", None)
        except BaseException as error:
            return {"importable": False, "error": "{}: {}".format(type(error).__name__, error)}
        version = attribute if isinstance(attribute, str) else None
    return {"importable": True, "distribution": distribution, "version": version}


def main():
    pipeline_directory, names = sys.argv[1], sys.argv[2:]
    sys.path[0] = pipeline_directory  # what `python pipeline/main.py` puts first
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # a module that prints on import must not corrupt the report
    metadata, owners = distributions_by_module()
    modules = {}
    for name in names:
        modules[name] = describe(name, metadata, owners)
    sys.stdout = real_stdout
    report = {"executable": sys.executable, "version": platform.python_version(), "modules": modules}
    sys.stdout.write("LOCKSTEP-PROBE " + json.dumps(report, sort_keys=True) + "\n")


main()
