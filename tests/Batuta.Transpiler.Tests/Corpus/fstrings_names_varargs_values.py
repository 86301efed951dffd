"""Quotes next to f-string fields, Class.__name__ and cls.__name__, dict() of an untyped mapping, next() on itertools and map
iterators, heappush of strings, *args functions returned as values, fn(*args) on function values."""
import itertools
import heapq
def gen():
    yield 1
    yield 2
g = gen()
ids = itertools.count(1)
m = map(str, [1, 2])
print(next(g), next(ids), next(ids), next(m), next(m))
ready = ["b", "a"]
heapq.heappush(ready, "c")
heapq.heappush(ready, "a")
print(ready, heapq.heappop(ready))
class Shape:
    @classmethod
    def make(cls):
        print("making", cls.__name__)
class Square(Shape):
    pass
Square.make()
Shape.make()
print(Square.__name__)
def copy_of(d):
    return dict(d)
print(copy_of({"ab": 1}), copy_of([("k", 2)]))
name = "x"
print(f'say "{name}"', f'{name}" ok', f'"{name}"')

def make():
    def total(*args):
        return sum(args)
    return total

total_fn = make()
print(total_fn(1, 2, 3), total_fn())

def add2(a, b):
    return a + b

def apply(fn, args):
    return fn(*args)

print(apply(add2, [1, 2]), apply(max, (4, 9)))
