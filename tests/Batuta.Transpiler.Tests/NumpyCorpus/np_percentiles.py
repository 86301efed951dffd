import numpy as np

rng = np.random.RandomState(77)
latency = rng.exponential(20.0, 1000)
for q in [50, 90, 95, 99]:
    print(f"p{q}: {np.percentile(latency, q):.3f}")
print(np.quantile(latency, 0.5))
print(np.percentile(np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [10, 50, 90]))
print(np.median(np.array([3, 1, 4, 1, 5, 9, 2, 6])))
counts, edges = np.histogram(latency, bins=8)
print(counts)
print(np.round(edges, 3))
counts2, edges2 = np.histogram(np.array([1, 2, 2, 3, 3, 3, 4]), bins=3)
print(counts2, edges2)
print(np.percentile(latency.reshape(100, 10), 50, axis=0).shape)
