import re
from collections import Counter

HANDLERS = {}


def handles(*kinds):
    def deco(cls):
        for k in kinds:
            HANDLERS[k] = cls
        return cls
    return deco


class Registry:
    def __init__(self):
        self.items = []

    def add(self, cls):
        self.items.append(cls.__name__)
        return cls


registry = Registry()


@registry.add
@handles("png", "jpg")
class ImageHandler:
    def handle(self, name):
        return "image " + name


@handles("txt")
class TextHandler:
    def handle(self, name):
        return "text " + name


for name in ["a.png", "b.txt", "c.jpg"]:
    ext = name.rsplit(".", 1)[1]
    print(HANDLERS[ext]().handle(name))
print(registry.items, sorted(HANDLERS))


class Node:
    def __init__(self, meta=None):
        self.meta = dict(meta or {})


print(Node().meta, Node({"tags": ["x"]}).meta)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return f"{self.cents}c"


m = Money(1234)
print(f"{m}", f"{m:.1f}", str(m), format(m, ""))

pattern = re.match(r"(?P<key>\w+)(=(?P<value>\w+))?", "debug")
print(pattern.groupdict(default="-"), pattern.groups(default="?"))

c = Counter("abb")
c.subtract("b")
c.subtract("b")
print(c == Counter("a"), c != Counter("a"), dict(c))
print(hasattr({"a": 1}, "__len__"), hasattr([1], "__iter__"), hasattr("s", "__getitem__"), hasattr(5, "__len__"), hasattr(len, "__call__"))
