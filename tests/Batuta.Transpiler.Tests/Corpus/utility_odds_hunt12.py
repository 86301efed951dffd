"""Odds and ends from old utility scripts."""
import sys
import math
import string
from collections import ChainMap, defaultdict, OrderedDict
from functools import cmp_to_key

d = {"b": 2, "a": 1, "c": 3}
other = {"a": 9, "z": 0}
print(d.keys() & other.keys(), sorted(d.keys() | other), sorted(['q'] | d.keys()), sorted(d.keys() - {"a"}), d.items() & {("a", 1)}, list(reversed(d)))
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), {**d, **other}, d | other)
cm = ChainMap({"debug": True}, {"debug": False, "level": 3})
print(cm["debug"], cm["level"], len(cm), sorted(cm), cm.maps[1]["debug"], dict(cm.new_child({"x": 1})))
tree = defaultdict(lambda: defaultdict(int))
for path in ["a/b", "a/c", "a/b", "d/e"]:
    top, leaf = path.split("/")
    tree[top][leaf] += 1
print({k: dict(v) for k, v in tree.items()})
od = OrderedDict.fromkeys("xyz")
od.move_to_end("x")
od["w"] = 1
print(od, od.popitem(last=False), list(od))


def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


print(sorted(["pear", "fig", "apple", "kiwi", "date"], key=cmp_to_key(compare)))
print(list(enumerate("abc", start=1)), list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), format(1234567.891, ",.2f"), "{:e}".format(12345.678))
print(pow(3, -1, 7), math.comb(10, 3), math.perm(5, 2), (255).bit_count(), divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2)
print(1e16, 1.0e-5, 0.1 + 0.2, 2 ** 0.5, float("inf") > 10 ** 400, 10 ** 20 / 3, 7 / 2, int("0x1f", 16), int("0b101", 0), int("  42  "))
print(string.ascii_letters[:10], string.digits, string.hexdigits, "x_1".isidentifier(), "1x".isidentifier(), "Ünïcode".casefold())
print(math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(hex(255), oct(8), bin(-5), chr(9731), ord("€"), ascii("naïve ☃"), repr("tab\there"), "%r" % "quote's")
sys.stdout.write("written %d\n" % 3)
print("a", "b", sep="", end="!\n")
print(*range(3), sep=", ")
print(sys.maxsize, sys.version_info[0], sys.byteorder, type(sys.argv).__name__, len(sys.argv))
sys.exit("fatal: stopping here")
