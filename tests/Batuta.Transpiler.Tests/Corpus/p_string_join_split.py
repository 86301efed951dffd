csv_line = "name,age,city"
rows = ["alice,30,NYC", "bob,25,LA", "carol,35,SF"]
header = csv_line.split(",")
records = [dict(zip(header, r.split(","))) for r in rows]
print(records)
print(";".join(r["name"] for r in records))
ages = [int(r["age"]) for r in records]
print(sum(ages) / len(ages), min(ages), max(ages))
print("\n".join(f"{r['name']:>6}|{r['city']:<4}|" for r in records))
