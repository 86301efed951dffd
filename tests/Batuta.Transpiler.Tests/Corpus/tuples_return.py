def min_max_avg(xs: list[int]) -> tuple[int, int, float]:
    return min(xs), max(xs), sum(xs) / len(xs)


def split_name(full: str) -> tuple[str, str]:
    first, _, last = full.partition(" ")
    return first, last


lo, hi, avg = min_max_avg([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
print(min_max_avg([1, 2]))
print(split_name("Grace Hopper"), split_name("Plato"))
results = [split_name(n) for n in ["Ada Lovelace", "Alan Turing"]]
for first, last in results:
    print(last.upper(), first)
