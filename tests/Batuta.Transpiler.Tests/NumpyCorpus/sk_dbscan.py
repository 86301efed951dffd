import numpy as np
from sklearn.cluster import DBSCAN

rng = np.random.RandomState(8)
X = np.vstack([
    rng.normal(loc=(0, 0), scale=0.2, size=(40, 2)),
    rng.normal(loc=(3, 3), scale=0.2, size=(40, 2)),
    np.array([[10.0, 10.0], [-8.0, 5.0]]),
])
db = DBSCAN(eps=0.5, min_samples=4)
labels = db.fit_predict(X)
print(sorted(set(labels.tolist())))
print("noise points", np.sum(labels == -1))
print(np.bincount(labels[labels >= 0]))
