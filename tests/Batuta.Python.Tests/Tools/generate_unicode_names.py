#!/usr/bin/env python3
"""Generates src/Batuta.Python/Text/UnicodeNames.bin (deflate-compressed "NAME;HEX" lines) for
\\N{...} escapes: every character name CPython's unicodedata knows (Unicode 14) plus the aliases
from NameAliases.txt that CPython accepts. Names CPython computes (CJK UNIFIED IDEOGRAPH-XXXX,
HANGUL SYLLABLE ...) are left out; the parser computes them the same way.
Run with /usr/bin/python3."""
import os
import re
import unicodedata
import zlib

ALGORITHMIC = re.compile(r"^(CJK UNIFIED IDEOGRAPH-|HANGUL SYLLABLE |TANGUT IDEOGRAPH-|KHITAN SMALL SCRIPT CHARACTER-|NUSHU CHARACTER-|CJK COMPATIBILITY IDEOGRAPH-)")


def main():
    lines = []
    algorithmic = {}
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        m = ALGORITHMIC.match(name)
        if m and name.startswith("HANGUL SYLLABLE "):
            continue
        if m and name.endswith("-%04X" % cp) or (m and name.endswith("-%05X" % cp)):
            algorithmic.setdefault(m.group(1), []).append(cp)
            continue
        lines.append(f"{name};{cp:X}")
    aliases = 0
    path = "/usr/share/unicode/NameAliases.txt"
    if os.path.exists(path):
        for raw in open(path, encoding="utf-8"):
            raw = raw.split("#", 1)[0].strip()
            if not raw:
                continue
            cp, alias, _kind = raw.split(";")
            try:
                ch = unicodedata.lookup(alias)
            except KeyError:
                continue
            if ch == chr(int(cp, 16)):
                lines.append(f"{alias};{cp}")
                aliases += 1
    # Prefix ranges for the algorithmic names: PREFIX;START-END
    ranges = []
    for prefix, cps in algorithmic.items():
        cps.sort()
        s = e = cps[0]
        for c in cps[1:]:
            if c == e + 1:
                e = c
                continue
            ranges.append(f"{prefix};{s:X}-{e:X}")
            s = e = c
        ranges.append(f"{prefix};{s:X}-{e:X}")
    text = ("\n".join(ranges) + "\n--\n" + "\n".join(lines) + "\n").encode("utf-8")
    data = zlib.compress(text, 9)[2:-4]  # raw deflate stream for DeflateStream
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    out = os.path.join(root, "src", "Batuta.Python", "Text", "UnicodeNames.bin")
    with open(out, "wb") as f:
        f.write(data)
    print(len(lines), "names,", aliases, "aliases,", len(ranges), "algorithmic ranges,", len(text), "->", len(data), "bytes", out)
    # Self-check against CPython for the algorithmic ranges.
    for r in ranges:
        prefix, span = r.split(";")
        a, b = (int(x, 16) for x in span.split("-"))
        for cp in (a, b):
            assert unicodedata.lookup(prefix + ("%04X" % cp if cp <= 0xFFFF else "%05X" % cp)) == chr(cp), r


if __name__ == "__main__":
    main()
