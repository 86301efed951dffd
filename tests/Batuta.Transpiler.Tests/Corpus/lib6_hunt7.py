# Parity cases from hunt7 (lib6): vars(self)/__dict__ through a base-class method and of a dynamic other,
# decorated methods and *args/**kwargs calls on instances of a class held in a variable, __mro__/__bases__/
# __abstractmethods__, and contextlib.suppress in with statements.
import contextlib
import functools
from abc import ABC, abstractmethod
from contextlib import suppress


# ---- vars / __dict__ ----
class Base:
    def fields(self):
        return vars(self)

    def describe(self):
        return ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())


class Insert(Base):
    def __init__(self, pos, text):
        self.pos = pos
        self.text = text


class Delete(Base):
    def __init__(self, start, end):
        self.start = start
        self.end = end


class Tagged(Insert):
    def __init__(self, pos, text, tag):
        super().__init__(pos, text)
        self.tag = tag


ops = [Insert(0, "ab"), Delete(1, 3), Tagged(2, "x", "t1")]
for op in ops:
    print(type(op).__name__, op.fields(), op.describe())

extra = Insert(5, "z")
setattr(extra, "note", "added")
print(extra.fields())


def to_dict(obj):
    return dict(vars(obj))


print(to_dict(Delete(7, 9)), to_dict(Tagged(1, "q", None)))


class Const3:
    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.value)


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        if not isinstance(other, Pair):
            return NotImplemented
        return vars(self) == vars(other)

    def __hash__(self):
        return 0


print(Const3(3) == Const3(3), Const3(3) == Const3(4), Const3(3) != Const3(3))
print(Pair(1, 2) == Pair(1, 2), Pair(1, 2) == Pair(2, 1), Pair(1, 2) == 5)


# ---- decorated methods and spread calls on dynamic instances ----


def times10(fn):
    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        return fn(self, *args, **kwargs) * 10
    return wrapper


def logged(fn):
    def wrapper(*args):
        print("call", fn.__name__)
        return fn(*args)
    return wrapper


class Runner:
    @times10
    def run(self, x, step):
        return x + step

    @logged
    def name(self):
        return "open"


class Plain(Runner):
    def run(self, x, step):
        return x - step


registry = {"open": Runner, "plain": Plain}
k = Runner
print(k().run(1, 1))
print(k().run(1, 5))
print(k().name())
for key in sorted(registry):
    obj = registry[key]()
    print(key, obj.run(3, 1), obj.run(3, 2))
bound = registry["open"]().run
print(bound(4, 1))


class Account:
    def deposit(self, owner, amount):
        return f"{owner}:{amount + 1}"

    def transfer(self, src, dst, amount=0):
        return f"{src}->{dst} {amount}"


kinds = [Account]
args = ["ann", 5]
acct = kinds[0]()
print(acct.deposit(*args))
print(acct.deposit("bob", *[7]))
print(acct.transfer(*["a", "b"], amount=3))
print(acct.transfer(**{"src": "x", "dst": "y", "amount": 2}))
opts = {"amount": 9}
print(acct.transfer("p", "q", **opts))


# ---- __mro__, __bases__, __abstractmethods__ ----

class A: pass
class B(A): pass
class C(B):
    def __init__(self):
        self.z = 1

print([c.__name__ for c in B.__mro__])
print([c.__name__ for c in C.__mro__])
print(B.__bases__, A.__bases__)
print(C.__bases__[0].__name__, len(C.__mro__))
k = C
print([c.__name__ for c in k.__mro__], k.__bases__[0] is B)
print(B in C.__mro__, A in C.__mro__)

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...

class Square(Shape):
    def area(self):
        return 4

class Full(Square):
    def perimeter(self):
        return 8

print(sorted(Shape.__abstractmethods__))
print(sorted(Square.__abstractmethods__))
print(Full.__abstractmethods__, len(Full.__abstractmethods__))


# ---- contextlib.suppress ----

d = {"a": 1}
with suppress(KeyError):
    print(d["a"])
    print(d["b"])
    print("not reached")
print("after 1")

for key in ["a", "x", "b"]:
    with contextlib.suppress(KeyError, IndexError):
        print(key, d[key])
        continue
    print("suppressed", key)

with suppress(ValueError, TypeError):
    int("zz")
print("after 2")

with suppress(FileNotFoundError), open("lib6_hunt7_missing_file.txt") as fh:
    print("never")
print("after 3")


class Tracker:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, tb):
        print("exit", kind is not None)
        return False


with suppress(KeyError), Tracker():
    print({}["k"])
print("after tracker")

errors = (ZeroDivisionError, ArithmeticError)
with suppress(*errors):
    print(1 / 0)
print("after 4")


def find(items, x):
    with suppress(ValueError):
        return items.index(x)
    return -1


print(find([1, 2, 3], 2), find([1, 2, 3], 9))

with suppress(LookupError):
    [][3]
print("after 5")

try:
    with suppress(KeyError):
        raise ValueError("boom")
except ValueError as e:
    print("escaped", e)
