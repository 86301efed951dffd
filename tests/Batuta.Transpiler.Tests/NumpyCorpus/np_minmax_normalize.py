import numpy as np

X = np.array([[50.0, 3.0, 1200.0], [60.0, 2.5, 1500.0], [55.0, 4.0, 900.0], [70.0, 3.5, 2000.0]])
lo = X.min(axis=0)
hi = X.max(axis=0)
scaled = (X - lo) / (hi - lo)
print(scaled)
norms = np.linalg.norm(X, axis=1)
unit = X / norms[:, None]
print(np.round((unit ** 2).sum(axis=1), 12))
col_std = X.std(axis=0, ddof=1)
print(col_std)
standardized = (X - X.mean(axis=0)) / col_std
print(np.round(standardized, 5))
ranks = X.argsort(axis=0).argsort(axis=0)
print(ranks)
