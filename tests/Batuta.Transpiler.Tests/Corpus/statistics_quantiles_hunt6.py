# Response-time report: quartiles, deciles and means as the statistics module computes them.
import statistics

latencies = [120, 95, 180, 101, 99, 250, 130, 87, 160, 110, 142]
print(statistics.quantiles(latencies))
print(statistics.quantiles(latencies, n=10))
print(statistics.quantiles(latencies, n=4, method="inclusive"))
print(statistics.quantiles([1.5, 2.25, 3.0, 7.75], n=3))
print(statistics.quantiles([1, 2, 3, 4, 5, 6], n=4))
print(statistics.quantiles([10, 20], n=5, method="inclusive"))
print(statistics.quantiles(range(1, 101), n=100)[:5])
print(statistics.geometric_mean([1, 4]))
print(round(statistics.geometric_mean([54, 24, 36]), 9))
print(statistics.geometric_mean([1.1, 2.2, 3.3]))
print(statistics.harmonic_mean([40, 60]))
print(statistics.harmonic_mean([2.5, 3, 10]))
print(statistics.harmonic_mean([3, 0, 4]))

for bad in ([5], []):
    try:
        statistics.quantiles(bad)
    except statistics.StatisticsError as exc:
        print("StatisticsError:", exc)
try:
    statistics.quantiles([1, 2, 3], n=0)
except statistics.StatisticsError as exc:
    print("StatisticsError:", exc)
try:
    statistics.quantiles([1, 2, 3], method="nearest")
except ValueError as exc:
    print("ValueError:", exc)
try:
    statistics.geometric_mean([3, -1])
except statistics.StatisticsError as exc:
    print("StatisticsError:", exc)
