import argparse
import sys


def build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledger", description="Track tasks in a TSV ledger.", epilog="See the README for more.")
    parser.add_argument("--file", "-f", default="tasks.tsv", help="ledger file (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print more")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="show at most N rows")
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="add a task")
    add.add_argument("title", help="what to do")
    add.add_argument("--priority", "-p", type=int, choices=[1, 2, 3], default=2, help="1 is highest")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    done = sub.add_parser("done", help="mark a task done")
    done.add_argument("ids", nargs="+", type=int, help="task ids")
    sub.add_parser("list", help="list tasks")
    return parser


parser = build()
for argv in (["-h"], ["add", "-h"], ["done", "--help"], [], ["add"], ["frob"], ["add", "x", "-p", "7"], ["--limit", "abc", "list"], ["done", "1", "2", "-v"], ["list", "--bogus"]):
    print("$", " ".join(argv))
    try:
        ns = parser.parse_args(argv)
        print(ns)
    except SystemExit as e:
        print("exit", e.code)
