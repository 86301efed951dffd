# Mutually exclusive groups: usage text, help, conflicts, required groups, groups inside argument groups.
import argparse


def build(required=False):
    p = argparse.ArgumentParser(prog="fmt", description="Format a report.")
    p.add_argument("src", help="input file")
    out = p.add_mutually_exclusive_group(required=required)
    out.add_argument("--json", action="store_true", help="emit JSON")
    out.add_argument("--csv", action="store_true", help="emit CSV")
    out.add_argument("--width", type=int, default=80, help="text width")
    p.add_argument("-v", "--verbose", action="count", default=0)
    level = p.add_argument_group("levels", "how loud to be")
    quiet = level.add_mutually_exclusive_group()
    quiet.add_argument("-q", "--quiet", action="store_true")
    quiet.add_argument("--loud", action="store_true", help=argparse.SUPPRESS)
    quiet.add_argument("--level", choices=["low", "high"])
    return p


def attempt(p, argv):
    try:
        ns = p.parse_args(argv)
        print("ok", argv, sorted(vars(ns).items()))
    except SystemExit as e:
        print("exit", argv, e.code)


p = build()
print(p.format_usage(), end="")
print(p.format_help())
attempt(p, ["a.txt"])
attempt(p, ["a.txt", "--json"])
attempt(p, ["a.txt", "--csv", "-vv"])
attempt(p, ["a.txt", "--width", "80"])
attempt(p, ["a.txt", "--width", "100", "--json"])
attempt(p, ["a.txt", "--json", "--csv"])
attempt(p, ["--level", "low", "a.txt", "-q"])
attempt(p, ["a.txt", "--loud"])

r = build(required=True)
print(r.format_usage(), end="")
attempt(r, ["a.txt"])
attempt(r, ["a.txt", "--csv"])

single = argparse.ArgumentParser(prog="one")
g = single.add_mutually_exclusive_group(required=True)
g.add_argument("--only", metavar="X")
print(single.format_usage(), end="")

pos = argparse.ArgumentParser(prog="pos")
pg = pos.add_mutually_exclusive_group()
pg.add_argument("--name")
pg.add_argument("file", nargs="?", default="-")
print(pos.format_usage(), end="")
attempt(pos, ["x"])
attempt(pos, ["--name", "n"])

try:
    bad = argparse.ArgumentParser(prog="bad")
    bad.add_mutually_exclusive_group().add_argument("--must", required=True)
except ValueError as e:
    print("ValueError:", e)
