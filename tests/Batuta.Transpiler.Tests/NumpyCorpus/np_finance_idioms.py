# Portfolio-style numpy idioms: running maxima for drawdowns, safe division under np.errstate,
# NaN-aware arg-reductions, padding and cross products.
import numpy as np

prices = np.array([100.0, 104.0, 101.5, 108.0, 97.0, 99.5, 111.0, 106.0, 95.0, 102.0])
peak = np.maximum.accumulate(prices)
drawdown = (prices - peak) / peak
print(peak)
print(np.round(drawdown, 4), drawdown.argmin())
trough = np.minimum.accumulate(prices[::-1])[::-1]
print(trough)
returns = np.diff(prices) / prices[:-1]
print(np.round(np.cumprod(1 + returns), 4))
print(np.add.accumulate(np.array([1, 2, 3, 4])), np.multiply.accumulate(np.array([[1, 2], [3, 4]]), axis=1))

held = np.array([0.0, 10.0, 5.0, 0.0])
cost = np.array([0.0, 250.0, 80.0, 12.0])
with np.errstate(divide="ignore", invalid="ignore"):
    unit = cost / held
print(unit, np.isfinite(unit).sum())
clean = np.where(np.isfinite(unit), unit, 0.0)
print(clean)

vol = np.array([[0.2, np.nan, 0.15], [np.nan, 0.3, 0.1]])
print(np.nanargmax(vol), np.nanargmin(vol), np.nanargmax(vol, axis=1))
cube = np.arange(24).reshape(2, 3, 4)
print(cube.mean(axis=2), cube.sum(axis=1)[:, -1], np.max(cube, axis=0)[-1])
print(np.mean(prices[prices > 100]))

print(np.pad(np.array([1, 2, 3]), 2), np.pad(np.array([1, 2, 3]), (1, 0), constant_values=9))
print(np.pad(np.ones((2, 2)), 1))
print(np.pad(np.array([1.5, 2.5]), (0, 2), mode="edge"))
print(np.cross(np.array([1, 0, 0]), np.array([0, 1, 0])), np.cross([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]))
print(np.atleast_2d(np.array([1, 2])).shape, np.atleast_1d(5.0))
