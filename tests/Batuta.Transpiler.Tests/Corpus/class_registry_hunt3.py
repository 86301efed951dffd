"""Classes as values: a registry dict of classes, cls(size) factories, class attributes and __name__ through a variable."""
class Shape:
    sides = 0
    def __init__(self, size):
        self.size = size
    def area(self):
        return 0

class Square(Shape):
    sides = 4
    def area(self):
        return self.size * self.size

class Tri(Shape):
    sides = 3
    def area(self):
        return self.size * self.size / 2

REGISTRY = {"square": Square, "tri": Tri}

def build(kind, size):
    cls = REGISTRY[kind]
    return cls(size)

for kind in ["square", "tri"]:
    s = build(kind, 3)
    print(kind, type(s).__name__, s.area(), REGISTRY[kind].sides, REGISTRY[kind].__name__)
factories = [Square, Tri]
print([f(2).area() for f in factories], [c.__name__ for c in factories])
