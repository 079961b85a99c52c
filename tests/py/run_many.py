"""Runs many exported scripts in one Python process, for the property tests (a process per script is
slow). Reads a JSON list of scripts on stdin; runs each as `python3 script.py` would, in a fresh
namespace with a fresh torch stand-in state and its own stdout; writes a JSON list of
{"stdout": ..., "error": ...} (error is None, or the exception's type and message)."""

import contextlib
import io
import json
import sys

import torch


def run(code):
    torch._reset_state()
    out = io.StringIO()
    try:
        compiled = compile(code, "<exported script>", "exec")
        with contextlib.redirect_stdout(out):
            exec(compiled, {"__name__": "__main__", "__builtins__": __builtins__})
    except Exception as e:  # SyntaxError, NameError, TypeError, RuntimeError, ...
        return {"stdout": out.getvalue(), "error": f"{type(e).__name__}: {e}"}
    return {"stdout": out.getvalue(), "error": None}


if __name__ == "__main__":
    json.dump([run(code) for code in json.load(sys.stdin)], sys.stdout)
