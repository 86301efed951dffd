"""functools.cached_property: computed once per instance, on first access; assignment replaces the value."""
from functools import cached_property


class Dataset:
    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.loads = 0

    @cached_property
    def total(self) -> float:
        self.loads += 1
        print("computing total")
        return sum(self.values)

    @cached_property
    def mean(self) -> float:
        return self.total / len(self.values)

    @property
    def size(self) -> int:
        return len(self.values)


class Scaled(Dataset):
    @cached_property
    def total(self) -> float:
        print("computing scaled total")
        return 2 * sum(self.values)


d = Dataset([1.0, 2.0, 4.5])
print(d.total, d.total, d.mean, d.loads, d.size)
e = Dataset([3.0])
print(e.total, d.total, e.loads)
s = Scaled([1.0, 2.0])
print(s.total, s.mean, s.total)
d.total = 100.0
print(d.total, d.mean)
