# Missing values: nan-aware statistics, imputation by column means, standardisation and summaries.
import numpy as np

np.set_printoptions(precision=3, suppress=True)
np.random.seed(0)
X = np.random.randn(12, 3) * [1.0, 10.0, 100.0] + [0.0, 50.0, 500.0]
X[2, 1] = np.nan
X[7, 0] = np.nan
print(X[:4])
print(np.isnan(X).sum(axis=0), np.isnan(X).any(axis=1).sum())
col_means = np.nanmean(X, axis=0)
print(col_means)
rows, cols = np.where(np.isnan(X))
X[rows, cols] = np.take(col_means, cols)
print(np.isnan(X).sum())
Xc = np.c_[np.ones(len(X)), X]
print(Xc.shape, Xc[:2])
stacked = np.r_[X[:2], X[-2:]]
print(stacked.shape)
mu = np.mean(X, axis=0, keepdims=True)
sd = X.std(axis=0, ddof=1, keepdims=True)
Z = (X - mu) / sd
print(Z[:3])
norms = np.linalg.norm(Z, axis=1, keepdims=True)
print((Z / norms)[:2])
print(np.percentile(X, [25, 50, 75], axis=0))
print(np.quantile(X[:, 0], 0.9))
print(np.corrcoef(X.T))
print(np.cov(X, rowvar=False).shape)
idx = np.random.permutation(len(X))
print(idx)
sample = np.random.choice(len(X), 4, replace=False)
print(sample, X[sample][:, 0])
print(np.clip(Z, -1, 1)[:2])
print(X[:, None, 0].shape, X[np.newaxis].shape)
print(np.diff(np.sort(X[:, 0]))[:3])
print(np.array2string(X[0], precision=2))
print(X.max(), X.argmin(axis=0))
