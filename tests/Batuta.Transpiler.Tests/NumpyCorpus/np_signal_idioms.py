# Everyday signal and feature idioms: moving averages with np.convolve, np.interp resampling,
# np.select buckets, np.unravel_index for the peak of a grid.
import numpy as np

rng = np.random.RandomState(3)
sales = np.round(100 + np.cumsum(rng.randn(12) * 5), 1)
print(sales)
kernel = np.ones(3) / 3
print(np.round(np.convolve(sales, kernel, mode="valid"), 2))
print(np.round(np.convolve(sales, kernel, mode="same"), 2))
print(np.convolve([1, 2, 3], [0, 1, 0.5]))
print(np.convolve(np.array([1, 2, 3]), np.array([1, -1])), np.convolve([1, 2, 3, 4], [1, 1], "valid"))

hours = np.array([0.0, 6.0, 12.0, 18.0, 24.0])
temp = np.array([8.0, 7.5, 15.0, 13.0, 9.0])
grid = np.arange(0, 25, 4.5)
print(grid)
print(np.interp(grid, hours, temp))
print(np.interp(9, hours, temp), np.interp(30, hours, temp), np.interp(-1, hours, temp, left=0.0))
print(np.interp([1, 2, 5], [1, 3, 5], [10, 20, 0], right=-1))

score = np.array([12, 55, 78, 91, 40, 67, 100])
grade = np.select([score >= 90, score >= 70, score >= 50], ["A", "B", "C"], default="F")
print(grade)
bonus = np.select([score > 90, score < 50], [score * 2, score - 10])
print(bonus, bonus.dtype)
bonusf = np.select([score > 90, score < 50], [score * 1.5, np.zeros(7)], default=-1)
print(bonusf)

heat = np.round(rng.rand(4, 5), 3)
print(heat)
flat = np.argmax(heat)
r, c = np.unravel_index(flat, heat.shape)
print(flat, r, c, heat[r, c])
rows, cols = np.unravel_index([3, 7, 19], (4, 5))
print(rows, cols)
print(np.unravel_index(np.argmin(heat), heat.shape))
