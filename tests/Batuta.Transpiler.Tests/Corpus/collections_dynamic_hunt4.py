# fourth bug hunt: Counter copy/unary +/-, nlargest with key over dicts, {**dynamic}, generator expressions of tuples
import heapq
import json
from collections import Counter

c = Counter({"a": 2, "b": -1, "c": 0})
print(+c, -c, +5, +True, -c == Counter({"b": 1}))
c2 = Counter("ab").copy()
c2.update(["a", "c"])
print(c2, type(c2).__name__)

recs = []
recs.append({"p": "a", "d": 1.5})
recs.append({"p": "b", "d": 2.5})
recs.append({"p": "c", "d": 0.5})
print(heapq.nlargest(1, recs, key=lambda r: r["d"])[0]["p"], [r["p"] for r in heapq.nsmallest(2, recs, key=lambda r: r["d"])])

d = json.loads('{"a": 1.5}')
m = {**d, "b": 2}
print(m)
try:
    print({**json.loads("[1]")})
except TypeError as e:
    print(e)


def parse(lines):
    for ln in lines:
        yield int(ln), int(ln)


def positive(pairs):
    return ((i, v) for i, v in pairs if v > 0)


print(list(positive(parse(["1", "-2", "3"]))))
