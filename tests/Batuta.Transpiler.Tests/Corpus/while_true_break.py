def bisect_sqrt(x: float) -> float:
    lo, hi = 0.0, max(1.0, x)
    while True:
        mid = (lo + hi) / 2
        if abs(mid * mid - x) < 1e-10:
            return mid
        if mid * mid < x:
            lo = mid
        else:
            hi = mid


print(f"{bisect_sqrt(2):.6f} {bisect_sqrt(81):.6f} {bisect_sqrt(0.25):.6f}")
count = 0
n = 27
while True:
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    count += 1
print(count)
