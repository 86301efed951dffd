# Eighth hunt, batch B: bytearray repetition, slicing and slice assignment (the sieve idiom), list() and compress()
# over a bytearray, str indexed by a slice object, f.__defaults__, dict | {k: []}, and rows of [0] * n kept in a
# dynamic grid receiving big ints.
from itertools import compress, cycle, islice


# bytearray([1]) * n as a sieve: typed reads, writes, extended-slice assignment, compress over it
def primes_upto(n):
    sieve = bytearray([1]) * (n + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, n + 1, i)))
    return sieve


flags = primes_upto(40)
print(list(compress(range(41), flags)))
print(flags[:6], flags[-3:], flags[::9], flags[10:2:-3], sum(flags), len(flags))
print(list(flags[:8]), [b + 1 for b in flags[2:5]], 3 * bytearray(b"ab"), bytearray(b"x") + b"yz")

ba = bytearray(b"hello")
ba[1:3] = [65, 66, 67, 68]
ba[-1] += 1
print(ba, ba[slice(1, 3)], list(bytearray(b"hi")))
ba[:] = ba + bytearray(b"!")
print(ba)
try:
    ba[::2] = b"xy"
except ValueError as e:
    print("ValueError", e)
try:
    ba[0:2] = 5
except TypeError as e:
    print("TypeError", e)
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError", e)
grown = bytearray(2)
grown *= 2
grown += b"\x07"
print(grown)


# itertools over values typed only at run time
def pick(use_list):
    return [1, 0, 1] if use_list else "ab"


print(list(compress(range(3), pick(True))), list(compress("xyz", pick(True))), list(islice(cycle(pick(False)), 5)))


# str indexed by a slice object (also through a parameter, where it may be an int too)
def cut(text, key):
    return text[key]


text = "hello"
span = (1, 3)
print(text[slice(*span)], text[slice(None, None, -1)], cut("abcdef", slice(1, None, 2)), cut("abc", -1))
print([text[k] for k in [0, slice(2, 4), -1]])


# __defaults__: the defaults as a tuple (a mutable default is the object the calls share), or None
def memo_square(n, memo={}):
    memo[n] = n * n
    return memo[n]


def greet(name, greeting="hi", punct="!", *, times=1):
    return (greeting + " " + name + punct) * times


def plain(x):
    return x


print(memo_square.__defaults__, memo_square(4), memo_square.__defaults__)
print(greet.__defaults__, plain.__defaults__, greet("bo"))

# dict | {k: []}: the empty containers take the left dict's types
merged = {0: [1]} | {1: []}
merged[1].append(5)
print(merged, {"a": {1}} | {"b": set()}, {0: [1]} | {1: ["a"], 2: []})


# rows of [0] * n in a grid passed around dynamically: a row cell may grow past 64 bits
def square(a):
    n = len(a)
    res = [[0] * n for _ in range(n)]
    res[0][0] += a[0][0] * a[0][0]
    return res


def repeat(m, times):
    for _ in range(times):
        m = square(m)
    return m


print(repeat([[3]], 7))
cells = {"a": 1, "b": "x"}
cells["row"] = [0] * 3
cells["row"][0] += 2 ** 70
print(cells)
