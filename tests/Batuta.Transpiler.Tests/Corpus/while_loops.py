def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


print([collatz(n) for n in range(1, 20)])
best = max(range(1, 10000), key=collatz)
print(best, collatz(best))


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


print(gcd(48, 18), gcd(17, 5), gcd(10 ** 30, 10 ** 20 + 5))
