class Money:
    def __init__(self, cents):
        self.cents = cents

    def __gt__(self, other):
        return self.cents > other.cents

    def __int__(self):
        return self.cents // 100

    def __float__(self):
        return self.cents / 100

    def __repr__(self):
        return f"Money({self.cents})"


class Slot:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


prices = [Money(250), Money(99), Money(1000)]
print(sorted(prices), min(prices), max(prices))
print(Money(1) < Money(2), Money(5) < Money(2))
print(int(Money(1999)), float(Money(1999)))
names = ["zero", "one", "two"]
print(names[Slot(2)], int(Slot(1)))


class Shape:
    def __init__(self, name):
        self.name = name


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side


class Point:
    def __init__(self, pos):
        self.pos = pos


def build(kind, *args):
    return kind(*args)


k = Square
print(k(3).side, k(4).name, build(Square, 5).side)
print(Point((0, 0)).pos, build(Point, (int("3"), int("4"))).pos)

inventory = {}
inventory["apples"] = 1.5
inventory["pears"] = 3.0
print(max(inventory, key=inventory.get), min(inventory, key=inventory.get))

t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)
