def make_counter():
    count = 0

    def inc() -> int:
        nonlocal count
        count += 1
        return count

    return inc


def make_adder(n: int):
    return lambda x: x + n


total = 0


def add_total(x: int) -> None:
    global total
    total += x


c = make_counter()
print(c(), c(), c())
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
for i in range(4):
    add_total(i)
print(total)
fns = [lambda x, k=k: x * k for k in range(3)]
print([f(10) for f in fns])
