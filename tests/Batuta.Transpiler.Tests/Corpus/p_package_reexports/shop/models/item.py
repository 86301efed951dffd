from ..pricing import Discount


class Item:
    def __init__(self, name: str, price: float, qty: int = 1):
        self.name = name
        self.price = price
        self.qty = qty

    def discounted(self, percent: int) -> float:
        return Discount(percent).apply(self.price)

    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, {self.qty})"
