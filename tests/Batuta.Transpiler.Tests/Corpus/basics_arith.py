a = 7
b = -3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a // 2, -a % 3)
print(2 ** 100, 10 ** 20 // 7, -(2 ** 64) % 1000)
x = 0.1 + 0.2
print(x, 1 / 3, 2.5, 1e16, 1e-5, 123456789.123, float("inf"), -0.0)
print(round(2.5), round(3.5), round(2.675, 2), round(-1.5), round(1234.5678, -2))
print(divmod(17, 5), divmod(-17, 5), abs(-4), abs(-2.5), pow(3, 4), pow(2, 10, 1000))
print(7 // 2.0, 7 % 2.5, -7.5 // 2, max(3, 9, 4), min([5, 2, 8]))
print(int("42") + 1, float("3.5") * 2, int(3.99), int(-3.99), str(12) + "!")
print(True + True, 3 > 2 > 1, 1 < 2 > 5, 0 == 0.0)
