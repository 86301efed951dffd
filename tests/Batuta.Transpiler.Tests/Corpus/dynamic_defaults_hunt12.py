"""Plugin-style dispatch: methods looked up by name, handler tables, record classes built through a registry."""
import functools
import math
from dataclasses import dataclass, field

DEFAULT_CAP = 7


class BaseService:
    def greet(self, who, punct="!", times: int = 1):
        return ("hi " + who + punct) * times


class Service(BaseService):
    def fetch(self, key, default="none", retries=3):
        return f"{key}:{default}:{retries}"

    def ping(self, times=1):
        return "pong" * times

    def export(self, rows, *, header=True, sep=","):
        lines = [sep.join(r) for r in rows]
        return (["name" + sep + "qty"] if header else []) + lines

    def remember(self, x, seen=[]):
        seen.append(x)
        return list(seen)

    def scale(self, v: float, factor: float = 2.0, offset: int = -1):
        return v * factor + offset

    def cap(self, n, limit=DEFAULT_CAP, note=None):
        return min(n, limit), note

    @staticmethod
    def times(a, b=4):
        return a * b

    @classmethod
    def tag(cls, a, b="z"):
        return cls.__name__ + ":" + a + b


def handler(a, b=10, *, c=20):
    return a + b + c


def shout(text, suffix="!!"):
    return text.upper() + suffix


@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)


@dataclass
class Point:
    x: float = 0.0
    y: float = 0.0
    label: str = field(default="pt")


@dataclass
class Point3(Point):
    z: float = 1.5
    notes: dict = field(default_factory=dict)

    def moved(self, dx):
        return type(self)(self.x + dx, self.y, self.label, self.z)


def run_commands(svc):
    print("== commands by name ==")
    for name in ["fetch", "ping", "greet", "remember", "scale", "cap"]:
        fn = getattr(svc, name)
        if name == "fetch":
            print(name, fn("x"), fn("y", retries=9), fn(key="z"), fn("w", "dflt"))
        elif name == "ping":
            print(name, fn(), fn(3), fn(times=2))
        elif name == "greet":
            print(name, fn("bob"), fn("amy", times=2), fn("x", "?"))
        elif name == "remember":
            print(name, fn(1), fn(2), fn(3, [9]), fn(4))
        elif name == "scale":
            print(name, fn(1.5), fn(2, factor=3.0), fn(1, offset=5))
        else:
            print(name, fn(10), fn(3, note="o"), fn(20, limit=15))
    export = getattr(svc, "export")
    print("export", export([["a", "1"]]), export([["b", "2"]], header=False, sep=";"))
    print("static", getattr(Service, "times")(3), getattr(svc, "times")(2, 5), getattr(svc, "times")(a=6))
    print("classmethod", getattr(Service, "tag")("a"), getattr(svc, "tag")("b", b="y"))
    unbound = getattr(BaseService, "greet")
    print("unbound", unbound(svc, "zed"), unbound(svc, "kim", times=2))
    partial_scale = functools.partial(getattr(svc, "scale"), 10)
    print("partial", partial_scale(), partial_scale(factor=0.5))
    print("mapped", list(map(getattr(svc, "greet"), ["a", "b"])))


def run_tables():
    print("== handler tables ==")
    table = {"h": handler, "s": shout, "len": len}
    print(table["h"](1), table["h"](1, 2), table["h"](1, c=5), table["h"](1, c=0, b=0))
    print(table["s"]("go"), table["s"]("go", suffix="?"), table["len"]("abc"))
    steps = [handler, shout]
    print(steps[0](2), steps[1]("hey"), steps[0](a=3))
    for key in sorted(table):
        fn = table[key]
        print(key, fn("ab") if key != "h" else fn(5))


def run_registry():
    print("== classes through values ==")
    cls = Item
    print(cls("apple"), cls("pear", 3), cls(name="fig", tags=["x"]))
    makers = [Item, dict]
    print(makers[0]("kiwi"), makers[1]())
    a = cls("a")
    b = cls("b")
    a.tags.append(1)
    print(a, b)
    kinds = {"p": Point, "p3": Point3}
    for k in sorted(kinds):
        c = kinds[k]
        print(k, c(), c(1.0), c(y=2.0, label="q"))
    q = kinds["p3"](1.0, 2.0)
    q.notes["a"] = 1
    print(q, kinds["p3"](), q.moved(3))
    try:
        kinds["p"](1, 2, 3, 4, 5)
    except TypeError:
        print("too many arguments: TypeError")


def run_nan():
    print("== nan in containers ==")
    nan = float("nan")
    vals = [1.0, nan, 2.5]
    print(nan in vals, vals.count(nan), vals.index(nan), [nan] == [nan], (nan, 1) == (nan, 1))
    print(math.nan in [math.nan], {"a": nan} == {"a": nan}, nan == nan, nan != nan)
    mixed = [1, "x", nan]
    print(nan in mixed, mixed.count(nan), mixed == [1, "x", nan])


def run_errors(svc):
    print("== bad calls through values ==")
    fn = getattr(svc, "fetch")
    table = {"h": handler}
    makers = [Item]
    attempts = [
        ("no key", lambda: fn()),
        ("too many", lambda: fn(1, 2, 3, 4)),
        ("bogus keyword", lambda: fn(1, bogus=2)),
        ("key twice", lambda: fn(1, key=2)),
        ("handler bare", lambda: table["h"]()),
        ("handler extra", lambda: table["h"](1, 2, 3)),
        ("handler keyword", lambda: table["h"](1, d=3)),
        ("item bare", lambda: makers[0]()),
        ("item extra", lambda: makers[0]("a", 2, [], 4)),
        ("item keyword", lambda: makers[0]("a", color=1)),
        ("static bare", lambda: getattr(svc, "times")()),
        ("keyword-only positionally", lambda: getattr(svc, "export")([["a", "1"]], False)),
        ("static extra", lambda: getattr(Service, "times")(1, 2, 3)),
    ]
    for label, attempt in attempts:
        try:
            print(label, attempt())
        except TypeError as e:
            print(label, "->", e)


def main():
    run_commands(Service())
    run_tables()
    run_registry()
    run_nan()
    run_errors(Service())


if __name__ == "__main__":
    main()
