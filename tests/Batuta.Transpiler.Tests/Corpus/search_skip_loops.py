def sieve(m: int) -> list[int]:
    flags = [True] * m
    primes = []
    for i in range(2, m):
        if flags[i]:
            primes.append(i)
            for j in range(i * i, m, i):
                flags[j] = False
    return primes


def last_index(flags: list[bool], lo: int, hi: int) -> int:
    i = -1
    hits = 0
    for i in range(lo, hi):
        if flags[i]:
            hits += 1
    print("hits", hits, "i after loop", i)
    return i


def clears_behind(n: int) -> int:
    # the body clears flags before and after i: later reads see the writes, as in Python
    flags = [True] * n
    seen = 0
    for i in range(n):
        if flags[i]:
            seen += 1
            if i + 1 < n:
                flags[i + 1] = False
            flags[i // 2] = True
    return seen


def too_short() -> None:
    flags = [False, False, True, False]
    found = []
    try:
        for i in range(0, 8):
            if flags[i]:
                found.append(i)
    except IndexError as e:
        print("IndexError:", e, found, i)


def rebinds_target(n: int) -> list[int]:
    flags = [k % 3 == 0 for k in range(n)]
    out = []
    for i in range(1, n):
        if flags[i]:
            out.append(i)
            i = 100
    return out


print(sieve(60))
print(len(sieve(100000)), sieve(100000)[-3:])
last_index([False] * 10, 2, 10)
last_index([False] * 10 + [True], 0, 11)
last_index([True, False, False], 0, 3)
last_index([True] * 5, 3, 3)
last_index([False] * 70 + [True] + [False] * 70, 1, 141)
print(clears_behind(50))
too_short()
print(rebinds_target(20))
total = 0
grid = [i % 7 == 0 or i % 11 == 0 for i in range(200)]
for g in range(5, 200):
    if grid[g]:
        total += g
print("module loop", total, g)
