class Plain:
    def __init__(self, v: int):
        self.v = v


class OnlyRepr:
    def __init__(self, v: int):
        self.v = v

    def __repr__(self) -> str:
        return f"OnlyRepr(v={self.v})"


class Both(OnlyRepr):
    def __str__(self) -> str:
        return f"<{self.v}>"


print(OnlyRepr(1), str(OnlyRepr(2)), [OnlyRepr(3)])
print(Both(4), repr(Both(5)), [Both(6)], f"{Both(7)}")
p = Plain(1)
print(p.v, isinstance(p, Plain), type(p).__name__)
