"""(str, Enum) members: equal to their values, str() and format are Enum.NAME (3.11); json.dumps of IntEnum and str-mixin members; OrderedDict popitem(last=False) on an OrderedDict seen as object."""
import json
from enum import Enum, IntEnum
class U(str, Enum):
    KM = "km"
class Tier(IntEnum):
    PRO = 1
print(str(U.KM), repr(U.KM), f"{U.KM}", "{}".format(U.KM), U.KM == "km", U.KM + "x" if False else "", json.dumps({"t": Tier.PRO, "u": U.KM}))
from collections import OrderedDict
class LRU:
    def __init__(self) -> None:
        self.data: "OrderedDict[str, int]" = OrderedDict()
lru = LRU()
lru.data["a"] = 1
lru.data["b"] = 2
lru.data.move_to_end("a")
print(lru.data.popitem(last=False), lru.data)
