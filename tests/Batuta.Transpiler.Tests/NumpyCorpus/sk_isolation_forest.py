import numpy as np
from sklearn.ensemble import IsolationForest

rng = np.random.RandomState(42)
normal = rng.normal(scale=0.5, size=(200, 2))
anomalies = rng.uniform(low=-4, high=4, size=(10, 2))
X = np.vstack([normal, anomalies])
iso = IsolationForest(n_estimators=50, contamination=0.05, random_state=0)
pred = iso.fit_predict(X)
print(np.unique(pred, return_counts=True))
print("flagged among planted anomalies", np.sum(pred[200:] == -1))
print(pred[-10:])
