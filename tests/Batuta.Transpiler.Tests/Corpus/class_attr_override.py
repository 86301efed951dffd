class Shape:
    kind = "shape"
    sides = 0
    scale = 1.5

    def describe(self) -> str:
        return f"{self.kind} with {self.sides} sides"

    def area_factor(self) -> float:
        return self.scale * 2


class Square(Shape):
    kind = "square"
    sides = 4


class Triangle(Shape):
    kind = "triangle"
    sides = 3
    scale = 0.5


class Equilateral(Triangle):
    kind = "equilateral triangle"


shapes = [Shape(), Square(), Triangle(), Equilateral()]
for s in shapes:
    print(s.describe(), s.area_factor(), s.kind)
print(Shape.kind, Square.kind, Triangle.sides, Equilateral.sides, Equilateral.scale)
sq = Square()
print(sq.kind, sq.sides, sq.scale)
t: Shape = Equilateral()
print(t.kind, t.sides)
