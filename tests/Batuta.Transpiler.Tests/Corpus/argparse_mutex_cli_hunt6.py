# A command line that gives two options of one mutually exclusive group: usage and error on stderr, exit 2.
import argparse

parser = argparse.ArgumentParser(prog="export", description="Export rows.")
parser.add_argument("source")
fmt = parser.add_mutually_exclusive_group(required=True)
fmt.add_argument("--csv", action="store_true", help="comma separated")
fmt.add_argument("--json", action="store_true", help="JSON lines")
fmt.add_argument("--sep", metavar="CHAR", help="custom separator")
args = parser.parse_args()
print("exporting", args.source)
