"""Dicts and Counters from unannotated functions: {**a, **b}, dict(a).update(b), Counter of a generator."""
from collections import Counter


def parse(s):
    k, v = s.split("=")
    return {k: v}


def letters(text):
    return text.lower()


a = parse("x=1")
b = parse("y=2")
merged = {**a, **b}
print(merged)
m = dict(a)
m.update(b)
print(m, len(m))
freq = Counter(c for c in letters("AbcA") if c.isalpha())
print(freq, freq.most_common(1))
