# fourth bug hunt: decorators that are methods of a program object, float-annotated container parameters keep ints, too many positional arguments through *args and a wrapper
class Registry:
    def __init__(self):
        self.handlers = {}

    def on(self, name):
        def wrap(fn):
            self.handlers[name] = fn
            return fn
        return wrap

    def subscribe(self, fn):
        self.handlers[fn.__name__] = fn
        return fn


reg = Registry()


@reg.on("greet")
def greet(who):
    return f"hello {who}"


@reg.subscribe
def shout(who):
    return who.upper() + "!"


print(sorted(reg.handlers), reg.handlers["greet"]("ann"), reg.handlers["shout"]("bo"), greet("cy"))
from dataclasses import dataclass
@dataclass
class P:
    w: dict[str, float]
print(P({"a": 1}), P({"a": 1.5}))
def f(d: dict[str, float]) -> None:
    print(d)
f({"a": 1.5})
f({"a": 1})

import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@logged
def add(a, b=10, *, scale=1):
    return (a + b) * scale
try:
    print(add(1, 2, 3))
except TypeError as e:
    print("TypeError:", e)

def add2(a, b):
    return a + b
args = (1, 2, 3)
try:
    print(add2(*args))
except TypeError as e:
    print("TypeError:", e)
