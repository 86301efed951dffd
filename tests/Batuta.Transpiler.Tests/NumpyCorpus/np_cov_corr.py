import numpy as np

rng = np.random.RandomState(31)
x = rng.normal(size=100)
y = 2 * x + rng.normal(scale=0.5, size=100)
z = rng.normal(size=100)
print(np.round(np.corrcoef(x, y), 4))
stacked = np.vstack([x, y, z])
print(np.round(np.corrcoef(stacked), 4))
print(np.round(np.cov(x, y), 4))
print(np.round(np.cov(x), 4))
print(round(np.corrcoef(x, z)[0, 1], 4))
