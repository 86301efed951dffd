"""Float annotations keep ints as ints (def f(x: float) called with 1), builtins and math functions as values, (a or b) and c over different containers."""
import math
from dataclasses import dataclass
from typing import List


def show(x: float) -> None:
    print(x, x * 2)


def area(w: float, h: float) -> float:
    return w * h


def total(rows: List[List[float]]) -> float:
    return sum(sum(r) for r in rows)


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def scale(v: float, k: float = 2.0) -> float:
    return v * k


@dataclass
class Point:
    x: float
    y: float


show(1)
show(1.5)
print(area(2, 3), area(2.5, 2), total([[1.5], [2]]), mean([1, 2]), scale(3), scale(3, 3))
p = Point(1, 2)
q = Point(0.5, 1.5)
print(p, q, p.x + q.x)
budget: float = 100
budget -= 12.5
print(budget)

from collections import deque
ready = deque([1, 2])
waiting = []
n = 0
while (ready or waiting) and n < 5:
    print(ready.popleft())
    n += 1
funcs = {"sqrt": math.sqrt, "max": max}
print(funcs["sqrt"](16), funcs["max"](3, 9))
f = math.sqrt
print(f(2.25), list(map(math.floor, [1.5, 2.7])), sorted([3.3, 1.1], key=math.floor))
g = lambda x: math.floor(x)
print(g(2.7))
