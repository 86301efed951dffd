"""Dataclasses: order=True with compare=False fields, default_factory, ClassVar counters, __post_init__, asdict/json, a frozen dataclass as a dict key with FrozenInstanceError."""
from dataclasses import dataclass, field, asdict
from typing import ClassVar
import json

@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)
    done: bool = field(default=False, compare=False)
    counter: ClassVar[int] = 0

    def __post_init__(self):
        Task.counter += 1
        self.name = self.name.strip().title()

    def mark(self):
        self.done = True
        return self

@dataclass(frozen=True)
class Point:
    x: float
    y: float
    def dist(self, other: "Point") -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

tasks = sorted([Task(3, " write docs "), Task(1, "fix bug", ["urgent"]), Task(2, "review")])
tasks[0].mark()
for t in tasks:
    print(t)
print(Task.counter, asdict(tasks[0]), json.dumps([asdict(t) for t in tasks if not t.done]))
p, q = Point(0, 0), Point(3, 4)
print(p.dist(q), {p: "origin"}[Point(0, 0)], p == Point(0.0, 0.0), hash(p) == hash(Point(0, 0)))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
print(max(tasks).name, min(tasks, key=lambda t: len(t.name)).name, [t.priority for t in reversed(tasks)])
