#!/usr/bin/env python3
"""Rewrites each BATQ006 site reported in a build log from `expr!` to `expr.OrThrow()` (eng/NullGuard.cs).
Usage: fix_null_forgiving.py build.log   (build with -p:TreatWarningsAsErrors=false -v:q)
Prints the sites it could not rewrite (multi-line expressions): fix those by hand."""
import re, sys, collections
pat = re.compile(r"^(.*?\.cs)\((\d+),(\d+)\): (?:warning|error) BATQ006: '(.*)' silences")
sites = collections.defaultdict(set)
skipped = []
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    m = pat.match(line)
    if not m:
        if 'BATQ006' in line: skipped.append(line)
        continue
    sites[m.group(1)].add((int(m.group(2)), int(m.group(3)), m.group(4)))
for path, items in sites.items():
    text = open(path, encoding='utf-8').read()
    starts = [0]
    for i, ch in enumerate(text):
        if ch == '\n': starts.append(i + 1)
    edits = []
    for ln, col, expr in items:
        off = starts[ln - 1] + col - 1
        if not text.startswith(expr, off) or not expr.endswith("!") or text[max(0, off - 4):off] == "out ":
            skipped.append(f'{path}({ln},{col}): {expr}')
            continue
        edits.append(off + len(expr) - 1)
    for end in sorted(set(edits), reverse=True):
        assert text[end] == '!'
        text = text[:end] + '.OrThrow()' + text[end + 1:]
    open(path, 'w', encoding='utf-8').write(text)
for s in skipped: print('SKIPPED', s)
