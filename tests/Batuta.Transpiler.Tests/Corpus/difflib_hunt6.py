# Config drift report: similarity ratios, "did you mean" suggestions and a unified diff, as difflib computes them.
import difflib
import sys

print(difflib.SequenceMatcher(None, "abcd", "abce").ratio())
s = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6))
print(s.get_matching_blocks())
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print(tag, i1, i2, j1, j2)
junky = difflib.SequenceMatcher(lambda x: x == " ", "a b c d", "a  bc d")
print(junky.ratio(), junky.find_longest_match(0, 7, 0, 7))
m = difflib.SequenceMatcher(None, "", "")
print(m.ratio())
m = difflib.SequenceMatcher(a="kitten", b="sitting")
print(round(m.ratio(), 4), m.get_opcodes())

# autojunk: in a 200+ item sequence, items that fill more than 1% + 1 are ignored as anchors
long_a = "ab" * 150 + "xyz"
long_b = "ab" * 140 + "xyz" + "q"
print(difflib.SequenceMatcher(None, long_a, long_b).ratio())
print(difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).ratio())

commands = ["status", "commit", "checkout", "cherry-pick", "stash", "push", "pull", "clone"]
for typo in ["comit", "chekout", "stauts", "xyz", "pul"]:
    print(typo, "->", difflib.get_close_matches(typo, commands))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"], n=2, cutoff=0.5))
print(difflib.get_close_matches("ab", ["ba", "ab ", "a b"], n=5, cutoff=0.0))
try:
    difflib.get_close_matches("x", ["y"], n=0)
except ValueError as exc:
    print("ValueError:", exc)

old = ["host = localhost\n", "port = 8080\n", "debug = false\n", "workers = 4\n", "timeout = 30\n",
       "log = info\n", "cache = on\n", "retries = 3\n", "user = app\n", "mode = prod\n"]
new = ["host = localhost\n", "port = 9090\n", "debug = false\n", "workers = 4\n", "timeout = 30\n",
       "log = info\n", "cache = on\n", "retries = 3\n", "user = app\n", "mode = staging\n", "region = eu\n"]
sys.stdout.writelines(difflib.unified_diff(old, new, fromfile="app.conf.orig", tofile="app.conf"))
for line in difflib.unified_diff(["a", "b", "c"], ["a", "c", "d"], "before", "after", lineterm="", n=1):
    print(line)
print(list(difflib.unified_diff(["same\n"], ["same\n"])))
print(list(difflib.unified_diff([], ["new\n"], "x", "y", "2024-01-01", "2024-01-02")))
