# Ninth hunt, functools.singledispatch: @register(cls), bare @register on an annotated def (a union too), the
# register(cls, func) call form, dispatch along a class hierarchy's MRO, bool taking the int implementation,
# stacked registrations, keyword arguments, dispatch() and registry. Counters of float counts (weights): +=, a
# mapping of floats, update/subtract with one, most_common, total, repr; an int Counter beside them stays int.
import functools
from collections import Counter
from dataclasses import dataclass
from functools import singledispatch


class Shape:
    def __init__(self, name):
        self.name = name


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side


class UnitSquare(Square):
    def __init__(self):
        super().__init__(1)


@dataclass
class Point:
    x: int
    y: int


@functools.singledispatch
def area(shape):
    raise NotImplementedError(f"no area for {type(shape).__name__}")


@area.register
def _(shape: Circle) -> float:
    return round(3.14159 * shape.r ** 2, 2)


@area.register(Square)
def _square(shape):
    return shape.side * shape.side


@singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register(int)
def _(x):
    return f"int {x}"


@describe.register
def _(x: str):
    return f"str {x}"


def _list(x):
    return f"list of {len(x)}"


describe.register(list, _list)


@singledispatch
def to_json(value, indent=0):
    return repr(value)


@to_json.register(bool)
def _(value, indent=0):
    return "true" if value else "false"


@to_json.register(float)
@to_json.register(int)
def _num(value, indent=0):
    return " " * indent + str(value)


@to_json.register
def _(value: str, indent=0):
    return '"' + value + '"'


@to_json.register
def _(value: list, indent=0):
    return "[" + ", ".join(to_json(v) for v in value) + "]"


@to_json.register
def _(value: dict, indent=0):
    return "{" + ", ".join(f"{to_json(k)}: {to_json(v)}" for k, v in value.items()) + "}"


@to_json.register(type(None))
def _(value, indent=0):
    return "null"


@to_json.register
def _(value: Point, indent=0):
    return to_json({"x": value.x, "y": value.y})


@singledispatch
def kind(x):
    return "other"


@kind.register
def _(x: int | float):
    return "number"


kind.register(tuple, lambda x: f"tuple of {len(x)}")


def shapes():
    for s in [Circle(2), Square(3), UnitSquare()]:
        print(type(s).__name__, area(s))
    try:
        area(Shape("blob"))
    except NotImplementedError as e:
        print("error:", e)
    print(area.dispatch(UnitSquare) is _square)


def values():
    for v in [1, "a", [1, 2], 2.5, True, None]:
        print(describe(v))
    print(to_json([1, 2.5, "a", True, None, {"k": [False]}]))
    print(to_json(7, indent=2), to_json(7, 4), to_json(Point(1, 2)), to_json((1, 2)))
    print(kind(3), kind(2.5), kind("s"), kind((1, 2, 3)), kind(False))
    print(_num(5), _list([0]))


def registry():
    print(to_json.dispatch(bool) is to_json.dispatch(int))
    print(sorted(k.__name__ for k in to_json.registry.keys()))
    print(list(area.registry.keys())[0], len(kind.registry))


def tally(orders):
    spent = Counter()
    for customer, amount in orders:
        spent[customer] += amount
    return spent


def float_counters():
    spent = tally([("ann", 12.5), ("bob", 3.25), ("ann", 7.5), ("cy", 4)])
    print(spent, spent.most_common(2), spent.total())
    print(max(spent, key=spent.get), sum(spent.values()), spent["nobody"], len(spent))
    spent.update({"bob": 0.25, "dee": 2.5})
    spent.subtract({"ann": 0.5})
    print(spent, sorted(spent.items(), key=lambda kv: kv[1]))
    print(Counter({"k": 1.5, "j": 2.25}), Counter(a=1.5, b=2))
    half = Counter({k: v * 0.5 for k, v in spent.items()})
    print(half.most_common(1)[0], dict(half))
    words = Counter("hello")
    words["l"] += 1
    print(words, words.total(), words.most_common(1))


shapes()
values()
registry()
float_counters()
