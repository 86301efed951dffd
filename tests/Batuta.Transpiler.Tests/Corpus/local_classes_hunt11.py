#!/usr/bin/env python
"""Classes defined inside functions: factories, helpers local to main(), local exceptions."""
import sys


class Shape(object):
    sides = 0

    def __init__(self, label):
        self.label = label

    def area(self):
        return 0.0

    def __str__(self):
        return "%s(%s) area=%.2f" % (type(self).__name__, self.label, self.area())


def make_item_class(prefix):
    class Item(object):
        count = 0

        def __init__(self, name, qty, price):
            self.name = prefix + name
            self.qty = qty
            self.price = price
            Item.count += 1
            self.serial = Item.count

        def total(self):
            return self.qty * self.price

        def __repr__(self):
            return "Item(%r, %d, %.2f, #%d)" % (self.name, self.qty, self.price, self.serial)

    return Item


Fruit = make_item_class("fruit-")
Tool = make_item_class("tool-")
stock = [Fruit("apple", 3, 0.5), Fruit("pear", 10, 0.25), Tool("saw", 1, 12.0), Fruit("plum", 7, 0.3)]
for it in stock:
    print(it, "%.2f" % it.total())
print("counts:", Fruit.count, Tool.count, Fruit is Tool)
print(Fruit.__name__, Fruit.__qualname__, repr(Tool))
print(isinstance(stock[0], Fruit), isinstance(stock[0], Tool), type(stock[2]).__name__)
Fruit.count = 100
print(Fruit.count, Tool.count, Fruit("fig", 1, 1.0).serial)
print(type(stock[0]) is Fruit, type(stock[2]) is Fruit, type(stock[0]) == type(stock[1]), type(stock[0]) is type(stock[2]))


def make_polygon(n, unit):
    scale = 1

    class Polygon(Shape):
        kind = "poly-%d" % n
        made = 0

        def __init__(self, label, size=1.0):
            Shape.__init__(self, label)
            self.size = size
            Polygon.made += 1

        def area(self):
            return self.size * self.size * n * scale

        @property
        def unit_label(self):
            return "%s %s" % (self.kind, unit)

        @staticmethod
        def describe():
            return "a polygon class"

        def __eq__(self, other):
            return isinstance(other, Polygon) and self.size == other.size

        def __lt__(self, other):
            return self.size < other.size

        def __len__(self):
            return n

        def __iter__(self):
            for i in range(n):
                yield "%s-%d" % (self.label, i)

    # the methods read scale when they run, as a closure does
    scale = 2
    return Polygon


Tri = make_polygon(3, "cm")
Sq = make_polygon(4, "in")
shapes = [Tri("a", 2.0), Tri("b"), Sq("c", size=3.0), Sq("d", 0.5)]
for s in sorted(shapes):
    print(s, len(s), list(s)[:2], s.unit_label)
print(Tri.made, Sq.made, Tri.kind, Sq.kind, Tri.describe())
print(Tri("x", 2.0) == shapes[0], Tri("y", 2.0) == Sq("z", 2.0), Tri.made)
print(isinstance(shapes[2], Sq), isinstance(shapes[2], Tri), isinstance(shapes[2], Shape))
first = shapes[0]
print(type(first).__name__, first.__class__.__name__, first.sides, first.kind)


def run_report(rows):
    width = max(len(r[0]) for r in rows)

    class Row:
        def __init__(self, name, value):
            self.name = name
            self.value = value

        def render(self):
            return self.name.ljust(width) + " | " + fmt(self.value)

    def fmt(v):
        return "%7.2f" % v

    out = [Row(n, v) for n, v in rows]
    for r in out:
        print(r.render())
    return out


rows = run_report([("alpha", 1.5), ("be", 22.25), ("gamma-ray", 3.0)])
print(len(rows), rows[1].name, sum(r.value for r in rows))


def outer(tag):
    def inner(k):
        class Node:
            def __init__(self, v):
                self.v = v

            def __repr__(self):
                return "Node<%s:%d:%r>" % (tag, k, self.v)
        return [Node(i) for i in range(k)]
    return inner(2) + inner(1)


print(outer("t"))

makers = []
for tag in ["p", "q"]:
    def mk(tag=tag):
        class Tagged:
            total = 0

            def __init__(self):
                Tagged.total += 1

            def __repr__(self):
                return "Tagged(%s, %d)" % (tag, Tagged.total)
        return Tagged
    makers.append(mk())
a = makers[0]()
b = makers[0]()
c = makers[1]()
print(a, b, c)


def make_logger(name):
    class Logger:
        verbose = False
        level = 1
        lines = []

        def enable(self):
            self.verbose = True
            self.level += 1
            return self

        def log(self, msg):
            if self.verbose:
                self.lines.append("%s[%d]: %s" % (name, self.level, msg))
            return self.verbose

    return Logger


L = make_logger("app")
quiet = L()
loud = L().enable()
print(quiet.log("a"), loud.log("b"), quiet.verbose, loud.verbose, L.verbose, quiet.level, loud.level, L.level)
L.level = 7
print(quiet.level, loud.level, L.lines)


def make_account(bank):
    class Account:
        rate = 0.01

        def __init__(self, owner, rate=None):
            self.owner = owner
            if rate is not None:
                self.rate = rate

        def __repr__(self):
            return "%s@%s(%.2f)" % (self.owner, bank, self.rate)

    return Account


A = make_account("acme")
print(A("x"), A("y", 0.5), A.rate)
A.rate = 0.02
print(A("z"))


class AppError(Exception):
    pass


def validate(values):
    class BadValue(AppError):
        def __init__(self, value):
            super().__init__("bad value: %r" % (value,))
            self.value = value

    errors = []
    for v in values:
        try:
            if not isinstance(v, int) or v < 0:
                raise BadValue(v)
            print("ok", v)
        except BadValue as e:
            errors.append(e.value)
            print("error:", e, isinstance(e, AppError))
    return errors


print(validate([1, -2, "x", 4]))


def main(argv):
    class UsageError(Exception):
        pass

    class Counter:
        def __init__(self):
            self.n = 0

        def bump(self, k=1):
            self.n += k
            return self

        def __str__(self):
            return "Counter(%d)" % self.n

    c = Counter()
    c.bump().bump(5)
    print(c, str(c), len(argv))
    for s in ["1", "x", "3"]:
        try:
            if not s.isdigit():
                raise UsageError("bad token %r" % s)
            print("ok", s)
        except UsageError as e:
            print("caught", e, type(e).__name__)
    raise UsageError("no command given")


main(sys.argv[1:])
