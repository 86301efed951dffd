"""Tuples as iterables, chain/zip_longest/accumulate over mixed types, math.prod of ints, int-or-float conditional
expressions, str.format with *args/**kwargs, and functions that return None by running off their end."""
import itertools
import math
from typing import Optional

t = (2, 3)
print(list(t), list(zip(t, t)), set((2, 3)), list(enumerate((5, 6))))
print(list(itertools.chain([1], (2, 3))), list(itertools.chain([1, 2], "ab")))
print(list(itertools.zip_longest("abc", [1])), list(itertools.zip_longest([1.5], (1, 2))))
print(list(itertools.accumulate([3, 1, 4], max)), list(itertools.accumulate([3, 1, 4], min)))
print(math.prod([2, 3, 4]), math.prod([1.5, 2]), math.prod([]), math.prod(range(1, 25)))
print(sorted(t, reverse=True), tuple(t), [y * 2 for y in t], sum(t), max(t))

x = 2.5 if len("") else 3
print(x)


def half(n: int):
    return n / 2 if n % 2 else n // 2


print(half(4), half(5), [half(k) for k in range(4)])

nums = [5, 3, 9]
print("{}:{}".format(*nums), "{0}-{2}".format(*nums), "{} {} {} {}".format(1, *nums[:2], "x"))
row = {"name": "bolt", "qty": 3}
print("{name} x{qty}".format(**row), "{name}/{extra}".format(extra=1, **row))


def find(xs: list[int], v: int) -> Optional[int]:
    for i, item in enumerate(xs):
        if item == v:
            return i


def double_positive(n):
    if n > 0:
        return n * 2


def label(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    else:
        return "positive"


def first_even(xs):
    for v in xs:
        if v % 2 == 0:
            break
    else:
        return None
    return v


def loop_forever(limit: int) -> int:
    k = 0
    while True:
        k += 1
        if k >= limit:
            return k


class Shape:
    def area(self) -> float:
        ...

    def name(self) -> str:
        """The shape's name."""


class Square(Shape):
    def area(self) -> float:
        return 4.0

    def name(self) -> str:
        return "square"


print(find([1, 2], 2), find([1], 5), double_positive(2), double_positive(-1))
print(label(-3), label(0), label(5), first_even([1, 3, 4]), first_even([1]), loop_forever(3))
print(Square().area(), Square().name(), Shape().name())
