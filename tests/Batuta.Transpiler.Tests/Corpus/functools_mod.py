from functools import reduce

print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(max, [3, 9, 2]))


def compose(f, g):
    return lambda x: f(g(x))


inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda x: x % 3 == 0, range(10))))
