import numpy as np

hourly = np.arange(48, dtype=float) * 0.5 + 10
daily = hourly.reshape(2, 24)
print(daily.mean(axis=1))
print(daily.max(axis=1), daily.argmax(axis=1))
by_quarter = hourly.reshape(2, 4, 6)
print(by_quarter.shape)
print(by_quarter.sum(axis=2))
print(by_quarter.mean(axis=(2)))
print(by_quarter[1, 2])
print(by_quarter.reshape(-1, 6).min(axis=1))
flat = by_quarter.ravel()
print(flat.shape, flat[:5])
cube = np.arange(24).reshape(2, 3, 4)
print(cube.transpose(2, 0, 1).shape)
print(cube.swapaxes(0, 2).shape)
print(cube[:, 1, :])
print(cube[..., -1])
