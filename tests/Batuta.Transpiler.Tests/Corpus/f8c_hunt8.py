"""Eighth bug hunt (f8c): asdict keeps named tuples, dataclass order=True needs the same class, ** and * into a
dataclass inside a comprehension, statistics on a variable also bound to an int, range by a slice object and
range(*bounds), defaultdict of a dataclass, a class inheriting namedtuple(...), Enum._missing_, `in` on a
dynamically-typed object with __contains__."""
import json
import statistics
from collections import defaultdict, namedtuple
from dataclasses import dataclass, asdict, astuple, field
from enum import Enum

P = namedtuple("P", "x y")


@dataclass
class J:
    o: P
    items: list


j = J(P(1, 2), [P(3, 4)])
d = asdict(j)
print(d)
print(type(d["o"]).__name__, d["o"].x)
print(json.dumps(d))
print(astuple(j))


@dataclass(order=True)
class A:
    x: int


@dataclass(order=True)
class B(A):
    pass


@dataclass(order=True)
class C:
    x: int


print(A(1) < A(2), B(3) > B(2))
for left, right in [(A(1), B(2)), (B(1), A(2)), (C(1), A(2))]:
    try:
        print(left < right)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted([C(1), A(2)])
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Item:
    a: int
    b: int = 5


rows = [{"a": 1, "b": 2}, {"a": 3}]
print([Item(**r) for r in rows])
pairs = [(7, 8), (9,)]
print([Item(*p) for p in pairs])
print(list(map(lambda r: Item(**r), rows)))

pts = 5
print(pts)
pts = [1, 2, 3, 4]
print(statistics.mean(pts), statistics.median(pts), statistics.mode(pts))

s = slice(2, 8, 3)
print(list(range(10)[s]), list(range(20)[slice(None, None, -5)]))
k = s if pts else 0
print(range(10)[k])
k = 4 if not pts else 3
print(range(10, 20)[k])

t = (1, 5, 2)
print(list(range(*t)))
bounds = [3]
print(list(range(*bounds)), list(range(1, *bounds)))


@dataclass
class Acc:
    n: int = 0
    tags: list = field(default_factory=list)


acc = defaultdict(Acc)
acc["a"].n += 1
acc["a"].n += 1
acc["b"].tags.append("x")
print(acc["a"], acc["b"], len(acc))


class Pt(namedtuple("Pt", "x y")):
    def norm(self):
        return abs(self.x) + abs(self.y)


pt = Pt(3, -4)
print(pt.x, pt.y, pt.norm(), pt, pt[0], len(pt))
a2, b2 = pt
print(a2 + b2)


class Color(Enum):
    RED = 1
    GREEN = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


print(Color("red"), Color("Green"), Color(1))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color("blue")
except KeyError as e:
    print("KeyError:", e)


class Box:
    def __contains__(self, x):
        return x == 4


class Evens:
    def __contains__(self, x):
        return x % 2 == 0


things = [Box(), "text", Evens()]
print(4 in things[0], 5 in things[0], "ex" in things[1], 10 in things[2], 3 not in things[2])
