from abc import ABC, abstractmethod
from contextlib import contextmanager
from functools import cmp_to_key, total_ordering
import math


class Shape(ABC):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @abstractmethod
    def area(self): ...

    def describe(self):
        return f"{self.name}: {self.area():.3f}"

    def __lt__(self, other):
        return self.area() < other.area()


class Circle(Shape):
    __slots__ = ("r",)

    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def __contains__(self, pt):
        x, y = pt
        return 0 <= x <= self.w and 0 <= y <= self.h


@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


@contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield title.upper()
    except ZeroDivisionError as e:
        print("  swallowed", e)
    finally:
        print(f"</{title}>")


try:
    Shape("x")
except TypeError as e:
    print("TypeError:", e)
shapes = [Circle(1), Rect(2, 3), Circle(0.5), Rect(1, 1)]
for s in sorted(shapes):
    print(s.describe())
print(Shape.count, (1, 2) in shapes[1], (3, 1) in shapes[1])
with section("calc") as t:
    print(" ", t, 1 / 2)
with section("bad"):
    print(1 / 0)
vs = [Version(s) for s in ["1.10.0", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), Version("1.2") >= Version("1.1.9"), Version("2") <= Version("2"))


def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


print(sorted(["pear", "fig", "apple", "kiwi", "date"], key=cmp_to_key(by_len_then_rev)))
try:
    Circle(1).colour = "red"
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(shapes[0], Shape), type(shapes[1]).__name__, Rect.__mro__[1].__name__)
