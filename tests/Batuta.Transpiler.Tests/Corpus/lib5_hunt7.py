# decimal.Decimal (hunt7-lib5): an invoice/ledger with tax rounding, currency conversion and an interest schedule;
# str/repr/format, rounding modes, context precision, conversions, hashing, and the decimal signals as CPython 3.11.
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_HALF_EVEN, getcontext, InvalidOperation
import decimal
from dataclasses import dataclass

CENT = Decimal("0.01")

def money(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)

items = [("Widget", Decimal("19.99"), 3), ("Gadget", Decimal("5.25"), 2), ("Gizmo", Decimal(str(7.1)), 1), ("Bolt", Decimal("0.335"), 10)]
subtotal = Decimal(0)
for name, price, qty in items:
    line = price * qty
    subtotal += line
    print(f"{name:<8} {qty:>3} x {price:>7} = {line:>9}")
print("subtotal", subtotal, repr(subtotal))
tax = money(subtotal * Decimal("0.0825"))
print("tax", tax, subtotal * Decimal("0.0825"))
total = subtotal + tax
print(f"total {total:.2f} {total:,.2f} {total * 1000:,.2f}")
print(sum(p * q for _, p, q in items), sum([Decimal("1.10"), Decimal("2.20")]))
# currency conversion
rate = Decimal("0.9134")
eur = total * rate
print("eur raw", eur, "eur", money(eur), eur.quantize(CENT), eur.quantize(CENT, rounding=ROUND_DOWN))
# interest schedule
balance = Decimal("1000.00")
monthly = Decimal("0.05") / 12
print("monthly", monthly)
for m in range(1, 4):
    interest = money(balance * monthly)
    balance += interest
    print(m, interest, balance)
# division and precision
print(Decimal(1) / Decimal(3), Decimal(2) / 3, Decimal(10) / 4, Decimal(1) / 8)
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") * 1, Decimal("123456789") + 0)
getcontext().prec = 28
# repr/str
for s in ["1.10", "0.00", "100", "1E+1", "1e3", "-0", "0.000001", "0.0000001", "123.456e-10", "-5.50", "  7.5 ", "1_000.5"]:
    d = Decimal(s)
    print(repr(d), str(d), d.normalize(), d.is_zero(), abs(d), -d, +d)
print(Decimal(10) * Decimal("0.1"), Decimal("1.30") + Decimal("1.20"), Decimal("5") - Decimal("5.00"))
# rounding modes
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING]:
    print(mode, [str(Decimal(v).quantize(Decimal("0.1"), rounding=mode)) for v in ["2.25", "2.35", "-2.25", "2.21", "-2.29", "2.2"]])
