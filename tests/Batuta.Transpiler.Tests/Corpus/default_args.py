def make_greeting(name: str, punctuation: str = "!", times: int = 1) -> str:
    return (f"Hi {name}" + punctuation) * times


def describe(x: int, *, verbose: bool = False) -> str:
    return f"value={x}" if verbose else str(x)


def total(*nums) -> int:
    s = 0
    for n in nums:
        s += n
    return s


print(make_greeting("A"), make_greeting("B", "?"), make_greeting("C", times=2))
print(describe(5), describe(5, verbose=True))
print(total(), total(1, 2, 3), total(*[4, 5]))
