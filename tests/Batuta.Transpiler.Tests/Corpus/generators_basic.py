def count_up(n: int):
    i = 0
    while i < n:
        yield i
        i += 1


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(gen, n: int) -> list:
    out = []
    for x in gen:
        if len(out) >= n:
            break
        out.append(x)
    return out


def evens(xs: list[int]):
    for x in xs:
        if x % 2 == 0:
            yield x


def chain(a: list[int], b: list[int]):
    yield from a
    yield from b


print(list(count_up(5)), sum(count_up(100)))
print(take(fib(), 15))
print(list(evens([1, 2, 3, 4, 5, 6])), list(chain([1, 2], [3])))
gen = (x * x for x in range(6))
print(list(gen), max(x % 7 for x in range(20)))
