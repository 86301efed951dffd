import numpy as np
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(11)
X = rng.uniform(0, 10, size=(200, 3))
y = 3.0 * X[:, 0] - 2.0 * X[:, 1] + 0.5 * X[:, 2] + rng.normal(0, 1.0, 200)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
for model in [LinearRegression(), Ridge(alpha=10.0)]:
    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    print(type(model).__name__)
    print("coef", np.round(model.coef_, 3))
    print(f"intercept {model.intercept_:.3f}")
    print(f"r2 {r2_score(y_test, pred):.4f}")
    print(f"mse {mean_squared_error(y_test, pred):.4f}")
    print(f"mae {mean_absolute_error(y_test, pred):.4f}")
