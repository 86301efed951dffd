# pprint: CPython 3.11's layout (dict/list/tuple/set/str splitting, width/indent/depth/compact/sort_dicts, PrettyPrinter)
from pprint import pprint, pformat, PrettyPrinter
data = {"name": "widget", "tags": ["a", "b"], "dims": {"w": 10, "h": 20.5}, "items": list(range(30))}
pprint(data)
print(pformat([{"k": i, "v": "x" * i} for i in range(6)], width=40))
pprint(("short", 1), width=10)
nested = {"z": [1, 2, {"deep": ["x" * 20, "y" * 20, "z" * 20]}], "a": (1, 2), "s": {3, 1, 2}}
pprint(nested)
pprint(nested, width=30, sort_dicts=False)
pprint(list(range(100)), compact=True)
print(pformat("a" * 100))
pprint({"long": "word " * 30})

import sys
data = {"b": [1, 2, (3,)], "a": {"x": frozenset({1, 2, 3}), "y": []}, "c": "line one\nline two is much longer than the other one " * 2}
pp = PrettyPrinter(indent=4, width=30)
pp.pprint(data)
print(pp.pformat([1, 2]))
pprint(data, depth=1)
pprint(data, depth=2, width=20)
pprint([[1, 2, 3], {}, (), set(), ("x" * 50, "y" * 50)], width=40, stream=sys.stdout)
pprint({"k": {3, 1, 2} , "q": [10] * 40}, compact=True, width=50, indent=2)
print(pformat({2: "b", 1: "a"}, sort_dicts=False))
s = pformat(list(range(25)), width=20, compact=True)
print(s.count("\n"), s)
