"""Loads this job's configuration for pipeline/main.py. Written by Lockstep; standard library only.

Under `lockstep run` (or `java RunJob.java`) the launcher resolves lockstep.yaml into a JSON file
named by LOCKSTEP_CONFIG, with absolute input and output paths. Run directly
(`python3 pipeline/main.py`), this module reads ../lockstep.yaml itself: the subset of YAML that
Lockstep writes (block maps, flow maps and lists, quoted strings, numbers, booleans, null).
"""
import json
import os
import sys

JOB_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Config:
    """The values main.py reads: seed, params, inputs and outputs (paths), environment."""

    def __init__(self, seed, params, inputs, outputs, environment):
        self.seed = seed
        self.params = params
        self.inputs = inputs
        self.outputs = outputs
        self.environment = environment


def load():
    path = os.environ.get("LOCKSTEP_CONFIG")
    spec = _read_yaml(os.path.join(JOB_DIRECTORY, "lockstep.yaml"))
    environment = {str(k): str(v) for k, v in (spec.get("environment") or {}).items()}
    if path:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return Config(data["seed"], data.get("params", {}), data.get("inputs", {}), data.get("outputs", {}), environment)
    inputs = {}
    for name, entry in (spec.get("inputs") or {}).items():
        inputs[name] = os.path.normpath(os.path.join(JOB_DIRECTORY, entry["path"]))
    outputs = {}
    for name, entry in (spec.get("outputs") or {}).items():
        target = os.path.normpath(os.path.join(JOB_DIRECTORY, entry["path"]))
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        outputs[name] = target
    return Config(spec.get("seed", 0), spec.get("params") or {}, inputs, outputs, environment)


def enforce_environment(config):
    """Interpreter-level settings (PYTHONHASHSEED...) only act at start-up: restart once with them set."""
    if os.environ.get("LOCKSTEP_CONFIG") or os.environ.get("LOCKSTEP_ENVIRONMENT_SET"):
        return
    missing = {k: v for k, v in config.environment.items() if os.environ.get(k) != v}
    if not missing:
        return
    os.environ.update(missing)
    os.environ["LOCKSTEP_ENVIRONMENT_SET"] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable] + sys.argv)


# --- the YAML subset Lockstep writes --------------------------------------------------------

def _read_yaml(path):
    with open(path, encoding="utf-8") as f:
        lines = [_strip_comment(line.rstrip("\n")) for line in f]
    lines = [line for line in lines if line.strip()]
    value, _ = _block(lines, 0, 0)
    return value


def _strip_comment(line):
    quoted = False
    escaped = False
    for i, c in enumerate(line):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == '"':
            quoted = not quoted
        elif c == "#" and not quoted and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line


def _block(lines, i, indent):
    result = {}
    while i < len(lines):
        line = lines[i]
        current = len(line) - len(line.lstrip(" "))
        if current < indent:
            break
        key, _, rest = line.strip().partition(":")
        rest = rest.strip()
        if rest:
            result[key] = _flow(rest)
            i += 1
        else:
            nested_indent = indent + 2
            if i + 1 < len(lines) and len(lines[i + 1]) - len(lines[i + 1].lstrip(" ")) > current:
                nested_indent = len(lines[i + 1]) - len(lines[i + 1].lstrip(" "))
                result[key], i = _block(lines, i + 1, nested_indent)
            else:
                result[key] = None
                i += 1
    return result, i


def _flow(text):
    value, end = _flow_value(text, 0)
    return value


def _flow_value(text, i):
    i = _skip(text, i)
    c = text[i]
    if c == "{":
        result = {}
        i = _skip(text, i + 1)
        while text[i] != "}":
            key, i = _flow_scalar(text, i, ":")
            value, i = _flow_value(text, _skip(text, i + 1))
            result[key] = value
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        return result, i + 1
    if c == "[":
        result = []
        i = _skip(text, i + 1)
        while text[i] != "]":
            value, i = _flow_value(text, i)
            result.append(value)
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        return result, i + 1
    return _flow_scalar(text, i, ",]}")


def _flow_scalar(text, i, stops):
    i = _skip(text, i)
    if text[i] == '"':
        j = i + 1
        while text[j] != '"':
            j += 2 if text[j] == "\\" else 1
        return json.loads(text[i:j + 1]), j + 1
    j = i
    while j < len(text) and text[j] not in stops:
        j += 1
    return _plain(text[i:j].strip()), j


def _plain(word):
    if word in ("~", "null", "Null", "NULL", ""):
        return None
    if word in ("true", "True", "TRUE"):
        return True
    if word in ("false", "False", "FALSE"):
        return False
    try:
        return int(word)
    except ValueError:
        pass
    try:
        return float(word)
    except ValueError:
        return word


def _skip(text, i):
    while i < len(text) and text[i] in " \t":
        i += 1
    return i
