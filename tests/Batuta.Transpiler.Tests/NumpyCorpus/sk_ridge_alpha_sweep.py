# Regularisation sweep: scaled ridge pipelines, residual analysis and shuffled K-fold scores.
import numpy as np
from sklearn.model_selection import train_test_split, cross_val_score, KFold
from sklearn.preprocessing import StandardScaler, MinMaxScaler
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.metrics import mean_squared_error, r2_score, mean_absolute_error


def make_data(n_samples=200, noise=0.5, seed=42):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_samples, 4)
    true_w = np.array([1.5, -2.0, 0.0, 0.7])
    y = X @ true_w + 3.0 + noise * rng.randn(n_samples)
    return X, y


def evaluate(model, X_test, y_test):
    pred = model.predict(X_test)
    return {
        "rmse": np.sqrt(mean_squared_error(y_test, pred)),
        "mae": mean_absolute_error(y_test, pred),
        "r2": r2_score(y_test, pred),
    }


X, y = make_data()
print("X shape:", X.shape, "y mean: %.4f" % y.mean())
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)

results = {}
for alpha in [0.01, 0.1, 1.0, 10.0]:
    pipe = Pipeline([("scale", StandardScaler()), ("ridge", Ridge(alpha=alpha))])
    pipe.fit(X_train, y_train)
    results[alpha] = evaluate(pipe, X_test, y_test)
    print("alpha=%-5g rmse=%.4f mae=%.4f r2=%.4f" % (alpha, results[alpha]["rmse"], results[alpha]["mae"], results[alpha]["r2"]))

best_alpha = min(results, key=lambda a: results[a]["rmse"])
print("best alpha:", best_alpha)

lr = LinearRegression().fit(X_train, y_train)
print("coef:", np.round(lr.coef_, 3))
print("intercept: {:.3f}".format(lr.intercept_))
residuals = y_test - lr.predict(X_test)
print("residual std:", residuals.std().round(4))
print("worst 3:", np.sort(np.abs(residuals))[-3:].round(3))

scores = cross_val_score(Ridge(alpha=1.0), X, y, cv=KFold(n_splits=5, shuffle=True, random_state=0), scoring="r2")
print("cv r2: %.4f +/- %.4f" % (scores.mean(), scores.std()))
print(scores)

mm = MinMaxScaler().fit(X_train)
Xs = mm.transform(X_test)
print(Xs.min(axis=0).round(3), Xs.max(axis=0).round(3))
feature_names = ["f0", "f1", "f2", "f3"]
order = np.argsort(-np.abs(lr.coef_))
for rank, i in enumerate(order, start=1):
    print(f"{rank}. {feature_names[i]}: {lr.coef_[i]:+.3f}")
