import numpy as np

points = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [1.0, 1.0]])
diff = points[:, np.newaxis, :] - points[np.newaxis, :, :]
dist = np.sqrt((diff ** 2).sum(axis=-1))
print(diff.shape)
print(dist)
nearest = np.argsort(dist, axis=1)[:, 1]
print(nearest)
a = np.arange(3).reshape(3, 1)
b = np.arange(4)
print(a + b)
print(a * b)
print((a + b).shape)
weights = np.array([0.2, 0.3, 0.5])
matrix = np.ones((4, 3))
print(matrix * weights)
print((matrix * weights).sum(axis=1))
centered = points - points.mean(axis=0)
print(centered)
