# Diamonds over plain classes: overrides returning values, a base without __init__, __str__/__repr__ around the copies.
class Base:
    def area(self, scale):
        return 1.5 * scale
    def name(self):
        return "base"
    def count(self, items):
        return len(items)

class Left(Base):
    def area(self, scale):
        return super().area(scale) + 1
    def name(self):
        return "left/" + super().name()

class Right(Base):
    def area(self, scale):
        return super().area(scale) * 2
    def count(self, items):
        return super().count(items) + 100
    def name(self):
        return "right/" + super().name()

class Shape(Left, Right):
    def describe(self):
        return "%s %.2f %d" % (self.name(), self.area(2), self.count([1, 2]))

s = Shape()
print(s.describe())
print(Left().area(3), Right().area(3), Right().count("abc"))
print(s.area(4.0), s.count((1,)))


class Node:
    registry = []

    def __init__(self, label):
        self.label = label
        Node.registry.append(label)

    def render(self):
        return "<" + self.label + ">"

    def __str__(self):
        return "Node " + self.render()


class Bold(Node):
    def render(self):
        return "**" + super().render() + "**"


class Italic(Node):
    def __init__(self, label, slant=1):
        super().__init__(label)
        self.slant = slant

    def render(self):
        return "_" * self.slant + super().render() + "_" * self.slant


class BoldItalic(Bold, Italic):
    def __init__(self, label):
        super().__init__(label, slant=2)

    def __repr__(self):
        return "BoldItalic(%r)" % self.label


items = [Bold("b"), Italic("i", 3), BoldItalic("bi")]
for it in items:
    print(str(it), it.render())
print(repr(items[2]), Node.registry)
print(sorted(n.render() for n in items))
print([type(n).__name__ for n in items if isinstance(n, Italic)])
