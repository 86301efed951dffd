"""Dataclasses and namedtuples built from *args and **mappings, field(init=False), missing fields, findall pairs, classes as values."""
import re
from collections import namedtuple
from dataclasses import dataclass, field
from itertools import count

Row = namedtuple("Row", "name qty")
Stats = namedtuple("Stats", "count mean")
Point = namedtuple("Point", "x y", defaults=[9])


@dataclass
class Version:
    major: int
    minor: int = 0


@dataclass(order=True)
class Item:
    sort_key: float = field(init=False, repr=False)
    name: str
    price: float
    tags: list = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = self.price * 2


line = "widget,4"
print(Row(*line.split(",")), Version(*(4, 5)), Version(*[7]))
print(Version(**{"major": 1, "minor": 2}), Point(**{"x": 3}), Point(*[1, 2]), Point(1))
s = Stats(3, 1.5)
print(s, s.count, len(s))
items = sorted([Item("b", 2.0), Item("a", 1.5)])
print(items, items[0].sort_key)
try:
    Version()
except TypeError as e:
    print("TypeError:", e)

pairs = re.findall(r"(\w)=(\d)", "a=1 b=2")
print(pairs, [k for k, _ in pairs])

ids = {"next": count(1)}
print(next(ids["next"]), next(ids["next"]))
print(Version, Row)
