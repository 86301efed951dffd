import numpy as np

print(np.tile(np.array([[1, 2], [3, 4]]), (2, 3)))
print(np.repeat(np.array([[1, 2], [3, 4]]), 2, axis=0))
print(np.repeat(np.array([7, 8, 9]), [1, 2, 3]))
xs, ys = np.meshgrid(np.arange(3), np.arange(2))
print(xs)
print(ys)
grid = np.stack([xs.ravel(), ys.ravel()], axis=1)
print(grid)
print(np.tile(np.array([0.5, 1.0]), 3))
