"""Function values keep Python binding: defaults and keywords through stored functions, fn(*args, **kwargs) in decorators, Callable[..., Any], TypeErrors for bad keywords."""
import functools
def area(w, h=1):
    return w * h
def forward(*args, **kwargs):
    return area(*args, **kwargs)
print(forward(2, h=5), forward(3), forward(w=2, h=4))
def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}")
        return func(*args, **kwargs)
    return wrapper
@logged
def vol(w, h=1, d=1):
    return w * h * d
print(vol(2, h=3), vol(2, d=5), vol.__name__)
def inc(step=1):
    return step
f = inc
print(f(3), f())
ops = {"inc": inc}
print(ops["inc"](), ops["inc"](4))
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
handlers = {"greet": greet}
print(handlers["greet"]("Ann"), handlers["greet"]("Bob", punct="?"))
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(greet, "Cy", greeting="Hi"))
try:
    apply(greet, "D", colour="red")
except TypeError as e:
    print("TypeError:", e)
try:
    handlers["greet"]()
except TypeError as e:
    print("TypeError:", e)
callbacks = [greet, lambda name, greeting="Yo": greeting + " " + name]
for cb in callbacks:
    print(cb("E"))
def make_counter(start=0):
    count = [start]
    def inc(step=1):
        count[0] += step
        return count[0]
    return inc
c = make_counter()
print(c(), c(5), c(step=2))
from typing import Any, Callable, TypeVar
F = TypeVar("F", bound=Callable[..., Any])
def timed(label: str) -> Callable[[F], F]:
    def deco(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            print(f"[{label}] {fn.__name__} args={args} kwargs={kwargs}")
            return fn(*args, **kwargs)
        return wrapper  # type: ignore
    return deco
@timed("calc")
def surface(w: float, h: float = 1.0, *, unit: str = "m") -> str:
    return f"{w * h}{unit}"
print(surface(2, 3), surface(2, unit="cm"), surface(w=4))
def call(fn: Callable[..., Any], *args: Any) -> Any:
    return fn(*args)
print(call(max, 3, 9), call(lambda a, b: a - b, 5, 2))
