"""Recursion beside dataclasses: a default_factory that is itself recursive keeps exact depths."""
from dataclasses import dataclass, field

calls = []


def build(n):
    calls.append(n)
    return [] if n == 0 else [build(n - 1)]


@dataclass
class Box:
    items: list = field(default_factory=list)
    nested: list = field(default_factory=lambda: build(2))


def walk(n, acc):
    if n == 0:
        return acc
    acc.append(Box())
    return walk(n - 1, acc)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(len(walk(5, [])), walk(1, [])[0], len(calls), depth(990))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
try:
    walk(2000, [])
except RecursionError as e:
    print("RecursionError:", e, len(calls) > 0)
