# Containers that nest themselves (test_json/test_recursion.py's `l, d = [l], {'k': d}` in a loop) and lambdas
# nested deeper than the transpiler's type limit: inference widens the self-nested part to a dynamic value
# instead of adding one level per round.


def nest(n):
    l, d = [], {}
    for x in range(n):
        l, d = [l], {"k": d}
    return l, d


l, d = nest(4)
print(l)
print(d)
depth = 0
while l:
    l = l[0]
    depth += 1
print("list depth", depth)
keys = 0
while "k" in d:
    d = d["k"]
    keys += 1
print("dict depth", keys, d)

top, bottom = [], {}
for i in range(12):
    top, bottom = [top, i], {"k": bottom, "i": i}
print(top)
print(len(str(bottom)), bottom["i"], bottom["k"]["i"])

x = []
x.append(x)
print(len(x), x[0] is x)

f = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: 42
print(f()()()()()()()()()()()())
g = lambda a: lambda b: lambda c: lambda d: lambda e: lambda f: lambda g: lambda h: lambda i: lambda j: a + b + c + d + e + f + g + h + i + j
print(g(1)(2)(3)(4)(5)(6)(7)(8)(9)(10))
