def mean(*values: float) -> float:
    return sum(values) / len(values) if values else 0.0


def join_all(sep: str, *parts: str) -> str:
    return sep.join(parts)


print(mean(1.0, 2.0, 3.0), mean(), mean(*[4.0, 6.0]))
print(join_all("-", "a", "b", "c"), join_all("+"))
