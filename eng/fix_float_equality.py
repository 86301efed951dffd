#!/usr/bin/env python3
"""Rewrites each BATQ009 site in a build log from `a == b` / `a != b` to `FloatExact.AreEqual(a, b)` /
`!FloatExact.AreEqual(a, b)` (eng/FloatExact.cs). Only for comparisons whose exactness was reviewed as intended."""
import re, sys, collections
pat = re.compile(r"^(.*?\.cs)\((\d+),(\d+)\): (?:warning|error) BATQ009: '(.*)' compares")
sites = collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8'):
    m = pat.match(line.rstrip('\n'))
    if m: sites[m.group(1)].add((int(m.group(2)), int(m.group(3)), m.group(4)))
def split(expr):
    depth = 0
    for i, ch in enumerate(expr):
        if ch in '([{': depth += 1
        elif ch in ')]}': depth -= 1
        elif depth == 0 and expr[i:i+4] in (' == ', ' != '):
            return expr[:i], expr[i+1:i+3], expr[i+4:]
    raise ValueError(expr)
for path, items in sites.items():
    lines = open(path, encoding='utf-8').read().split('\n')
    for ln, col, expr in sorted(items, key=lambda t: (t[0], -t[1])):
        s = lines[ln - 1]
        assert s.startswith(expr, col - 1), (path, ln, expr)
        a, op, b = split(expr)
        rep = ('' if op == '==' else '!') + f'FloatExact.AreEqual({a}, {b})'
        lines[ln - 1] = s[:col - 1] + rep + s[col - 1 + len(expr):]
    open(path, 'w', encoding='utf-8').write('\n'.join(lines))
