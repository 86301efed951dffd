def c_to_f(c: float) -> float:
    return c * 9 / 5 + 32


def f_to_c(f: float) -> float:
    return (f - 32) * 5 / 9


for c in range(-40, 101, 20):
    print(f"{c:>4}C = {c_to_f(c):6.1f}F")
print(round(f_to_c(98.6), 2), f_to_c(-40.0), c_to_f(37.5))
