import sys
import getopt


def parse(argv):
    opts, rest = getopt.getopt(argv[1:], "n:v")
    return dict(opts), rest


saved = list(sys.argv)
sys.argv = ["prog", "-n", "8", "-v", "file.txt"]
print(sys.argv, len(sys.argv))
print(parse(sys.argv))
sys.argv[1:] = ["-v"]
print(sys.argv, parse(sys.argv))
sys.argv = saved
print(len(sys.argv) == 1, sys.argv[0].endswith(".py"))
