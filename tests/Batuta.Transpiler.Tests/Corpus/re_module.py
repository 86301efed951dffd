import re

LOG = """2024-01-05 ERROR disk full on /dev/sda1
2024-01-06 INFO backup done (3 files)
2024-01-07 WARNING cpu at 91%
2024-01-08 ERROR network down"""

DATE_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")


def levels(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in re.finditer(r"^\S+ (\w+)", text, re.MULTILINE):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


def main() -> None:
    print(re.findall(r"\d+", "a1b22c333"))
    print(re.findall(r"(\w)=(\d)", "a=1, b=2, c=x"))
    print(re.findall(r"([a-z]+)@", "joe@x.org, ann@y.net"))
    m = DATE_RE.search(LOG)
    if m:
        print(m.group(0), m.group("year"), m.group(2), m.groups())
        print(m.groupdict(), m.span(), m.start("day"), m.end(1))
        print(m["month"], m.lastindex, m.lastgroup)
    print(levels(LOG))
    print(re.sub(r"(\d+)-(\d+)-(\d+)", r"\3/\2/\1", "due 2024-03-09 and 2024-12-31"))
    print(DATE_RE.sub(r"\g<day>.\g<month>.\g<year>", "on 2023-07-04"))
    print(re.sub(r"\s+", " ", "  lots   of \t space \n here "))
    print(re.sub(r"[aeiou]", lambda mo: mo.group(0).upper(), "regular expression"))
    print(re.subn(r"o", "0", "foo boo zoo", count=4))
    print(re.sub("x*", "-", "abxd"))
    print(re.split(r"[,;]\s*", "a, b;c,   d"))
    print(re.split(r"(\d)", "a1b2c"))
    print(re.split(r",", "a,b,c,d", maxsplit=2))
    print(re.match(r"\w+", "hello world").group(), re.match(r"world", "hello world"))
    print(re.fullmatch(r"[a-z]+\d?", "abc1") is not None, re.fullmatch(r"[a-z]+", "abc1"))
    print(re.search(r"ERROR.*$", LOG, re.M).group())
    print(re.findall(r"error \w+", LOG, re.IGNORECASE))
    print(re.search(r"full.on", "disk full\non", re.S) is not None, re.search(r"full.on", "disk full\non"))
    pattern = re.compile(r"""
        (?P<key>[a-z_]+)   # a key
        \s*=\s*
        (?P<value>[^;]+)   # a value
    """, re.VERBOSE)
    for item in pattern.finditer("host = example.com; port=8080;debug = true"):
        print(item.group("key"), "->", item.group("value").strip())
    print(re.escape("1.5*(a+b)?"), re.escape("x_y z"))
    print(re.search(r"(?P<w>\w)(?P=w)", "abccd").group(), re.search(r"(a)?b", "b").group(1))
    print(re.search(r"cat\Z", "tomcat"), re.search(r"^\w+$", "line1\nline2", re.M).group())
    print(pattern.pattern.strip().splitlines()[0], pattern.groups, DATE_RE.groupindex)
    print(DATE_RE.match("2001-02-03x"), DATE_RE.fullmatch("2001-02-03x"))
    print(repr(DATE_RE.match("2001-02-03")))
    words = "the quick brown fox jumps over the lazy dog".split()
    print([w for w in words if re.match(r"^[a-f]", w)])
    try:
        re.compile(r"(unclosed")
    except re.error as e:
        print("re.error:", type(e).__name__)
    print(re.sub(r"(?i)HELLO", "bye", "Hello hello HeLLo"))
    total = sum(int(x) for x in re.findall(r"-?\d+", "3 apples, -2 pears, 10 plums"))
    print(total)


main()
