import getopt
import sys


def main(argv):
    try:
        opts, args = getopt.getopt(argv, "hvo:n:", ["help", "output=", "count=", "verbose", "version"])
    except getopt.GetoptError as err:
        print("error:", err, "| opt:", repr(err.opt), "| msg:", err.msg)
        return 2
    output, count, verbose = None, 1, False
    for o, a in opts:
        if o in ("-h", "--help"):
            print("usage: prog [-v] [-o file] [-n count] args")
            return 0
        elif o in ("-v", "--verbose"):
            verbose = True
        elif o in ("-o", "--output"):
            output = a
        elif o in ("-n", "--count"):
            count = int(a)
        elif o == "--version":
            print("prog 1.0")
    print(opts, args, output, count, verbose)
    return 0


for argv in (["-v", "-o", "out.txt", "--count=3", "a", "b"], ["--output", "x", "-n5", "--", "-v"], ["-x"], ["--count"],
             ["--ver"], ["--verb", "file"], ["--help=yes"], ["-vofile", "-"], ["-o"], ["--out=a=b", "rest", "-v"], []):
    print(argv, "->", main(argv))
print(getopt.gnu_getopt(["a", "-v", "b", "-o", "f", "--", "-c"], "vo:"))
print(getopt.gnu_getopt(["a", "-v"], "+v"))
print(getopt.getopt(["--alpha", "x"], "", "alpha"))
try:
    getopt.getopt(["-q"], "v")
except getopt.error as e:
    print(type(e).__name__, e.args, repr(e))
opts, rest = getopt.getopt(sys.argv[1:], "ab:")
print(opts, rest)
