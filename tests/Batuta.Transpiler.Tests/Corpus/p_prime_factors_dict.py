def factor_counts(n: int) -> dict[int, int]:
    out: dict[int, int] = {}
    p = 2
    while p * p <= n:
        while n % p == 0:
            out[p] = out.get(p, 0) + 1
            n //= p
        p += 1
    if n > 1:
        out[n] = out.get(n, 0) + 1
    return out


def divisors(n: int) -> int:
    total = 1
    for e in factor_counts(n).values():
        total *= e + 1
    return total


print(factor_counts(720), factor_counts(9973), divisors(720), divisors(1))
print(max(range(1, 500), key=divisors))
