class Base:
    n = 0
    tag = "base"
    def bump(self):
        type(self).n += 1
        return type(self).n
    @classmethod
    def make(cls):
        cls.n += 10
        return cls.n
class A(Base): pass
class B(Base):
    tag = "b"
A.n = 5
print(A.n, Base.n, B.n)
a = A(); b = B()
print(a.bump(), b.bump(), Base().bump())
print(A.make(), B.make(), Base.make(), A.n, B.n, Base.n, a.n)
Base.n = 100
print(A.n, B.n, Base.n)
print(a.tag, b.tag, A.tag)
class Shape:
    count = 0
    registry = []
    def __init__(self):
        type(self).count += 1
        Shape.registry.append(type(self).__name__)
class Circle(Shape):
    pass
class Square(Shape):
    pass
class Tiny(Square):
    pass
for k in (Circle, Square, Tiny, Circle):
    k()
print(Shape.count, Circle.count, Square.count, Tiny.count)
print(Shape.registry)
class Counter:
    instances = 0
    @classmethod
    def create(cls):
        cls.instances += 1
        return cls()
class Sub(Counter): pass
class SubSub(Sub): pass
Sub.create(); Sub.create(); SubSub.create(); Counter.create()
print(Counter.instances, Sub.instances, SubSub.instances)
Counter.instances = 50
print(Counter.instances, Sub.instances, SubSub.instances)
class Cfg:
    level = 1
class Child(Cfg): pass
class Grand(Child): pass
print(Grand.level)
Cfg.level = 2
print(Grand.level, Child.level)
Child.level = 3
print(Grand.level, Child.level, Cfg.level)
g = Grand()
print(g.level)
