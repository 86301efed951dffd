import math


class Circle:
    def __init__(self, r: float):
        self.r = r

    def area(self) -> float:
        return math.pi * self.r * self.r


def area_sum(shapes: list[Circle]) -> float:
    return sum(s.area() for s in shapes)
