# Range loops that only store into lists (the store-only loop lowering): sieves, fills, strided and negative
# indices, and stores past the end after some stores went through (the error must say "list assignment").


def sieve(m: int) -> list[int]:
    flags = [True] * m
    primes = []
    for i in range(2, m):
        if flags[i]:
            primes.append(i)
            for j in range(i * i, m, i):
                flags[j] = False
    return primes


def fill(xs: list[float], start: int, stop: int, step: int, base: float) -> list[float]:
    for i in range(start, stop, step):
        xs[i] = base * i + 0.5
    return xs


def fill_count(xs: list[int]) -> list[int]:
    n = len(xs)
    for i in range(len(xs)):
        xs[i] = n - i if i % 2 == 0 else -i
        xs[n - 1 - i] += 0
    return xs


def fill_past_end(n: int, stop: int) -> str:
    ys = [0] * n
    try:
        for i in range(stop):
            ys[i] = i * i
    except IndexError as e:
        return f"IndexError: {e} after {ys}"
    return f"{ys}"


def fill_negative(n: int) -> str:
    ys = [0] * n
    try:
        for i in range(1, n + 2):
            ys[-i] = i
    except IndexError as e:
        return f"IndexError: {e} after {ys}"
    return f"{ys}"


def two_lists(n: int) -> tuple[list[int], list[bool]]:
    a = [0] * n
    b = [False] * n
    for i in range(0, n, 2):
        a[i] = i + 1
        b[i] = i > 2
        pass
    return a, b


print(sieve(60))
print(fill([0.0] * 8, 1, 8, 3, 2.0))
print(fill([0.0] * 8, 7, -1, -2, 1.5))
print(fill_count([9, 9, 9, 9, 9]))
print(fill_past_end(4, 3))
print(fill_past_end(4, 6))
print(fill_negative(3))
print(two_lists(7))
try:
    print(fill([0.0] * 3, 0, 5, 1, 1.0))
except IndexError as e:
    print("IndexError:", e)
