import numpy as np

rng = np.random.RandomState(2024)
sample = rng.normal(loc=12.0, scale=3.0, size=60)
means = []
for _ in range(500):
    resample = rng.choice(sample, size=sample.size, replace=True)
    means.append(resample.mean())
means = np.array(means)
low, high = np.percentile(means, [2.5, 97.5])
print(f"sample mean {sample.mean():.4f}")
print(f"bootstrap mean {means.mean():.4f} std {means.std():.4f}")
print(f"95% interval [{low:.4f}, {high:.4f}]")
print(means[:5])
