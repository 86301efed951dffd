import pprint
from collections import OrderedDict, Counter, deque, defaultdict
from dataclasses import dataclass, field


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Hidden:
    name: str
    secret: str = field(default="s", repr=False)
    items: list = field(default_factory=list)


@dataclass
class Custom:
    values: list

    def __repr__(self):
        return "Custom(%d values)" % len(self.values)


@dataclass
class Tree:
    label: str
    children: list = field(default_factory=list)


t = Tree("root", [Tree("a", [Tree("a1"), Tree("a2", [Tree("deep-leaf-number-one"), Tree("deep-leaf-number-two")])]), Tree("b")])
pprint.pprint(t)
pprint.pprint(t, width=60, indent=2)
pprint.pprint([Point(1.5, 2.25)] * 5)
pprint.pprint(Hidden("h", "x", list(range(30))))
pprint.pprint(Custom(list(range(50))))
stock = defaultdict(int)
for i, w in enumerate("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()):
    stock[w] = i * 111
pprint.pprint(stock, indent=4)
pprint.pprint({"counts": Counter("mississippi" * 3), "queue": deque(["job-%d" % i for i in range(12)], maxlen=20)})
pprint.pprint(OrderedDict([("z", list(range(25))), ("a", {"nested": OrderedDict(b=2, a=1)})]), width=50)
pprint.pprint(deque([(i, str(i) * 3) for i in range(15)]), compact=True)
pprint.pprint(Counter({"x": 3, "y": 3, "z": 10, "w": 1}), width=20)
pp = pprint.PrettyPrinter(width=30, sort_dicts=False)
pp.pprint({"b": Counter("banana"), "a": [Point(0.5, 1.0), Point(2.0, 3.0)]})
print(pprint.pformat(Tree("x", [Tree("y")]), width=10))
