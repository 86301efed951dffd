import math

xs = [0.5 * i for i in range(-4, 5)]
print(xs)
print([round(x * x - 1, 3) for x in xs])
print(sum(xs), math.fsum(xs), sum(x * x for x in xs))
print(1e-3 * 1e-3, 1e200 * 1e200, -1e200 * 1e200, 2.0 ** 0.5, 10.0 ** -2)
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print(int(2.9), int(-2.9), round(2.567, 1), round(-0.5), round(1e20), abs(-0.0))
print(float(10 ** 20), 10 ** 20 / 10 ** 10, 3 * 0.1, 0.1 * 3 == 0.3)
