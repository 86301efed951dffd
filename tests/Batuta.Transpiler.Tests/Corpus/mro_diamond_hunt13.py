# Diamond through a pass-through class: class attributes, a method only the second base has, explicit Base.method(self) in a subclass.
class Base:
    kind = "base"
    def __init__(self, value):
        print("Base.__init__", value)
        self.value = value
    def hello(self):
        return "Base.hello"
    def tag(self):
        return "Base.tag"
    def report(self):
        return self.kind + ":" + self.hello() + ":" + self.tag()

class Left(Base):
    def hello(self):
        return "Left>" + super().hello()

class Right(Base):
    kind = "right"
    limit = 3
    def __init__(self, value):
        print("Right.__init__", value)
        super().__init__(value * 2)
        self.extra = [value]
    def hello(self):
        return "Right>" + super().hello()
    def tag(self):
        return "Right.tag"
    def only_right(self, n=1):
        return self.limit * n + len(self.extra)

class Both(Left, Right):
    pass

class Child(Both):
    def hello(self):
        return "Child>" + super().hello()
    def tag(self):
        return "Child+" + Right.tag(self) + "+" + Base.tag(self)

for obj in (Left(1), Right(2), Both(3), Child(4)):
    print(type(obj).__name__, obj.value, obj.report())
b = Both(5)
print(b.only_right(), b.only_right(n=4), b.extra, b.kind, b.limit)
print(isinstance(b, Right), isinstance(b, Left), isinstance(Child(6), Right))
print([k.__name__ for k in Child.__mro__])
print(hasattr(Left(7), "extra"), hasattr(b, "extra"))


def right_summary(r: Right) -> str:
    return r.hello() + " / " + str(r.only_right(2))


print(right_summary(Right(1)))
print(right_summary(Both(2)))
