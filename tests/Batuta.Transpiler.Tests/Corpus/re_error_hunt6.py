# re.error for malformed patterns: CPython's message, e.msg, e.pos (a user-supplied filter validated before use).
import re

patterns = [
    r"(\d+",
    r"(a(b)",
    r"total)",
    r"*.txt",
    r"a|+b",
    r"x**",
    r"\d{2}{3}",
    r"[9-0]",
    r"[\w-z]",
    r"id{5,2}",
    r"(a)\2",
    r"(a\1)",
    r"^+",
    r"[abc",
    r"end\\",
    r"(?#note",
    "line one\n(two",
    r"\d+(?:\.\d+)?",
    r"(\w+)@(\w+)\.com",
    r"[\u00e0-\u00ff]+",
]
for p in patterns:
    try:
        rx = re.compile(p)
    except re.error as e:
        print(f"{p!r}: error: {e} | msg={e.msg!r} pos={e.pos}")
        continue
    print(f"{p!r}: ok, {rx.groups} groups")

def safe_search(pattern, text):
    try:
        return re.search(pattern, text)
    except re.error as err:
        print("bad filter:", err)
        return None

print(safe_search(r"(\d+)-(\d+", "10-20"))
m = safe_search(r"(\d+)-(\d+)", "range 10-20")
print(m.groups() if m else None)
try:
    re.sub(r"(?P<year>\d{4}", r"\g<year>", "2024")
except re.error as e:
    print(type(e).__name__, e)
