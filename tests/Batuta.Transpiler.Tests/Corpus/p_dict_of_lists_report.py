scores = {
    "alice": [88, 92, 79],
    "bob": [75, 60, 94, 81],
    "carol": [90],
}
for name in sorted(scores, key=lambda n: -sum(scores[n]) / len(scores[n])):
    s = scores[name]
    avg = sum(s) / len(s)
    print(f"{name:<6} n={len(s)} avg={avg:6.2f} best={max(s)} {'*' if avg >= 85 else ''}")
all_scores = sorted(x for s in scores.values() for x in s)
median = all_scores[len(all_scores) // 2]
print(all_scores, median)
