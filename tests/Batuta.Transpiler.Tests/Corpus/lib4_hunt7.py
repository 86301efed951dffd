# fractions.Fraction: exact rationals (harmonic numbers, Egyptian and continued fractions, dice odds, Bernoulli
# numbers); parsing, mixed int/float arithmetic, comparisons, hashing as equal ints, rounding, limit_denominator.
import fractions
import math
import statistics
from fractions import Fraction
from fractions import Fraction as F
from typing import List


def harmonic(n):
    total = Fraction(0)
    for k in range(1, n + 1):
        total += Fraction(1, k)
    return total


def egyptian(fr):
    parts = []
    while fr.numerator != 0:
        d = -(-fr.denominator // fr.numerator)
        parts.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return parts


def continued_fraction(fr):
    terms = []
    while True:
        a = fr.numerator // fr.denominator
        terms.append(a)
        rest = fr - a
        if rest == 0:
            break
        fr = 1 / rest
    return terms


def from_continued(terms):
    value = Fraction(terms[-1])
    for t in reversed(terms[:-1]):
        value = t + 1 / value
    return value


def dice_probability(target):
    outcomes = 0
    hits = 0
    for a in range(1, 7):
        for b in range(1, 7):
            outcomes += 1
            if a + b == target:
                hits += 1
    return Fraction(hits, outcomes)


for n in [1, 2, 5, 10]:
    h = harmonic(n)
    print(n, h, repr(h), float(h), f"{float(h):.6f}")

print(egyptian(Fraction(4, 13)))
print([str(p) for p in egyptian(Fraction(5, 121))])
cf = continued_fraction(Fraction(415, 93))
print(cf, from_continued(cf))
probs = {t: dice_probability(t) for t in range(2, 13)}
for t, p in probs.items():
    print(t, p)
print("total", sum(probs.values()))
print(sum(probs.values()) == 1)

a = Fraction(3, 4)
b = Fraction("5/6")
c = Fraction("1.25")
d = Fraction(0.1)
print(a, b, c, d)
print(Fraction.from_float(0.5), Fraction(-6, 4), Fraction(6, -4), Fraction(0, 5))
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -2, -a, abs(-a))
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, 3 // a, 3 % a)
print(a + 0.5, 0.5 + a, a * 1.5, type(a + 0.5).__name__)
print(a < b, a <= b, a > b, a == Fraction(6, 8), a == 0.75, a != 0.75, Fraction(2) == 2, 2 == Fraction(4, 2))
print(a < 1, 1 > a, a < 0.8, 0.5 < a)
print(hash(Fraction(2)) == hash(2), hash(Fraction(5, 1)) == hash(5))
print(d.limit_denominator(10), d.limit_denominator(100), Fraction(3.141592653589793).limit_denominator(1000))
print(a.numerator, a.denominator, Fraction(-6, 4).numerator)
print(int(Fraction(7, 2)), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(-7, 2)))
print(round(Fraction(22, 7), 2), round(Fraction(22, 7), 0), round(Fraction(1234, 1), -1))
fs = [Fraction(1, 3), Fraction(1, 2), Fraction(1, 6), Fraction(2, 3)]
print(sorted(fs), max(fs), min(fs))
print(sorted(fs, reverse=True))
counts = {}
for f in [Fraction(1, 2), Fraction(2, 4), Fraction(1, 3)]:
    counts[f] = counts.get(f, 0) + 1
print(counts)
print(str(Fraction(10, 5)), repr(Fraction(10, 5)))
print(bool(Fraction(0)), bool(Fraction(1, 9)))
print(Fraction(2, 3) ** 3, Fraction(4) ** 0.5)
print(isinstance(a, Fraction))
print(f"{a} and {b!r}")
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("error:", e)
try:
    a / Fraction(0)
except ZeroDivisionError as e:
    print("error:", e)


def mean(values: List[F]) -> F:
    return sum(values, F(0)) / len(values)


def bernoulli(n: int) -> List[F]:
    b = [F(0)] * (n + 1)
    for m in range(n + 1):
        b[m] = F(1, m + 1)
        for j in range(m, 0, -1):
            b[j - 1] = j * (b[j - 1] - b[j])
    return b


class Account:
    def __init__(self, share: F):
        self.share = share

    def payout(self, total: int) -> F:
        return self.share * total


