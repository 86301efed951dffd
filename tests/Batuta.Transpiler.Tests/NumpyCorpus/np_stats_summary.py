"""Column summary of a sensor table, as a data-quality report prints it."""
import numpy as np

rng = np.random.RandomState(21)
names = ["temperature", "pressure", "humidity", "flow"]
table = np.column_stack([
    rng.normal(21.5, 3.0, 250),
    rng.normal(101.3, 0.8, 250),
    rng.uniform(20, 80, 250),
    rng.exponential(4.0, 250),
])


def describe(values):
    return {
        "count": len(values),
        "mean": values.mean(),
        "std": values.std(ddof=1),
        "min": values.min(),
        "p25": np.percentile(values, 25),
        "median": np.median(values),
        "p75": np.percentile(values, 75),
        "max": values.max(),
    }


print(f"{'column':<12}" + "".join(f"{k:>10}" for k in ["count", "mean", "std", "min", "p25", "median", "p75", "max"]))
for i, name in enumerate(names):
    stats = describe(table[:, i])
    row = f"{name:<12}{stats['count']:>10d}"
    for key in ["mean", "std", "min", "p25", "median", "p75", "max"]:
        row += f"{stats[key]:>10.3f}"
    print(row)
print("column means:", table.mean(axis=0))
print("overall mean:", table.mean())
