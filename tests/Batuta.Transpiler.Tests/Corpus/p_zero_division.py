def safe_div(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")


print(safe_div(1.0, 4.0), safe_div(1.0, 0.0))
try:
    print(10 % 0)
except ZeroDivisionError as e:
    print("mod:", e)
try:
    print(10 // 0)
except ZeroDivisionError as e:
    print("floordiv:", e)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print("float:", e)
print(5 / 2)
x = 0
print(1 / x)
