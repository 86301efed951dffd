import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(6)
X = rng.normal(size=(400, 5))
y = (X[:, 0] + X[:, 1] ** 2 - X[:, 2] > 0.5).astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=3)
forest = RandomForestClassifier(n_estimators=25, max_depth=6, random_state=42)
forest.fit(X_train, y_train)
acc = forest.score(X_test, y_test)
print(f"forest accuracy {acc:.3f}")
print("importances", np.round(forest.feature_importances_, 3))
print(forest.predict(X_test[:10]))
reg = RandomForestRegressor(n_estimators=20, random_state=0)
reg.fit(X_train, X_train[:, 0] * 2 + X_train[:, 3])
print(f"forest r2 {reg.score(X_test, X_test[:, 0] * 2 + X_test[:, 3]):.3f}")
