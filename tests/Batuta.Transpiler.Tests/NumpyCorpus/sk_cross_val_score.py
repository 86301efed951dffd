import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import cross_val_score

rng = np.random.RandomState(17)
X = rng.normal(size=(150, 4))
y_class = (X[:, 0] - X[:, 2] > 0).astype(int)
y_reg = X @ np.array([1.0, 0.5, -1.0, 2.0]) + rng.normal(scale=0.3, size=150)
scores = cross_val_score(LogisticRegression(), X, y_class, cv=5)
print(np.round(scores, 4))
print(f"mean {scores.mean():.4f} std {scores.std():.4f}")
r2 = cross_val_score(Ridge(alpha=1.0), X, y_reg, cv=3)
print(np.round(r2, 4))
