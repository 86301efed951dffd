import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(13)
X = rng.uniform(-3, 3, size=(250, 2))
y = (X[:, 0] ** 2 + X[:, 1] ** 2 < 4).astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
for k in [1, 5, 15]:
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_train, y_train)
    print(f"k={k:2d} accuracy {knn.score(X_test, y_test):.4f}")
reg = KNeighborsRegressor(n_neighbors=3)
reg.fit(X_train, X_train.sum(axis=1))
print(np.round(reg.predict(X_test[:4]), 4))
