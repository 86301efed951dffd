"""Subclasses and their bases: a base property's setter runs for a subclass's assignment, class attributes of an intermediate base, isinstance of bools as ints."""


class Base:
    def __init__(self):
        self._e = 10

    @property
    def energy(self):
        return self._e

    @energy.setter
    def energy(self, v):
        self._e = max(0, v)


class Plant(Base):
    def wither(self):
        self.energy = -5

    def grow(self):
        self.energy += 3


class Piece:
    def steps(self):
        return self.reach


class Rook(Piece):
    reach = 7


class Queen(Rook):
    pass


def inc(v):
    if isinstance(v, int):
        return v + 1
    return v


p = Plant()
p.wither()
print(p.energy, p._e)
p.grow()
print(p.energy)
print(Queen().steps(), Rook().steps())
print(inc(True), inc(4), inc("x"), isinstance(True, int), isinstance(1, bool))
log = []
print(log.append("a") or len(log), log)
