import functools


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def memo(fn):
    def inner(n):
        if n not in inner.cache:
            inner.cache[n] = fn(n)
        return inner.cache[n]
    inner.cache = {}
    inner.hits = 0
    return inner


@counted
def add(a, b):
    return a + b


@memo
def square(n):
    return n * n


print(add(1, 2), add(3, 4), add.calls, add.__name__)
print([square(i) for i in (3, 4, 3)], sorted(square.cache.items()))
square.hits += 5
print(square.hits)
