import numpy as np

rng = np.random.RandomState(12)
base = rng.normal(size=(200, 2))
X = np.column_stack([base[:, 0], 0.8 * base[:, 0] + 0.2 * base[:, 1], base[:, 1] * 0.5])
Xc = X - X.mean(axis=0)
cov = np.cov(Xc, rowvar=False)
print(np.round(cov, 4))
values, vectors = np.linalg.eigh(cov)
# the data has rank 2: the third eigenvalue is rounding noise whose sign depends on the LAPACK build (+ 0.0 turns -0. into 0.)
order = np.argsort(values)[::-1]
values = values[order]
print("eigenvalues", np.round(values, 4) + 0.0)
explained = values / values.sum()
print("explained", np.round(explained, 4) + 0.0)
print("cumulative", np.round(np.cumsum(explained), 4))
components = vectors[:, order]
projected = Xc @ components[:, :2]
print(projected.shape)
print("projected variances", np.round(projected.var(axis=0, ddof=1), 4))
