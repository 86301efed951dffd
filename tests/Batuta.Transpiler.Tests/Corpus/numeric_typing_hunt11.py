"""Geometry and money helpers: mixed int/float fields, classes used as values, dunders, match on numbers."""
from dataclasses import dataclass
from typing import NamedTuple


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return type(self)(self.x + other.x, self.y + other.y)

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __sub__(self, other):
        return type(self)(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return type(self)(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return type(self)(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return type(self)(self.x // k, self.y // k)

    def __neg__(self):
        return type(self)(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __iter__(self):
        yield self.x
        yield self.y

    def __format__(self, spec):
        return "(%s)" % ", ".join(format(c, spec) for c in self)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def copy(self):
        return self.__class__(self.x, self.y)

    def halved(self):
        return self.__class__(self.x / 2, self.y / 2)


class Vector3(Vector):
    __slots__ = ("z",)

    def __init__(self, x=0, y=0, z=0):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return super().__repr__()[:-1] + f", {self.z!r})"


def vector_report():
    print("== vectors ==")
    a = Vector(1, 2)
    b = Vector(3.5, -1)
    print(a + b, a - b, a * 3, 2 * a, b / 2, a / 2, a // 2, b // 2, -a)
    print(abs(Vector(3, 4)), abs(Vector(1, 1)), a == Vector(1, 2), a != b)
    print(sum([a, b, Vector(1, 1)]), sum([Vector(1, 2), Vector(3, 4)]))
    print(f"{b:.2f}", format(a, "03d"), f"{a}")
    c = Vector(0, 0)
    for step in [a, b, Vector(2, 2)]:
        c += step
    print(c, list(c), tuple(a * 0.5))
    v3 = Vector3(1, 2, 3)
    print(v3, v3 * 2, (v3 * 2.5), type(v3 * 2).__name__)
    print(len({a, Vector(1, 2), b, Vector(1.0, 2.0)}))
    print(a.copy(), b.copy(), a.halved(), v3.copy(), v3.halved(), a.copy() is a)


class Shape:
    registry = {}

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls

    def describe(self):
        return "%s area=%r" % (type(self).__name__, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def scaled(self, k):
        return Rect(self.w * k, self.h * k)


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape):
    def __init__(self, r=1.0):
        self.r = r

    def area(self):
        return round(3.14159 * self.r * self.r, 3)

    @classmethod
    def unit(cls):
        return cls(1)


def shape_report():
    print("== shapes ==")
    shapes = [Rect(2, 3), Square(1.5), Circle(0.5), Square(4), Circle.unit()]
    for s in shapes:
        print(s.describe())
    print(sorted(Shape.registry))
    for name, arg in [("square", 2), ("square", 2.5), ("circle", 2), ("circle", 0.1)]:
        shape = Shape.registry[name](arg)
        print(name, arg, shape.area())
    print(Shape.registry["rect"](2, 5).area(), Shape.registry["rect"](2, 0.5).area())
    makers = [Square, Circle]
    print([m(3).area() for m in makers])
    r = Rect(2, 3).scaled(2)
    print(r.w, r.h, r.area(), Rect(2, 3).scaled(0.5).area())


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __round__(self, n=0):
        return Money(round(self.cents, n - 2))

    def __contains__(self, text):
        return text in str(self)

    def __call__(self, factor):
        return Money(int(self.cents * factor))


def money_report():
    print("== money ==")
    m = Money(12345)
    print(m, repr(m), int(m), float(m), round(m), round(m, 1), "45" in m, "99" in m)
    print(m(0.5), m(2), m(1.1), max([Money(5), Money(1), m]), min([Money(5), Money(1), m]))
    print([str(x) for x in sorted([Money(300), Money(20), Money(1000)])])


def doubled(x: float) -> float:
    return x * 2


def bumped(x: float = 1.5):
    return x + 1


class Account:
    def __init__(self, start: float = 0.0):
        self.total = start

    def add(self, amount):
        self.total += amount
        return self


def annotation_report():
    print("== float annotations ==")
    print(doubled(3), doubled(1.5), bumped(), bumped(2))
    acct = Account()
    acct.add(1).add(2)
    print(acct.total, Account(5).total, Account(5).add(1).total, Account(2).add(0.5).total)


@dataclass
class Sample:
    weight: float
    height: float = 0.0

    def spread(self):
        return abs(self.weight) + abs(self.height)


class Pair(NamedTuple):
    left: float
    right: float


def build(kind, *args):
    return kind(*args)


def record_report():
    print("== records ==")
    print(Sample(1, 2), Sample(1.5), Sample(1, 2).spread(), Sample(3).weight * 2)
    print(Pair(1, 2), Pair(1, 2).left + 1, build(Sample, 2, 3), build(Pair, 4, 5.5), build(Sample, 0.5, 1).spread())


def classify(value):
    match value:
        case bool(flag):
            return f"bool {flag}"
        case int(n) if n < 0:
            return f"negative {n!r}"
        case int() | float() as num if num == 0:
            return f"zero {num!r}"
        case int(n):
            return f"int {n!r} doubled {n * 2}"
        case float(f):
            return f"float {f}"
        case str() as s:
            return f"text {s!r}"
        case _:
            return "other"


def loose(value):
    match value:
        case int(n):
            return f"int-like {n!r} next {n + 1}"
        case float():
            return "float"
        case _:
            return "?"


def match_report():
    print("== match ==")
    for v in [True, False, -3, 0, 0.0, 7, 2.5, "hi", None]:
        print(repr(v), "->", classify(v), "|", loose(v))
    print(isinstance(True, int), isinstance(True, float), isinstance(1, bool), [isinstance(x, int) for x in (1, True, 1.0)])


vector_report()
shape_report()
money_report()
annotation_report()
record_report()
match_report()
