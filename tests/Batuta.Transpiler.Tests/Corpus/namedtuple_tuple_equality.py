"""namedtuples are tuples: equal to plain tuples of equal items, both ways; divmod of dynamic ints and floats; typed tuple lists converted to dynamic elements."""
from collections import namedtuple
from typing import NamedTuple
P = namedtuple("P", "x y")
class Q(NamedTuple):
    a: int
    b: str = "z"
p = P(3, 4)
print(p == (3, 4), (3, 4) == p, p != (3, 5), Q(1) == (1, "z"), p == P(3, 4), p in [(3, 4)], sorted([P(2, 1), P(1, 9)]))
x, y = p
print(x + y, p[0], p[-1], len(p), tuple(p), list(Q(2)), p._replace(x=9))
# divmod on a variable that is int in one iteration and float in another returns floats for the int case
for a, b in [(7, 2), (7.5, 2)]:
    print(divmod(a, b))
from typing import Dict, List, Tuple, Optional
def load() -> Dict[str, List[Tuple[int, float]]]:
    data: Dict[str, List[Tuple[int, float]]] = {}
    data.setdefault("s", []).append((1, 2.5))
    return data
table: Dict[str, Optional[float]] = {"s": None}
for s, rs in load().items():
    for t, v in rs:
        table[s] = v
print(table)
