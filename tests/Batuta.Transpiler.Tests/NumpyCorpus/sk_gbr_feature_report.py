# Gradient boosting regression: feature importances, error summaries and Python-level iteration over arrays.
import json
import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(11)
X = rng.uniform(0, 1, (150, 4))
y = 2 * X[:, 0] + np.sin(3 * X[:, 1]) + 0.1 * rng.standard_normal(150)
names = ["temp", "load", "age", "noise"]

Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=3)
gbr = GradientBoostingRegressor(n_estimators=60, max_depth=2, learning_rate=0.1, random_state=0)
gbr.fit(Xtr, ytr)
imp = gbr.feature_importances_
for score, name in sorted(zip(imp, names), reverse=True):
    print(f"{name:<6} {score:.3f} {score:.1%}")
ranking = dict(zip(names, np.round(imp, 3)))
print(ranking)
print(json.dumps({k: float(v) for k, v in ranking.items()}))
pred = gbr.predict(Xte)
err = np.abs(pred - yte)
print("mean abs err %.4f, max %.4f" % (err.mean(), err.max()))
print("within 0.1:", int(np.sum(err < 0.1)), "of", len(err))
for i, (p, t) in enumerate(zip(pred[:3], yte[:3])):
    print(i, round(p, 3), round(t, 3), "ok" if abs(p - t) < 0.2 else "off")
total = 0.0
for row in Xte[:4]:
    total += row.sum()
print(round(total, 6))
print(round(sum(err[:5]) / 5, 10), round(max(err), 10), round(min(pred), 10))
print(list(np.round(pred[:3], 2)))
print(f"{err.mean():.3e}", f"{len(err):04d}", str(np.round(err[:2], 4)))
best = int(np.argmin(err))
print("best idx", best, "value", pred[best].round(3))
stats = {"n": len(y), "mean": round(float(y.mean()), 4), "std": round(float(y.std()), 4)}
print(stats)
print(np.mean([err.mean(), err.max()]).round(10))
hist = {}
for v in np.digitize(err, [0.05, 0.1, 0.2]):
    hist[int(v)] = hist.get(int(v), 0) + 1
print(sorted(hist.items()))
