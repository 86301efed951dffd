"""defaultdict(Counter): per-key counting (words per author), most_common and totals from the nested counters."""
from collections import Counter, defaultdict

lines = ["ann: the cat", "bo: the dog the end", "ann: cat nap"]
words = defaultdict(Counter)
for line in lines:
    who, text = line.split(": ")
    for w in text.split():
        words[who][w] += 1
for who in sorted(words):
    print(who, words[who].most_common(2), sum(words[who].values()))
print(dict(words))
by_len = defaultdict(Counter)
by_len[3].update(["cat", "dog", "cat"])
print(by_len[3]["cat"], by_len[4]["x"], len(by_len))
