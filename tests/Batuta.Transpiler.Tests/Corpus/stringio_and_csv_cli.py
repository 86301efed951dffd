"""io.StringIO for writing (write, print(file=), csv.writer, getvalue) and reading (readline, iteration, csv.reader); os.rmdir; an argparse CLI over a CSV with chunked generators and SystemExit."""
import csv
import io
buf = io.StringIO()
buf.write("a,b\n")
print("x", 1, file=buf)
w = csv.writer(buf)
w.writerow(["q", 2])
text = buf.getvalue()
print(repr(text))
for row in csv.reader(io.StringIO(text)):
    print(row)
src = io.StringIO("l1\nl2\nl3")
print(src.readline(), [ln.strip() for ln in src], io.StringIO("abc").read(), io.StringIO("init").getvalue())
import argparse
import os
import sys

def read_rows(path):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            yield {k: (int(v) if v.isdigit() else v) for k, v in row.items()}

def chunks(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf

def main(argv=None):
    p = argparse.ArgumentParser(prog="tool", description="Summarise a CSV")
    p.add_argument("--chunk", type=int, default=2)
    p.add_argument("--field", default="qty")
    p.add_argument("-v", "--verbose", action="count", default=0)
    args = p.parse_args(argv)
    d = "q5_tmp"
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "data.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "qty", "city"])
        w.writerows([["a", 3, "x"], ["b", 5, "y"], ["c", 0, "x"], ["d", 7, "z"], ["e", "n/a", "y"]])
    total = 0
    bad = []
    for i, chunk in enumerate(chunks(read_rows(path), args.chunk)):
        vals = [r[args.field] for r in chunk]
        nums = [v for v in vals if isinstance(v, int)]
        bad += [v for v in vals if not isinstance(v, int)]
        total += sum(nums)
        if args.verbose:
            print(f"chunk {i}: {vals}")
    out = io.StringIO()
    print("total", total, "bad", bad, file=out)
    sys.stdout.write(out.getvalue())
    os.remove(path)
    os.rmdir(d)
    return 0 if not bad else 3

if __name__ == "__main__":
    code = main(["--chunk", "2", "-vv"])
    print("exit code would be", code)
    try:
        main(["--chunk", "x"])
    except SystemExit as e:
        print("SystemExit", e.code)
