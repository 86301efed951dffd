import inventory
import shapes as sh


class Item(inventory.Item):
    """A stocked item: an inventory item with a shape."""

    def __init__(self, name: str, count: int, shape: sh.Item):
        super().__init__(name, count, inventory.Kind.TOOL)
        self.shape = shape

    def describe(self) -> str:
        return super().describe() + " / " + self.shape.describe()


def biggest(items: list[sh.Item]) -> sh.Item:
    return max(items)


def total(items: list[inventory.Item]) -> int:
    return sum(it.count for it in items)
