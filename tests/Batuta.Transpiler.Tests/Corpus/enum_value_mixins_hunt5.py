"""Enums with a str or int mixin (class Kind(str, Enum)): members are strs/ints too — compare, hash, concatenate, use str methods."""
import json
from enum import Enum, IntEnum


class Kind(str, Enum):
    FEE = "fee"
    REFUND = "refund"


class Level(int, Enum):
    LOW = 1
    HIGH = 5


print(isinstance(Kind.FEE, str), Kind.FEE.upper(), Kind.FEE + "!", Kind.FEE == "fee", "fee" == Kind.FEE)
print(Kind("refund") is Kind.REFUND, Kind.FEE.value, Kind.FEE.name, repr(Kind.FEE), str(Kind.FEE))
print(f"[{Kind.FEE}]", "{}".format(Kind.REFUND), len(Kind.REFUND), Kind.FEE in {"fee", "x"})
counts = {Kind.FEE: 2}
print(counts["fee"], sorted([Kind.REFUND, Kind.FEE]), json.dumps({"k": Kind.FEE}))
print(Level.HIGH > 3, Level.LOW + 1, Level.HIGH * 2, isinstance(Level.LOW, int), Level(5))
print("-".join([Kind.FEE, Kind.REFUND]), Kind.FEE.startswith("f"), "%s|%d" % (Kind.FEE, Level.HIGH), Level.HIGH == 5, f"{Level.LOW:>8}|")
print({Level.LOW: "l"}[1], max(Level), [k.value for k in Kind], Kind.FEE < Kind.REFUND)
