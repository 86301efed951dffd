"""Closures in comprehensions: one variable per comprehension (late binding), defaults bind early, immediate calls see each value."""
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
early = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in early])
now = [(lambda: i * 2)() for i in range(4)]
print(now)
table = {name: (lambda: name.upper()) for name in ["ab", "cd"]}
print({k: f() for k, f in table.items()})
gen = (lambda: n for n in "xyz")
fs = list(gen)
print([f() for f in fs])
pairs = [(i, lambda: i) for i in range(2) if i >= 0]
print([(i, f()) for i, f in pairs])
adders = [lambda y, k=k: y * k for k in (2, 3)]
print([a(5) for a in adders])
