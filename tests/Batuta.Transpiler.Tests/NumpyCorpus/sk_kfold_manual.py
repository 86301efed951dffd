import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold

rng = np.random.RandomState(9)
X = rng.uniform(0, 1, size=(60, 2))
y = X[:, 0] * 4 - X[:, 1] + rng.normal(scale=0.1, size=60)
kf = KFold(n_splits=4, shuffle=True, random_state=5)
errors = []
for fold, (train_idx, test_idx) in enumerate(kf.split(X)):
    model = LinearRegression().fit(X[train_idx], y[train_idx])
    err = mean_squared_error(y[test_idx], model.predict(X[test_idx]))
    errors.append(err)
    print(f"fold {fold}: train {len(train_idx)} test {len(test_idx)} first test rows {test_idx[:3]} mse {err:.5f}")
print(f"mean mse {np.mean(errors):.5f}")
