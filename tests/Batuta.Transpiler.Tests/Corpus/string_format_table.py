rows = [("Widget", 4, 3.5), ("Gadget", 12, 10.25), ("Doohickey", 1, 199.99)]
header = f"{'Item':<12}{'Qty':>5}{'Price':>10}{'Total':>11}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in rows:
    line_total = qty * price
    grand += line_total
    print(f"{name:<12}{qty:>5}{price:>10.2f}{line_total:>11.2f}")
print("-" * len(header))
print(f"{'TOTAL':<12}{'':>5}{'':>10}{grand:>11.2f}")
print("{:^30}".format("centered"), "|{:*<10}|{:#>10}|".format("L", "R"))
