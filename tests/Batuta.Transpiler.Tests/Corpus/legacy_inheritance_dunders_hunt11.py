class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

    def __add__(self, o):
        if not isinstance(o, Vector):
            return NotImplemented
        return type(self)(self.x + o.x, self.y + o.y)

    def __radd__(self, o):
        if o == 0:
            return self
        return self.__add__(o)

    def __mul__(self, k):
        return type(self)(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return type(self)(self.x / k, self.y / k)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, o):
        return isinstance(o, Vector) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __format__(self, spec):
        if spec.endswith("p"):
            return "<%s>" % ", ".join(format(c, spec[:-1]) for c in self)
        return "(%s)" % ", ".join(format(c, spec) for c in self)

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self


class Vector3(Vector):
    __slots__ = ("z",)

    def __init__(self, x=0, y=0, z=0):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return super().__repr__()[:-1] + f", {self.z!r})"


v = Vector(1, 2)
w = Vector(3.5, -1)
print(v + w, v * 3, 2 * v, w / 2, abs(Vector(3, 4)), bool(Vector()), v == Vector(1, 2), v != w)
print(sum([v, w, Vector(1, 1)]), len({v, Vector(1, 2), w}), list(v), v[1], tuple(w))
print(f"{w:.2f}", f"{v:>4p}", format(v, "03d"))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
u = v
u += w
print(u is v, v)
print(Vector3(1, 2, 3), isinstance(Vector3(), Vector), Vector3.__mro__[1].__name__)
x, y = Vector(5, 6)
print(x, y, sorted([Vector(2, 1), Vector(1, 5)], key=abs))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)

    def __repr__(self):
        return "Money(%d)" % self.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __round__(self, n=0):
        return Money(round(self.cents, n - 2))

    def __contains__(self, c):
        return c in str(self)

    def __call__(self, factor):
        return Money(int(self.cents * factor))


m = Money(12345)
print(m, repr(m), int(m), float(m), round(m), "45" in m, m(0.5), max([Money(5), Money(1), m]))
print([str(x) for x in sorted([Money(300), Money(20), Money(1000)])], Money(5) <= Money(5))
print(str([m]), "%s and %r" % (m, m), "{} {!r}".format(m, m))
