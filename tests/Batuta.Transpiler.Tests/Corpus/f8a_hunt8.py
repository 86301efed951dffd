# Eighth hunt, dict batch: pop(k, None) on dicts of non-optional values, update(k=int) into a dict of floats, the
# dict views (repr, len, set comparisons, isdisjoint), Counter multiset comparisons, defaultdict(Counter)'s repr,
# keys equal across numeric types (2.0 finds 2) and keys of another type (a miss, not a TypeError).
from collections import Counter, defaultdict
import collections


def pops():
    prices = {"a": 1.5, "b": 2.0}
    print(prices.pop("missing", None), prices.pop("a", None), prices)
    counts = {"a": 1}
    got = counts.pop("zz", None)
    if got is None:
        print("absent")
    got = counts.pop("a", None)
    if got is not None:
        print("present", got + 1)
    names = {1: "x"}
    print(names.pop(2, None), names.pop(1, None), names)
    pts = {"p": (1, 2)}
    print(pts.pop("q", None), pts.pop("p", None))


def updates():
    prices = {"a": 1.5}
    prices.update(a=1, b=2)
    print(prices, sum(prices.values()))
    ratios = {"x": 0.5}
    ratios.update(y=3, z=0.25)
    print(ratios)


def views():
    d = {"k": 1, "j": 2}
    ks, vs, its = d.keys(), d.values(), d.items()
    print(ks, vs, its)
    d["m"] = 3
    print(len(ks), len(vs), len(its), ks)
    print(str(d.keys()), repr(d.values()))
    e = {}
    print(e.keys(), e.values(), e.items(), bool(e.keys()), bool(d.items()))
    print("k" in ks, "z" in ks, ("k", 1) in its, ("k", 2) in its, 3 in vs)
    print(d.keys() == {"k", "j", "m"}, d.keys() <= {"k", "j", "m", "q"}, d.keys() < {"k", "j", "m"})
    print(d.keys() >= {"k"}, d.keys() > {"k", "j", "m"})
    print(sorted(d.keys() - {"k"}), sorted(d.keys() & {"j", "zz"}))
    print(d.keys().isdisjoint({"z"}), d.keys().isdisjoint(["k"]))
    print(d.items() <= {("k", 1), ("j", 2), ("m", 3)})
    nested = {"a": [1, 2], "b": {"c": 1.5}}
    print(nested.values(), nested.items())
    print(sorted(d.values(), reverse=True), list(reversed(d.keys())))


def counters():
    a = Counter(a=1)
    b = Counter(a=2, b=1)
    print(a <= b, a < b, b >= a, b > a, a >= b, a > b)
    print(Counter("aab") <= Counter("ab"), Counter("ab") < Counter("ab"), Counter("ab") <= Counter("ab"))
    print(Counter(x=0) <= Counter(), Counter() < Counter(x=1))
    print(defaultdict(Counter), defaultdict(collections.Counter))
    print(defaultdict(list), defaultdict(Counter)["w"])


def numeric_keys():
    seen = {1: "a", 2: "b"}
    primes = {2, 3, 5}
    print(2.0 in seen, 10 / 2 in primes, 2.5 in seen, 4 / 2 in seen, True in seen)
    print(seen[2.0], seen.get(1.0), seen.get(3.0, "none"))
    floats = {1.0: "one", 0.5: "half"}
    print(1 in floats, floats[1], floats.get(1), 2 in floats)
    print({1: 2} == {1.0: 2}, {1, 2} == {1.0, 2.0}, {1: 2} == {1.5: 2})
    fs = {1.5, 2.0}
    print(2 in fs, 3 in fs)


def foreign_keys():
    counts = {1: 10, 2: 20}
    print(counts.get("1", "none"), counts.get("1"), "1" in counts)
    grid = {(0, 0): "#"}
    try:
        print(grid["k"])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(grid[(0, 0, 0)])
    except KeyError as e:
        print("KeyError", e)
    print(grid.get((0, 0, 0), "."), grid.get("x"), grid[(0, 0)])
    names = {"a": 1}
    try:
        print(names[5])
    except KeyError as e:
        print("KeyError", e)
    print(names.get(None, 0), names.get(3.5))


pops()
updates()
views()
counters()
numeric_keys()
foreign_keys()