print(Decimal("2.675").quantize(CENT), Decimal("2.665").quantize(CENT), Decimal("7").quantize(CENT))
# conversions
d = Decimal("-7.89")
print(int(d), float(d), round(d), round(d, 1), round(Decimal("2.5")), round(Decimal("3.5")), int(Decimal("1E+2")))
print(Decimal(3.5), Decimal(0.1))
print(Decimal("1.5") > 1, Decimal("1.0") == 1, 2 > Decimal("1.5"), Decimal("0.5") == 0.5, Decimal("1.1") < Decimal("1.10"), Decimal("1.10") == Decimal("1.1"))
print(max([Decimal("3.1"), Decimal("2"), Decimal("10")]), min(Decimal("3.1"), Decimal("2")), sorted([Decimal("3"), Decimal("-1.5"), Decimal("2.25")]))
print(hash(Decimal("5.000")) == hash(5), hash(Decimal("0")) == hash(0), len({Decimal("1.0"), Decimal("1"), 1}))
print(d.copy_abs(), d.as_tuple(), Decimal("1.20").as_tuple())
print(2 * Decimal("1.5"), 10 - Decimal("0.01"), 1 / Decimal(4), 3 + Decimal("0.5"))
print(Decimal("7") // 2, Decimal("-7") // 2, Decimal("7") % 3, Decimal("-7") % 3, Decimal("1.5") ** 2)
print(bool(Decimal("0.00")), bool(Decimal("0.01")), isinstance(d, Decimal))
print("{:>10}|{:<10}|{:^10}|{:.3f}|{:.1%}|{:e}".format(Decimal("1.5"), Decimal("2.25"), Decimal("-3"), Decimal("1.23456"), Decimal("0.1234"), Decimal("12345")))
print(f"{Decimal('2.5'):.0f} {Decimal('3.5'):.0f} {Decimal('1234567.891'):,} {Decimal('0.1')}")
try:
    Decimal("abc")
except InvalidOperation as e:
    print("invalid", type(e).__name__, e)
try:
    Decimal(1) / 0
except decimal.DivisionByZero as e:
    print("div0", e)
try:
    Decimal(5) / Decimal(0)
except ZeroDivisionError as e:
    print("zde", e)

# ---- variants: dataclass fields, splitting a bill, context rounding, mixed int operands

@dataclass
class Line:
    sku: str
    price: Decimal
    qty: int

    def total(self) -> Decimal:
        return (self.price * self.qty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

def split(amount: Decimal, parts: int) -> list:
    share = (amount / parts).quantize(Decimal("0.01"), rounding=decimal.ROUND_DOWN)
    shares = [share] * parts
    shares[-1] += amount - share * parts
    return shares

lines = [Line("A", Decimal("3.333"), 3), Line("B", Decimal("0.125"), 7)]
totals = {l.sku: l.total() for l in lines}
print(totals, sum(totals.values(), Decimal("0.00")))
print(split(Decimal("100.00"), 3), split(Decimal("10"), 4))
print(getcontext().prec, getcontext().rounding)
getcontext().rounding = ROUND_HALF_UP
print(Decimal(2) / 3, round(Decimal("0.125"), 2), Decimal("1.005").quantize(Decimal("0.01")))
getcontext().rounding = decimal.ROUND_HALF_EVEN
vals = [Decimal("1.5"), Decimal("-0.25"), Decimal("100")]
print(sorted(vals, reverse=True), max(vals), abs(Decimal("-3.0")), vals.index(Decimal("100.0")), Decimal("100") in vals)
print("%s and %r" % (Decimal("1.50"), Decimal("2")), str(Decimal("1e-7")), Decimal("12345678901234567890.123456789") * 3)
print(Decimal(10) ** -2, Decimal("0.1") * 3 == Decimal("0.3"), Decimal(-5) // 3, Decimal("5.5") % 2)
x = Decimal("0")
for i in range(10):
    x += Decimal("0.1")
print(x, x == 1, float(x), int(Decimal("-2.9")), f"{x:>8.3f}|{Decimal('-1234.5'):+,.2f}|{Decimal('0.5'):%}")
print(Decimal(" -12.50 ").copy_abs(), Decimal("-12.50").copy_negate(), Decimal("1.23E+5").normalize(), Decimal("120.00").normalize())
print(Decimal(1234567), Decimal(-0.0), Decimal(True), Decimal(2**70))
try:
    Decimal("1.2.3")
except decimal.InvalidOperation as e:
    print("bad", e)
try:
    print(Decimal("1.5") + 1.5)
except TypeError as e:
    print("TypeError", e)
print(Decimal("9.99") < 10, 10 >= Decimal("9.99"), Decimal("3") != 3)
try:
    print(Decimal(5) / Decimal(1) / 0)
except decimal.DivisionByZero as e:
    print(type(e).__name__, e)
try:
    print(Decimal(0) / 0)
except InvalidOperation as e:
    print(type(e).__name__, e)

# ---- annotations, % formatting (through int()/float(), as CPython), str.format
prices: dict[str, Decimal] = {"a": Decimal("1.25"), "b": Decimal("2.50")}
def net(p: Decimal, rate: Decimal = Decimal("0.2")) -> Decimal:
    return p - p * rate
print({k: net(v) for k, v in prices.items()})
print("%.2f | %s | %10.3f" % (Decimal("2.675"), Decimal("1.0"), Decimal("-3.14159")))
print("total: {}".format(sum(prices.values())))
print(decimal.Decimal("3.10"), isinstance(Decimal(1), decimal.Decimal), type(Decimal(1)).__name__)
print(Decimal(7).quantize(Decimal("1E+1")), Decimal("1234.5").quantize(Decimal("1")), Decimal("0.5").to_integral_value())
print("%d %i %e %g" % (Decimal("-2.7"), Decimal("3.9"), Decimal("1.5"), Decimal("0.1")))
try:
    print("%x" % Decimal("2"))
except TypeError as e:
    print("TypeError", e)
