#!/usr/bin/env python
"""Attributes set on nested functions and closures: helpers hung on a closure, decorator call counters, memo tables."""
import functools


def make_counter(start=0, step=1):
    count = start

    def inc():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    def peek():
        return count

    inc.reset = reset
    inc.peek = peek
    inc.label = "counter from %d by %d" % (start, step)
    return inc


c = make_counter(10, 5)
print(c(), c(), c())
c.reset()
print(c(), c.peek(), c.label)
d = make_counter()
print(d(), d(), c.peek(), d.peek())


def timed(label):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            wrapper.calls += 1
            result = fn(*args, **kwargs)
            print("[%s] %s%r -> %r" % (label, fn.__name__, args, result))
            return result
        wrapper.calls = 0
        return wrapper
    return deco


@timed("math")
def add(a, b=2):
    """Add two numbers."""
    return a + b


@timed("text")
def shout(s):
    return s.upper() + "!"


add(1)
add(3, b=4)
shout("hi")
print(add.calls, shout.calls, add.__name__, add.__doc__, add.__wrapped__(5, 5))


def memoize(fn):
    cache = {}

    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    inner.clear = cache.clear
    return inner


@memoize
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best), len(collatz_len.cache) > 3000)
collatz_len.clear()
print(len(collatz_len.cache), collatz_len(27), len(collatz_len.cache))
