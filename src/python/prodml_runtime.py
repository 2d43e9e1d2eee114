"""The book's cell runner inside Pyodide (src/python/runtime.ts loads it in the worker and in tests).

Each namespace is a globals dict of its own: the cells of one chapter share one, chapters do not.
A cell's code runs as written, under its own file name, so tracebacks show the cell's line numbers and
source lines. Results go back to JavaScript as JSON text, so no Python object outlives a run.
"""

import ast
import builtins
import functools
import gc
import json
import linecache
import sys
import time
import traceback
from types import CoroutineType

# base64 and io are imported where needed: every module imported here delays the first run.

_namespaces = {}
_REPR_LIMIT = 100_000
_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
_MEMORY_PROBE_BYTES = 64 * 2**20
_CO_COROUTINE = 0x0080  # inspect.CO_COROUTINE: the code object holds a top-level await


def _no_input(prompt=""):
    raise RuntimeError(
        "input() в ячейках учебника не работает: в браузере программе некому ввести строку. "
        'Задайте значение прямо в коде, например: name = "Аня"'
    )


def setup(interruptible, flush_output):
    """Prepares the interpreter once: line-buffered output, no input(), a sleep that shows what was
    printed before it (and that Stop can cut short when the page has an interrupt buffer)."""
    builtins.input = _no_input
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(line_buffering=True)
        except (AttributeError, ValueError):
            pass
    original = time.sleep

    @functools.wraps(original)
    def sleep(seconds):
        _flush()
        flush_output()
        if not interruptible:
            return original(seconds)
        # Short slices return to the interpreter loop, which checks the interrupt buffer between them.
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            original(min(left, 0.05))

    time.sleep = sleep
    # What is alive now (the standard library, this module: ~21,000 objects) lives for the whole session.
    # Frozen, it is left out of garbage collection, which otherwise walks all of it now and then in the
    # middle of a run (12 ms in Node here; after freezing, 0.05 ms).
    gc.freeze()


def _namespace(name, fresh, copy_from):
    if fresh or name not in _namespaces:
        source = _namespaces.get(copy_from) if copy_from else None
        _namespaces[name] = (
            dict(source) if source is not None else {"__name__": "__main__", "__builtins__": builtins}
        )
    return _namespaces[name]


def forget(name):
    """Drops a namespace: its next run starts from empty globals."""
    _namespaces.pop(name, None)


def imports_of(source):
    """Top-level module names the code imports, as a JSON list ([] when the code does not parse)."""
    try:
        tree = compile(source, "<imports>", "exec", flags=ast.PyCF_ONLY_AST | _FLAGS)
    except (SyntaxError, ValueError):
        return "[]"
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return json.dumps(sorted(names))


def _compile(source, filename):
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = compile(source, filename, "exec", flags=ast.PyCF_ONLY_AST | _FLAGS)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, filename, "exec", flags=_FLAGS)
    expr = compile(last, filename, "eval", flags=_FLAGS) if last is not None else None
    return body, expr


def _display(value):
    if value is None:
        return None
    if not isinstance(value, type):
        for method, kind in (("_repr_html_", "html"), ("_repr_png_", "png")):
            render = getattr(value, method, None)
            if not callable(render):
                continue
            data = render()
            if kind == "png" and isinstance(data, (bytes, bytearray)):
                import base64

                data = base64.b64encode(data).decode("ascii")
            if isinstance(data, str):
                return {"kind": kind, "data": data}
    text = repr(value)
    if len(text) > _REPR_LIMIT:
        text = text[:_REPR_LIMIT] + " …"
    return {"kind": "text", "data": text}


def _figures():
    """Open matplotlib figures as PNG images (then closed), when matplotlib is in use."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return []
    import base64
    import io

    images = []
    for number in pyplot.get_fignums():
        buffer = io.BytesIO()
        pyplot.figure(number).savefig(buffer, format="png", bbox_inches="tight")
        images.append({"kind": "png", "data": base64.b64encode(buffer.getvalue()).decode("ascii")})
    pyplot.close("all")
    return images


def _success(value):
    displays = _figures()
    shown = _display(value)
    if shown is not None:
        displays.append(shown)
    return json.dumps({"status": "ok", "displays": displays})


def _failure(error):
    kind = type(error).__name__
    text = "".join(traceback.format_exception(error))
    if isinstance(error, KeyboardInterrupt):
        return json.dumps({"status": "interrupted", "traceback": text})
    exhausted = False
    if isinstance(error, MemoryError):
        del error
        gc.collect()
        try:
            bytearray(_MEMORY_PROBE_BYTES)
        except MemoryError:
            exhausted = True
    return json.dumps({"status": "error", "errorType": kind, "traceback": text, "memoryExhausted": exhausted})


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


async def _run_async(body, expr, scope):
    try:
        result = eval(body, scope)
        if isinstance(result, CoroutineType):
            await result
        value = None
        if expr is not None:
            value = eval(expr, scope)
            if isinstance(value, CoroutineType):
                value = await value
        return _success(value)
    except BaseException as error:
        return _failure(error)
    finally:
        _flush()


def run(source, namespace, filename, fresh=False, copy_from=None):
    """Runs a cell; returns the result as JSON text, or a coroutine for code with top-level await."""
    scope = _namespace(namespace, fresh, copy_from)
    try:
        body, expr = _compile(source, filename)
        if (body.co_flags | (expr.co_flags if expr is not None else 0)) & _CO_COROUTINE:
            return _run_async(body, expr, scope)
        eval(body, scope)
        value = eval(expr, scope) if expr is not None else None
        return _success(value)
    except BaseException as error:
        return _failure(error)
    finally:
        _flush()
