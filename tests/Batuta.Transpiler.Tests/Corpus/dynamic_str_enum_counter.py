"""Dynamic values and library types: str methods with arguments on dynamic values (JSON-like dicts), annotated self attributes, str-mixin Enums equal to their values, Counter from mappings and keywords, update/subtract with mappings and strings, Counter & Counter."""
from collections import Counter
# str methods on a dynamically-typed value (dict with mixed value types) go through PyStr.CallMethod,
# which ignores extra args (maxsplit, replace count, find/count start) -> silently wrong results.
# Also it lacks most methods: d["s"].ljust(5) -> AttributeError: 'str' object has no attribute 'ljust'
d = {"s": "a,b,c", "n": 1}
print(d["s"].split(",", 1), d["s"].replace(",", ";", 1), d["s"].find(",", 2), d["s"].count(",", 2))
print(d["s"].ljust(8, "*") + "|", d["s"].upper(), d["s"].rsplit(",", 1), d["s"].partition(","), d["s"].zfill(9), d["s"].startswith("a,"), d["s"].split())
print(d["s"].center(11, "-"), d["s"].index("b"), d["s"].strip("ac"), d["s"].title(), d["s"].isdigit(), "{}!".format(d["s"]))
from typing import Dict, List
class Lib:
    def __init__(self) -> None:
        self.out: Dict[str, List[str]] = {}
    def borrow(self, name: str) -> None:
        holders = self.out.setdefault("k", [])
        holders.append(name)
lib = Lib()
lib.borrow("ann")
print(lib.out)
from enum import Enum
class Unit(str, Enum):
    KM = "km"
    MI = "mi"
u = Unit.KM
print(Unit.KM == "km", "km" == Unit.KM, u == "mi", u.value, u in ("km", "x"), {"km": 1}.get(u))
print(Counter(a=1, b=5), Counter({"a": 1, "b": 5}))
c = Counter("bb"); c.subtract({"b": 2}); print(c)
c2 = Counter("abb"); c2.update("aaa"); print(c2)
c3 = Counter(); c3.update({"x": 2, "y": 1}); print(c3, Counter("aab") & Counter("ab"))
