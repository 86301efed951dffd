a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = "hello"
print(init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
pairs = {"a": 1, "b": 2}
for k, v in sorted(pairs.items()):
    print(k, v)
head, *mid, tail = range(6)
print(head, mid, tail)
