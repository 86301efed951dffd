"""More patterns from the third bug hunt: try/else returns, conditional-expression statements, type identity, callables, imports in functions."""


def safe_div(a, b):
    try:
        q = a // b
    except ZeroDivisionError:
        return -1
    else:
        return q


print(safe_div(10, 3), safe_div(1, 0))

evens, odds = [], []
for v in range(7):
    evens.append(v) if v % 2 == 0 else odds.append(v)
print(evens, odds)

pair = (1, 2)
print(pair * 2, 3 * ("a",))


class Car:
    pass


class Truck(Car):
    pass


a, b, t = Car(), Car(), Truck()
print(type(a) is type(b), type(a) is Car, type(t) is Car, type(t) is not Car, type(3) is int, type(2.5) is float)

is_even = lambda n: n % 2 == 0
print(list(filter(is_even, range(6))))


def square(n):
    return n * n


op = square
print(list(map(op, [1, 2])), list(map(square, [3])))
print([0] + [1.5], [1, 2] + [0.5] * 2)


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


double = Scale(2)
print(double(5), callable(double), callable(square), callable(3), list(map(double, [1, 2, 3])))


def position(xs, x):
    import bisect
    return bisect.bisect_left(xs, x)


def summary(xs):
    from statistics import mean
    import math as m
    return mean(xs), m.sqrt(16)


print(position([1, 3, 5], 4), summary([1, 2, 3]))
