"""Small builtins and class-body forms: SyntaxError, deque.count/index/remove/reverse, math.dist of tuples, min/max with default= (None, other types) and key=, min/max of mixed int and float keep the object, __str__ built from self.args, method aliases (__rmul__ = __mul__)."""
import math
from collections import deque
try:
    raise SyntaxError("line 1: expected key=value")
except SyntaxError as e:
    print("SyntaxError:", e)
print(deque([1, 4, 4]).count(4), math.dist((0, 0), (1, 1)), math.dist([1, 2, 3], [4, 6, 3]))
xs: list = []
print(max(xs, default=None), max([], default=-1), min([], key=lambda a: a, default=0), max([3, 1], key=lambda a: -a, default=9))
print(min(1, 2.5), max(3, 2.5), max(2.5, 3), min([1, 2.5]))
class E(Exception):
    def __str__(self):
        return "invalid: " + self.args[0]
print(E("x"))
try:
    raise E("bad")
except E as e:
    print(e, e.args)
class V:
    def __init__(self, x):
        self.x = x
    def __mul__(self, k):
        return V(self.x * k)
    __rmul__ = __mul__
    def __repr__(self):
        return f"V({self.x})"
    __str__ = __repr__
print((2 * V(3)).x, V(2) * 5, str(V(1)))
d = deque([3, 1, 3]); d.remove(3); d.reverse(); print(d, d.index(1))
g = (x for x in [3, 1, 2])
print(max(g, default=0))
h = (x * 1.5 for x in [3, 1])
print(min(h, default=None), max((len(w) for w in ["ab", "c"]), key=lambda n: -n, default=-1))
