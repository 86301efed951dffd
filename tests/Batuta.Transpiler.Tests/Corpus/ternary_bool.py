def sign(x: float) -> str:
    return "positive" if x > 0 else "negative" if x < 0 else "zero"


vals = [3.5, -2.0, 0.0]
print([sign(v) for v in vals])
a = None
b = 0
c = "text"
print(a or "default", b or 42, c or "unused", a and 1, c and "yes")
print(not a, not c, bool([]), bool([0]), bool(""), bool(0.0), bool(None))
x = [] or [1, 2]
print(x, len(x or [0]))
name = ""
display = name or "anonymous"
print(display)
