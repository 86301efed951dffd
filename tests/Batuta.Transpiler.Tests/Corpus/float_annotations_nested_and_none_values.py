"""Float annotations inside containers and on properties keep ints as ints; the None of a function that returns nothing is a value."""
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple


def total(xs: List[float]) -> float:
    s = 0
    for x in xs:
        s += x
    return s


def scale(xs: List[float], k: float) -> List[float]:
    return [x * k for x in xs]


def best(xs: List[float]) -> Optional[float]:
    return max(xs) if xs else None


def mid(p: Tuple[float, float]) -> float:
    return (p[0] + p[1]) / 2


class Reading:
    def __init__(self, value: float):
        self._value = value

    @property
    def value(self) -> float:
        return self._value


@dataclass
class Point:
    x: float
    y: float = 0.0


def log(msg: str) -> None:
    print("log:", msg)


def nothing():
    pass


def first_even(xs: List[int]) -> int:
    for x in xs:
        if x % 2 == 0:
            return x


def stub() -> float:
    ...


grid: List[List[float]] = [[1, 2], [3.5, 4]]
prices: Dict[str, float] = {"tea": 2, "cake": 3.25}
print(grid, prices)
print(total([1, 2, 3]), total([1.5, 2]), total([]))
print(scale([1, 2], 2), scale([1.5], 2))
print(best([1, 5, 3]), best([2.5]), best([]))
print(mid((1, 3)), mid((1.5, 2)))
print(Reading(3).value, Reading(2.5).value)
print(Point(1, 2), Point(1.5))
print(log("saving"))
result = nothing()
print(result, nothing() is None)
print(first_even([1, 3]), first_even([1, 4]))
print(stub())
values = [log(str(i)) for i in range(2)]
print(values)
