"""Report formatting helpers built from functools.partial and operator.methodcaller (old utility-module style)."""
import operator
import sys
from functools import partial

parse_bin = partial(int, base=2)
parse_hex = partial(int, base=16)
to_float = partial(float)
print(parse_bin("1011"), parse_hex("ff"), parse_hex("10", base=8), to_float("2.5"))
print(parse_bin.func.__name__, parse_bin.args, parse_bin.keywords, parse_hex.keywords["base"])

print(list(map(parse_bin, ["1", "10", "111"])), sorted(["b", "A", "c"], key=partial(str.lower)))
dashed = partial(print, sep="-")
dashed("2024", "01", "31")
dashed("a", "b", sep="+")
line = partial(print, end=" |\n")
line("cell one")
for cell in map(line, ["cell two"]):
    print("returned", cell)
err = partial(print, file=sys.stdout)
err("to stdout via partial")

by_length = partial(sorted, key=len)
words = ["pear", "fig", "banana", "kiwi"]
print(by_length(words), by_length(words, reverse=True))
largest = partial(max, default=None)
print(largest([]), largest([3, 9, 2]))
power_of_two = partial(pow, 2)
print([power_of_two(n) for n in range(5)])
comma_join = partial(str.join, ", ")
print(comma_join(["x", "y", "z"]))
rounder = partial(round, ndigits=2)
print(rounder(3.14159), rounder(2.71828))

def scale(value, factor, offset=0):
    return value * factor + offset

double = partial(scale, factor=2)
print(double(5), double(5, offset=1))
triple_plus = partial(scale, 3, 3)
print(triple_plus(), triple_plus(offset=10))

upper = operator.methodcaller("upper")
split_comma = operator.methodcaller("split", ",")
strip_x = operator.methodcaller("strip", "x")
count_a = operator.methodcaller("count", "a")
greet = operator.methodcaller("format", name="Ann")
print(upper("shout"), split_comma("a,b,,c"), strip_x("xxmidxx"))
print(sorted(["banana", "apple", "cherry", "avocado"], key=count_a))
print(greet("hello {name}!"), list(map(upper, ["x", "yz"])))
replace_ao = operator.methodcaller("replace", "a", "o")
print([replace_ao(w) for w in ("banana", "alpha", "xyz")])
sep = ";"
parts = operator.methodcaller("split", sep)
print(parts("1;2;3"), operator.methodcaller("lower")("MiXeD"))
records = [{"name": "b"}, {"name": "a"}]
getn = operator.methodcaller("get", "name", "?")
print(sorted(records, key=getn), getn({}))
