import numpy as np

categories = np.array([2, 0, 1, 2, 2, 0])
n = categories.size
onehot = np.zeros((n, 3))
onehot[np.arange(n), categories] = 1.0
print(onehot)
print(onehot.sum(axis=0))
print(onehot.argmax(axis=1))
eye = np.eye(4, dtype=int)
print(eye[np.array([3, 1, 1, 0])])
counts = np.bincount(categories, minlength=4)
print(counts)
weights = np.array([0.5, 1.0, 2.0, 0.5, 1.5, 1.0])
print(np.bincount(categories, weights=weights))
