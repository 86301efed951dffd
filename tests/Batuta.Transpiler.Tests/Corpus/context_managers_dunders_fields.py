"""Context managers that see and suppress exceptions, with statements with several items, return/break inside with,
arithmetic dunders reached from dynamic code (sum with a start object), dataclass field(compare=False, repr=False)."""
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc), bool(exc))
        return self.swallow


with CM("a", True):
    raise ValueError("boom")
print("after a")
with CM("b") as c:
    print("inside", c.name)
try:
    with CM("c"), CM("d", True):
        raise KeyError("k")
    with CM("e"):
        raise IndexError("i")
except IndexError as e:
    print("caught", repr(e))


def early():
    with CM("f"):
        return 5


print(early())
for i in range(3):
    with CM(f"g{i}"):
        if i == 1:
            break


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return Vec(self.x + o.x)

    def __mul__(self, k):
        return Vec(self.x * k)

    def __repr__(self):
        return f"Vec({self.x})"


class W(Vec):
    def __add__(self, o):
        return W(self.x + o.x + 100)


print(sum([Vec(1), Vec(2)], Vec(0)).x, sum([W(1), W(2)], W(0)), Vec(2) * 3)
items = {"a": Vec(1), "b": 5}
print(items["a"] + Vec(4), items["a"] * 2)
try:
    print(items["a"] - Vec(1))
except TypeError as e:
    print("TypeError:", e)


from dataclasses import dataclass, field


@dataclass
class Item:
    sku: str
    note: str = field(default="", compare=False)
    secret: str = field(default="x", repr=False)


@dataclass(order=True, frozen=True)
class Ver:
    major: int
    label: str = field(default="", compare=False)


print(Item("a", "x") == Item("a", "y"), Item("a") == Item("b"), Item("a", "n", "s"))
print(Ver(1, "z") == Ver(1, "a"), sorted([Ver(2, "a"), Ver(1, "b")]), hash(Ver(1, "p")) == hash(Ver(1, "q")))
