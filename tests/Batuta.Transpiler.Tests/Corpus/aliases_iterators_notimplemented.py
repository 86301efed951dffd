"""Type aliases, iterator classes (__next__), unpacking objects with __iter__, __class__/__name__, NotImplemented in __eq__/__lt__."""
from typing import Callable, Union
Number = Union[int, float]
Grid = list[list[int]]
Rule = Callable[[int], bool]


def scale(x: Number, k: Number = 2) -> Number:
    return x * k


def total(g: Grid) -> int:
    return sum(sum(r) for r in g)


def check(rules: list[Rule], v: int) -> list[bool]:
    return [r(v) for r in rules]


print(scale(2), scale(1.5), total([[1, 2], [3]]), check([lambda v: v > 1, lambda v: v % 2 == 0], 3))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(5)
print(next(c), next(c), list(c), [x for x in Countdown(2)])
for v in Countdown(2):
    print("tick", v)


class Pair:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return f"{self.__class__.__name__}({self.x}, {self.y})"


a, b = Pair(1, 2)
print(a, b, Pair(3, 4), scale.__name__)


class V:
    def __init__(self, x):
        self.x = x

    def __eq__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.x == o.x

    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.x < o.x


print(V(1) == V(1), V(1) == 1, V(1) != 2, V(1) < V(2))
try:
    print(V(1) < 3)
except TypeError as e:
    print("TypeError:", e)
