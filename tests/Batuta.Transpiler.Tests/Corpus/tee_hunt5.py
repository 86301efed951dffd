"""itertools.tee: independent iterators over one pass of a source (pairwise differences, lookahead)."""
from itertools import tee


def readings():
    for v in [3, 5, 4, 8, 10]:
        print("read", v)
        yield v


a, b = tee(readings())
next(b)
print([y - x for x, y in zip(a, b)])
first, second, third = tee("abc", 3)
print(list(first), next(second), list(third), list(second))
parts = tee(range(3), 4)
print(len(parts), [list(p) for p in parts])
