# Categorical columns as numpy string arrays: masks, counts, sorting, where, dtype widths and truncation.
import numpy as np

colors = np.array(["red", "green", "blue", "green", "red", "red"])
print(colors)
print(repr(colors))
print(colors.dtype, colors.shape, len(colors))
print(colors[0], colors[-2:], colors[[0, 2]])
print(colors == "red")
print((colors == "red").sum(), np.sum(colors != "red"))
print(colors[colors != "green"])
vals, counts = np.unique(colors, return_counts=True)
print(vals, counts)
for v, c in zip(vals, counts):
    print(f"{v:>6}: {c}")
sizes = np.array([3, 10, 7, 1, 8, 4])
label = np.where(sizes > 5, "big", "small")
print(label)
print(np.sort(colors), np.argsort(colors))
grid = np.array([["a", "bb"], ["ccc", "d"]])
print(grid)
print(repr(grid))
print(grid.T, grid.ravel())
codes = {name: i for i, name in enumerate(vals)}
print(codes)
print([codes[c] for c in colors])
print(np.concatenate([colors[:2], np.array(["pink"])]))
print(np.repeat(np.array(["x", "y"]), 3))
upper = [c.upper() for c in colors]
print(upper)
print(colors.tolist())
print(sizes.astype(str), np.array(["1.5", "2"]).astype(float))
c2 = colors.copy()
c2[1] = "violet"
print(c2, colors[1])
print(np.array(["b", "a"]) < np.array(["a", "b"]))
print(np.isin(colors, ["red", "blue"]), np.isin([1, 5, 7], np.array([5, 6, 7])))
