# Hunt 8 (f8e): an int stored into a list of floats stays an int; IntFlag | & ^ ~ give flag members, not ints.
from collections import deque
from dataclasses import dataclass, field
from enum import IntFlag, auto
import json


def float_lists_keep_ints():
    xs = [1.5]
    xs.append(2)
    xs.append(-1)
    xs.append(7 / 2)
    ys = [1.5]
    ys += [2]
    ys.insert(2, 3.25)
    ys.insert(0, 9)
    print(xs, ys, type(xs[1]).__name__, xs[1] / 2, sum(xs))
    a = [1.5, 2]
    b = [0.0] * 3
    b[1] = 4
    print(a, b)
    q = deque([0.5])
    q.append(1)
    q.appendleft(2.5)
    print(q)
    m = [[0.5]]
    m.append([1.5, 2])
    m[0].append(3)
    p = [(0.5, "a")]
    p.append((1, "b"))
    print(m, p)


def float_lists_stay_float():
    n = 4
    f = [0.0] * n
    for i in range(n):
        f[i] = i * 2.0
    g = [[0.0] * 2 for _ in range(2)]
    g.append([1.0] * 2)
    g.append([])
    g[2].append(2.5)
    print(f, max(f), g, sum(g[0]))


@dataclass
class Series:
    vals: list[float] = field(default_factory=list)

    def add(self, v):
        self.vals.append(v)


def push(xs: list[float]) -> None:
    xs.append(4)


float_lists_keep_ints()
float_lists_stay_float()
s = Series([0.5])
s.add(2)
s.vals.append(3)
ws = [0.5]
push(ws)
print(s, ws)


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Channel(IntFlag):
    SMS = auto()
    PUSH = auto()
    MAIL = auto()


p = Perm.R | Perm.W
print(repr(p), str(p), p, type(p).__name__, p == 6, p + 1, int(p))
print(Perm.W in p, Perm.X in p, bool(p & Perm.X), repr(p & Perm.R))
print(repr(p ^ Perm.R), repr(~Perm.R), f"{p}", p > 5)
c = Channel.SMS
c |= Channel.MAIL
print(repr(c), [m.name for m in c], repr(Perm.R | 1), {p: "rw"}[p])
print(repr(Channel.SMS | Channel.PUSH), isinstance(p, Perm), isinstance(p, int))
print(json.dumps({"p": p}), "{:03d}".format(p), Perm(6) is p, repr(Perm(3)))
