import sys

def area(r):
    return 3 * r

print(area(2))

def area(r):
    return 4 * r

print(area(2))

def use():
    return area(5)

print(use())

if len(sys.argv) > 3:
    def fmt(x: float) -> str:
        return f"{x:.1f}"
else:
    def fmt(x: float) -> str:
        return f"{x:.3f}"

print(fmt(2.5), [fmt(v) for v in (1.0, 2.0)])

handlers = []
for k in range(3):
    def h(v, k=k):
        return v * k
    handlers.append(h)
print([f(10) for f in handlers])

try:
    import json as _json
    def half(x):
        return x / 2
except ImportError:
    def half(x):
        return x // 2
print(half(9))


def shout(fn):
    def w(*a):
        return fn(*a).upper()
    return w

if True:
    @shout
    def hello(n):
        return "hello " + n
else:
    def hello(n):
        return "bye " + n
print(hello("ann"))
