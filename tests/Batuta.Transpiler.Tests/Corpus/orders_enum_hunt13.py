from dataclasses import dataclass, field, asdict, astuple, replace
from enum import Enum, auto, IntEnum
from typing import List, Optional
from datetime import date
import functools


class Status(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    CANCELLED = auto()

    def can_move_to(self, other):
        return other in TRANSITIONS.get(self, ())


TRANSITIONS = {
    Status.NEW: (Status.PAID, Status.CANCELLED),
    Status.PAID: (Status.SHIPPED, Status.CANCELLED),
}


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


@dataclass(order=True)
class Item:
    sku: str
    price: float
    qty: int = 1

    @property
    def total(self):
        return self.price * self.qty


@dataclass
class Order:
    id: int
    customer: str
    placed: date
    items: List[Item] = field(default_factory=list)
    status: Status = Status.NEW
    priority: Priority = Priority.NORMAL
    note: Optional[str] = None
    _log: list = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        if self.id <= 0:
            raise ValueError(f"bad id {self.id}")

    @property
    def total(self):
        return sum(i.total for i in self.items)

    def advance(self, new):
        if not self.status.can_move_to(new):
            raise RuntimeError(f"order {self.id}: {self.status.name} -> {new.name} not allowed")
        self._log.append((self.status, new))
        self.status = new


@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents // 100}.{self.cents % 100:02d})"


orders = [
    Order(3, "zoe", date(2024, 1, 5), [Item("A1", 9.99, 2), Item("B2", 5.0)], priority=Priority.HIGH),
    Order(1, "amy", date(2024, 1, 3), [Item("C3", 100.0)]),
    Order(2, "amy", date(2024, 1, 5), [Item("A1", 9.99, 10)], note="gift"),
    Order(4, "bob", date(2024, 1, 2), priority=Priority.LOW),
]
for o in orders:
    print(o)
print(asdict(orders[1]))
print(astuple(orders[1].items[0]))
by_multi = sorted(orders, key=lambda o: (-o.priority, o.placed, o.customer))
print([o.id for o in by_multi])
by_total = sorted(orders, key=lambda o: o.total, reverse=True)
print([(o.id, round(o.total, 2)) for o in by_total])
print(sorted(i for o in orders for i in o.items))
orders[1].advance(Status.PAID)
orders[1].advance(Status.SHIPPED)
for target in (Status.PAID, Status.CANCELLED):
    try:
        orders[1].advance(target)
    except RuntimeError as e:
        print("RuntimeError:", e)
print(orders[1]._log)
print(orders[1].status, orders[1].status.value, Status["PAID"], Status(3), list(Status)[-1].name)
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, Priority(2).name, int(Priority.LOW), repr(Priority.LOW))
cp = replace(orders[2], id=9, note=None)
print(cp.id, cp.note, cp.items is orders[2].items, cp == orders[2])
print(Order(5, "x", date(2024, 1, 1)) == Order(5, "x", date(2024, 1, 1)))
try:
    Order(0, "nobody", date.today())
except ValueError as e:
    print("ValueError:", e)
print(Item("A", 1.0) < Item("A", 2.0), Item("B", 0.5) > Item("A", 9.0), max(Item("Z", 1), Item("Z", 1, 3)))
print(sorted([Money(250), Money(99), Money(1000)]), Money(5) >= Money(5), Money(3) > Money(4))
status_count = {}
for o in orders:
    status_count[o.status.name] = status_count.get(o.status.name, 0) + 1
print(status_count)
groups = {c: [o.id for o in orders if o.customer == c] for c in sorted({o.customer for o in orders})}
print(groups)
print({s: s.value for s in Status})
print(Status.NEW in TRANSITIONS, len(Status), Status.NEW is Status(1), hash(Status.NEW) == hash(Status.NEW))
