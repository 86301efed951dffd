"""Loan and measurement report with decimal: roots, logs, exp, rounding modes and local contexts."""
from decimal import Decimal, getcontext, localcontext, InvalidOperation
from decimal import ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP

CENT = Decimal("0.01")


def roots():
    print("== roots ==")
    for text in ["2", "100", "0.0004", "12345.678", "1E+5", "0.5", "1.00", "0", "1e-9", "123456789012345678901234567890"]:
        d = Decimal(text)
        print(text, d.sqrt(), d.normalize(), d.adjusted(), d.to_integral_value(), d.is_zero(), d.is_signed())
    print(Decimal("2").sqrt() ** 2, Decimal("16").sqrt() == 4, Decimal("-0").sqrt())


def logs():
    print("== exp / ln / log10 ==")
    for text in ["1", "2", "0.5", "10", "-1", "-2.5", "1e-5", "3.14159", "100", "0"]:
        print("exp", text, Decimal(text).exp())
    for text in ["2", "10", "0.5", "100", "1", "3.14159", "1e-5", "123456", "0.001", "1.5", "9.99", "1e+20"]:
        d = Decimal(text)
        print("log", text, d.ln(), d.log10())


def compare_and_signs():
    print("== compare ==")
    a, b = Decimal("1.0"), Decimal("1")
    print(a.max(b), a.min(b), Decimal("-0").max(Decimal("0")), Decimal("2").max(3), Decimal("2").min(Decimal("-7.5")))
    print(Decimal("1").compare(Decimal("2")), Decimal("2").compare(2), Decimal("3").compare(Decimal("2.999")))
    print(Decimal("-3").copy_sign(Decimal("2")), Decimal("3").copy_sign(Decimal("-0")), Decimal("-3.50").copy_abs())
    print(Decimal("2").fma(3, 5), Decimal("1.5").fma(Decimal("2"), Decimal("-0.1")))
    print(Decimal("1.25").to_integral_value(rounding=ROUND_DOWN), Decimal("1.25").to_integral(), Decimal("-2.5").to_integral_value())
    print(Decimal("123.4500").as_tuple(), Decimal("-0.00").as_tuple(), Decimal("5E+3").adjusted())


def rounding_table():
    print("== rounding ==")
    modes = [ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
    for mode in modes:
        row = [Decimal(t).quantize(CENT, rounding=mode) for t in ["2.675", "-2.675", "2.665", "0.005", "-0.015", "1.001"]]
        print("%-16s" % mode, " ".join(str(x) for x in row))


def loan(principal, rate, years):
    monthly = rate / 12
    n = years * 12
    factor = (1 + monthly) ** n
    payment = principal * monthly * factor / (factor - 1)
    return payment.quantize(CENT, rounding=ROUND_HALF_UP)


def contexts():
    print("== contexts ==")
    ctx = getcontext()
    print(ctx.prec, ctx.rounding)
    with localcontext() as local:
        local.prec = 50
        print(Decimal(2).sqrt())
        print(Decimal(1) / Decimal(3))
        local.rounding = ROUND_DOWN
        print(Decimal(2) / Decimal(3), local.rounding)
    print(Decimal(2).sqrt(), getcontext().prec, getcontext().rounding)
    with localcontext(prec=5):
        print(Decimal(1) / Decimal(7), Decimal(10).exp(), Decimal(7).ln())
    print(Decimal(1) / Decimal(7))
    print(loan(Decimal("250000"), Decimal("0.045"), 30), loan(Decimal("12000"), Decimal("0.07"), 5))
    getcontext().prec = 6
    print(Decimal("2").sqrt(), Decimal(1).exp(), Decimal(2).ln(), Decimal(2).log10())
    getcontext().rounding = ROUND_UP
    print(Decimal(10) / Decimal(3), getcontext().rounding, Decimal(2).sqrt(), Decimal(3).exp())
    getcontext().prec = 28
    getcontext().rounding = ROUND_HALF_EVEN


def errors():
    print("== errors ==")
    for text, op in [("-4", "sqrt"), ("-4", "ln"), ("-1", "log10")]:
        try:
            print(getattr(Decimal(text), op)())
        except InvalidOperation as e:
            print(op, text, "InvalidOperation", e)
    try:
        Decimal("2").max(1.5)
    except TypeError as e:
        print("TypeError:", e)


roots()
logs()
compare_and_signs()
rounding_table()
contexts()
errors()
