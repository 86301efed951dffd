import numpy as np

np.random.seed(99)
steps = np.random.choice([-1, 1], size=1000)
walk = np.cumsum(steps)
print(walk[:20])
print("final", walk[-1], "max", walk.max(), "min", walk.min())
print("first time |walk| >= 10:", np.argmax(np.abs(walk) >= 10))
crossings = np.sum(np.diff(np.sign(walk)) != 0)
print("sign changes", crossings)
walks = np.random.randint(0, 2, size=(5, 100)) * 2 - 1
ends = walks.cumsum(axis=1)[:, -1]
print(ends)
