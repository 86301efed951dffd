"""Decorators on module-level functions: plain, with functools.wraps, decorator factories, stacked, with closure state."""
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(">>", fn.__name__, args)
        result = fn(*args, **kwargs)
        print("<<", result)
        return result
    return wrapper


def repeat(times):
    def decorate(fn):
        def run(*args):
            return [fn(*args) for _ in range(times)]
        return run
    return decorate


def counted(fn):
    calls = 0

    def wrapper(*args):
        nonlocal calls
        calls += 1
        print(f"call #{calls}")
        return fn(*args)
    return wrapper


@logged
def add(a, b):
    return a + b


@repeat(3)
def greet(name):
    return "hi " + name


@counted
@logged
def square(x):
    return x * x


print(add(1, 2), add("a", "b"))
print(greet("bo"))
print(square(4), square(5))
ops = [add, square]
print([f(3, 3) if f is add else f(3) for f in ops])
