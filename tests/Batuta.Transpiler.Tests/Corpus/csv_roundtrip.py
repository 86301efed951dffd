import csv
import os
import sys

path = "csv_roundtrip_test.csv"
rows = [["id", "name", "note"], [1, "Ada", "likes, commas"], [2, "Bob", 'says "hi"'], [3, "Cy", "two\nlines"], [4, "", None], [5.5, True, "  padded"]]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    n = w.writerow(rows[0])
    print("header chars", n)
    w.writerows(rows[1:])
    w.writerow([""])
    w.writerow([])
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    r = csv.reader(f)
    header = next(r)
    print("header", header)
    for row in r:
        print(len(row), row)
with open(path, "w", newline="") as f:
    dw = csv.DictWriter(f, fieldnames=["city", "pop"])
    dw.writeheader()
    dw.writerow({"city": "Lima", "pop": 10})
    dw.writerows([{"city": "Oslo"}, {"pop": 3, "city": "Rome"}])
    print(dw.fieldnames)
with open(path, newline="") as f:
    for d in csv.DictReader(f):
        print(d["city"], d["pop"], sorted(d.keys()))
with open(path, "w", newline="") as f:
    w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(["a", 1, 2.5])
    w2 = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONNUMERIC)
    w2.writerow(["x", 7, 0.1, "y z"])
with open(path, newline="") as f:
    print(repr(f.read()))
lines = ['a, "b, c",d\n', 'x,"multi\n', 'line",z\n', '\n', 'p,q']
for row in csv.reader(lines, skipinitialspace=True):
    print(row)
try:
    with open(path, "w", newline="") as f:
        csv.DictWriter(f, fieldnames=["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)
os.remove(path)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["to", "stdout", 3])
for fields in csv.reader("k=v,w\n\"q\"\"x\",\n".splitlines()):
    print(fields)
