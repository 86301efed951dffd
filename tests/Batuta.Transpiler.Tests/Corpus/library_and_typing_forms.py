"""Library and typing forms: itertools.repeat of a str, functools.cmp_to_key, zip(*rows) over dynamic rows, nested fields in format specs, dict views in set operations, dict | dict of different value types, nested tuple targets in comprehensions, Protocol and TypedDict annotations."""
import itertools
from functools import cmp_to_key
from typing import Protocol, TypedDict
print(list(itertools.repeat("x", 3)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: a - b)))
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return -1 if a < b else (1 if a > b else 0)
print(sorted(["bb", "a", "ab", "c"], key=cmp_to_key(by_len_then_alpha)))
data = [[[1, 2], [3, 4]], "x"]
print([list(r) for r in zip(*data[0])])
print("{:>{}}|{:<{w}}|".format("x", 4, "y", w=3))
d = {"apple": 1, "kiwi": 2}
print(d.keys() & {"apple", "zzz"}, sorted(d.keys() | {"z"}), d.keys() - {"kiwi"})
rs = [("a", 1), ("b", 2)]
print([(k, v) for (k, _), v in zip(rs, [10, 20])])
class HasArea(Protocol):
    def area(self) -> float: ...
class Sq:
    def area(self) -> float:
        return 4.0
def total(s: HasArea) -> float:
    return s.area()
print(total(Sq()))
class Cfg(TypedDict):
    port: int
    host: str
c: Cfg = {"port": 1, "host": "h"}
print(c["port"], c)
d2 = {"a": "x", "b": 1}
print(d2 | {"z": 1}, {"q": 2} | d2)
