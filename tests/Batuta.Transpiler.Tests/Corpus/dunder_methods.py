class Vector:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def __add__(self, o: "Vector") -> "Vector":
        return Vector(self.x + o.x, self.y + o.y)

    def __sub__(self, o: "Vector") -> "Vector":
        return Vector(self.x - o.x, self.y - o.y)

    def __mul__(self, k: float) -> "Vector":
        return Vector(self.x * k, self.y * k)

    def __neg__(self) -> "Vector":
        return Vector(-self.x, -self.y)

    def __abs__(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o) -> bool:
        return isinstance(o, Vector) and self.x == o.x and self.y == o.y

    def __lt__(self, o: "Vector") -> bool:
        return abs(self) < abs(o)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __repr__(self) -> str:
        return f"Vector({self.x}, {self.y})"

    def __len__(self) -> int:
        return 2


a = Vector(3.0, 4.0)
b = Vector(1.0, 1.0)
print(a + b, a - b, a * 2.0, -a, abs(a), len(a))
print(a == Vector(3.0, 4.0), a != b, b < a, sorted([a, b, Vector(0.5, 0.0)]))
print(len({a, Vector(3.0, 4.0), b}))
