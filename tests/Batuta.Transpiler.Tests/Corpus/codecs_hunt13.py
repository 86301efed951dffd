"""Old export script: codecs.open in latin-1, BOMs, codec lookups from a config, byte buffers."""
import codecs
import locale
import sys
from pathlib import Path

CONFIG = {"input": "iso-8859-15", "output": "UTF-8", "fallback": "cp1252"}


def export(names):
    with codecs.open("names.txt", "w", encoding=CONFIG["input"]) as out:
        for n in names:
            out.write(n + "\r\n")
    with codecs.open("names.txt", "r", CONFIG["input"]) as src:
        lines = src.readlines()
    print(len(lines), [repr(l) for l in lines])
    with open("names.txt", "rb") as f:
        raw = f.read()
    print(raw)
    print(codecs.decode(raw, CONFIG["fallback"]).split())
    print(codecs.encode("\u20ac 5", CONFIG["input"]), codecs.encode("\u20ac 5", CONFIG["fallback"]))
    print(codecs.BOM_UTF8 + "x".encode("utf-8") == "x".encode("utf-8-sig"))


def convert(path_in, path_out):
    data = Path(path_in).read_text(encoding=CONFIG["input"])
    Path(path_out).write_text(data.upper(), encoding=CONFIG["output"])
    print(Path(path_out).read_bytes())


def sniff(raw):
    for enc in ("utf-8", "cp1252", "latin-1"):
        try:
            return enc, raw.decode(enc)
        except UnicodeDecodeError as exc:
            print("  not", enc + ":", exc)
    return None, None


def main():
    print(sys.getdefaultencoding(), sys.getfilesystemencoding(), locale.getpreferredencoding())
    export(["J\u00fcrgen", "\u0160imon \u20ac", "Zo\u00eb"])
    convert("names.txt", "names_utf8.txt")
    for raw in (b"plain", "caf\u00e9".encode("utf-8"), b"caf\xe9", b"\x81\x8d\x90"):
        enc, text = sniff(raw)
        print(raw, "->", enc, repr(text))
    table = {}
    for byte in range(0x80, 0x100, 9):
        ch = bytes([byte]).decode("cp437")
        table[byte] = ch.encode("utf-8")
    print(sorted(table.items())[:6])
    try:
        "\u0160".encode("latin-1")
    except UnicodeEncodeError as exc:
        print(type(exc).__name__, exc.encoding, exc.start, exc.end, exc.reason)
        print(exc.object[exc.start:exc.end] == "\u0160")
    print("\u00e9".encode("utf-16-le"), "\u00e9".encode("utf-16-be"), "\u00e9".encode("utf-32-be"))
    print(b"\xff\xfe\xe9\x00".decode("utf-16"), b"\xfe\xff\x00\xe9".decode("utf-16"))
    print(repr("\u00e9".encode("utf-8").decode("latin-1")), repr("\u00c3\u00a9".encode("latin-1").decode("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
