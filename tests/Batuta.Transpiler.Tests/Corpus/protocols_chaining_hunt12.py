"""Iterator classes, context managers and exception chaining in an old resource-handling module."""
import contextlib


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Resource:
    opened = []

    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __enter__(self):
        Resource.opened.append(self.name)
        print("open", self.name)
        if self.fail:
            raise IOError("cannot open %s" % self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.opened.remove(self.name)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


class AppError(Exception):
    def __init__(self, code, msg):
        Exception.__init__(self, msg)
        self.code = code

    def __str__(self):
        return "[E%03d] %s" % (self.code, self.args[0])


@contextlib.contextmanager
def section(title):
    print("<%s>" % title)
    try:
        yield title.upper()
    except ZeroDivisionError as e:
        print("section swallowed", repr(e))
    finally:
        print("</%s>" % title)


print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)], max(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
with Resource("a") as r1, Resource("b") as r2:
    print("using", r1.name, r2.name, Resource.opened)
with Resource("c"):
    raise KeyError("suppressed")
try:
    with Resource("d"):
        raise ValueError("boom")
except ValueError as e:
    print("escaped:", e)
try:
    with Resource("e", fail=True):
        print("never")
except IOError as e:
    print("IOError:", e, type(e).__name__, Resource.opened)
with section("calc") as t:
    print("inside", t)
    1 / 0
try:
    try:
        {}["k"]
    except KeyError as e:
        raise AppError(7, "lookup failed") from e
except AppError as e:
    print(e, e.code, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        int("x")
    except ValueError:
        raise AppError(9, "conversion")
except AppError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    raise AppError(1, "quiet") from None
except AppError as e:
    print(e, e.__cause__, e.__suppress_context__, e.args)
with contextlib.suppress(FileNotFoundError):
    open("/nonexistent/file")
print("after suppress")
stack = contextlib.ExitStack()
with stack:
    for n in "xy":
        stack.enter_context(Resource(n))
    print("stack", Resource.opened)
print(Resource.opened)
raise AppError(42, "fatal at the end")
