"""The statistics module (exact sums as CPython: int means stay ints, correctly rounded stdev), itertools.chain(*rows) and chain.from_iterable, round() of dynamic numbers."""
import itertools
import random
import statistics
from itertools import chain
xs = [[1, 2], [3]]
print(list(itertools.chain(*xs)), list(chain.from_iterable(xs)), list(itertools.chain.from_iterable(["ab", "c"])))
words = ["a b", "c"]
print(sorted(chain.from_iterable(w.split() for w in words)))
from statistics import mean, median
data = [2, 4, 4, 4, 5, 5, 7, 9]
fl = [0.1, 0.2, 0.3, 0.4]
print(mean(data), mean([1, 2]), mean(fl), statistics.fmean(data))
print(median(data), median([3, 1, 2]), median(fl), statistics.median_low(data), statistics.median_high(data))
print(statistics.mode(data), statistics.multimode("aabbc"), statistics.mode(["x", "y", "y"]))
print(statistics.variance(data), statistics.pvariance(data), statistics.variance([1, 3, 5]))
print(statistics.stdev(data), statistics.pstdev(data), statistics.stdev(fl))
print(statistics.variance(fl), statistics.mean([1e16, 1.0, -1e16]))
scores = {"a": [90, 85.5], "b": [70]}
for k, v in scores.items():
    print(k, round(mean(v), 2))
try:
    mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
try:
    statistics.stdev([1])
except ValueError as e:
    print("ValueError:", e)
rng = random.Random(7)
for size in (2, 5, 50, 400):
    xs = [rng.gauss(10, 3) for _ in range(size)]
    ys = [rng.randint(-50, 50) for _ in range(size)]
    print(size, mean(xs), statistics.stdev(xs), statistics.pstdev(xs), statistics.variance(xs), median(xs))
    print(size, mean(ys), statistics.stdev(ys), statistics.pvariance(ys), statistics.variance(ys), median(ys))
