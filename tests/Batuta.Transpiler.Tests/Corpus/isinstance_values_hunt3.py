"""isinstance with the classes held in variables and attributes: tuples of builtins, user classes, type(x)."""


class Shape:
    pass


class Circle(Shape):
    pass


NUMBERS = (int, float)
SHAPES = (Shape,)


class Validator:
    def __init__(self, *types):
        self.types = types

    def check(self, value):
        return isinstance(value, self.types)


items = [1, 2.5, "s", True, Circle(), None]
print([isinstance(x, NUMBERS) for x in items])
print([isinstance(x, SHAPES) for x in items])
v = Validator(str, Shape)
print([v.check(x) for x in items])
kind = type(items[0])
print([isinstance(x, kind) for x in items])
