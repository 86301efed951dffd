"""Statements before super().__init__(): validation that raises before the base registers the object, prints in order."""


class Shape:
    registry = []

    def __init__(self, name, sides):
        print("Shape.__init__", name)
        self.name = name
        self.sides = sides
        Shape.registry.append(name)

    def describe(self):
        return f"{self.name} with {self.sides} sides"


class Triangle(Shape):
    def __init__(self, a, b, c):
        print("checking", a, b, c)
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"not a triangle: {a}, {b}, {c}")
        self.edges = (a, b, c)
        super().__init__("triangle", 3)
        self.perimeter = a + b + c


class Square(Shape):
    def __init__(self, side):
        super().__init__("square", 4)
        self.side = side


class ColoredTriangle(Triangle):
    def __init__(self, a, b, c, color):
        super().__init__(a, b, c)
        self.color = color


shapes = []
for args in [(3, 4, 5), (1, 2, 10), (2, 2, 3)]:
    try:
        shapes.append(Triangle(*args))
    except ValueError as e:
        print("rejected:", e)
shapes.append(Square(2))
shapes.append(ColoredTriangle(3, 3, 3, "red"))
for s in shapes:
    print(s.describe(), getattr(s, "perimeter", None))
print(Shape.registry, len(Shape.registry))
