"""A regex tokenizer: named alternatives with nested groups, dispatched on m.lastgroup; lastindex of nested groups."""
import re

TOKEN = re.compile(r"(?P<NUM>\d+(\.\d+)?)|(?P<ID>[A-Za-z_]\w*)|(?P<OP>[-+*/()=])|(?P<WS>\s+)")


def tokenize(text):
    pos = 0
    out = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if m is None:
            raise SyntaxError(f"unexpected {text[pos]!r} at {pos}")
        kind = m.lastgroup
        if kind != "WS":
            out.append((kind, m.group(kind)))
        pos = m.end()
    return out


print(tokenize("x1 = (1.5 * 4) - y"))
for pat, s in [(r"((a)(b))", "ab"), (r"(a)(b)", "ab"), (r"(a(b))", "ab"), (r"(a)()", "a")]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup)
try:
    tokenize("a ? b")
except SyntaxError as e:
    print("SyntaxError:", e)
