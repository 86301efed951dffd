"""Three iterations of k-means written by hand, as in a teaching notebook."""
import numpy as np

rng = np.random.RandomState(1)
centers_true = np.array([[0.0, 0.0], [5.0, 5.0], [0.0, 6.0]])
X = np.vstack([c + rng.normal(scale=0.7, size=(40, 2)) for c in centers_true])
k = 3
centroids = X[rng.choice(len(X), k, replace=False)]
for step in range(5):
    d = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = d.argmin(axis=1)
    new = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    shift = np.abs(new - centroids).max()
    centroids = new
    print(f"step {step}: sizes {np.bincount(labels, minlength=k)}, shift {shift:.4f}")
print(np.round(centroids[np.argsort(centroids[:, 0] + centroids[:, 1])], 3))
inertia = ((X - centroids[labels]) ** 2).sum()
print(f"inertia {inertia:.3f}")
