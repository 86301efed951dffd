"""Everyday patterns from the third bug hunt: str methods on dynamic values, comprehensions over a + b, codecs, sets, abs/sort dunders."""
import math
from collections import Counter

record = {"ts": "13:55", "n": 5}
print(record["ts"].split(":")[1], record["ts"].split(":"))

a = ["x", "yy"]
b = ["zzz"]
print(max(len(s) for s in a + b), [s.upper() for s in a + b])
left, right = {"k", "m"}, {"k", "z"}
print(sorted(k for k in left | right if k != "z"))

log = [("a", 1, 2), ("b", 3, 4)]
print([op for op, _, _ in log])


class Node:
    def __init__(self):
        self.left = self.right = None


n = Node()
print(n.left, n.right)

seen = set()
seen.update([1, 2], (9,))
seen.update([])
print(sorted(seen))
print(Counter("abca").total())
print(math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(100, 101, rel_tol=0.05))


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __abs__(self):
        return math.hypot(self.x, self.y)


def size(v):
    return abs(v)


print(size(Vec(3, 4)), size(-3))


class Tie:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == other.v:
            raise ValueError("tie at %d" % self.v)
        return self.v < other.v


try:
    sorted([Tie(1), Tie(2), Tie(1)])
except ValueError as e:
    print("caught", e)

for data in [b"\xff abc", b"ab\xe2\x82", b"a\xe2(b", "café".encode()]:
    try:
        print(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        print("decode error:", e)
print(b"x\xffy".decode("utf-8", errors="ignore"), b"x\xffy".decode("ascii", "replace"))
print("Wörld".encode("ascii", "ignore"), "Wörld".encode("ascii", errors="replace"))
try:
    "Wörld".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
indent = 0
print("[{:05}]".format("ab"), f"[{'':{indent}}x]")
