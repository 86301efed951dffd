import sys


def nsieve(m: int) -> int:
    flags = [True] * m
    count = 0
    for i in range(2, m):
        if flags[i]:
            for j in range(i + i, m, i):
                flags[j] = False
            count += 1
    return count


n = int(sys.argv[1]) if len(sys.argv) > 1 else 6
for k in range(3):
    m = (1 << (n - k)) * 10000
    print(f"Primes up to {m:8d} {nsieve(m):8d}")
