"""String methods old report generators lean on."""
s = "  Hello, World\tof\tPython  \n"
print(repr(s.strip()), repr(s.expandtabs(4)), repr(s.rstrip("\n ")), s.split(), s.split(",", 1))
print("a,b,,c".split(","), "a b  c".split(" "), "k=v=w".partition("="), "k=v=w".rpartition("="), "x".partition("="))
print("one\ntwo\r\nthree\n".splitlines(), "one\ntwo\n".splitlines(keepends=True), "a.b.c".rsplit(".", 1), "path/to/file.txt".rsplit("/", maxsplit=1)[-1])
print("Title Case here".title(), "it's o'neil".title(), "ABC".lower(), "straße".upper(), "ǅ".lower(), "Straße".casefold() == "STRASSE".casefold())
print("%-10s|" % "left", "%10s|" % "right", "left".ljust(8, ".") + "|", "right".rjust(8, ".") + "|", "mid".center(9, "-"))
print("hello world".count("o"), "hello".find("l"), "hello".rfind("l"), "hello".index("e"), "abc".find("z"), "hello"[::-1], "hello"[1:-1])
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "½".isnumeric(), "½".isdigit(), " \t".isspace(), "Hi There".istitle(), "HI".isupper())
print("-".join(["a", "b"]), ", ".join(map(str, range(4))), "".join(reversed("abc")), "x".join("123"))
print("hello".replace("l", "L", 1), "aaa".replace("a", "b", 2), "banana".startswith(("ba", "x")), "banana".endswith("na", 0, 4))
print("{:<6}|{:^6}|{:>6}|".format("a", "b", "c"), "{0}{1}{0}".format("x", "y"), "{:,}".format(10 ** 9), "{:_b}".format(255), "{:08.3f}".format(-3.14159))
print("%5.1f%%" % 99.5, "%x %X %o %e %g %g" % (255, 255, 8, 1234.5, 0.00001234, 1e20), "%c%c" % (72, "i"), "%+d % d" % (5, 5))
print("tab\tsep".expandtabs(), repr("a\x00b"), "naïve".encode("utf-8"), b"caf\xc3\xa9".decode(), "é".encode("latin-1"), "x".encode("ascii", "replace"))
try:
    "☃".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"\xff".decode("utf-8", "ignore"), "é".encode("ascii", "xmlcharrefreplace"), "é".encode("ascii", "backslashreplace"))
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
w = max(len(r[0]) for r in table)
for name, qty, price in table:
    print(f"{name:<{w}} {qty:>3d} {price:>6.2f} {qty * price:>7.2f}")
print(f"{'total':>{w}} {sum(q for _, q, _ in table):>3} {'':>6} {sum(q * p for _, q, p in table):>7.2f}")
print(f"{3.14159!r:>10}", f"{'x'!a}", f"{10:#06x}", f"{0.5:.0%}", f"{1e-7:.2e}", f"{123456789:,d}", f"{-42:=+8}", f"{'=':=^9}")
