# fourth bug hunt: bound builtin methods as values, yield from's value through an iterator argument, deque equality,
# frozenset operators, float.fromhex, int.bit_count, starred targets in comprehensions
import sys
from collections import deque

push = [].append
stack = []
push_to = stack.append
push_to(3)
push_to(4)
print(stack, hasattr([], "append"), hasattr("s", "upper"), hasattr(0.5, "hex"), hasattr("s", "nope"))
write = sys.stdout.write
write("written\n")


def parse(lines):
    for ln in lines:
        i, _, v = ln.partition(",")
        yield int(i), int(v)
    return len(lines)


def collect(gen):
    result = yield from gen
    print("returned", result)


print(list(collect(parse(["1,2", "3,4"]))))

a = deque([1, 2])
print(a == deque([1, 2]), a != deque([1, 2]), a == deque([2, 1]), a == [1, 2])
fs = frozenset([1, 2])
print(fs | {3}, fs & {1}, fs - {1}, fs ^ {2, 5}, {3} | fs, type(fs | {3}).__name__, fs.union([9]))

for s in ["0x1.8p1", "-0x1p-1074", "0x1p-1075", "inf", "0x.8", "1p4", "0X1.921FB54442D18P+1", "0x1.00000000000018p0", "0x1p1024"]:
    try:
        print(s, float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(s, type(e).__name__, e)
for x in [0, 1, 255, -7, 2**70 - 1, -(2**64)]:
    print(x.bit_count(), x.bit_length())

mst = [(1, 1, 2), (1, 4, 0), (2, 3, 5, 7)]
print(sum(w for w, *_ in mst[:2]))
print([b for a, *b in mst], [(f, l) for f, *_, l in mst])
