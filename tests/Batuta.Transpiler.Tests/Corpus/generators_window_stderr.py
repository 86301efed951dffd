"""Generators over text lines with warnings on stderr, a sliding-window class with __len__/__iter__/__contains__, generators consumed by sorted/sum/any."""
import sys
from typing import Iterator, Generator

def read_numbers(lines) -> Iterator[int]:
    for n, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            yield int(line)
        except ValueError:
            print(f"warning: line {n}: not a number: {line!r}", file=sys.stderr)

class Window:
    def __init__(self, size):
        self.size = size
        self.items = []
    def push(self, x):
        self.items.append(x)
        if len(self.items) > self.size:
            self.items.pop(0)
        return sum(self.items) / len(self.items)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items

text = """10
20 # twenty
abc
  30
# comment only
5
"""
w = Window(2)
for x in read_numbers(text.splitlines()):
    print(x, round(w.push(x), 2), len(w), list(w), 20 in w)
print(sorted(read_numbers(["3", "1", "2"]), reverse=True), sum(read_numbers(["4", "x", "6"])))
print(any(x > 25 for x in read_numbers(text.splitlines())), all(w), max(w, default=None))
