"""Log line scanner: regex flags, compiled patterns and match objects printed as a legacy script does."""
import re

RULES = {
    "error": (r"(?P<level>error|fail(?:ed)?)\s*:\s*(?P<msg>.+)", re.I),
    "header": (r"^\[(?P<section>\w+)\]$", re.M),
    "block": (r"BEGIN.(.*?).END", re.S | re.I),
}

LOG = """[core]
ERROR: disk full
info: started
Failed : retry 3
[net]
begin
payload
end"""


def describe_flags(flags):
    names = []
    for flag in (re.I, re.M, re.S, re.X, re.A):
        if flags & flag:
            names.append(str(flag))
    return " + ".join(names) if names else "none"


def main():
    print("flags:", re.I, re.M | re.S, re.IGNORECASE | re.VERBOSE, [re.A, re.U])
    print("as ints:", int(re.I), re.M + 0, re.I | re.M == 10, re.NOFLAG, ~re.I & 0xFF)
    print(f"formatted: {re.I} {re.S:d} {re.M | re.I!r}")
    mode = 0
    for ch in "ims":
        mode |= {"i": re.I, "m": re.M, "s": re.S}[ch]
    print("built:", mode, describe_flags(mode))
    for name, (pattern, flags) in RULES.items():
        rx = re.compile(pattern, flags)
        print(name, rx, rx.flags, rx.groups, rx.groupindex)
        for m in rx.finditer(LOG):
            print("  ", m, m.span(), m.lastindex, m.lastgroup, m.regs)
            print("   groups", m.groups(), m.groupdict() or "-", m.re is rx, m.pos, m.endpos)
    m = re.compile(r"(?P<key>\w+)=(?P<val>\d+)").search("  width=42;", 1)
    print(m.string, m.pos, m.expand(r"\g<val>:\g<key> \2"), m["key"], m.group(0, 2))
    print(re.compile("(?i)abc").flags, re.compile("(?a)x").flags, re.compile("x", re.A | re.I))
    for bad in ["a(b", "ab(?i)c", "x{3,2}", "[z-a]", "(?P<n>a)(?P<n>b)"]:
        try:
            re.compile(bad)
        except re.error as exc:
            print("re.error:", exc, "| pos", exc.pos)
    try:
        re.compile("x", re.A | re.U)
    except ValueError as exc:
        print("ValueError:", exc)
    print(re.escape("a.b*c (1+2) $5 ~x# y_z"))
    print(re.split(r"(,)\s*", "a, b,c , d"), re.split(r"[,;]", "a,b;c,d", maxsplit=2), re.split(r"(\d)(x)?", "a1b2xc"))
    print(re.sub(r"\d+", lambda mo: str(int(mo.group()) * 2), "a1 b22 c333"), re.sub(r"(?P<w>\w+)@(?P<d>\w+)", r"\g<d> at \g<w>", "joe@home ann@work"))
    print(re.subn("o", "0", "foo boo"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
    print([mo.span() for mo in re.finditer("aa", "aaaaa")], re.findall(r"(?=(\w\w))", "abcd"))
    print(re.findall(r"\d", "a1b2"), re.findall(r"(\d)x", "1x2y3x"), re.findall(r"(\d)(\w)", "1a2b"))
    print(re.findall(r"(?<=\$)\d+", "cost $12 and $7"), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
    print(re.search(r"a(?i:B)c", "aBc"), re.search(r"a(?i:B)c", "ABc"))
    print(re.findall(r"\w+", "naïve café 123", re.A), re.findall(r"\w+", "naïve café 123"), re.findall(r"\d", "1٣2", re.ASCII), re.findall(r"\d", "1٣2"))
    print(re.RegexFlag.DOTALL, re.compile("a", re.X), re.compile("a", 512))


main()
