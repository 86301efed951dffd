from dataclasses import dataclass


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[1:]} must be >= 0")
        print("set", self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        setattr(obj, self.name, 0)

class Account:
    balance = Positive()
    def __init__(self, b):
        self.balance = b

a = Account(10)
print(a.balance)
a.balance = 25
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print("error:", e)
del a.balance
print(a.balance)


class Hits:
    def __init__(self):
        self.hits = 0
        self.total = 1.5

    def hit(self):
        self.hits += 1
        return self.hits


class Point:
    point = "cls"

    def point_name(self):
        return Point.point


h = Hits()
h.hit()
print(h.hit(), h.hits, getattr(h, "hits"), vars(h))
p = Point()
print(p.point_name(), p.point, Point.point)


@dataclass
class Item:
    item: str
    qty: int = 1

class Run:
    def run(self):
        return "ran"

i = Item("x", 2)
print(i, i.item, Run().run(), type(i).__name__, Run.__name__, repr(Run())[:14])


E = ValueError
def f(k):
    if k == 1: raise E
    if k == 2: raise E("x")
    if k == 3:
        errs = {"k": KeyError, "t": TypeError}
        raise errs["t"]("typed")
    if k == 4:
        saved = None
        try:
            {}["q"]
        except KeyError as e:
            saved = e
        raise saved
    if k == 5:
        raise 42
for k in range(1, 6):
    try:
        f(k)
    except Exception as e:
        print(k, type(e).__name__, repr(e))
class MyErr(Exception):
    pass
C = MyErr
try:
    raise C from None
except MyErr as e:
    print("mine", repr(e), e.__cause__)
