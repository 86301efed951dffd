import shop
from shop import Item, total, Discount
from shop.models import Item as ModelItem


class Cart:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self

    def __isub__(self, name):
        self.items = [i for i in self.items if i.name != name]
        return self


cart = Cart()
cart += Item("pen", 1.5, 4)
cart += ModelItem("book", 12.0)
cart += Item("cup", 3.25, 2)
cart -= "cup"
print(cart.items, ModelItem is Item)
print(total(cart.items), total(cart.items, Discount(10)), shop.total(cart.items), shop.pricing.total([]))
print(cart.items[1].discounted(25))
