"""A typed order report: dataclasses with defaults, parsing with skipped lines on stderr, defaultdict grouping, sums of floats (an empty one is the int 0, as CPython), max with key and default."""
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import List, Dict, Optional

@dataclass
class Order:
    id: int
    customer: str
    items: List[str] = field(default_factory=list)
    total: float = 0.0
    note: Optional[str] = None

def parse(lines: List[str]) -> List[Order]:
    orders = []
    for i, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(";")]
        try:
            oid = int(parts[0])
            cust = parts[1]
            items = parts[2].split(",") if parts[2] else []
            total = float(parts[3])
        except (IndexError, ValueError) as e:
            print(f"line {i}: skipped ({e.__class__.__name__}: {e})", file=sys.stderr)
            continue
        orders.append(Order(oid, cust, items, total, parts[4] if len(parts) > 4 else None))
    return orders

data = """# id;customer;items;total;note
1; ann ; apple,pear ; 12.50
2;bob;;0
3;ann;kiwi;7.25;gift
x;bad;;1
4;cy;apple;3
"""
orders = parse(data.splitlines())
by_cust: Dict[str, List[Order]] = defaultdict(list)
for o in orders:
    by_cust[o.customer].append(o)
for cust in sorted(by_cust):
    os_ = by_cust[cust]
    spent = sum(o.total for o in os_)
    n_items = sum(len(o.items) for o in os_)
    notes = [o.note for o in os_ if o.note]
    print(f"{cust:<5}|{len(os_):>3}|{spent:>8.2f}|{n_items}|{', '.join(notes) or '-'}")
best = max(orders, key=lambda o: o.total)
print(best, best == Order(1, "ann", ["apple", "pear"], 12.5))
print(sorted({i for o in orders for i in o.items}), sum(o.total for o in orders) / len(orders))
print({c: round(sum(o.total for o in v), 1) for c, v in by_cust.items()})
empty = [o.total for o in orders if o.total > 100]
print(sum(empty), max(empty, default=0), len(empty) and sum(empty) / len(empty))
print(str(orders[1].total), orders[1].items, repr(orders[3]))
