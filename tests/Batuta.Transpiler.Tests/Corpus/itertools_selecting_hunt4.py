# itertools: takewhile, dropwhile, filterfalse, compress, starmap, combinations_with_replacement, zip_longest(fillvalue=)
from itertools import takewhile, dropwhile, filterfalse, compress, starmap, combinations_with_replacement, zip_longest
import itertools
xs = [1, 4, 6, 4, 1]
print(list(takewhile(lambda x: x < 5, xs)))
print(list(dropwhile(lambda x: x < 5, xs)))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", None])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda a, b: a * b, [(2, 5), (3, 2)])))
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement([1, 2], 3)))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(itertools.takewhile(str.isdigit, "123abc456")))
def small(x):
    return x < 3
print(list(takewhile(small, [1, 2, 3, 1])))
print(sum(1 for _ in dropwhile(lambda s: s.startswith("#"), ["#a", "#b", "c", "#d"])))
