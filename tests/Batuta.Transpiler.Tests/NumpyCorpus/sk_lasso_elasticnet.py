import numpy as np
from sklearn.linear_model import ElasticNet, Lasso

rng = np.random.RandomState(23)
X = rng.normal(size=(100, 6))
true_coef = np.array([3.0, 0.0, -2.0, 0.0, 0.0, 1.0])
y = X @ true_coef + rng.normal(scale=0.1, size=100)
lasso = Lasso(alpha=0.1)
lasso.fit(X, y)
print(np.round(lasso.coef_, 3))
print("zero coefficients", np.sum(lasso.coef_ == 0))
print(f"intercept {lasso.intercept_:.4f}")
enet = ElasticNet(alpha=0.2, l1_ratio=0.5)
enet.fit(X, y)
print(np.round(enet.coef_, 3))
print(f"r2 {enet.score(X, y):.4f}")
