"""Mixins: a second (third) user base class contributes the methods and class attributes the first base's chain lacks; isinstance sees it; obj.__dict__ and vars(obj)."""
import json


class JsonMixin:
    indent = None

    def to_json(self):
        return json.dumps(self.__dict__, sort_keys=True, indent=self.indent)


class ReprMixin:
    label = "obj"

    def __repr__(self):
        return f"<{self.label} {self.describe()}>"


class OrderMixin:
    def __lt__(self, other):
        return self.key() < other.key()

    def __eq__(self, other):
        return self.key() == other.key()

    def __hash__(self):
        return hash(self.key())


class Animal:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"animal {self.name}"

    def __repr__(self):
        return f"Animal({self.name!r})"


class Dog(Animal, JsonMixin, ReprMixin):
    label = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed


class Version(OrderMixin, JsonMixin):
    indent = 2

    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
        self.tags = []

    def key(self):
        return (self.major, self.minor)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


d = Dog("rex", "lab")
print(d.to_json())
print(repr(d), [d], d.describe())
print(isinstance(d, JsonMixin), isinstance(d, Animal), isinstance(d, ReprMixin), isinstance(d, OrderMixin))
vs = [Version(1, 2), Version(1, 0), Version(0, 9)]
print([v.key() for v in sorted(vs)])
print(Version(1, 0) == Version(1, 0), len({Version(1, 0), Version(1, 0), Version(2, 0)}))
print(vs[0].to_json())
p = Point(1, 2)
print(p.__dict__, vars(p), sorted(vars(d).items()))
for obj in [d, vs[0], p]:
    print(type(obj).__name__, isinstance(obj, JsonMixin))
