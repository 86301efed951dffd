"""Loading and preparing the maintenance table."""
import numpy as np

COLUMNS = ["age_years", "load_pct", "temp_c", "vibration_mm_s", "run_hours", "site", "repair_cost", "failed"]


def load_table(path):
    """Reads the CSV export of the maintenance database into a float matrix."""
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    if data.shape[1] != len(COLUMNS):
        raise ValueError(f"expected {len(COLUMNS)} columns, found {data.shape[1]}")
    return data


def column(data, name):
    return data[:, COLUMNS.index(name)]


def engineer_features(data):
    """Numeric features for the models: raw sensors, a log of run hours, a stress index and site flags."""
    age = column(data, "age_years")
    load = column(data, "load_pct")
    temp = column(data, "temp_c")
    vibration = column(data, "vibration_mm_s")
    hours = column(data, "run_hours")
    site = column(data, "site").astype(int)

    stress = load / 100.0 * np.sqrt(vibration + 1.0)
    log_hours = np.log1p(hours)
    site_flags = np.zeros((data.shape[0], 3))
    site_flags[np.arange(data.shape[0]), site] = 1.0

    X = np.column_stack([age, load, temp, vibration, log_hours, stress])
    return np.hstack([X, site_flags[:, 1:]])


def summarize(data):
    """Per-column mean, std, min and max, as the old dashboard printed them."""
    means = data.mean(axis=0)
    stds = data.std(axis=0)
    lows = data.min(axis=0)
    highs = data.max(axis=0)
    return [(name, means[i], stds[i], lows[i], highs[i]) for i, name in enumerate(COLUMNS)]


def fold_indices(n, k, seed):
    """Shuffled k-fold index sets, reproducible through the seed."""
    order = np.random.RandomState(seed).permutation(n)
    return np.array_split(order, k)
