rows = [("name", "qty"), ("pen", "3"), ("ink", "10"), ("pad", "7")]
with open("stock.csv", "w") as f:
    for r in rows:
        f.write(",".join(r) + "\n")

total = 0
with open("stock.csv") as f:
    header = f.readline().strip().split(",")
    for line in f:
        name, qty = line.strip().split(",")
        total += int(qty)
        print(f"{name}: {qty}")
print(header, total)
