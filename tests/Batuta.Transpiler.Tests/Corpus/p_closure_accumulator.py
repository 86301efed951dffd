def make_accumulator(start: float):
    total = start

    def add(x: float) -> float:
        nonlocal total
        total += x
        return total

    return add


acc = make_accumulator(10.0)
print(acc(5.0), acc(2.5), acc(-20.0))


def make_multipliers() -> list:
    return [lambda x, i=i: x * i for i in range(1, 4)]


print([m(10) for m in make_multipliers()])
