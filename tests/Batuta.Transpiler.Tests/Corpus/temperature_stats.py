readings = {
    "mon": [12.5, 14.0, 13.2],
    "tue": [15.1, 16.8, 14.9, 15.5],
    "wed": [9.8, 11.2],
}
summary = {}
for day, temps in readings.items():
    summary[day] = (min(temps), max(temps), round(sum(temps) / len(temps), 2))
for day, (lo, hi, avg) in summary.items():
    print(f"{day}: lo={lo} hi={hi} avg={avg}")
all_temps = [t for ts in readings.values() for t in ts]
print(len(all_temps), sorted(all_temps)[:3], round(sum(all_temps) / len(all_temps), 3))
warmest = max(summary, key=lambda d: summary[d][1])
print("warmest:", warmest)
