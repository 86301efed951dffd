# fourth bug hunt: optional tuples unpacked and spread, accumulate with operator.mul and initial=, itemgetter in map, bisect lo/hi, except with a class held in a variable, builtin exception classes as values
def run(fn, exceptions=(ValueError,)):
    try:
        fn()
    except exceptions as e:
        print("caught", type(e).__name__, e)
def bad():
    raise ValueError("bad")
def worse():
    raise KeyError("k")
run(bad)
run(worse, (KeyError, IndexError))
handled = ZeroDivisionError
try:
    1 / 0
except handled:
    print("handled")
try:
    raise TypeError
except TypeError as e:
    print(repr(e))
kinds = [ValueError, TypeError]
print([k.__name__ for k in kinds], isinstance(ValueError("x"), kinds[0]))
try:
    raise kinds[1]("from list")
except TypeError as e:
    print(e)

from itertools import accumulate
import operator
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 1, 4], operator.mul, initial=2)))
print(list(accumulate([], initial=0)), list(accumulate([1.5, 2], max, initial=1)))
print(list(accumulate([3, 1, 4], operator.mul)), list(accumulate([2**40, 2**40], operator.mul)))

import bisect
from bisect import bisect_left, insort
a = [1, 2, 3, 5, 5, 8]
print(bisect.bisect_left(a, 5, 2, 6), bisect.bisect_right(a, 4, lo=1), bisect.bisect(a, 5, hi=4), bisect_left(a, 0))
n = 3
print(bisect.bisect_left(a, 5, n), bisect.bisect_right(a, 5, 0, len(a) - 1))
insort(a, 4, 2)
bisect.insort_left(a, 9, lo=1, hi=len(a))
print(a)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(e)
import operator
import operator
print(list(map(operator.itemgetter(1), [(1, 2), (3, 4)])))
start = None
for i in range(3):
    if i == 1:
        start = (i, i + 1)
r, c = start
print(r, c)
def f(a, b):
    return a + b
start = None
start = (1, 2)
print(f(*start))
