import numpy as np

x = np.linspace(0, 4, 21)
rng = np.random.RandomState(8)
y = 1.5 * x ** 2 - 2.0 * x + 0.7 + rng.normal(0, 0.1, x.size)
design = np.column_stack([x ** 2, x, np.ones_like(x)])
coef, residuals, rank, sv = np.linalg.lstsq(design, y, rcond=None)
print("coefficients", np.round(coef, 4))
print("rank", rank)
fitted = design @ coef
print("rmse", round(float(np.sqrt(np.mean((fitted - y) ** 2))), 4))
q, r = np.linalg.qr(design)
print(q.shape, r.shape)
print(np.round(np.abs(np.diag(r)), 4))
