class Point:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def dist2(self, other: "Point") -> float:
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __add__(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)


p = Point(1.0, 2.0)
q = Point(4.0, 6.0)
print(p, q, p.dist2(q), p + q, p == Point(1.0, 2.0), p == q)
pts = [Point(3.0, 1.0), Point(1.0, 5.0), Point(2.0, 2.0)]
pts.sort(key=lambda pt: pt.x)
print(pts)
print(str(p), repr(q), [str(x) for x in pts])
