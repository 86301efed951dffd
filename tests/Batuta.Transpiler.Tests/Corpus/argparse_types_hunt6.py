# type= callables named in errors (lambda, def, nested def), tuple metavars, FileType, Namespace and vars().
import argparse
import sys


def csv_floats(text):
    return [float(x) for x in text.split(",")]


def attempt(p, argv):
    try:
        ns = p.parse_args(argv)
        print("ok", sorted(vars(ns).items()))
    except SystemExit as e:
        print("exit", e.code)


def make_parser():
    def port(text):
        n = int(text)
        if not 0 < n < 65536:
            raise argparse.ArgumentTypeError(f"port out of range: {n}")
        return n

    p = argparse.ArgumentParser(prog="conv")
    p.add_argument("--scale", type=lambda s: [float(x) for x in s.split(",")])
    p.add_argument("--weights", type=csv_floats, default=[])
    p.add_argument("--port", type=port, default=8080)
    p.add_argument("--ratio", type=float)
    p.add_argument("pair", nargs=2, metavar=("SRC", "DST"), choices="CFK")
    return p


p = make_parser()
attempt(p, ["C", "F", "--scale", "1,2.5"])
attempt(p, ["C", "F", "--scale", "1,x"])
attempt(p, ["C", "F", "--weights", "0.5,oops"])
attempt(p, ["C", "F", "--port", "http"])
attempt(p, ["C", "F", "--port", "99999"])
attempt(p, ["C", "F", "--ratio", "half"])
attempt(p, ["C", "X"])
print(p.format_usage(), end="")

with open("notes.txt", "w") as fh:
    fh.write("first line\nsecond line\n")

files = argparse.ArgumentParser(prog="cat")
files.add_argument("infile", type=argparse.FileType("r"))
files.add_argument("-o", "--out", type=argparse.FileType("w"), default="-")
print(repr(argparse.FileType("r")), repr(argparse.FileType("w", encoding="utf-8")))
args = files.parse_args(["notes.txt", "-o", "copy.txt"])
print(args.infile.name, args.out.name)
for line in args.infile:
    args.out.write(line.upper())
args.infile.close()
args.out.close()
with open("copy.txt") as fh:
    print(fh.read(), end="")
args = files.parse_args(["notes.txt"])
print(args.out.name)
args.out.write("to stdout\n")
attempt(files, ["missing.txt"])

ns = argparse.Namespace(verbose=True, level=3)
print(ns, ns.verbose, ns.level)
extra = {"name": "x", "count": 2}
ns2 = argparse.Namespace(first=1, **extra)
print(ns2, vars(ns2))
d = vars(ns2)
d["count"] = 10
print(ns2.count, ns2 == argparse.Namespace(first=1, name="x", count=10))
print(list(vars(p.parse_args(["K", "C"])).keys()))
sys.stdout.flush()
