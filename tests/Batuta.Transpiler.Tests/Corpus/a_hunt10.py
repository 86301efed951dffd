# hunt10-a: yield as a value in if/while tests, send() through yield from (PEP 380), singledispatchmethod
import functools
from functools import singledispatchmethod

def acc():
    total = 0
    while (x := (yield total)) is not None:
        total += x
    yield -1

def echo():
    v = None
    if (yield "ready") == "go":
        v = "went"
    yield v

g = acc()
print(next(g))
print(g.send(3), g.send(4))
print(g.send(None))
e = echo()
print(next(e), e.send("go"))

def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield r * 10

def delegate_only():
    yield from inner()

g2 = outer()
next(g2)
print(g2.send(5), g2.send(6))
print(g2.send(None))
d2 = delegate_only()
next(d2)
print(d2.send(2), d2.send(3))
try:
    d2.send(None)
except StopIteration as e:
    print("stop", e.value)

def gate():
    n = 0
    while (yield n) != "stop":
        n += 1
    else:
        yield "done"

def branch():
    r = []
    while True:
        if (yield len(r)) == "a":
            r.append("A")
        elif (yield "elif") == "b":
            r.append("B")
        else:
            break
    yield ",".join(r)

g = gate()
print(next(g), g.send("x"), g.send("y"), g.send("stop"))
b = branch()
print(next(b), b.send("a"), b.send("z"), b.send("b"), b.send("q"), b.send("w"))

def leaf(k):
    acc = []
    while True:
        try:
            x = yield k
        except ValueError as e:
            acc.append("err:" + str(e))
            continue
        if x is None:
            return acc
        acc.append(x)

def mid():
    a = yield from leaf(1)
    b = yield from leaf(2)
    return a + b

def top():
    res = yield from mid()
    yield res

t = top()
print(next(t), t.send("p"), t.throw(ValueError("bad")), t.send(None), t.send("q"), t.send(None))
def plain():
    yield from range(3)
    yield from [7, 8]
print(list(plain()))
p = plain()
print(next(p), p.send(None), next(p))


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"obj:{arg!r}"

    @fmt.register
    def _(self, arg: int):
        return f"int:{arg}"

    @fmt.register
    def _(self, arg: list):
        return "list:" + ",".join(self.fmt(a) for a in arg)

    @fmt.register(float)
    def _f(self, arg):
        return f"float:{arg:.2f}"

f = Formatter()
print(f.fmt(3), f.fmt(2.5), f.fmt("s"), f.fmt([1, 2.0, "x"]))


class Shape:
    pass

class Circle(Shape):
    def __init__(self, r):
        self.r = r

class Visitor:
    def __init__(self, prefix):
        self.prefix = prefix

    @functools.singledispatchmethod
    def visit(self, node):
        return self.prefix + "generic"

    @visit.register
    def _(self, node: int | str):
        return self.prefix + "scalar " + repr(node)

    @visit.register
    def _(self, node: Shape):
        return self.prefix + "shape " + type(node).__name__

    @visit.register(dict)
    def _d(self, node):
        return self.prefix + "dict " + ",".join(self.visit(v) for v in node.values())

v = Visitor("> ")
for x in [1, "a", True, Circle(2), Shape(), {"k": 1.5, "j": 2}, None, 3.0]:
    print(v.visit(x))
print(Visitor("# ").visit({"a": Circle(1)}))


# a function used as a value takes any argument, though direct calls give it ints
def square(x):
    return x * x

def apply(fn, v):
    return fn(v)

print(square(3))
sq = square
print(sq(1.5))
print(apply(square, 2), apply(square, 2.5))
ops = [square, abs]
print([op(-2.5) for op in ops], [op(-3) for op in ops])
def neg(v):
    return -v
print(sorted([3, 1, 2], key=neg), list(map(neg, [1.5, 2])))
