import math


class Shape:
    def area(self) -> float:
        raise NotImplementedError

    def name(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        return f"{self.name()} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r: float):
        self.r = r

    def area(self) -> float:
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, s: float):
        super().__init__(s, s)


shapes = [Circle(1.0), Rect(2.0, 3.5), Square(3.0)]
for s in shapes:
    print(s)
print(sum(s.area() for s in shapes) > 20, sorted(shapes, key=lambda s: s.area())[0].name())
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
