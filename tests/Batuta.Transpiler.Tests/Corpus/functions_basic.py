def add(a: int, b: int = 10) -> int:
    return a + b


def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"


def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def stats(values: list[float]) -> tuple[float, float]:
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    return mean, var


print(add(1), add(1, 2), add(b=5, a=1))
print(greet("Ann"), greet("Bob", greeting="Hi"))
print(fact(20), fact(30))
m, v = stats([1.0, 2.0, 3.0, 4.0])
print(m, v)
