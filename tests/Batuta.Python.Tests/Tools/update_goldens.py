#!/usr/bin/env python3
"""Fills the '--- ast' section of every case in tests/Batuta.Python.Tests/Golden/*.golden from CPython
3.11's ast.dump(ast.parse(src), include_attributes=True). Run with /usr/bin/python3 after adding cases;
the golden tests also re-check every case against live CPython, so a stale file is caught."""
import ast
import glob
import os
import re
import warnings

warnings.simplefilter("ignore")
root = os.path.join(os.path.dirname(__file__), "..", "Golden")
for path in sorted(glob.glob(os.path.join(root, "*.golden"))):
    text = open(path, encoding="utf-8").read()
    cases = re.split(r"^=== ", text, flags=re.M)[1:]
    out = []
    for case in cases:
        name, _, rest = case.partition("\n")
        source = rest.split("\n--- ast\n")[0]
        if not source.endswith("\n"):
            source += "\n"
        dump = ast.dump(ast.parse(source), include_attributes=True)
        out.append(f"=== {name}\n{source}--- ast\n{dump}\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))
    print(path, len(cases), "cases")
