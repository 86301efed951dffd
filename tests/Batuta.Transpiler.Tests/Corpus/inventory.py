from dataclasses import dataclass


@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0


class Inventory:
    def __init__(self):
        self.products: dict[str, Product] = {}

    def add(self, p: Product) -> None:
        if p.sku in self.products:
            raise KeyError(p.sku)
        self.products[p.sku] = p

    def restock(self, sku: str, qty: int) -> int:
        p = self.products[sku]
        p.stock += qty
        return p.stock

    def total_value(self) -> float:
        return sum(p.price * p.stock for p in self.products.values())

    def low_stock(self, threshold: int = 5) -> list[str]:
        return sorted(p.name for p in self.products.values() if p.stock < threshold)


inv = Inventory()
inv.add(Product("A1", "anvil", 99.5, 2))
inv.add(Product("B2", "bolt", 0.25, 400))
inv.add(Product("C3", "chisel", 12.0))
print(inv.restock("C3", 3), inv.total_value(), inv.low_stock())
try:
    inv.add(Product("A1", "again", 1.0))
except KeyError as e:
    print("duplicate", e)
try:
    inv.restock("Z9", 1)
except KeyError as e:
    print("missing", e)
print(inv.products["B2"])
