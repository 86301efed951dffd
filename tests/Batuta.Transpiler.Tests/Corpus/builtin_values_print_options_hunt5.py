"""Builtin types as values (names, isinstance, schemas), print(**options), dict(pairs, **kw), float formats with a precision and no type."""
import json

schema = {"name": str, "age": int, "tags": list, "meta": dict, "score": float}
record = json.loads('{"name": "ann", "age": 41, "tags": ["x"], "meta": {}, "score": 3}')
for field, kind in schema.items():
    ok = isinstance(record[field], kind)
    print(f"{field:6} {kind.__name__:6} {ok}")
a, b, c = int, str, list
print(a.__name__, b.__name__, c.__name__, int.__name__, dict.__name__, a("7") + 1)
opts = {"sep": "|", "end": "!\n"}
print(1, 2, **opts)
print(*["x", "y"], **{"sep": "-"})
try:
    print(1, **{"colour": "red"})
except TypeError as e:
    print("TypeError:", e)
print(dict([("k", 1)], j=2), dict({"a": 1}, b=[2]))
for v in [97.88, 1234.5, 2.0, 1 / 3, 5.0, 0.0001234, 123456789.0]:
    print(f"{v:.2}|{v:.3}|{v:.1}|{v:10.4}|")
