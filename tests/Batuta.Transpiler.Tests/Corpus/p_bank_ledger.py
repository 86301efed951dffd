from dataclasses import dataclass


@dataclass
class Txn:
    day: int
    amount: float
    memo: str


ledger = [Txn(1, 100.0, "opening"), Txn(3, -20.5, "coffee"), Txn(3, -45.25, "books"), Txn(7, 250.0, "salary"), Txn(9, -99.99, "shoes")]
balance = 0.0
by_day: dict[int, float] = {}
for t in ledger:
    balance += t.amount
    by_day[t.day] = by_day.get(t.day, 0.0) + t.amount
    print(f"day {t.day:2d} {t.memo:<8} {t.amount:>9.2f} -> {balance:>9.2f}")
print({d: round(v, 2) for d, v in by_day.items()})
biggest = min(ledger, key=lambda t: t.amount)
print(biggest.memo, biggest)
