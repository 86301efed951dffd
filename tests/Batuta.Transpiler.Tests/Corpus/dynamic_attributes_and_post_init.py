"""Property setters and _private attributes reached through base-typed or object-typed variables (dynamic access),
exceptions raised inside such setters, __cause__ from raise ... from, and __post_init__ chained through super()."""
from dataclasses import dataclass


class Base:
    pass


class Sq(Base):
    def __init__(self):
        self._side = 1

    @property
    def side(self):
        return self._side

    @side.setter
    def side(self, v):
        if v < 0:
            raise ValueError(f"bad side {v}")
        print("set", v)
        self._side = v


shapes: list[Base] = [Sq()]
sq = shapes[0]
sq.side = 5
print(sq.side)
try:
    sq.side = -2
except ValueError as e:
    print("error:", e)


def private_of(o: object):
    return o._side


print(private_of(Sq()), private_of(sq))

try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e.__cause__), e.__context__ is e.__cause__)

count = 0


@dataclass
class A:
    x: int

    def __post_init__(self):
        global count
        count += 1


@dataclass
class B(A):
    y: int = 0

    def __post_init__(self):
        super().__post_init__()
        self.y = self.x * 10


@dataclass
class C(A):
    z: str = "c"


print(B(1), count, C(2), count, A(3), count)
