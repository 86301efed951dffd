"""A def named _, format(x, spec) in __format__, max(a, b, key=), slicing an Optional tuple, textwrap widths from data, os.path.join(root, *parts)."""
import os.path
import textwrap


def _(x):
    return x * 2


def f():
    return 1


class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        return format(self.c, spec) + "C"


f()
print(f(), _(4), f"{Temp(2.5):.2f}", f"{Temp(10):>5}")
print(max(3, 7, key=lambda v: -v), min(2.5, 1, 4, key=abs), max("b", "a", key=str.upper))
best = None
for x in [(1, 2, 3), (4, 5, 6), (4, 1, 0)]:
    if best is None or x[:2] > best[:2]:
        best = x
print(best, best[1:])
d = {"w": 8, "s": "aaa bbb ccc"}
print(textwrap.wrap(d["s"], width=d["w"]), textwrap.fill("one two three", width=int("7")))
print(os.path.join("root", *"a/b/c.txt".split("/")), os.path.join("x", *[], "y"))


class Plain:
    def __init__(self):
        self.x = 1


obj = Plain()
setattr(obj, "color", "red")
print(getattr(obj, "color"), hasattr(obj, "color"), hasattr(obj, "size"), obj.x)
import json
import os

print(os.environ.get("BATUTA_SURELY_UNSET_VARIABLE", "fallback"), os.environ.get("BATUTA_SURELY_UNSET_VARIABLE"))
print(textwrap.wrap("abcdefghij klm", width=4, break_long_words=True), textwrap.wrap("abcdefghij klm", width=4, break_long_words=False))
merged = {}
merged.update(json.loads('{"a": 4, "b": [1]}'))
merged["c"] = "x"
print(merged)
