from typing import Callable


class Box:
    def __init__(self, item):
        self.item = item

    def check(self, pred: Callable[[int], bool]) -> bool:
        return pred(self.item)

    def apply(self, fn: Callable[[int, int], int], other: int) -> int:
        return fn(self.item, other)

    def each(self, sink: Callable[[int], None]) -> None:
        for k in range(self.item):
            sink(k)


def double(x):
    return 2 * x


things = [Box(4), "text", Box(1)]
print(things[0].check(lambda v: v > 2), things[2].check(lambda v: v > 2))
print(things[0].apply(lambda a, b: a * b, 5), things[0].apply(max, 9))
seen = []
things[0].each(seen.append)
things[2].each(lambda k: seen.append(double(k) + 100))
print(seen)
