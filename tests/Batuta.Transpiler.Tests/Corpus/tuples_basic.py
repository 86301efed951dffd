t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], (5,), ())
point = (3, 4)
x, y = point
print(x * y, point == (3, 4), point < (3, 5), (1, 2) + (3,))
coords = [(1, 2), (0, 5), (1, 1)]
print(sorted(coords), max(coords), min(coords, key=lambda c: c[1]))
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(1, 0)], (0, 0) in d)
nested = ((1, 2), (3, (4, 5)))
print(nested, nested[1][1][0])
print(tuple([1, 2, 3]), tuple("ab"), (1, 2, 3).count(2), (1, 2, 3).index(3))
