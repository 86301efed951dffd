"""A module whose class names (Item, Error, Kind, Record) are also used by inventory.py."""
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    ROUND = 1
    SQUARE = 2


class Error(Exception):
    pass


class Item:
    kind = "shape"

    def __init__(self, size: float, form: Kind = Kind.ROUND):
        if size < 0:
            raise Error(f"negative size {size}")
        self.size = size
        self.form = form

    def describe(self) -> str:
        return f"{self.form.name.lower()} shape of size {self.size}"

    def __lt__(self, other: "Item") -> bool:
        return self.size < other.size


@dataclass
class Record:
    label: str
    area: float


def make(size: float) -> Item:
    return Item(size)


def record(item: Item) -> Record:
    return Record(item.describe(), round(item.size * item.size, 2))
