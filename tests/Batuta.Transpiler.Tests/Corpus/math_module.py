import math

print(math.sqrt(2), math.pi, math.e, math.floor(3.7), math.ceil(3.2), math.floor(-3.5))
print(math.sin(0.5), math.cos(0.5), math.atan2(1, 2), math.exp(1.5), math.log(10), math.log(8, 2), math.log10(1000))
print(math.factorial(25), math.gcd(84, 36), math.isqrt(99), math.comb(10, 3), math.hypot(3, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.fabs(-2), math.trunc(-2.7))
print(math.degrees(math.pi), math.radians(180), math.pow(2, 0.5), math.fsum([0.1] * 10), sum([0.1] * 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("error:", e)
