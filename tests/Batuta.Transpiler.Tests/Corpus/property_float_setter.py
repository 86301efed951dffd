"""A float-annotated property setter and getter (one C# property type) assigned from outside the class."""
class Sq:
    def __init__(self, w: float) -> None:
        self.w = w

    @property
    def side(self) -> float:
        return self.w

    @side.setter
    def side(self, v: float) -> None:
        if v <= 0:
            raise ValueError(f"bad side {v}")
        self.w = v

sq = Sq(2.5)
sq.side = 5.5
print(sq.side)
try:
    sq.side = -1.5
except ValueError as e:
    print("error:", e)
