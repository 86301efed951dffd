from enum import Enum, IntEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


class Status(Enum):
    TODO = "todo"
    DONE = "done"

    def label(self) -> str:
        return self.value.upper()


class Auto(Enum):
    A = auto()
    B = auto()


print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(list(Color))
print([c.name for c in Color], len(Color))
print(Color(2), Color["BLUE"], Color.RED == Color.RED, Color.RED is Color.RED, Color.RED != Color.GREEN)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, int(Priority.HIGH), Priority(5))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]))
print(Status.TODO.label(), Status("done"), Status.DONE.value)
print(Auto.A.value, Auto.B.value)
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.GREEN], Color.RED in d)
for p in Priority:
    print(p.name, p.value, f"{p}")
print(isinstance(Color.RED, Color))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
