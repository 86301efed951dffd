class Discount:
    def __init__(self, percent: int):
        self.percent = percent

    def apply(self, amount: float) -> float:
        return round(amount * (100 - self.percent) / 100, 2)


def total(items, discount=None):
    s = sum(i.price * i.qty for i in items)
    return discount.apply(s) if discount else s
