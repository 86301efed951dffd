"""Decorators with arguments, counters via closures, memoize by hand, and callbacks."""
import functools
import time


def retry(times=3, exceptions=(ValueError,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as e:
                    last = e
                    print("  attempt %d of %s failed: %s" % (attempt, fn.__name__, e))
            raise RuntimeError("gave up on %s" % fn.__name__) from last
        return wrapper
    return deco


def counter(start=0):
    count = [start]

    def inc(step=1):
        count[0] += step
        return count[0]
    return inc


def make_accumulator():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total
    add.reset = lambda: None
    return add


def memoize(fn):
    cache = {}

    def inner(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    inner.cache = cache
    return inner


@memoize
def slow_square(n):
    return n * n


calls = {"n": 0}


@retry(times=3)
def flaky(threshold):
    calls["n"] += 1
    if calls["n"] < threshold:
        raise ValueError("n=%d" % calls["n"])
    return "ok after %d" % calls["n"]


print(flaky(2), flaky.__name__, flaky.__doc__)
try:
    calls["n"] = 0
    flaky(10)
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))
c1, c2 = counter(), counter(100)
print(c1(), c1(), c2(5), c1(10), c2())
acc = make_accumulator()
print([acc(x) for x in [1, 2, 3]], acc(0.5))
print([slow_square(i) for i in (3, 4, 3)], sorted(slow_square.cache.items()))
handlers = []
for name in ["a", "b", "c"]:
    handlers.append(lambda msg, name=name: "%s:%s" % (name, msg))
print([h("hi") for h in handlers])
ops = {"double": lambda x: x * 2, "neg": lambda x: -x, "sq": slow_square}
pipeline = ["double", "sq", "neg"]
print(functools.reduce(lambda acc, op: ops[op](acc), pipeline, 3))
compose = lambda *fs: functools.reduce(lambda f, g: lambda x: g(f(x)), fs)
print(compose(str.strip, str.upper, lambda s: s + "!")("  hey "))
partial_fmt = functools.partial("{}-{}-{}".format, "a")
print(partial_fmt("b", "c"), functools.partial(int, base=2)("1010"))
