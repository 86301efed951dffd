"""OrderedDict (repr, popitem(last=False), move_to_end) and defaultdict reprs with their factories."""
from collections import OrderedDict, defaultdict
od = OrderedDict()
od["a"] = 1
od["b"] = 2
od["c"] = 3
print(od, OrderedDict(), dict(od))
print(od.popitem(last=False), od.popitem(), od)
od["z"] = 9
od.move_to_end("b")
print(list(od), od)
od.move_to_end("z", last=False)
print(od)
o2 = OrderedDict([("x", 1), ("y", 2)])
print(o2, OrderedDict(k=1))
d = defaultdict(list)
d["a"].append(1)
c = defaultdict(int)
c["x"] += 2
print(d, c, defaultdict(set), defaultdict(str))