def main():
    xs = [F(1, 2), F(1, 3), F(1, 4)]
    print(mean(xs), float(mean(xs)))
    print(bernoulli(6)[0], [str(x) for x in bernoulli(8)])
    acc = Account(F(3, 7))
    print(acc.payout(100), round(acc.payout(100)), round(acc.payout(100), 1))
    print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.floor(F(7, 2)), math.ceil(F(7, 2)))
    print(fractions.Fraction(" -12/18 "), fractions.Fraction("1e3"), fractions.Fraction("2.5E-3"))
    print(F(1, 3) + F(1, 6) == F(1, 2), F(1, 3) * 3 == 1, F(1, 10) == 0.1)
    print(F(1, 2) in {F(2, 4)}, F(2) in {2: "two"}, {1: "a"}.get(F(1)))
    print(F(5, 3) // F(1, 2), F(5, 3) % F(1, 2), -F(5, 3) // 1, -F(5, 3) % 1)
    print(2 ** F(3), 2 ** F(1, 2), F(9, 4) ** F(1, 2), F(1, 2) ** 2.0, 4.0 ** F(1, 2))
    print(F(7, 3) - 0.5, 0.5 - F(7, 3), F(1, 3) / 0.5, 1.0 / F(4))
    print(f"{float(F(1, 3)):.4f} {float(F(2, 3)):8.3f} {F(3, 8)!s:>6}|")
    print(F(1, 2).as_integer_ratio(), F(-3, 9).as_integer_ratio())
    print(F(355, 113).limit_denominator(100), F(1, 3).limit_denominator(), F(math.pi).limit_denominator(10))
    print(F(0.25), F(-0.125), F(1e-3).limit_denominator(10000), F.from_float(3))
    print(int(F(-1, 3)), int(F(10, 3)), abs(F(-2, 3)), +F(-2, 3))
    vals = [F(1, n) for n in range(1, 6)]
    print(sum(vals), max(vals), min(vals), sorted(vals)[0], sorted(vals, key=lambda v: -v)[0])
    print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 3), round(F(12345, 1), -2))
    print(F(1, 3) < 0.34, F(1, 3) > 0.33, F(1, 3) >= F(2, 6), 1 <= F(3, 2), F(1, 2) == F(1, 2))
    print(F(3, 4) != F(3, 4), F(3, 4) != 1, F(0) == 0, F(0) == 0.0, not F(0))
    print(hash(F(1, 2)) == hash(0.5), hash(F(-1, 2)) == hash(-0.5), hash(F(3)) == hash(3.0))
    print(F(10, 4).numerator + F(10, 4).denominator)
    total = F(0)
    for i in range(1, 20):
        total += F(1, i * (i + 1))
    print(total, 1 - total)
    p = F(1)
    for k in range(1, 6):
        p *= F(365 - k, 365)
    print("no shared birthday among 6:", p, f"{float(p):.5f}")
    for bad in ["x", "1/0", "1.2.3", ""]:
        try:
            print(F(bad))
        except (ValueError, ZeroDivisionError) as e:
            print(type(e).__name__, e)
    try:
        F(1, 2) // 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        F(1, 2) < "a"
    except TypeError as e:
        print("TypeError", e)
    try:
        F(1.5, 2)
    except TypeError as e:
        print("TypeError", e)
    print(isinstance(F(1), fractions.Fraction), isinstance(1, F), type(F(1)).__name__)
    print(repr([F(1, 2), F(3)]), str((F(1, 2), 2)), {F(1, 2): F(3, 4)})


main()

mixed = [1, Fraction(1, 2), 0.75, Fraction(5, 4), 0]
print(sorted(mixed), max(mixed), min(mixed))
print(divmod(Fraction(7, 2), 2), divmod(7, Fraction(2, 3)), divmod(Fraction(7, 2), Fraction(1, 3)))
print("%s and %r" % (Fraction(1, 3), Fraction(2, 3)), "{} {}".format(Fraction(3), Fraction(1, 9)))
print("{:>8}|".format(str(Fraction(1, 9))))
weights = {"a": Fraction(1, 2), "b": Fraction(1, 3), "c": Fraction(1, 6)}
print(max(weights, key=weights.get), sum(weights.values()) == 1)
ratios = sorted(weights.items(), key=lambda kv: kv[1])
print(ratios)
x = Fraction(1, 3)
x *= 3
x -= 1
x += Fraction(1, 7)
x /= 2
x **= 2
print(x)
print([Fraction(i, 4) for i in range(5) if Fraction(i, 4).denominator != 1])
try:
    print(f"{Fraction(1, 3):.2f}")
except TypeError as e:
    print("TypeError", e)

fs = [Fraction(1, 3), Fraction(-1, 2), Fraction(5, 6)]
print(sum(f for f in fs), max(fs, key=abs), str(fs[1]).split("/"))
print({Fraction(1, 2), Fraction(2, 4), 0.5})
n, m = 7, 3
r = Fraction(n) / m
print(r, r * m == n, Fraction(n, m) == r)
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]))
print(statistics.median([Fraction(1, 2), Fraction(1, 3), Fraction(3, 4)]))
print(statistics.mean([1, Fraction(1, 2), 2]), statistics.variance([Fraction(1, 2), Fraction(3, 2), 2]))
print(statistics.pvariance([1, 2, Fraction(7, 3)]), statistics.fmean([Fraction(1, 3), 1]), statistics.stdev([Fraction(1), Fraction(3)]))
print(statistics.mean([1, 2]), statistics.mean([1, 2, 4]), statistics.mean([0.5, Fraction(1, 2)]))
