import math
pairs = [(12, 18), (100, 75), (17, 31), (0, 5), (2 ** 40, 2 ** 35 * 3)]
for a, b in pairs:
    g = math.gcd(a, b)
    l = a * b // g if g else 0
    print(a, b, g, l)
