"""csv.DictReader.fieldnames, float() of Unicode digits and underscores, sorted() type errors, max(x, *rest)."""
import csv
import io

reader = csv.DictReader(io.StringIO("name,qty\napple,3\npear,5\n"))
print(reader.fieldnames)
for row in reader:
    print(row["name"], int(row["qty"]) * 2)
empty = csv.DictReader(io.StringIO(""))
print(empty.fieldnames, list(empty))

for text in ["1_000.5", "٣.٥", " 12 ", "1__0", "_1", "1_", "1_.5", "1e1_0", "x"]:
    try:
        print(repr(text), float(text))
    except ValueError as e:
        print("ValueError:", e)

for items in [[1, "a"], ["b", 2, 1], [3, 1, None]]:
    try:
        print(sorted(items))
    except TypeError as e:
        print("TypeError:", e)

names = ["ab", "c", "defg"]
print(max(1, *(len(n) for n in names)), min(*[4, 2, 8]))
