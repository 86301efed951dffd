# argparse.FileType("r") given "-" reads sys.stdin; FileType("w") defaulting to "-" writes sys.stdout.
import argparse
from collections import Counter

parser = argparse.ArgumentParser(prog="wc")
parser.add_argument("infile", type=argparse.FileType("r"))
parser.add_argument("--out", type=argparse.FileType("w"), default="-")
parser.add_argument("--top", type=int, default=3)
args = parser.parse_args()
print("reading", args.infile.name, "writing", args.out.name)
counts = Counter()
for line in args.infile:
    counts.update(line.lower().split())
for word, n in counts.most_common(args.top):
    args.out.write(f"{word}: {n}\n")
