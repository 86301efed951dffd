import numpy as np
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.tree import DecisionTreeRegressor
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(33)
X = rng.uniform(0, 5, size=(150, 2))
y = 1.5 * X[:, 0] + np.sin(X[:, 1]) + rng.normal(scale=0.1, size=150)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=11)
models = {
    "linear": LinearRegression(),
    "ridge": Ridge(alpha=3.0),
    "tree": DecisionTreeRegressor(max_depth=5, random_state=0),
}
results = {}
for name, model in models.items():
    model.fit(X_train, y_train)
    results[name] = model.score(X_test, y_test)
    print(f"{name:<8} {type(model).__name__:<22} r2={results[name]:.4f}")
best = max(results, key=lambda name: results[name])
print("best:", best)
