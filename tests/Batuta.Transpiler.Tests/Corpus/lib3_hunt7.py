# `is` with the bool singletons is identity, not equality
flags = [1, 0, True, False]
print(flags[0] is True, flags[1] is False, flags[2] is True, flags[3] is False)
print(flags[0] is not True, flags[2] is not True)
count = 1
ratio = 1.0
print(count is True, ratio is True, count == True)
done = count > 0
print(done is True, done is not False)


# an exception a builtin operation raises in an except block chains the handled one
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return int(key)


try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["missing"]
except KeyError as e:
    print(repr(e.__context__))

try:
    lookup({}, "x")
except ValueError as e:
    print(type(e.__context__).__name__, repr(e.__context__))

try:
    try:
        [][3]
    except IndexError:
        raise
except IndexError as e:
    print("reraised", e.__context__)


# `with` on an object without __enter__ / __exit__ is a TypeError before the body runs
class Plain:
    pass


class EnterOnly:
    def __enter__(self):
        print("entered")
        return self


class Child(Plain):
    pass


try:
    with Plain() as p:
        print("inside", type(p).__name__)
except TypeError as e:
    print("TypeError:", e)
try:
    with EnterOnly() as q:
        print("inside", type(q).__name__)
except TypeError as e:
    print("TypeError:", e)
try:
    with Child():
        print("inside Child")
except TypeError as e:
    print("TypeError:", e)


# a lambda's defaults are parameters a caller may pass
f = lambda x, n=0: x + n
print(f(1), f(1, 2), f(*[3, 4]))
g = lambda a=1, b=2: a * 10 + b
print(g(), g(5), g(5, 6))
adders = [lambda v, k=k: v + k for k in range(3)]
print([add(10) for add in adders])
base = 5
h = lambda x, y=base: x + y
base = 50
print(h(1), h(1, 2))
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
print(sorted([3, 1, 2], key=lambda v, s=-1: v * s))


# self (or cls) before `/` is still the receiver
class Scaled:
    factor = 3

    def m(self, /, x=1):
        return x * 2

    @classmethod
    def make(cls, /, n):
        return cls.factor * n

    def __init_subclass__(cls, /, **kw):
        print("subclass", cls.__name__, kw)


print(Scaled().m(4), Scaled().m(), Scaled.make(5))


class Sub(Scaled, tag="x"):
    pass


# a @staticmethod read through self as a value is the class's function
class Calc:
    @staticmethod
    def floordiv(a, b):
        return a // b

    def pick(self):
        return self.floordiv

    def apply(self, a, b):
        op = self.floordiv
        return op(a, b)


print(Calc().pick()(7, 2), Calc().apply(20, 6))


# super().__init__(..., **kw) forwards keywords to the base constructor
class Base:
    def __init__(self, message, *, order_id=None, qty=1):
        self.message = message
        self.order_id = order_id
        self.qty = qty


class Order(Base):
    def __init__(self, sku, **kw):
        super().__init__(sku, **kw)


o = Order("x", order_id=9)
print(o.message, o.order_id, o.qty)
o2 = Order("y", order_id=4, qty=7)
print(o2.message, o2.order_id, o2.qty)
try:
    Order("z", colour="red")
except TypeError as e:
    print("TypeError:", e)


# a builtin type's method as a value takes the receiver first, then the method's arguments
mul = int.__mul__
add = int.__add__
print(mul(6, 7), add(2, 3), [add(v, 10) for v in [1, 2]])
replace = str.replace
upper = str.upper
print(replace("abc", "b", "x"), upper("hi"))
