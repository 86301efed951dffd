"""Typed-code idioms: TypeVar/Generic/Any aliases, bound methods of containers as key functions, heappush widening a heap of tuples, annotated class attributes in plain classes."""
from typing import TypeVar, Generic, Any, List, Callable
T = TypeVar("T")
K = TypeVar("K", bound=str)
A = Any
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
def first(xs: List[T]) -> T:
    return xs[0]
print(Box(3).get(), first(["a", "b"]))
hist = {1: 5, 2: 9, 3: 1}
print(max(hist, key=hist.get), min(hist, key=hist.get), sorted(hist, key=hist.__getitem__))
words = ["a", "b", "a"]
print(sorted(set(words), key=words.count), list(map(hist.get, [1, 3])))
print(list(map("-".join, [["a", "b"], ["c"]])))
import heapq
import bisect
pq = [(0, "a")]
heapq.heappush(pq, (1.5, "b"))
heapq.heappush(pq, (0.5, "c"))
print(pq, heapq.heappop(pq))
dist = {"a": 0}
q = [(0, "a")]
while q:
    d, n = heapq.heappop(q)
    for m, w in [("b", 1.5), ("c", 2)]:
        if n == "a" and m not in dist:
            dist[m] = d + w
            heapq.heappush(q, (d + w, m))
print(dist)
xs = [1, 3]
bisect.insort(xs, 2.5)
print(xs)
class Employee:
    raise_pct: float = 0.03
    count: int = 0
    name: str
    def __init__(self, name: str, base: float) -> None:
        self.name = name
        self.base = base
        Employee.count += 1
    def give_raise(self) -> None:
        self.base *= 1 + self.raise_pct
class Manager(Employee):
    raise_pct = 0.10
e = Employee("a", 100)
m = Manager("b", 100)
e.give_raise(); m.give_raise()
print(e.raise_pct, Employee.raise_pct, round(e.base, 2), round(m.base, 2), Employee.count)
e.raise_pct = 0.5
print(e.raise_pct, Employee.raise_pct)
