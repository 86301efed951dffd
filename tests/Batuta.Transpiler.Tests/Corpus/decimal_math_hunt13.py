"""Interest and growth table: Decimal powers, roots, logs and special values, as a finance script computes them."""
from decimal import Decimal, getcontext, localcontext, InvalidOperation, ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP

RATES = ["0.05", "0.035", "0.125"]


def attempt(label, fn):
    try:
        print(label, "=", fn())
    except InvalidOperation as exc:
        print(label, "-> InvalidOperation", exc)
    except ZeroDivisionError as exc:
        print(label, "-> ZeroDivisionError", exc)


def growth_table():
    for rate in RATES:
        r = Decimal(rate)
        for years in ["1", "2.5", "10", "0.5"]:
            factor = (1 + r) ** Decimal(years)
            print(rate, years, factor, factor.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
        print("  continuous", (r * 10).exp(), "doubling", Decimal(2).ln() / (1 + r).ln())


def main():
    for v in ["2", "10", "0.5", "1", "100", "3.14159", "1E-10", "0.001", "12345678901234567890", "99.5"]:
        d = Decimal(v)
        print(v, d.exp() if d < 1000 else "huge", d.ln(), d.log10(), d.sqrt())
    print(Decimal(2) ** Decimal("0.5"), Decimal(4) ** Decimal("0.5"), Decimal("0.25") ** Decimal("-1.5"), Decimal(8) ** (Decimal(1) / 3))
    print(Decimal(100) ** Decimal("0.5"), Decimal("1.0") ** Decimal("0.5"), Decimal(2) ** Decimal("2.0"), Decimal(-2) ** 3, Decimal(2) ** -2, Decimal(0) ** -1)
    print(pow(Decimal(3), Decimal("1.5")), 2 ** Decimal("0.5"), Decimal(10) ** Decimal("-0.5"), Decimal("1e10") ** Decimal("0.1"))
    growth_table()
    inf, ninf, nan = Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN")
    print(inf, ninf, nan, inf + 1, ninf * 2, inf > 10 ** 30, ninf < -5, nan == nan, nan == 1, nan != 1)
    print(-inf, abs(ninf), 1 / inf, inf.exp(), ninf.exp(), inf.ln(), inf.sqrt(), Decimal(0).ln(), Decimal(0).log10())
    print(max(Decimal(1), inf), sorted([Decimal(3), inf, ninf, Decimal(-1)]), Decimal(2) ** inf, Decimal("0.5") ** inf, inf ** -1)
    attempt("nan < 1", lambda: nan < 1)
    attempt("inf - inf", lambda: inf - inf)
    attempt("sqrt(-1)", lambda: Decimal(-1).sqrt())
    attempt("ln(-1)", lambda: Decimal(-1).ln())
    attempt("(-8) ** 0.5", lambda: Decimal(-8) ** Decimal("0.5"))
    attempt("0 ** 0", lambda: Decimal(0) ** 0)
    attempt("1 / 0", lambda: Decimal(1) / 0)
    getcontext().prec = 10
    print(Decimal(1) / Decimal(7), Decimal(2).sqrt(), Decimal(2).exp(), Decimal(2) ** Decimal("0.5"), Decimal("123456789012") + 1)
    getcontext().rounding = ROUND_DOWN
    print(Decimal(2) ** Decimal("0.5"), Decimal(3) ** Decimal("1.5"), Decimal(2) / 3)
    getcontext().rounding = ROUND_HALF_EVEN
    getcontext().prec = 28
    with localcontext() as ctx:
        ctx.prec = 5
        print(Decimal(1) / 3, Decimal(10).ln(), Decimal(5) ** Decimal("0.3"))
    x = Decimal("2.675")
    for mode in [ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]:
        print(mode, x.quantize(Decimal("0.01"), rounding=mode), (-x).quantize(Decimal("0.01"), rounding=mode), Decimal("1.05").quantize(Decimal("0.1"), rounding=mode))
    print(Decimal.from_float(0.1), Decimal.from_float(2.5), Decimal.from_float(-0.0), Decimal.from_float(7))
    print(Decimal("3.140").as_tuple(), Decimal("-0.001").as_tuple(), inf.as_tuple(), nan.as_tuple())
    t = Decimal("-12.50").as_tuple()
    print(t.sign, t.digits, t.exponent)


main()
