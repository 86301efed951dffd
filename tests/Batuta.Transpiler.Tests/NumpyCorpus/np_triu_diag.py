import numpy as np

m = np.arange(1, 17).reshape(4, 4)
print(np.triu(m))
print(np.tril(m, -1))
print(np.diag(m))
print(np.diag(m, 1))
print(np.diag(np.array([1, 2])))
print(m[np.triu(np.ones((4, 4), dtype=bool))])
print(np.eye(3, k=1))
print(np.trace(m))
