"""Int-annotated variables that later hold floats (n: int; n /= 2), and nested List[List[float]] arguments mixing ints and floats."""
def half(n: int):
    n /= 2
    return n


def human_size(n: int) -> str:
    for unit in ["B", "KB", "MB"]:
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


count: int = 0
count += 1
print(half(5), half(4), human_size(512), human_size(5000000), human_size(10**10), count)

from typing import List
def total(rows: List[List[float]]) -> float:
    return sum(sum(r) for r in rows)
print(total([[1.0], [-1]]), total([[1.5], [2]]))
