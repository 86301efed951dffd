class Key:
    def __init__(self, a: int, b: str):
        self.a = a
        self.b = b

    def __eq__(self, other) -> bool:
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self) -> int:
        return hash((self.a, self.b))


d = {Key(1, "x"): "first"}
d[Key(1, "x")] = "replaced"
d[Key(2, "y")] = "second"
print(len(d), d[Key(1, "x")], Key(1, "x") == Key(1, "x"), Key(1, "x") != Key(1, "z"))
s = {Key(3, "q"), Key(3, "q"), Key(4, "q")}
print(len(s))
