"""Reflected arithmetic (__radd__ through sum(), __rmul__ with an int), a str function that returns None in a boolean context, an annotated OrderedDict."""
from collections import OrderedDict
from typing import OrderedDict as OD
class M:
    def __init__(self, c: int) -> None:
        self.c = c
    def __add__(self, o: "M") -> "M":
        return M(self.c + o.c)
    def __radd__(self, o: int) -> "M":
        return M(self.c + o)
    def __rmul__(self, k: float) -> "M":
        return M(self.c * k)
print(sum([M(1), M(2)]).c, sum([M(1)], 10).c, (3 * M(2)).c)
def classify(n: int) -> str:
    if n < 10:
        return "small"
print(classify(100) or "big", classify(1) or "big")
od: OD[str, int] = OrderedDict()
od["a"] = 1
od["b"] = 2
print(od, list(od))
