"""Lockstep's replay harness: runs a notebook's code cells the way a Jupyter kernel does.

Started by dev.lockstep.runtime.replay.HarnessProcess as `python3 replay_harness.py JOB.json`,
in a fresh interpreter whose working directory is a copy of the notebook's folder. It reads the
job (cells, optional determinism prelude, per-cell timeout, output cap), then runs every cell
in one namespace:

* through IPython's InteractiveShell when IPython can be imported: magics, shell escapes,
  display(), the last expression's repr and matplotlib's inline figures behave as in a kernel;
* otherwise through the IPython-translated Python Lockstep's analyzer produced, with a small
  get_ipython() stand-in for the calls that translation generates.

Results go to the protocol stream (the process's original standard output, kept as a private
file descriptor) as one JSON object per line, written as each cell finishes, so that a cell
which hangs or kills the interpreter still leaves every earlier cell's outputs behind. Outputs
have nbformat's shape (stream / display_data / execute_result / error). Nothing here prints
timings or other values that change from run to run.
"""

import ast
import base64
import json
import os
import signal
import sys
import traceback

PROTOCOL = None  # the protocol stream; set in main() before anything else can print


def emit(event):
    PROTOCOL.write(json.dumps(event, sort_keys=True, ensure_ascii=True) + "\n")
    PROTOCOL.flush()


class CellTimeout(BaseException):
    """Raised inside a cell by the per-cell alarm (what a kernel interrupt does)."""


class Capture:
    """The outputs of the running cell, in the order a kernel would send them, within a cap."""

    def __init__(self, cap):
        self.cap = cap
        self.outputs = []
        self.kept = 0
        self.dropped = 0

    def _room(self, size):
        if self.kept + size <= self.cap:
            self.kept += size
            return True
        self.dropped += size
        return False

    def stream(self, name, text):
        if not text:
            return
        room = self.cap - self.kept
        if room <= 0:
            self.dropped += len(text)
            return
        if len(text) > room:
            self.dropped += len(text) - room
            text = text[:room]
        self.kept += len(text)
        last = self.outputs[-1] if self.outputs else None
        if last is not None and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": name, "text": text})

    def rich(self, output_type, data, execution_count=None):
        data = {k: v for k, v in data.items() if k in KEPT_MIME_TYPES}
        size = sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in data.values())
        if not self._room(size):
            return
        output = {"output_type": output_type, "data": data}
        if output_type == "execute_result":
            output["execution_count"] = execution_count
        self.outputs.append(output)

    def error(self, ename, evalue, traceback_lines):
        text = "\n".join(traceback_lines)
        if not self._room(len(text)):
            traceback_lines = traceback_lines[-3:]
        self.outputs.append({"output_type": "error", "ename": ename, "evalue": evalue,
                             "traceback": traceback_lines})


KEPT_MIME_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg",
                   "image/svg+xml", "application/json")

CURRENT = None  # the Capture of the running cell


