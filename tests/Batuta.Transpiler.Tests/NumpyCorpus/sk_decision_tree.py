import numpy as np
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.RandomState(2)
X = rng.uniform(0, 10, size=(300, 3))
y = ((X[:, 0] > 5) & (X[:, 1] < 7)).astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
tree = DecisionTreeClassifier(max_depth=3, random_state=0)
tree.fit(X_train, y_train)
print(f"train accuracy {tree.score(X_train, y_train):.4f}")
print(f"test accuracy {accuracy_score(y_test, tree.predict(X_test)):.4f}")
print(np.round(tree.feature_importances_, 4))
reg = DecisionTreeRegressor(max_depth=4, random_state=0)
reg.fit(X_train, np.sin(X_train[:, 0]) + 0.1 * X_train[:, 2])
print(np.round(reg.predict(X_test[:5]), 4))
print(f"r2 {reg.score(X_test, np.sin(X_test[:, 0]) + 0.1 * X_test[:, 2]):.4f}")
