"""float.hex() and float.as_integer_ratio() as CPython prints them."""
for x in (0.1, 2.5, 1.0, -0.0, 0.0, 5e-324, 1e300, -123.456, 3.0):
    print(x.hex(), x.as_integer_ratio())
print(float("inf").hex(), float("nan").hex())
