"""Seventh bug hunt: NotImplemented as a value, slice objects, Callable objects, __slots__, setdefault aliases,
builtin types as values, dynamic slice stores, dict(**kw), @contextmanager, reflected ==, __exit__ context."""
from typing import Callable
from contextlib import contextmanager
import contextlib
from collections.abc import Sequence, Mapping, Iterable, MutableSequence, Sized
import collections.abc

class Money:
    def __init__(self, cents: int, cur: str = "EUR"):
        self.cents = cents
        self.cur = cur

    def _other(self, other):
        if isinstance(other, Money):
            return other if other.cur == self.cur else NotImplemented
        if isinstance(other, int):
            return Money(other * 100, self.cur)
        return NotImplemented

    def __add__(self, other):
        other = self._other(other)
        if other is NotImplemented:
            return other
        return Money(self.cents + other.cents, self.cur)

    __radd__ = __add__

    def __eq__(self, other):
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return self.cents == o.cents

    def __repr__(self):
        return f"Money({self.cents}, {self.cur!r})"


a = Money(150)
print(a + 2, 3 + a, a + Money(5))
print(sum([Money(1), Money(2)], Money(0)))
print(a == Money(150), a == 1.5, a != "x")
for bad in ("x", Money(1, "USD"), 2.5):
    try:
        print(a + bad)
    except TypeError as e:
        print("TypeError:", e)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
x = a._other("zz")
print(x is NotImplemented, x)


class Seq:
    def __init__(self, data):
        self.data = list(data)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __repr__(self):
        return f"Seq({self.data})"


class Window:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(self.n)
            return list(range(start, stop, step))
        if key < 0:
            key += self.n
        if not 0 <= key < self.n:
            raise IndexError("window index out of range")
        return key * 10


s = Seq([1, 2, 3, 4, 5])
print(s[1], s[1:3], s[::-1], s[-2:])
s[0:2] = [9, 9, 9]
print(s)
del s[::2]
print(s, len(s))
w = Window(6)
print(w[2], w[-1], w[1:4], w[::2], w[::-2], w[10:])
sl = slice(1, 5, 2)
print(sl, sl.start, sl.stop, sl.step, sl.indices(3))
print(sl == slice(1, 5, 2))
print(slice(3) == slice(None, 3, None), repr(slice(-1, None)))
try:
    print(w[7])
except IndexError as e:
    print("IndexError:", e)


class Printer:
    def __init__(self, prefix):
        self.prefix = prefix
    def __call__(self, x: int) -> None:
        print(self.prefix, x)

class Scale:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k

def notify(fn: Callable[[int], None]) -> None:
    fn(5)

def apply(fn: Callable[[int], int], xs: list[int]) -> list[int]:
    return [fn(x) for x in xs]

notify(Printer("got"))
notify(lambda v: print("lambda", v))
print(apply(Scale(3), [1, 2, 3]), apply(abs, [-1, 2]))
class Counter2:
    def __init__(self):
        self.n = 0
    def bump(self, x: int) -> None:
        self.n += x
c = Counter2()
notify(c.bump)
print(c.n)


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class P3(P):
    __slots__ = ["z"]

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Loose(P):
    pass


class WithDict:
    __slots__ = ("a", "__dict__")

    def __init__(self):
        self.a = 1


for obj in (P(1, 2), P3(1, 2, 3), Loose(1, 2), WithDict()):
    try:
        obj.w = 2
        print(type(obj).__name__, "set", obj.w)
    except AttributeError as e:
        print(type(obj).__name__, "AttributeError:", e)
p = P(1, 2)
p.x = 10
setattr(p, "y", 20)
print(p.x, p.y)
try:
    setattr(p, "q", 1)
except AttributeError as e:
    print(e)


groups = {}
g = groups.setdefault("a", [])
g.append(1)
for w in ["apple", "avocado", "banana"]:
    groups.setdefault(w[0], []).append(len(w))
print(groups)

class Index:
    def __init__(self):
        self.by_key = {}

    def add(self, k, v):
        lst = self.by_key.setdefault(k, [])
        lst.append(v)
        return lst

ix = Index()
ix.add("x", 1.5)
print(ix.add("x", 2.5), ix.by_key)
counts = {}
inner = counts.setdefault("k", {})
inner["n"] = inner.get("n", 0) + 1
print(counts)


conv = bool
print(conv is bool, conv == bool, str is str, conv is int, conv != str)
def parse(kind, text):
    if kind is int:
        return int(text)
    if kind == float:
        return float(text)
    return text
for k in (int, float, str):
    print(parse(k, "12"), k.__name__)
print(type(3) is int, type("a") == str, type(1.0) is int)


def keep_truthy(items):
    items[:] = [x for x in items if x]

def drop_first(items, n):
    del items[:n]

def drop_at(items, i):
    del items[i]

lst = [0, 1, 2, 0, 3]
func = keep_truthy
func(lst)
print(lst)
f2 = drop_first
f2(lst, 1)
print(lst)
f3 = drop_at
f3(lst, -1)
print(lst)
d = {"a": 1, "b": 2}
f3(d, "a")
print(d)


def make(**kw):
    return dict(**kw)

def merged(base, **over):
    return dict(base, **over)

defaults = {"color": "red", "size": 2}
print(make(a=1, b=2), make())
print(merged(defaults, size=3), dict(**defaults, extra=True), dict([("x", 1)], **{"y": 2}, z=3))
cfg = dict(**defaults)
cfg["size"] += 1
print(cfg, defaults)



@contextmanager
def opened(name):
    print("open", name)
    yield name.upper()
    print("close", name)

@contextmanager
def tag(label):
    print(f"<{label}>")
    try:
        yield
    finally:
        print(f"</{label}>")

@contextlib.contextmanager
def counter():
    state = []
    yield state
    print("counted", len(state))

def work():
    with opened("db") as c:
        print("using", c)
        return c.lower()

print(work())
with tag("a"), tag("b"):
    print("inside")
try:
    with tag("x"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with counter() as st:
    for _ in range(3):
        st.append(1)

@contextmanager
def broken():
    if False:
        yield 1
try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)



class Half:
    def __eq__(self, other):
        return other == 0.5


h = Half()
print(h == 0.5, 0.5 == h, 0.5 != h, 1 == h)


class R:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError("close failed")


try:
    with R():
        raise ValueError("original")
except RuntimeError as err:
    print(err, repr(err.__context__))


class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def count(self, x):
        return self.items.count(x)

    def __iadd__(self, item):
        self.items.append(item)
        return self


bag = Bag([1, 2, 1])
print(len(bag), bag.count(1), bool(bag))
bag += 3
print(len(bag), bool(Bag([])))


def describe(x):
    kinds = []
    if isinstance(x, Mapping):
        kinds.append("mapping")
    if isinstance(x, Sequence):
        kinds.append("sequence")
    if isinstance(x, MutableSequence):
        kinds.append("mutable")
    if isinstance(x, collections.abc.Set):
        kinds.append("set")
    if isinstance(x, Iterable):
        kinds.append("iterable")
    if isinstance(x, Sized):
        kinds.append("sized")
    return kinds

for v in ([1, 2], (1,), "ab", {"a": 1}, {1}, range(3), 5, None, b"x"):
    print(repr(v), describe(v))
print(isinstance(len, collections.abc.Callable), isinstance(3, collections.abc.Callable))
