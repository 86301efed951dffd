"""__name__ of functions reached through variables, tuples of functions and key= arguments."""
from typing import List


def bubble(a: List[int]) -> List[int]:
    a = list(a)
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a


def insertion(a):
    out = []
    for x in a:
        k = len(out)
        while k > 0 and out[k - 1] > x:
            k -= 1
        out.insert(k, x)
    return out


def double(x):
    return x * 2


data = [5, -3, 8, 1, 0]
for f in (bubble, insertion):
    print(f.__name__, f(data))
g = double
print(g.__name__, g(21), list(map(g, [1, 2])))
