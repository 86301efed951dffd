from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    PART = "part"
    TOOL = "tool"


class Error(Exception):
    def __init__(self, name: str):
        super().__init__(f"unknown item {name!r}")
        self.name = name


class Item:
    def __init__(self, name: str, count: int, kind: Kind = Kind.PART):
        self.name = name
        self.count = count
        self.kind = kind

    def describe(self) -> str:
        return f"{self.count} x {self.name} ({self.kind.value})"

    def __repr__(self) -> str:
        return f"Item({self.name!r}, {self.count})"

    def __lt__(self, other: "Item") -> bool:
        return self.name < other.name


@dataclass
class Record:
    name: str
    count: int
    tags: list[str]


def find(items: list[Item], name: str) -> Item:
    for it in items:
        if it.name == name:
            return it
    raise Error(name)
