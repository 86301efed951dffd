import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

rng = np.random.RandomState(15)
X = rng.normal(loc=[10, 200, -5], scale=[2, 40, 1], size=(120, 3))
y = 0.5 * X[:, 0] + 0.01 * X[:, 1] - 2 * X[:, 2] + rng.normal(scale=0.2, size=120)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=2)
pipe = make_pipeline(StandardScaler(), Ridge(alpha=0.5))
pipe.fit(X_train, y_train)
print(f"r2 {r2_score(y_test, pipe.predict(X_test)):.4f}")
print("steps", [name for name, _ in pipe.steps])
ridge = pipe.steps[-1][1]
print(np.round(ridge.coef_, 3), round(ridge.intercept_, 3))
scaler = pipe.steps[0][1]
print(np.round(scaler.mean_, 3))
named = Pipeline([("scale", StandardScaler()), ("model", Ridge(alpha=2.0))])
named.fit(X_train, y_train)
print(f"named r2 {named.score(X_test, y_test):.4f}")
print(named)
