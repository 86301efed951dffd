# fourth bug hunt: enum class identity and __members__, namedtuple _make on the class, CPython's messages for str + int, % conversions and format indices
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
print(Color.RED.__class__ is Color, type(Color.RED) is Color, type(Color.RED) is not Color)
print(list(Color.__members__), Color.__members__["GREEN"], len(Color.__members__))
for name, member in Color.__members__.items():
    print(name, member.value)

from collections import namedtuple
T = namedtuple("T", "a b")
print(T._make([3, 4]), T._make(range(2)).b)
from enum import IntEnum
class L(IntEnum):
    A = 3
print("%d %x %5.2f" % (L.A, L.A, L.A))
for f in ["%d", "%x", "%f"]:
    try:
        print(f % "s")
    except TypeError as e:
        print(e)
for bad in [lambda: "x" + 1, lambda: [1] + (2,), lambda: "{} {}".format(1), lambda: "{2}".format(1, 2)]:
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
