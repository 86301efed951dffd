import argparse


def positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


def cmd_show(args) -> str:
    return f"show {args.name} x{args.times}"


def cmd_sum(args) -> str:
    return f"sum = {sum(args.numbers)}"


p = argparse.ArgumentParser(
    prog="toolbox",
    description="A toolbox of small commands whose description is deliberately long so that the help formatter has to wrap it across several lines of output.",
    formatter_class=argparse.ArgumentDefaultsHelpFormatter,
)
p.add_argument("-v", "--verbose", action="count", default=0, help="more output (repeatable)")
p.add_argument("-q", "--quiet", action="store_const", const=True, default=False, help="no output at all")
p.add_argument("--level", choices=["debug", "info", "warning"], default="info", help="log level, one of %(choices)s")
p.add_argument("--size", type=positive, default=3, help="a positive size")
p.add_argument("--pair", nargs=2, metavar=("LEFT", "RIGHT"), help="two values")
p.add_argument("--version", action="version", version="%(prog)s 2.1")
grp = p.add_argument_group("output", "where the results go")
grp.add_argument("--out", "-o", default="-", help="output path")
sub = p.add_subparsers(title="commands", dest="cmd")
show = sub.add_parser("show", help="show a name")
show.add_argument("name", nargs="?", default="world")
show.add_argument("--times", type=int, default=1)
show.set_defaults(func=cmd_show)
sm = sub.add_parser("sum", help="add numbers")
sm.add_argument("numbers", nargs="*", type=float)
sm.set_defaults(func=cmd_sum)

for argv in (["--help"], ["show", "--help"], ["-vvv", "--level=debug", "show", "Ann", "--times", "2"],
             ["--lev", "warning", "-q", "sum", "1", "2.5", "-3"], ["--size", "0", "sum"], ["--size", "x", "sum"],
             ["--pair", "a", "b", "show"], ["--pair", "a", "show"], ["--level", "loud"], ["-o", "out.txt", "show"],
             ["--version"], ["sum", "--", "-1"], ["-ofile", "show"], []):
    print("$", " ".join(argv))
    try:
        ns = p.parse_args(argv)
        print(ns.verbose, ns.quiet, ns.level, ns.size, ns.pair, ns.out, ns.cmd)
        if ns.cmd:
            print(ns.func(ns))
    except SystemExit as e:
        print("exit", e.code)
