"""Registries through stacked decorators with functools.wraps, Generic[T] classes constructed as Box[str](), object() sentinels, docstrings."""
import functools
from typing import Generic, TypeVar

T = TypeVar("T")
REGISTRY = {}
_MISSING = object()


def register(fn):
    REGISTRY[fn.__name__] = fn
    return fn


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}{args}")
        return fn(*args, **kwargs)
    return wrapper


def plain(fn):
    def inner(*args):
        return fn(*args)
    return inner


@register
@logged
def add(a, b):
    """Add two numbers."""
    return a + b


@register
@plain
def neg(a):
    return -a


class Box(Generic[T]):
    def __init__(self):
        self.items = []

    def put(self, item):
        self.items.append(item)
        return self


def lookup(d, key, default=_MISSING):
    if key in d:
        return d[key]
    if default is _MISSING:
        raise KeyError(key)
    return default


print(sorted(REGISTRY), add.__name__, neg.__name__, REGISTRY["add"](2, 3), REGISTRY["inner"](4))
b = Box[str]().put("x").put("y")
print(b.items, Box[int]().put(1).items)
print(lookup({"a": 1}, "a"), lookup({}, "b", None), type(_MISSING).__name__, _MISSING is _MISSING)
try:
    lookup({}, "zz")
except KeyError as e:
    print("KeyError", e)
print(register.__doc__, Box.__doc__, lookup.__doc__)
