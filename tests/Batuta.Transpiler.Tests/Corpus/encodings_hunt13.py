"""Legacy report tool: reads and writes latin-1 / cp1252 files, handles decode errors, byte views."""
import sys


def show(label, func):
    try:
        print(label, repr(func()))
    except (UnicodeError, LookupError) as exc:
        print(label, type(exc).__name__ + ":", exc)


def write_legacy_files():
    rows = ["caf\u00e9;3,50\n", "na\u00efve;12,00\n", "\u00fcber;7,25\n"]
    with open("prices_l1.csv", "w", encoding="latin-1") as f:
        for row in rows:
            f.write(row)
    with open("prices_cp.csv", "w", encoding="cp1252", newline="") as f:
        f.write("euro \u20ac;1\r\n")
        print("dash \u2013 quote \u201cx\u201d", file=f)
    with open("prices_u16.txt", "w", encoding="utf-16") as f:
        f.write("\u00e9t\u00e9 \u263a\n")
    with open("bom.txt", "wb") as f:
        f.write(b"\xef\xbb\xbfhello\n")


def read_back():
    with open("prices_l1.csv", encoding="iso-8859-1") as f:
        for line in f:
            name, price = line.rstrip("\n").split(";")
            print(name, len(name), float(price.replace(",", ".")))
    with open("prices_cp.csv", "rb") as f:
        print(f.read())
    with open("prices_cp.csv", encoding="windows-1252") as f:
        print(repr(f.read()))
    with open("prices_u16.txt", "rb") as f:
        print(f.read())
    with open("prices_u16.txt", encoding="utf-16") as f:
        print(repr(f.read()))
    with open("bom.txt", encoding="utf-8") as f:
        print(repr(f.read()))
    with open("bom.txt", encoding="utf-8-sig") as f:
        print(repr(f.read()))


def decode_errors():
    try:
        with open("prices_l1.csv") as f:
            f.read()
    except UnicodeDecodeError as e:
        print("decode error:", e)
        print("  fields:", e.encoding, e.start, e.end, e.reason)
    for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
        with open("prices_l1.csv", encoding="utf-8", errors=errors) as f:
            print(errors, repr(f.readline()))
    try:
        open("prices_l1.csv", encoding="klingon")
    except LookupError as e:
        print("lookup:", e)
    try:
        with open("bad_out.txt", "w", encoding="ascii") as f:
            f.write("ok ")
            f.write("caf\u00e9")
    except UnicodeEncodeError as e:
        print("encode error:", e)
    with open("bad_out.txt", "rb") as f:
        print(f.read())
    with open("repl_out.txt", "w", encoding="ascii", errors="xmlcharrefreplace") as f:
        f.write("caf\u00e9 \u20ac\n")
    with open("repl_out.txt") as f:
        print(f.read(), end="")


def codec_names():
    text = "Gr\u00fc\u00dfe \u00e0 \u00c9mile"
    for name in ("latin-1", "latin1", "ISO-8859-1", "iso8859_15", "cp1252", "windows-1252",
                 "cp437", "cp850", "mac-roman", "utf-8", "UTF8", "utf_16_le", "utf-16-be", "utf-32", "koi8_r"):
        show(name, lambda: text.encode(name))
    data = bytes(range(0x80, 0xA0))
    for name in ("cp1252", "latin-1", "cp437", "mac_roman", "iso8859_15"):
        show("decode " + name, lambda: data.decode(name))
        show("decode-replace " + name, lambda: data.decode(name, "replace"))


def handlers():
    s = "na\u00efve \u20ac \U0001f600 ok"
    for errors in ("strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "bogus"):
        show("ascii/" + errors, lambda: s.encode("ascii", errors))
        show("cp1252/" + errors, lambda: s.encode("cp1252", errors))
        show("latin-1/" + errors, lambda: s.encode("latin-1", errors))
    raw = b"ok \xe9t\xe9 \xe4\xbd end \xf0\x9f\x98"
    for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape"):
        show("utf8/" + errors, lambda: raw.decode("utf-8", errors))
        show("ascii-dec/" + errors, lambda: raw.decode("ascii", errors))
    show("roundtrip", lambda: raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw)
    show("bytes()", lambda: bytes("\u00e9t\u00e9", "latin-1"))
    show("bytes() errors", lambda: bytes("\u0100x", "latin-1", "replace"))
    show("bytearray()", lambda: bytearray("\u00e9", "cp1252"))
    show("bytearray.decode", lambda: bytearray(b"\xe9\xff").decode("utf-8", "replace"))
    show("unknown", lambda: "x".encode("no-such-codec"))
    show("utf16 odd", lambda: b"a\x00b".decode("utf-16"))
    show("utf16 surrogate", lambda: b"\x00\xd8a\x00".decode("utf-16-le"))


def views():
    buf = bytearray(b"HEADER:payload-data")
    mv = memoryview(buf)
    print(len(mv), mv.nbytes, mv.readonly, mv[0], mv[-1])
    head = mv[:6]
    print(bytes(head), head.tobytes(), head.hex(), head.tolist()[:3])
    mv[0] = ord("h")
    head[1] = 69 + 32
    mv[7:14] = b"PAYLOAD"
    print(buf)
    print(bytes(mv[::2]), mv[::-1].tobytes()[:5])
    print(mv == buf, mv[:6] == b"heADER")
    total = 0
    for b in mv[7:14]:
        total += b
    print("sum", total)
    ro = memoryview(b"abc")
    print(ro.readonly, ro.hex(":"))
    try:
        ro[0] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        mv[0] = 300
    except ValueError as e:
        print("ValueError:", e)
    try:
        mv[100]
    except IndexError as e:
        print("IndexError:", e)
    with memoryview(b"context") as m:
        print(m.tobytes().decode("ascii"))
    try:
        m[0]
    except ValueError as e:
        print("ValueError:", e)
    mv.release()
    try:
        len(mv)
    except ValueError as e:
        print("ValueError:", e)


def main():
    write_legacy_files()
    read_back()
    decode_errors()
    codec_names()
    handlers()
    views()
    print(sys.getdefaultencoding())
    return 0


if __name__ == "__main__":
    sys.exit(main())
