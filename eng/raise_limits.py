#!/usr/bin/env python3
"""Adds or raises per-file BATQ001/BATQ002 sections in folder .editorconfig files for the complexity findings of a
build log (a build with the existing sections in place reports only what is above them).
Usage: raise_limits.py build.log "reason for a folder that has no .editorconfig yet"
Used for code that landed on main while the dogfooding baseline was being made; review and lower afterwards."""
import re, sys, os, collections
found = collections.defaultdict(lambda: collections.defaultdict(lambda: (0, [])))
for l in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r"(?:.*/dogfood[^/]*/)?(.*?\.cs)\(\d+,\d+\): (?:warning|error) (BATQ00[12]): '(.*?)' has a (?:cyclomatic|cognitive) complexity of (\d+)", l)
    if not m: continue
    f, rule, name, v = m.group(1), m.group(2), m.group(3), int(m.group(4))
    cur = found[f][rule]
    if f'{name}({v})' not in cur[1]:
        found[f][rule] = (max(cur[0], v), cur[1] + [f'{name}({v})'])
for f, rules in sorted(found.items()):
    folder, fn = os.path.dirname(f), os.path.basename(f)
    sec = '[' + re.sub(r'[{}\[\]*?,]', '?', fn) + ']'
    path = os.path.join(folder, '.editorconfig')
    text = open(path).read() if os.path.exists(path) else (
        '# Dogfooding baseline (docs/analyzers.md, "Dogfooding"): complexity limits for the files below, each at its\n'
        '# current worst value, so it cannot get worse; every other file here keeps the defaults (BATQ001 10, BATQ002 15).\n'
        f'# Why: {sys.argv[2]}\n')
    lines = text.rstrip('\n').split('\n')
    if sec not in lines:
        lines += ['', sec]
    start = lines.index(sec)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith('[')), len(lines))
    for rule, (v, names) in sorted(rules.items()):
        key = f'batuta.{rule}.maximum_complexity'
        idx = next((i for i in range(start + 1, end) if lines[i].startswith(key)), None)
        if idx is None:
            lines[end:end] = [f'# {", ".join(names)}', f'{key} = {v}']
            end += 2
        else:
            old = int(lines[idx].split('=')[1])
            lines[idx] = f'{key} = {max(old, v)}'
            lines[idx - 1] = lines[idx - 1] + (f'; {", ".join(names)} (since rebase)' if lines[idx - 1].startswith('#') else '')
        print(f'{path} {sec} {rule} -> {v}')
    open(path, 'w').write('\n'.join(lines) + '\n')
