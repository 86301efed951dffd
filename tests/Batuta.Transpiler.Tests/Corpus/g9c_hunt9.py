# Ninth hunt, classes batch: a mixin's __init__ forwarding keywords to the next base by super().__init__(**kw)
# (cooperative multiple inheritance), attributes deleted or never set read directly (the lazy-cache idiom raises
# AttributeError until assigned), and classes called through a value (an alias, a dict of factories, map) or a
# method fetched by getattr, given arguments no direct call passes (a float for an int-typed parameter).


class Base:
    def __init__(self, name):
        self.name = name


class TagMixin:
    def __init__(self, *, tag="none", **kw):
        self.tag = tag
        super().__init__(**kw)


class Thing(TagMixin, Base):
    pass


class Shape:
    def __init__(self, name, sides=0):
        self.name = name
        self.sides = sides

    def describe(self):
        return f"{self.name}/{self.sides}"


class ColorMixin:
    def __init__(self, *args, color="black", **kwargs):
        self.color = color
        super().__init__(*args, **kwargs)

    def paint(self):
        return f"{self.describe()} in {self.color}"


class LoggedMixin:
    def log(self, msg):
        return f"[{type(self).__name__}] {msg}"


class Square(ColorMixin, Shape):
    pass


class Tri(LoggedMixin, ColorMixin, Shape):
    pass


def cooperative():
    t = Thing(name="bob", tag="x")
    print(t.name, t.tag, isinstance(t, TagMixin), isinstance(t, Base))
    print(Thing(name="amy").tag)
    s = Square("sq", 4, color="red")
    print(s.paint(), isinstance(s, ColorMixin), isinstance(s, Shape))
    tri = Tri("tri", sides=3)
    print(tri.paint(), tri.log("hi"))
    print([c.__name__ for c in Tri.__mro__])


class Report:
    def __init__(self, rows):
        self.rows = rows

    def total(self):
        try:
            return self._total
        except AttributeError:
            print("computing")
            self._total = sum(self.rows)
            return self._total

    def invalidate(self):
        del self._total

    def count(self):
        try:
            return self._count
        except AttributeError:
            self._count = len(self.rows)
            return self._count


class Node:
    def __init__(self, value):
        self.value = value
        self.size = 0


class Visits:
    def __init__(self):
        self.n = 1

    def bump(self):
        try:
            self.hits += 1
        except AttributeError:
            self.hits = 1
        return self.hits


class Lazy:
    def value(self):
        if not hasattr(self, "_v"):
            print("compute")
            self._v = 0
        return self._v


def missing_attributes():
    r = Report([1, 2, 3])
    print(r.total(), r.total())
    r.rows.append(4)
    r.invalidate()
    print(r.total())
    print(r.count())
    del r._count
    r.rows.append(5)
    print(r.count(), r._count)
    empty = Report([])
    print(empty.count(), empty.count())
    n = Node(3)
    del n.size
    try:
        print(n.size)
    except AttributeError as e:
        print("missing:", e)
    n.size = 7
    print(n.size)
    del n.value
    try:
        print(n.value + 1)
    except AttributeError as e:
        print("missing:", e)
    h = Visits()
    print(h.bump(), h.bump())
    del h.n
    try:
        h.n += 1
    except AttributeError as e:
        print("err", e)
    h.n = 0
    print(h.n)
    z = Lazy()
    print(z.value(), z.value())
    print(getattr(z, "_w", "none"))
    print(vars(z))
    del z._v
    print(vars(z), hasattr(z, "_v"))


class Rect:
    def __init__(self, w, h=1):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def scale(self, k):
        return Rect(self.w * k, self.h * k)


class Circle:
    def __init__(self, r):
        self.r = r


def classes_as_values():
    print(Rect(2, 3).area())
    factories = {"r": Rect, "c": Circle}
    x = factories["r"](2.5, 2)
    print(x.w, x.area())
    print(factories["c"](1.5).r)
    cls = Rect
    print(cls(3).area(), cls(0.5).area())
    r = Rect(1, 2)
    m = getattr(r, "scale")
    print(m(1.5).area())
    print(r.scale(2).area())
    shapes = list(map(Rect, [1, 2.5]))
    print([s.w for s in shapes])


cooperative()
missing_attributes()
classes_as_values()
