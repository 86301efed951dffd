#!/usr/bin/env python3
"""Price book reconciliation: feeds send 'NaN' for missing quotes and 'Infinity' for open-ended limits."""
from decimal import Decimal, InvalidOperation, DivisionByZero

FEED = [
    ("ACME", "12.50", "Infinity"),
    ("BOLT", "NaN", "100"),
    ("CORE", "7.125", "-inf"),
    ("DYNA", "sNaN", "50"),
    ("EPIC", "0.00", "inf"),
]


def parse(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def attempt(label, fn):
    try:
        result = fn()
    except InvalidOperation as exc:
        print("%-14s InvalidOperation %s" % (label, exc))
    except (OverflowError, ValueError, TypeError) as exc:
        print("%-14s %s: %s" % (label, type(exc).__name__, exc))
    else:
        print("%-14s %r" % (label, result))


def describe(d):
    kind = "nan" if d.is_nan() else "infinite" if d.is_infinite() else "finite"
    flags = []
    if d.is_snan():
        flags.append("signaling")
    if d.is_qnan():
        flags.append("quiet")
    if d.is_signed():
        flags.append("negative")
    return "%s %s %s" % (d, kind, ",".join(flags) or "-")


def main():
    lowest = Decimal("Infinity")
    highest = Decimal("-Infinity")
    for sym, price_text, limit_text in FEED:
        price, limit = parse(price_text), parse(limit_text)
        print(sym.ljust(5), describe(price), "|", describe(limit))
        if price.is_nan():
            print("      no quote")
            continue
        if price < lowest:
            lowest = price
        if price > highest:
            highest = price
        headroom = limit - price
        print("      headroom", headroom, "finite" if headroom.is_finite() else "unbounded")
    print("lowest", lowest, "highest", highest, repr(highest))

    inf, nan = Decimal("inf"), Decimal("nan")
    print("str/repr:", str(-inf), repr(nan), repr(Decimal("-NaN12")), repr(Decimal("sNaN")), Decimal("+Infinity"))
    print("compare:", inf > 10 ** 30, -inf < Decimal("-1e999"), inf == Decimal("Infinity"), inf != -inf)
    print("nan equality:", nan == nan, nan != nan, nan == 1, inf == float("inf"))
    print("float:", float(inf), float(-inf), float(nan), Decimal(float("inf")), Decimal(float("-inf")))
    print("sorted:", sorted([Decimal("2.5"), inf, Decimal(0), -inf, Decimal("-3")]))
    print("max/min:", max(Decimal(5), inf), min(Decimal(5), -inf), abs(-inf), -inf, +inf)
    print("arith:", inf + 1, 1 - inf, inf * Decimal("-2.5"), inf / 4, 4 / inf, -4 / inf)
    print("floor/mod:", inf // 3, Decimal(7) // inf, Decimal(7) % inf, inf ** 2, (-inf) ** 3, inf ** 0, inf ** -1)
    print("nan arith:", nan + 1, 5 * nan, nan - inf, Decimal(3) - nan, -nan)
    print("tuples:", inf.as_tuple(), Decimal("-NaN5").as_tuple(), Decimal("sNaN").as_tuple())
    print("copies:", inf.copy_negate(), (-inf).copy_abs(), nan.copy_negate(), inf.sqrt(), inf.normalize(), inf.adjusted())
    print("format: [%s] [%s] [%s]" % (format(inf, ".2f"), format(-inf, ">12"), format(nan, "<6")))
    print("f-string: {:,} {:+} {:%}".format(-inf, inf, inf))
    print("truth:", bool(inf), bool(nan), inf.is_zero(), hash(inf), hash(-inf))
    attempt("inf - inf", lambda: inf - inf)
    attempt("inf * 0", lambda: inf * 0)
    attempt("inf / inf", lambda: inf / inf)
    attempt("inf % 2", lambda: inf % 2)
    attempt("snan + 1", lambda: Decimal("sNaN") + 1)
    attempt("nan < 1", lambda: nan < 1)
    attempt("1 >= nan", lambda: 1 >= nan)
    attempt("sort with nan", lambda: sorted([Decimal(1), nan]))
    attempt("int(inf)", lambda: int(inf))
    attempt("int(nan)", lambda: int(nan))
    attempt("round(-inf)", lambda: round(-inf))
    attempt("round(inf, 2)", lambda: round(inf, 2))
    attempt("quantize", lambda: inf.quantize(Decimal("0.01")))
    attempt("quantize to", lambda: Decimal("1.5").quantize(inf))
    attempt("float(snan)", lambda: float(Decimal("sNaN")))
    attempt("hash(snan)", lambda: hash(Decimal("sNaN")))
    attempt("sqrt(-inf)", lambda: (-inf).sqrt())
    attempt("bad text", lambda: Decimal("infinite"))
    try:
        Decimal(1) / 0
    except DivisionByZero as exc:
        print("1/0", type(exc).__name__, exc)
    print("inf / 0 =", inf / 0)


if __name__ == "__main__":
    main()
