import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(20)
X = rng.uniform(-2, 2, size=(300, 3))
y = X[:, 0] ** 2 + np.sin(3 * X[:, 1]) + 0.1 * rng.normal(size=300)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=4)
gbr = GradientBoostingRegressor(n_estimators=50, max_depth=3, learning_rate=0.1, random_state=0)
gbr.fit(X_train, y_train)
print(f"gbr r2 {gbr.score(X_test, y_test):.3f}")
gbc = GradientBoostingClassifier(n_estimators=30, random_state=0)
gbc.fit(X_train, (y_train > np.median(y)).astype(int))
print(f"gbc accuracy {gbc.score(X_test, (y_test > np.median(y)).astype(int)):.3f}")
