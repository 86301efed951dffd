#!/usr/bin/env python3
"""Prints, per folder, the per-file BATQ001/BATQ002 limits that a build log needs (each file's current worst value).
Usage: complexity_limits.py build.log   (a build with -p:TreatWarningsAsErrors=false)
Used once to write the folder .editorconfig files of the dogfooding baseline (docs/analyzers.md, "Dogfooding")."""
import re, sys, os, collections, json
rows = collections.defaultdict(lambda: collections.defaultdict(dict))
for l in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r"(?:.*/dogfood/)?(.*?\.cs)\(\d+,\d+\): (?:warning|error) (BATQ00[12]): '(.*?)' has a (?:cyclomatic|cognitive) complexity of (\d+)", l)
    if not m: continue
    f, rule, name, v = m.group(1), m.group(2), m.group(3), int(m.group(4))
    d, fn = os.path.dirname(f), os.path.basename(f)
    cur = rows[d][fn].get(rule, (0, []))
    rows[d][fn][rule] = (max(cur[0], v), cur[1] + [f'{name}({v})'])
json.dump(rows, sys.stdout, indent=1)
