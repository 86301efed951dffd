from typing import NamedTuple
from dataclasses import dataclass, field
from enum import Enum


class Point(NamedTuple):
    x: float
    y: float = 0.0

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def __add__(self, o):
        if o.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(self.amount + o.amount, self.currency)


@dataclass
class Order:
    items: list = field(default_factory=list)
    total: float = field(init=False)

    def __post_init__(self):
        self.total = sum(p for _, p in self.items)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


class Registry:
    plugins = {}

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[key or cls.__name__.lower()] = cls


class Csv(Registry, key="csv"):
    pass


class Json(Registry):
    pass


p = Point(3, 4)
print(p, p.norm(), p._replace(y=1), Point(1), p.x, p[1], tuple(p), Point._fields)
m = Money(5) + Money(7)
print(m, m == Money(12), hash(m) == hash(Money(12)))
try:
    m.amount = 3
except Exception as e:
    print(type(e).__name__, e)
o = Order([("a", 1.5), ("b", 2.25)])
print(o, o.total)
print(Planet.EARTH, Planet.EARTH.value, round(Planet.EARTH.gravity, 3), Planet.MERCURY.mass)
print(sorted(Registry.plugins), Registry.plugins["csv"].__name__)
d = {"a": 1} | {"b": 2}
d |= {"a": 9}
print(d, dict.fromkeys("xy", 0), list(zip([1, 2], "ab", strict=True)))
print("{name}-{n}".format_map({"name": "k", "n": 2}), "a,b,,c".split(",", 2), "  x ".strip() or "empty")
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
