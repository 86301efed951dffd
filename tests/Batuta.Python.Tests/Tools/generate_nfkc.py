#!/usr/bin/env python3
"""Generates src/Batuta.Python/Text/Nfkc.bin (deflate-compressed) from CPython's unicodedata (Unicode 14):
combining classes, full compatibility decompositions and canonical composition pairs, so identifiers are
NFKC-normalised exactly as CPython does (PEP 3131) even where .NET has no ICU (invariant globalization).
Lines: 'C cp ccc' | 'D cp cp1 cp2 ...' | 'P first second composite' (hex). Run with /usr/bin/python3."""
import os
import unicodedata
import zlib

SBASE, SCOUNT = 0xAC00, 11172


def main():
    out = []
    for cp in range(0x110000):
        ch = chr(cp)
        ccc = unicodedata.combining(ch)
        if ccc:
            out.append(f"C {cp:X} {ccc}")
        if SBASE <= cp < SBASE + SCOUNT:
            continue
        nfkd = unicodedata.normalize("NFKD", ch)
        if nfkd != ch:
            out.append("D %X " % cp + " ".join("%X" % ord(c) for c in nfkd))
        d = unicodedata.decomposition(ch)
        if d and not d.startswith("<"):
            parts = [int(x, 16) for x in d.split()]
            if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == ch:
                out.append(f"P {parts[0]:X} {parts[1]:X} {cp:X}")
    text = ("\n".join(out) + "\n").encode("ascii")
    data = zlib.compress(text, 9)[2:-4]
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    dest = os.path.join(root, "src", "Batuta.Python", "Text", "Nfkc.bin")
    with open(dest, "wb") as f:
        f.write(data)
    print(len(out), "entries,", len(text), "->", len(data), "bytes", dest, "Unicode", unicodedata.unidata_version)


if __name__ == "__main__":
    main()
