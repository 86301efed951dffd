import random

random.seed(99)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(500)]
counts = {total: 0 for total in range(2, 13)}
for r in rolls:
    counts[r] += 1
for total, n in counts.items():
    print(f"{total:2d} {n:3d} {'*' * (n // 5)}")
print(max(counts, key=lambda k: counts[k]))
