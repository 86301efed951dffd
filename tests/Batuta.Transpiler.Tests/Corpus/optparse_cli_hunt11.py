#!/usr/bin/env python
"""wordstat: a Python 2-era command-line tool built on optparse, fed its options from the command line."""
import sys
from optparse import OptionParser, OptionGroup, make_option, OptionValueError

TEXT = """the quick brown fox jumps over the lazy dog
the dog sleeps and the fox runs
a quick end"""


def check_min(option, opt_str, value, parser):
    if value < 1:
        raise OptionValueError("%s must be positive, got %d" % (opt_str, value))
    setattr(parser.values, option.dest, value)


def make_parser():
    parser = OptionParser(usage="usage: %prog [options] [WORD...]", version="%prog 0.9", prog="wordstat",
                          option_list=[make_option("-c", "--case-sensitive", action="store_true", dest="case", default=False,
                                                   help="match words case-sensitively")])
    parser.add_option("-t", "--top", type="int", default=3, metavar="N", help="show the N most common words [default: %default]")
    parser.add_option("-m", "--min-length", type="int", action="callback", callback=check_min, dest="min_length", help="ignore shorter words")
    parser.add_option("-x", "--exclude", action="append", dest="excluded", default=[], help="skip WORD (repeatable)", metavar="WORD")
    parser.add_option("-v", "--verbose", action="count", dest="verbosity", default=0)
    parser.add_option("-q", "--quiet", action="store_const", const=-1, dest="verbosity")
    parser.add_option("-s", "--sort", type="choice", choices=["count", "alpha"], default="count", help="order: count or alpha")
    out = OptionGroup(parser, "Output options", "How the report is laid out.")
    out.add_option("--width", type="int", default=12, help="column width (%default)")
    out.add_option("--ratio", type="float", help="show words above this share")
    parser.add_option_group(out)
    parser.set_defaults(min_length=1)
    return parser


def count_words(options):
    counts = {}
    for line in TEXT.split("\n"):
        for word in line.split():
            if not options.case:
                word = word.lower()
            if len(word) < options.min_length or word in options.excluded:
                continue
            counts[word] = counts.get(word, 0) + 1
    return counts


def report(options, args):
    counts = count_words(options)
    if args:
        counts = dict((w, c) for w, c in counts.items() if w in args)
    if options.sort == "alpha":
        items = sorted(counts.items())
    else:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(counts.values())
    for word, n in items[:options.top]:
        line = word.ljust(options.width) + str(n).rjust(3)
        if options.ratio is not None and float(n) / total > options.ratio:
            line += " *"
        print(line)
    if options.verbosity > 0:
        print("%d distinct words, %d in all" % (len(counts), total))


def main():
    parser = make_parser()
    options, args = parser.parse_args()
    print("options: %s" % sorted(vars(options).items()))
    print("args: %r" % (args,))
    report(options, args)
    for argv in (["-t", "2", "--sort=alpha", "-vv"], ["--ex", "the", "-x", "fox", "--top=4", "--ratio", "0.1"],
                 ["-cm4", "-t5"], ["-q", "fox", "dog", "--", "-t"], ["--width", "0x8", "-t", "010", "quick"]):
        print("== %s" % " ".join(argv))
        opts, rest = parser.parse_args(argv)
        print("rest: %s verbosity: %s excluded: %s" % (rest, opts.verbosity, opts.excluded))
        report(opts, rest)
    # an append option's default list is shared by every parse (optparse appends in place)
    print("default excluded now: %s" % parser.defaults["excluded"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
