from collections import namedtuple
from typing import NamedTuple
from dataclasses import dataclass, field, asdict, replace


Point = namedtuple("Point", ["x", "y"])
Pair = namedtuple("Pair", "left right")


class Employee(NamedTuple):
    name: str
    dept: str
    salary: float = 1000.0


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float

    def moved(self, d: float) -> "Coord":
        return Coord(self.lat + d, self.lon + d)


p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p), tuple(p), p == Point(1, 2))
x, y = p
print(x + y, p._replace(x=5), p._asdict(), Point._fields)
q = Pair("a", "b")
print(q.left, q.right, q)
e = Employee("Ann", "R&D")
print(e, e.salary, e._replace(salary=2.5), e[0])
vs = [Version(1, 2), Version(1, 0), Version(0, 9, ["beta"])]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) == Version(2), max(vs))
c = Coord(1.5, 2.0)
print(c, c.moved(0.5), hash(c) == hash(Coord(1.5, 2.0)), {c: 1}[Coord(1.5, 2.0)])
try:
    c.lat = 3.0
except Exception as ex:
    print(type(ex).__name__)
print(asdict(Version(3, 1, ["x"])), replace(c, lon=9.0))
