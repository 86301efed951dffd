class Command:
    name = "?"
    aliases = ()

    def run(self, *args):
        return f"{self.name}{args}"


class ListCommand(Command):
    pass


class AddCommand(Command):
    pass


def tag(cls, key, *aliases):
    cls.name = key
    cls.aliases = aliases


tag(ListCommand, "list", "ls")
tag(AddCommand, "add")
registry = {c.name: c for c in (ListCommand, AddCommand)}
print(sorted(registry), Command.name, ListCommand.aliases, AddCommand.aliases)
cls = registry["list"]
print(cls().run("a", 1), registry["add"]().run())


class AppError(Exception):
    code = 1


class ConfigError(AppError):
    code = 10


for err in (AppError, ConfigError):
    print(err.__name__, err.code)


class V:
    def __init__(self, x):
        self.x = x

    def __mul__(self, k) -> "V":
        if isinstance(k, V):
            return self.x * k.x
        return V(self.x * k)

    def __add__(self, other: "V") -> "V":
        if not isinstance(other, V):
            return NotImplemented
        return V(self.x + other.x)


print(V(2) * V(3), (V(2) * 4).x, (V(1) + V(2)).x)
try:
    V(1) + 5
except TypeError as e:
    print("TypeError:", e)


class P:
    def __init__(self, v):
        self.v = v

    def _coerce(self, other):
        return other if isinstance(other, P) else P(other)

    def __lt__(self, other):
        other = self._coerce(other)
        return self.v < other.v

    @classmethod
    def of(cls, v):
        return cls(v * 10)


make = P.of
print(P(1) < 2, P(3) < P(2), make(3).v, sorted([P(2), P(1)], key=lambda p: p.v)[0].v)
