import numpy as np

grid = np.zeros((5, 5), dtype=int)
grid[[0, 2, 4], [1, 3, 0]] = 7
print(grid)
grid[grid == 0] = -1
print((grid == -1).sum())
v = np.arange(10.0)
v[[1, 3, 5]] += 100
print(v)
v[v > 50] = np.array([1.0, 2.0, 3.0])
print(v)
m = np.arange(12).reshape(3, 4)
m[1:, 1:] = 0
print(m)
m[:, 0] = np.array([9, 8, 7])
print(m)
rows = np.array([True, False, True])
m[rows] = 5
print(m)
