import numpy as np
from sklearn.cluster import KMeans

rng = np.random.RandomState(0)
blobs = np.vstack([
    rng.normal(loc=(0, 0), scale=0.5, size=(50, 2)),
    rng.normal(loc=(5, 5), scale=0.5, size=(50, 2)),
    rng.normal(loc=(0, 5), scale=0.5, size=(50, 2)),
])
km = KMeans(n_clusters=3, n_init=10, random_state=0)
labels = km.fit_predict(blobs)
print(np.bincount(labels))
print(f"inertia {km.inertia_:.3f}")
centers = km.cluster_centers_
order = np.argsort(centers[:, 0] * 10 + centers[:, 1])
print(np.round(centers[order], 3))
print(labels[:10])
print(km.predict(np.array([[0.1, 0.2], [4.9, 5.2]])))
