"""Eighth bug hunt (lead): with on values whose class only the run time knows, decorated methods called with
keywords and defaults, object as a value, map() over dynamic functions and several iterables, nested defs redefined
in if/else branches."""

# ---- r2_deco_default
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, len(args))
        return fn(*args, **kwargs)
    return wrapper
class Acc:
    def __init__(self):
        self.total = 0
    @logged
    def add(self, amount, times=1):
        self.total += amount * times
        return self.total
a = Acc()
print(a.add(5))
print(a.add(2, 3))
print(a.add(1, times=4))

# ---- r3_kw_omit
def make(kind):
    if kind == "a":
        def f(x, scale=2, offset=0):
            return x * scale + offset
    else:
        def f(x, scale=3, offset=1):
            return x * scale - offset
    return f
for k in ["a", "b"]:
    g = make(k)
    print(g(1, offset=5), g(2), g(x=3, scale=1))
handlers = {"dbl": lambda v, m=2: v * m, "inc": lambda v, d=1: v + d}
for name, h in handlers.items():
    print(name, h(10))

# ---- r4_k_object
k = object
print(k)
s = object()
print(type(s) is object, isinstance(3, k))
_MISSING = object()
def get(d, key, default=_MISSING):
    if key in d:
        return d[key]
    if default is _MISSING:
        raise KeyError(key)
    return default
print(get({"a": 1}, "a"), get({}, "b", 7))
try:
    get({}, "zz")
except KeyError as e:
    print("KeyError", e)

# ---- r4b
k = int
print(k, k("5") + 1, isinstance(3, k))
t = object
print(t)
print(isinstance("x", t), type(object()) is t)

# ---- r5_map_dyn
import operator
ops = [operator.add, operator.mul, lambda a, b: a - b, max]
xs = [1, 2, 3]
ys = [4, 5, 6]
for f in ops:
    print(list(map(f, xs, ys)))
def apply(f, *seqs):
    return list(map(f, *seqs))
print(apply(pow, [2, 3], [3, 2]))
print(list(map(lambda a, b, c: a + b * c, [1, 2], [3, 4], [5, 6, 7])))
print(list(map(operator.add, "ab", "xyz")))
pairs = [[1, 2, 3], [10, 20, 30]]
print(list(map(operator.mul, *pairs)))

# ---- r7_with_dyn
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *a):
        print("exit", self.name)
        return False
class Other:
    def __enter__(self):
        print("other enter")
        return 42
    def __exit__(self, *a):
        print("other exit")
def pick(i):
    return Res("r") if i == 0 else Other()
for i in range(2):
    with pick(i) as v:
        print("body", v if isinstance(v, int) else v.name)

# ---- r7b
import io
class Quiet:
    def __enter__(self):
        return "q"
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None, ev)
        return et is ValueError
def make(kind):
    if kind == "q":
        return Quiet()
    if kind == "s":
        return io.StringIO("abc\ndef\n")
    return 5
for kind in ["q", "s"]:
    with make(kind) as v:
        print("got", v if isinstance(v, str) else v.read().split())
        if kind == "q":
            raise ValueError("boom")
    print("after", kind)
try:
    with make("q"):
        raise KeyError("k")
except KeyError as e:
    print("escaped", e)
try:
    with make("n") as z:
        print("never")
except TypeError as e:
    print("TypeError", e)

# ---- r8_stdlib
import heapq
import math
import os
from os import getpid
a = [1, 4, 9, 12]
b = [2, 4, 10]
c = [0, 15]
print(list(heapq.merge(a, b, c)))
print(list(heapq.merge(["apple", "fig"], ["banana", "kiwi"])))
merged = heapq.merge([(1, "x"), (3, "y")], [(2, "z")])
for pr in merged:
    print(pr)
print(math.lcm(4, 6, 10), math.lcm(), math.lcm(7), math.lcm(0, 5))
print(getpid() > 0, os.getpid() == getpid())

# ---- r6_capture_k
fs = []
for k in range(3):
    fs.append(lambda v, k=k: v + k)
print([f(10) for f in fs])
print([f(10, 100) for f in fs])
print(fs[1](1, k=5))

# ---- r6b
f = lambda x, n=2: x * n
print(f(3), f(3, 4), f(x=5), f(2, n=10), f(n=3, x=7))
g = lambda a, b=1, *rest, **kw: (a, b, rest, sorted(kw.items()))
print(g(1), g(1, 2, 3, 4, z=9))
h = lambda v, k=0: v - k
for call in [lambda: h(), lambda: h(1, 2, 3), lambda: h(1, q=2), lambda: h(1, v=2)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
opts = {"k": 5}
print(h(10, **opts), opts)

# ---- r10_defaultdict_deque_ordereddict
from collections import defaultdict, deque, OrderedDict
q = defaultdict(deque)
q["a"].append(1)
q["a"].appendleft(0)
q["b"].append(5)
print(q["a"], len(q), list(q["a"]))
o = defaultdict(OrderedDict)
o["x"]["k"] = 1
o["x"]["j"] = 2
print(list(o["x"].items()), o)
print(q)
by_len = defaultdict(deque)
for w in ["aa", "b", "cc", "ddd", "e"]:
    by_len[len(w)].append(w)
print(by_len[1].popleft(), by_len[2].pop(), dict(by_len))
lru = defaultdict(OrderedDict)
for user, page in [("u", "a"), ("u", "b"), ("v", "c"), ("u", "a")]:
    lru[user][page] = lru[user].get(page, 0) + 1
    lru[user].move_to_end(page)
print({k: list(v) for k, v in lru.items()})

# ---- r11_bisect_key
import bisect
from bisect import bisect_left, insort
people = [("ann", 21), ("bob", 30), ("cy", 30), ("dee", 45)]
ages = lambda p: p[1]
print(bisect_left(people, 30, key=ages), bisect.bisect_right(people, 30, key=ages), bisect.bisect(people, 50, key=lambda p: p[1]))
insort(people, ("eve", 30), key=ages)
bisect.insort_left(people, ("fay", 30), key=lambda p: p[1])
print(people)
scores = [3.5, 7.25, 9.0]
print(bisect.bisect_left(scores, 7.25), bisect.bisect_right(scores, 7))
words = ["kiwi", "apple", "banana"]
words.sort(key=len)
print(bisect.bisect_left(words, 5, key=len), words)

# ---- r12_dataclasses_fields
from dataclasses import dataclass, field, fields, asdict
import dataclasses
@dataclass
class P:
    a: int
    b: str = "x"
@dataclass
class Q(P):
    tags: list = field(default_factory=list)
print([f.name for f in fields(P)])
q = Q(1, "y", ["t"])
print([f.name for f in dataclasses.fields(q)], len(fields(Q)))
for f in fields(q):
    print(f.name, getattr(q, f.name))
print(asdict(q), dataclasses.is_dataclass(q))
