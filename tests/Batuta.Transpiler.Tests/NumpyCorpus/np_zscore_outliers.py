import numpy as np

rng = np.random.RandomState(5)
readings = rng.normal(100.0, 15.0, 500)
readings[[17, 123, 301]] = [190.0, 5.0, 210.0]
mean = readings.mean()
std = readings.std()
z = (readings - mean) / std
outliers = np.abs(z) > 3
print("mean", mean)
print("std", std)
print("outlier count", outliers.sum())
print("outlier positions", np.nonzero(outliers)[0])
print("outlier values", readings[outliers])
print("z of outliers", np.round(z[outliers], 3))
cleaned = readings[~outliers]
print("cleaned size", cleaned.size, "mean", cleaned.mean())
clipped = np.clip(readings, mean - 3 * std, mean + 3 * std)
print("clipped max", clipped.max(), "min", clipped.min())
