import numpy as np

rng = np.random.RandomState(44)
train = rng.normal(size=(30, 2))
labels = (train[:, 0] > 0).astype(int)
queries = np.array([[1.0, 0.0], [-1.0, 0.5], [0.1, -0.2]])
for q in queries:
    d = np.sqrt(((train - q) ** 2).sum(axis=1))
    nearest = np.argsort(d)[:5]
    vote = np.bincount(labels[nearest], minlength=2).argmax()
    print(np.round(d[nearest], 4), labels[nearest], vote)
