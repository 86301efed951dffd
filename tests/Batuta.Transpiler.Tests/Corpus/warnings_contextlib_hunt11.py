#!/usr/bin/env python3
"""Report generator in the old style: warnings for deprecated options, captured output, ExitStack cleanups."""
import contextlib
import io
import sys
import warnings


class LegacyOptionWarning(UserWarning):
    pass


def render(rows, width=None):
    if width is not None:
        warnings.warn("width is ignored", DeprecationWarning)
    for name, value in rows:
        print("%-8s %5d" % (name, value))


def check_option(name):
    warnings.warn("option %s is deprecated" % name, LegacyOptionWarning)


rows = [("apples", 3), ("pears", 12), ("plums", 7)]
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    render(rows)
    sys.stdout.write("-- end --\n")
captured = buffer.getvalue()
print("captured %d lines" % len(captured.splitlines()))
print(captured, end="")

errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    print("to stderr", file=sys.stderr)
print("stderr got", repr(errors.getvalue()))

with contextlib.redirect_stdout(io.StringIO()) as inner:
    print("hidden")
print("inner saw", repr(inner.getvalue()))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    render(rows[:1], width=10)
    check_option("colour")
    check_option("colour")
    warnings.warn("plain one")
print(len(caught), "warnings recorded")
for w in caught:
    print(" ", w.category.__name__, "|", w.message, "|", type(w.message).__name__, issubclass(w.category, Warning))

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    check_option("quiet")
    print("nothing shown while ignored")

with warnings.catch_warnings():
    warnings.simplefilter("error", LegacyOptionWarning)
    try:
        check_option("strict")
    except LegacyOptionWarning as e:
        print("raised:", type(e).__name__, e)
    try:
        warnings.warn("deprecated thing", DeprecationWarning)
    except DeprecationWarning:
        print("not raised")
    print("DeprecationWarning shown, not raised")

with warnings.catch_warnings(record=True) as seen:
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("always", category=RuntimeWarning)
    warnings.warn("skip this one")
    warnings.warn("keep this one")
    warnings.warn("runtime", RuntimeWarning)
    warnings.warn("runtime", RuntimeWarning)
print([str(w.message) for w in seen])

with contextlib.ExitStack() as stack:
    for name in ["db", "cache", "log"]:
        stack.callback(print, "closing", name)
    print("working inside the stack")


class Resource(object):
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


with contextlib.ExitStack() as stack:
    handles = [stack.enter_context(Resource(n)) for n in ("a", "b")]
    print("using", [h.name for h in handles])

try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Resource("c"))
        raise ValueError("failed inside")
except ValueError as e:
    print("propagated:", e)

with contextlib.ExitStack() as stack:
    stack.enter_context(Resource("d", swallow=True))
    raise KeyError("swallowed")
print("after swallowed error")


def on_exit(exc_type, exc, tb):
    print("exit callback saw", exc_type.__name__ if exc_type else None)
    return exc_type is IndexError


with contextlib.ExitStack() as stack:
    stack.push(on_exit)
    [][1]
print("IndexError suppressed by push")

with contextlib.ExitStack() as stack:
    stack.callback(print, "moved callback runs later")
    later = stack.pop_all()
print("stack closed, nothing ran")
later.close()

with contextlib.nullcontext("value") as v:
    print("nullcontext gives", v)


class Connection(object):
    def close(self):
        print("connection closed")


with contextlib.closing(Connection()) as conn:
    print("using", type(conn).__name__)

with contextlib.suppress(ZeroDivisionError):
    print(1 / 0)
print("division suppressed")

check_option("legacy")
check_option("legacy")
render(rows[:1], width=3)
warnings.warn("done, with a last warning", RuntimeWarning)