class StreamToCapture:
    """sys.stdout / sys.stderr while cells run."""

    def __init__(self, name, encoding="utf-8"):
        self.name = name
        self.encoding = encoding
        self.errors = "replace"

    def write(self, text):
        if not isinstance(text, str):
            text = str(text)
        if CURRENT is not None:
            CURRENT.stream(self.name, text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        # Code that asks for a descriptor (faulthandler, subprocess) gets the log's.
        return 2

    def readable(self):
        return False

    def writable(self):
        return True


def install_streams():
    sys.stdout = StreamToCapture("stdout")
    sys.stderr = StreamToCapture("stderr")


# --- the IPython engine ------------------------------------------------------------------


def ipython_engine():
    """An InteractiveShell whose display hook, display publisher and traceback printer feed CURRENT."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class CapturingDisplayHook(DisplayHook):
        def start_displayhook(self):
            pass

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            if CURRENT is not None:
                CURRENT.rich("execute_result", format_dict, self.shell.execution_count)

        def finish_displayhook(self):
            sys.stdout.flush()

    class CapturingDisplayPublisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            if CURRENT is not None:
                CURRENT.rich("display_data", data)

        def clear_output(self, wait=False):
            if CURRENT is not None and not wait:
                CURRENT.outputs.clear()

    class ReplayShell(InteractiveShell):
        displayhook_class = CapturingDisplayHook
        display_pub_class = CapturingDisplayPublisher

        def _showtraceback(self, etype, evalue, stb):
            if CURRENT is not None:
                CURRENT.error(getattr(etype, "__name__", str(etype)), str(evalue), list(stb))

        def ask_exit(self):
            # exit() / quit() in a kernel keep the kernel; say so like IPython does, and go on
            pass

    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    config.InteractiveShell.colors = "NoColor"
    config.InteractiveShell.xmode = "Plain"
    shell = ReplayShell.instance(config=config)
    try:
        import IPython

        version = IPython.__version__
    except Exception:  # noqa: BLE001 - the version is only informative
        version = "?"

    def run(cell):
        result = shell.run_cell(cell["source"], store_history=True)
        return result

    def run_silently(code):
        return shell.run_cell(code, store_history=False, silent=True)

    return "ipython " + version, run, run_silently


# --- the plain engine (no IPython) ---------------------------------------------------------


class PlainIPython:
    """The part of get_ipython() that Lockstep's IPython translation calls."""

    def __init__(self, namespace):
        self.user_ns = namespace

    def system(self, command):
        import subprocess

        completed = subprocess.run(command, shell=True, capture_output=True, text=True)
        sys.stdout.write(completed.stdout)
        sys.stderr.write(completed.stderr)
        self.user_ns["_exit_code"] = completed.returncode

    def getoutput(self, command):
        import subprocess

        completed = subprocess.run(command, shell=True, capture_output=True, text=True)
        return completed.stdout.splitlines()

    def run_line_magic(self, name, line):
        if name in ("matplotlib", "config", "load_ext", "autoreload", "precision", "pprint", "xmode"):
            return None
        if name == "time":
            exec(compile(line, "<magic>", "exec"), self.user_ns)
            return None
        raise NotImplementedError("%" + name + " needs IPython, which this interpreter cannot import")

    def run_cell_magic(self, name, line, body):
        raise NotImplementedError("%%" + name + " needs IPython, which this interpreter cannot import")


def plain_display(*objects, **kwargs):
    for obj in objects:
        data = {"text/plain": repr(obj)}
        for method, mime in (("_repr_html_", "text/html"), ("_repr_png_", "image/png")):
            render = getattr(obj, method, None)
            if callable(render):
                try:
                    value = render()
                except Exception:  # noqa: BLE001 - a broken repr is not the cell's failure
                    value = None
                if isinstance(value, bytes):
                    value = base64.b64encode(value).decode("ascii")
                if value is not None:
                    data[mime] = value
        if CURRENT is not None:
            CURRENT.rich("display_data", data)


def plain_engine():
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    ipython = PlainIPython(namespace)
    namespace["get_ipython"] = lambda: ipython
    namespace["display"] = plain_display
    count = [0]

    def execute(code, count_it):
        if count_it:
            count[0] += 1
        try:
            tree = ast.parse(code, "<cell>", "exec")
        except SyntaxError as e:
            CURRENT.error("SyntaxError", str(e), traceback.format_exception_only(type(e), e))
            return
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        try:
            exec(compile(tree, "<cell>", "exec"), namespace)
            if last is not None:
                value = eval(compile(last, "<cell>", "eval"), namespace)
                if value is not None and count_it and CURRENT is not None:
                    namespace["_"] = value
                    CURRENT.rich("execute_result", {"text/plain": repr(value)}, count[0])
        except SystemExit as e:
            CURRENT.error("SystemExit", str(e), ["SystemExit: " + str(e)])
        except BaseException as e:  # noqa: BLE001 - report what the cell raised, as a kernel does
            if isinstance(e, CellTimeout):
                raise
            lines = traceback.format_exception(type(e), e, e.__traceback__)
            CURRENT.error(type(e).__name__, str(e), [line.rstrip("\n") for line in lines])

    def run(cell):
        code = cell.get("translated")
        if code is None:
            code = cell["source"]
        execute(code, True)

    def run_silently(code):
        execute(code, False)

    return "plain python", run, run_silently


# --- main ----------------------------------------------------------------------------------


def on_alarm(signum, frame):
    raise CellTimeout()


def main():
    global PROTOCOL, CURRENT
    # Keep the real stdout for the protocol; cells' own descriptor-level output goes to the log.
    PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    cap = int(job["output_cap"])
    cell_timeout = float(job["cell_timeout"])
    if job.get("inline_matplotlib", True) and not os.environ.get("MPLBACKEND"):
        # What ipykernel does: matplotlib's inline backend unless the user chose one.
        try:
            import importlib.util

            if importlib.util.find_spec("matplotlib_inline") is not None:
                os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        except Exception:  # noqa: BLE001 - no inline backend means no inline figures
            pass
    install_streams()
    engine = None
    if job.get("engine", "auto") == "auto":
        try:
            engine = ipython_engine()
        except Exception as e:  # noqa: BLE001 - an unusable IPython falls back to plain Python
            emit({"event": "note", "text": "IPython could not start (%s: %s); running the translated code"
                  % (type(e).__name__, e)})
    if engine is None:
        engine = plain_engine()
    name, run, run_silently = engine
    emit({"event": "engine", "engine": name})
    signal.signal(signal.SIGALRM, on_alarm)
    prelude = job.get("prelude")
    if prelude:
        CURRENT = Capture(cap)
        run_silently(prelude)
        errors = [o for o in CURRENT.outputs if o["output_type"] == "error"]
        emit({"event": "prelude", "error": (errors[0]["ename"] + ": " + errors[0]["evalue"]) if errors else None})
        CURRENT = None
    for cell in job["cells"]:
        emit({"event": "start", "index": cell["index"]})
        CURRENT = Capture(cap)
        timed_out = False
        try:
            signal.setitimer(signal.ITIMER_REAL, cell_timeout)
            try:
                run(cell)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except CellTimeout:
            timed_out = True
        except BaseException as e:  # noqa: BLE001 - the harness itself must report, not die
            CURRENT.error(type(e).__name__, str(e), [])
        if not timed_out:
            timed_out = any(o["output_type"] == "error" and o["ename"] == "CellTimeout" for o in CURRENT.outputs)
        if timed_out:
            CURRENT.outputs = [o for o in CURRENT.outputs if not (o["output_type"] == "error" and o["ename"] == "CellTimeout")]
        emit({"event": "done", "index": cell["index"], "outputs": CURRENT.outputs, "timed_out": timed_out,
              "kept_chars": CURRENT.kept, "dropped_chars": CURRENT.dropped})
        CURRENT = None
    emit({"event": "end"})
    PROTOCOL.flush()
    # Skip interpreter teardown (atexit handlers of libraries the notebook loaded can print or hang).
    os._exit(0)


if __name__ == "__main__":
    main()
