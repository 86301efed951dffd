# csv.reader / csv.DictReader line_num: source lines read so far (a quoted field spanning lines counts each line).
import csv
import io

text = 'name,qty,note\napple,3,"fresh\nfrom farm"\n\npear,x,ok\nplum,7,"a ""b"""\n'
reader = csv.reader(io.StringIO(text))
print("before", reader.line_num)
header = next(reader)
print("header", header, reader.line_num)
for row in reader:
    if not row:
        print("blank at line", reader.line_num)
        continue
    try:
        qty = int(row[1])
    except ValueError:
        print(f"line {reader.line_num}: bad qty {row[1]!r}")
        continue
    print(reader.line_num, row[0], qty, repr(row[2]))
print("after", reader.line_num)

with open("stock.csv", "w", newline="") as fh:
    fh.write("sku;count\nA1;4\nB2;\nC3;9\n")
with open("stock.csv", newline="") as fh:
    dr = csv.DictReader(fh, delimiter=";")
    print(dr.line_num, dr.fieldnames, dr.line_num)
    for rec in dr:
        if rec["count"] == "":
            print("missing count on line", dr.line_num)
        else:
            print(dr.line_num, rec)

lines = ["x,y", "1,2", "3,4"]
r2 = csv.reader(lines)
rows = list(r2)
print(rows, r2.line_num)
