"""Builtin container and float methods on values whose type is only known at run time: keywords, mixed types, None results."""
import json
from collections import namedtuple


def pick(xs, i):
    return xs[i]


rows = [5, 3, 8, 1]
rows.sort(key=lambda x: -x)
print(rows)
mixed = pick([[3, 1, 2], "x"], 0)
mixed.sort(reverse=True)
print(mixed)
words = pick(["b,a,c", 0], 0)
print(words.split(",", maxsplit=1), words.rsplit(",", 1), "a\nb\n".splitlines(keepends=True))

config = 0
config = {"paths": ["/a", "/b"]}
config["retries"] = 3
print(config, config.get("missing", 0), config.setdefault("mode", "fast"), config)
cfg = json.loads('{"lim": {"a": 1}, "tags": ["x"]}')
cfg["lim"] |= {"b": 2}
print(cfg["lim"] | {"c": 3}, cfg["lim"])

seen = 0
seen = {1, 2, 3}
print(seen | {9}, seen & {2, 3, 4}, seen - {2}, seen ^ {3, 4})
print(seen.union([7], (8,)), seen.intersection({1, 5}), seen.difference([1]), seen.discard(1), seen)
print(pick([frozenset({1, 2}), 0], 0) | {5})

print(pick([[1, 2, 1], 0], 0).count(1), pick([(1, 1, 2), 0], 0).count(1))
print(pick([5.0, 0], 0).is_integer(), pick([0.75, 0], 0).as_integer_ratio(), pick([2.5, 0], 0).hex())

Point = namedtuple("Point", "x y")
p = 0
p = Point(1, 2)
print(p._replace(y=7), p._asdict(), hasattr(p, "_asdict"), hasattr(1.5, "hex"))
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)
try:
    rows.sort(1)
except TypeError as e:
    print("TypeError:", e)
text = pick(["a,b,c\td", 0], 0)
print(text.rsplit(sep=",", maxsplit=1), text.encode(errors="strict"), text.expandtabs(tabsize=4), "x\ny\n".splitlines(keepends=False))
