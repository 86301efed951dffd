"""Abstract classes (ABC + @abstractmethod) cannot be instantiated: TypeError names the missing methods, sorted; subclasses that implement them can."""
from abc import ABC, abstractmethod
class Shape(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{self.name}: {self.area()}"
class Sq(Shape):
    def __init__(self, s):
        super().__init__("sq")
        self.s = s
    def area(self):
        return self.s * self.s
    def perimeter(self):
        return 4 * self.s
class Half(Shape):
    def area(self):
        return 1
class NoInit(ABC):
    @abstractmethod
    def run(self): ...
print(Sq(2).describe())
for make in (lambda: Shape("x"), lambda: Half("h"), lambda: NoInit()):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
Shape("y")
