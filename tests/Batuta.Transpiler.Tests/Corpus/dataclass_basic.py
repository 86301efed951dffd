from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list[str] = field(default_factory=list)

    def total(self) -> float:
        return self.price * self.qty


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int


items = [Item("pen", 1.5, 4), Item("book", 12.0), Item("bag", 30.0, 2, ["big"])]
for it in items:
    print(it, it.total())
print(items[0] == Item("pen", 1.5, 4), items[0] == items[1])
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1, 2) < Version(1, 3))
items[1].tags.append("paper")
print(items[1].tags, len(items[2].tags))
