"""A sales report: namedtuples with mixed int/float amounts, attrgetter/itemgetter, groupby, accumulate of dynamic numbers, a padded text table."""
from itertools import groupby, accumulate, permutations, combinations
from operator import itemgetter, attrgetter
from collections import namedtuple

Sale = namedtuple("Sale", "region rep amount")
sales = [Sale("east", "ann", 120.0), Sale("west", "bob", 80), Sale("east", "cy", 45.5), Sale("west", "dee", 200), Sale("north", "eve", 0)]
sales.sort(key=attrgetter("region", "amount"))
for region, grp in groupby(sales, key=attrgetter("region")):
    g = list(grp)
    print(region, [s.rep for s in g], sum(s.amount for s in g), max(g, key=itemgetter(2)).rep)
print(list(accumulate([s.amount for s in sales])))
print(sorted(sales, key=lambda s: (-s.amount, s.rep))[:2])
pairs = [(a.rep, b.rep) for a, b in combinations(sales, 2) if a.region == b.region]
print(pairs, len(list(permutations("abc", 2))))
table = [("name", "qty", "price"), ("apple", 3, 0.5), ("melon", 12, 2.25)]
widths = [max(len(str(row[i])) for row in table) for i in range(3)]
for row in table:
    print(" | ".join(str(c).ljust(w) if isinstance(c, str) else str(c).rjust(w) for c, w in zip(row, widths)))
print("-+-".join("-" * w for w in widths))
totals = {name: qty * price for name, qty, price in table[1:]}
print(totals, f"{sum(totals.values()):,.2f}", max(totals, key=totals.get))
