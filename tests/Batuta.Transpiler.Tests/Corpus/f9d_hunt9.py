# Ninth hunt, batch D: sequences indexed by a slice object held in a variable (read, assign, delete), IntFlag with
# the int on the left and inside dynamically typed code, and bytearray's bytes-like and list-like methods.
from enum import IntFlag


# a slice object in a variable, on lists, tuples, str, range and bytearray, and passed around
def window(seq, span):
    return seq[span]


xs = [10, 20, 30, 40, 50, 60]
s = slice(1, 5, 2)
print(xs[s], window(xs, s), window("abcdef", slice(None, None, -2)), (1, 2, 3, 4)[s], list(range(20)[s]))
print(s.start, s.stop, s.step, s.indices(3), bytearray(b"abcdef")[s], b"abcdef"[s])
head = slice(3)
print(xs[head], "python"[head], [p * 2 for p in xs[slice(-2, None)]])
xs[s] = [0, 0]
print(xs)
xs[slice(0, 2)] = [7, 8, 9]
print(xs)
del xs[slice(None, None, 3)]
print(xs)
try:
    xs[slice(0, 6, 2)] = [1]
except ValueError as e:
    print("ValueError:", e)
buf = bytearray(b"0123456789")
buf[slice(2, 4)] = b"AB"
print(buf)


# IntFlag: int | member, & ^ ~, and members met in dynamically typed values
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


p = 1 | Perm.W
print(p, int(p), p == 3, Perm.R in (Perm.R | Perm.X), 6 & Perm.W, 5 ^ Perm.R, int(~Perm.R & 7))
mixed = [Perm.R, Perm.W, 1, True]
acc = 0
for v in mixed:
    acc = acc | v
print(acc, int(acc), acc & Perm.R, acc ^ 1, [m + 1 for m in mixed], sorted(mixed))
masks = {"rw": Perm.R | Perm.W, "x": 1}
combined = masks["x"] | masks["rw"]
print(combined, int(~masks["rw"]) & 7, masks["rw"] & 6)


# bytearray: searching, transforming, splitting and list-like mutation
b = bytearray(b"hello world")
print(b.find(b"o"), b.find(111), b.rfind(b"o"), b.index(b"w"), b.count(b"o"), b.count(108))
print(b.replace(b"o", b"0"), b.startswith(b"he"), b.endswith(b"ld"), b.upper(), bytearray(b"MiX").lower())
print(bytearray(b"  x ").strip(), bytearray(b"  x ").lstrip(), bytearray(b"  x ").rstrip(), bytearray(b"xxaxx").strip(b"x"))
print(b.split(b" "), bytearray(b"a b  c").split(), bytearray(b",").join([b"a", bytearray(b"b"), b"c"]))
c = b.copy()
c.reverse()
print(c, c.pop(), c.pop(0), len(c))
c.insert(0, 65)
c.insert(-1, 66)
c.remove(111)
print(c)
print(104 in b, b"wor" in b, b"xyz" in b, b == b"hello world", b == bytearray(b"hello"), bytearray.fromhex("68 69"))
c.clear()
print(c, len(c))
try:
    c.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    b.remove(122)
except ValueError as e:
    print("ValueError:", e)
try:
    b.index(b"zz")
except ValueError as e:
    print("ValueError:", e)
dyn = [bytearray(b"a-b-c"), "s"]
print(dyn[0].split(b"-"), dyn[0].count(b"-"), dyn[0].find(b"c"), b"-" in dyn[0])
