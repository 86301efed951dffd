points = [(1, 2), (3, 4), (5, 6)]
xs = [x for x, _ in points]
ys = [y for _, y in points]
print(xs, ys, sum(x * y for x, y in points))
(a, b), (c, d), *_ = points
print(a, b, c, d)
centroid = (sum(xs) / len(xs), sum(ys) / len(ys))
print(centroid)
