# Ninth hunt, class batch: a class's own __dict__ / vars(cls), `del obj.attr` (property deleters, descriptors'
# __delete__, plain instance attributes), descriptors' __set__, and class bodies naming their earlier attributes
# (a comprehension sees them in its outermost iterable only; elsewhere in it CPython's NameError is raised, which
# ends the program, so it is not here).


class Shape:
    """A shape."""
    sides = 0
    label: str = "shape"

    def area(self):
        return 0

    @staticmethod
    def unit():
        return 1


class Square(Shape):
    sides = 4


class Plain:
    x = 1


def class_dicts():
    print("sides" in Shape.__dict__, "area" in Shape.__dict__, "sides" in Square.__dict__, "area" in Square.__dict__)
    print(list(Shape.__dict__))
    print(list(Square.__dict__), list(vars(Plain)))
    print([k for k in vars(Shape) if not k.startswith("_")])
    print(Shape.__dict__["sides"], Square.__dict__["sides"], Shape.__dict__["__doc__"], Plain.__dict__["__doc__"])
    print({k: v for k, v in Plain.__dict__.items() if not k.startswith("__")})
    print(Shape.__dict__.get("missing", "none"), Shape.__dict__["__module__"])


class Temperature:
    def __init__(self):
        self._c = 20

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("reset")
        self._c = 0


class Fixed:
    @property
    def v(self):
        return 1


class Node:
    def __init__(self):
        self.cache = [1, 2]
        self.name = "n"


def deletes():
    t = Temperature()
    t.celsius = 30
    print(t.celsius)
    del t.celsius
    print(t.celsius)
    try:
        del Fixed().v
    except AttributeError as e:
        print("error:", e)
    n = Node()
    print(hasattr(n, "cache"))
    del n.cache
    print(hasattr(n, "cache"), getattr(n, "cache", "gone"))
    n.cache = [3]
    print(hasattr(n, "cache"), n.cache)
    setattr(n, "extra", 5)
    del n.extra
    print(hasattr(n, "extra"))
    try:
        del n.missing
    except AttributeError as e:
        print("error:", e)


class Positive:
    def __set_name__(self, owner, name):
        self.name = "stored_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[7:]} must be >= 0")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)
        setattr(obj, self.name, 0)


class Account:
    balance = Positive()
    limit = Positive()

    def __init__(self, b):
        self.balance = b
        self.limit = b * 2


def descriptors():
    a = Account(10)
    print(a.balance, a.limit)
    a.balance = 25
    print(a.balance, a.limit)
    try:
        a.limit = -1
    except ValueError as e:
        print("error:", e)
    del a.balance
    print(a.balance, a.limit)
    other = Account(1)
    print(other.balance, a.balance)


class Grid:
    SIZE = 4
    AREA = SIZE * SIZE
    NAMES = [f"n{i}" for i in range(2)]
    SQUARES = [i * i for i in range(SIZE)]
    LABELS = tuple(str(x) for x in (SIZE, AREA))
    HALF = SIZE // 2


def class_bodies():
    print(Grid.SIZE, Grid.AREA, Grid.NAMES, Grid.SQUARES, Grid.LABELS, Grid.HALF)


class_dicts()
deletes()
descriptors()
class_bodies()
