def countdown(n: int):
    while n > 0:
        yield n
        n -= 1
    yield 0


def squares_until(limit: int):
    i = 1
    while i * i <= limit:
        yield i * i
        i += 1


def pairs(xs: list[str]):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            yield xs[i], xs[j]


print(list(countdown(5)), list(squares_until(50)))
for a, b in pairs(["x", "y", "z"]):
    print(a + b, end=" ")
print()
print(sum(countdown(100)), max(squares_until(1000)))
