# A class attribute that subclasses redefine with other types: instance reads see the subclass's value.


class Shape:
    sides = 0
    label = "shape"

    def describe(self) -> str:
        return f"{self.label} with {self.sides} sides"

    def doubled(self):
        return self.sides * 2


class Triangle(Shape):
    sides = 3
    label = "triangle"


class Blob(Shape):
    sides = "many"


class Counter:
    step = 1

    def __init__(self):
        self.total = 0

    def bump(self):
        self.total += 1
        if self.total > 2:
            self.step = "done"
        return self.step


class FastCounter(Counter):
    step = 2.5


shapes = [Shape(), Triangle(), Blob()]
for s in shapes:
    print(type(s).__name__, s.describe(), s.doubled(), s.sides)
print(Shape.sides, Triangle.sides, Blob.sides)

for c in [Counter(), FastCounter()]:
    print([c.bump() for _ in range(4)], c.step)
print(Counter.step, FastCounter.step)
