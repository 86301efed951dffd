def power_set(items: list[str]) -> list[list[str]]:
    result: list[list[str]] = [[]]
    for it in items:
        result += [subset + [it] for subset in result]
    return result


ps = power_set(["a", "b", "c"])
print(len(ps), ps)
print(sorted(ps, key=lambda s: (len(s), s)))
