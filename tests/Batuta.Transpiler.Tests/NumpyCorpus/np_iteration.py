import numpy as np

m = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
for row in m:
    print(row, row.sum())
for i, row in enumerate(m):
    print(i, row.max())
v = np.array([3, 1, 4, 1, 5])
total = 0
for x in v:
    total += x
print(total)
for a, b in zip(v, v[1:]):
    print(a, b, a < b)
print([x * 2 for x in v])
print(sum(v), max(v), min(v), len(v))
print(sorted(v))
print(list(np.array([0.5, 1.5])))
names = ["a", "b", "c"]
scores = np.array([0.9, 0.4, 0.7])
for name, s in zip(names, scores):
    print(f"{name}: {s:.2f}")
best = max(zip(scores, names))
print(best)
