import math
from enum import Enum, IntEnum


class N:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        o = other.v if isinstance(other, N) else other
        return N(self.v - o)

    def __rsub__(self, other):
        return N(other - self.v)

    def __neg__(self):
        return N(-self.v)


def coerce(x):
    return x if isinstance(x, N) else N(x)


def pick(a, b):
    return a if a else b


print((coerce(5) - N(3)).v, (10 - N(4)).v, (-pick(N(2), 0)).v)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(2)
print(next(c), next(c, "x"), next(c, "done"), list(Countdown(3)))


def check(n):
    raise ValueError("neg") if n < 0 else TypeError("pos")


for n in (-1, 1):
    try:
        check(n)
    except Exception as e:
        print(type(e).__name__, e)


class Color(Enum):
    RED = 1


class Level(IntEnum):
    LOW = 1


print(isinstance(Color.RED, Enum), isinstance(Level.LOW, Enum), isinstance(Level.LOW, IntEnum), isinstance(1, Enum))

scores = "91;;78".split(";")
parsed = [int(s) if s else None for s in scores]
print(parsed, sum(p for p in parsed if p is not None))


def make(**values):
    return sorted(values.items())


opts = {"b": 2, "a": 1}
print(make(**opts), make())

fns = {"sum": sum, "any": any, "all": all, "max": max}
print(fns["sum"]([1, 2, 3]), fns["sum"]([1.5, 2], 10), fns["any"]([0, 1]), fns["all"]([]), fns["max"]([3, 9, 2]))
print(math.isqrt(2 * 10 ** 100), math.isqrt(99), math.isqrt(0))

from collections import Counter
from enum import Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


rw = Perm.READ | Perm.WRITE
print(list(rw), [p.name for p in Perm.EXEC | Perm.READ], len(list(Perm.READ & Perm.WRITE)))
words = Counter("abca")
words.update("a", q=1)
words.subtract(b=1)
print(sorted(words.items()))


class M:
    def __init__(self, c):
        self.c = c

    def __divmod__(self, n):
        return M(self.c // n), self.c % n


q, r = divmod(M(10), 3)
print(q.c, r, divmod(17, 5))


class R:
    def __init__(self, start, stop=None):
        if stop is None:
            start, stop = 0, start
        self.start, self.stop = start, stop

    def __len__(self):
        return max(0, self.stop - self.start)

    def at(self, i):
        if i < 0:
            i += len(self)
        return self.start + i


print(len(R(5)), R(2, 7).at(-1), len(R(4, 1)))


class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i


sq = Squares(4)
print([v for v in sq], list(sq), 9 in sq, 5 in sq, sum(sq), max(sq))
for v in Squares(2):
    print("sq", v)

cache = {}
cache.__setitem__("a", 1)
print(cache, cache.__getitem__("a"), cache.__contains__("b"), [1, 2].__len__(), (5).__add__(3), "ab".__mul__(2))

from functools import reduce
from math import gcd, lcm, floor
import os.path

print(reduce(gcd, [12, 18, 24]), reduce(math.gcd, [4, 6]), reduce(lcm, range(1, 11)), list(map(floor, [1.5, -1.5])))
print(reduce(os.path.join, ["a", "b", "c"]))

from dataclasses import dataclass, FrozenInstanceError


@dataclass(frozen=True)
class Pt:
    x: int


for attempt in ("frozen", "other"):
    try:
        if attempt == "frozen":
            Pt(1).x = 2
        else:
            raise AttributeError("plain")
    except FrozenInstanceError as e:
        print("frozen:", e)
    except AttributeError as e:
        print("attribute:", e)
